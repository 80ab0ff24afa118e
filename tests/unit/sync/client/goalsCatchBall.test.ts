// @vitest-environment node
// Strategy deployment across the tiers on the real engine and server: the trust proposes a goal to its
// CSU, the CSU counter-proposes offline, the trust agrees, the CSU proposes a ward goal and the ward
// accepts it and links a measure. Each tier sees the goals its scopes hold, and the same state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { goalWritesFor } from '@/db/goalWrites'
import { goalScopeOf, threadState } from '@/domain/goals'
import type { Goal } from '@/domain/types'
import { startRealServer, type RealServer, type RealTablet } from '../harness/realServer'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

const now = (minutes: number) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000)

function goal(over: Partial<Goal> & Pick<Goal, 'id' | 'tier' | 'ownerScopeId'>): Goal {
  return {
    unitId: goalScopeOf(over.tier, over.ownerScopeId),
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    kind: 'goal',
    parentGoalIds: [],
    parentTitles: {},
    title: 'Goal',
    owner: 'Kay',
    measure: null,
    direction: 'lower',
    baseline: null,
    target: null,
    targetDay: null,
    conceptIds: [],
    proposedBy: null,
    archived: false,
    ...over,
  }
}

async function stateOn(tablet: RealTablet, goalId: string) {
  return threadState(await tablet.database.catchBall.where('goalId').equals(goalId).toArray()).state
}

describe('catch-ball between three tiers', () => {
  it('agrees goals up and down, each tablet holding what its scopes allow', async () => {
    const { org } = server
    const office = server.tablet('goals-office')
    const csu = server.tablet('goals-csu')
    const ward = server.tablet('goals-ward')
    await office.enrol('trust', org.trust.id)
    await csu.enrol('csu', org.csu.id)
    await ward.enrol('unit', org.unitA.id)
    const officeWrites = goalWritesFor(office.database)
    const csuWrites = goalWritesFor(csu.database)
    const wardWrites = goalWritesFor(ward.database)

    const trustGoal = goal({
      id: 'true-north-safety',
      tier: 'trust',
      ownerScopeId: org.trust.id,
      kind: 'true-north',
      title: 'No avoidable harm',
    })
    await officeWrites.saveGoal(trustGoal, 'Kay', now(0))
    const terms = { target: 8, targetDay: '2027-03-31' }
    await officeWrites.proposeGoal(
      goal({
        id: 'csu-falls',
        tier: 'csu',
        ownerScopeId: org.csu.id,
        parentGoalIds: [trustGoal.id],
        parentTitles: { [trustGoal.id]: trustGoal.title },
        title: 'Fewer falls with harm',
        proposedBy: 'trust',
        ...terms,
      }),
      { tier: 'trust', text: 'Falls are our most common harm', terms },
      'Kay',
      now(1),
    )
    expect(await office.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 3 })

    // The CSU pulls the proposal and counter-proposes while offline, with its reasons.
    await csu.engine.syncOnce()
    expect(await csu.database.goals.get('csu-falls')).toMatchObject({
      unitId: org.csu.id,
      title: 'Fewer falls with harm',
    })
    expect(await csu.database.goals.get(trustGoal.id)).toMatchObject({ unitId: `library-${org.trust.id}` })
    expect(await stateOn(csu, 'csu-falls')).toBe('proposed')
    await csuWrites.addCatchBall(
      'csu-falls',
      {
        kind: 'counter',
        side: 'lower',
        tier: 'csu',
        text: 'Two wards open new beds this winter',
        terms: { target: 10, targetDay: '2027-03-31' },
      },
      'Lee',
      now(2),
    )
    expect(await csu.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })

    await office.engine.syncOnce()
    expect(await stateOn(office, 'csu-falls')).toBe('in-discussion')
    // Accepting its own proposal is not the office's move: it agrees to the CSU's terms.
    await expect(
      officeWrites.addCatchBall(
        'csu-falls',
        { kind: 'accept', side: 'upper', tier: 'trust', text: '', terms: null },
        'Kay',
        now(3),
      ),
    ).rejects.toThrow('You cannot accept here')
    await officeWrites.addCatchBall(
      'csu-falls',
      { kind: 'agree', side: 'upper', tier: 'trust', text: '', terms: null },
      'Kay',
      now(3),
    )
    await office.engine.syncOnce()
    await csu.engine.syncOnce()
    expect(await stateOn(csu, 'csu-falls')).toBe('agreed')
    expect(threadState(await csu.database.catchBall.where('goalId').equals('csu-falls').toArray()).terms).toEqual({
      target: 10,
      targetDay: '2027-03-31',
    })

    // The CSU deploys to a ward; the ward accepts and links its falls measure.
    const wardTerms = { target: 2, targetDay: '2027-03-31' }
    await csuWrites.proposeGoal(
      goal({
        id: 'ward-falls',
        tier: 'unit',
        ownerScopeId: org.unitA.id,
        parentGoalIds: ['csu-falls'],
        parentTitles: { 'csu-falls': 'Fewer falls with harm' },
        title: 'No falls with harm in bay 2',
        proposedBy: 'csu',
        ...wardTerms,
      }),
      { tier: 'csu', text: '', terms: wardTerms },
      'Lee',
      now(4),
    )
    await csu.engine.syncOnce()
    await ward.engine.syncOnce()
    // The ward holds its own goal and the trust's, never the CSU's (its parent is named from the kept title).
    expect((await ward.database.goals.toArray()).map((g) => g.id).sort()).toEqual([trustGoal.id, 'ward-falls'])
    expect(await ward.database.catchBall.where('goalId').equals('csu-falls').count()).toBe(0)
    await wardWrites.addCatchBall(
      'ward-falls',
      { kind: 'accept', side: 'lower', tier: 'unit', text: 'Agreed at the huddle', terms: null },
      'Sam',
      now(5),
    )
    await wardWrites.updateGoal(
      'ward-falls',
      { measure: { kind: 'measure', measureId: 'falls', boardId: 'board-a' } },
      'Sam',
    )
    expect(await ward.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 2 })

    await csu.engine.syncOnce()
    await office.engine.syncOnce()
    for (const tablet of [csu, office, ward]) {
      expect(await stateOn(tablet, 'ward-falls')).toBe('agreed')
      expect(await tablet.database.goals.get('ward-falls')).toMatchObject({
        measure: { kind: 'measure', measureId: 'falls' },
      })
    }
    expect((await office.database.goals.toArray()).map((g) => g.id).sort()).toEqual([
      'csu-falls',
      trustGoal.id,
      'ward-falls',
    ])
  })

  it('a ward reviews a month of its goal on two tablets offline: one record everywhere, both commentaries kept', async () => {
    const { org } = server
    const csu = server.tablet('reviews-csu')
    const bay = server.tablet('reviews-ward-bay')
    const office = server.tablet('reviews-ward-office')
    await csu.enrol('csu', org.csu.id)
    await bay.enrol('unit', org.unitA.id)
    await office.enrol('unit', org.unitA.id)
    const createdAt = new Date(Date.now() - 40 * 86_400_000)
    const month = createdAt.toISOString().slice(0, 7)
    const today = new Date().toISOString().slice(0, 10)
    const ward = { tier: 'unit' as const, scopeId: org.unitA.id }
    await goalWritesFor(bay.database).saveGoal(
      goal({ id: 'ward-obs', tier: 'unit', ownerScopeId: org.unitA.id, title: 'Observations on time' }),
      'Sam',
      createdAt,
    )
    await bay.engine.syncOnce()
    await office.engine.syncOnce()

    // The CSU reads the ward's goal but does not write its review.
    await csu.engine.syncOnce()
    await expect(
      goalWritesFor(csu.database).saveReview(
        'ward-obs',
        month,
        { commentary: 'Looks fine', status: 'on-track' },
        { tier: 'csu', scopeId: org.csu.id },
        today,
        'Lee',
      ),
    ).rejects.toThrow('Only the goal’s own tier writes its monthly review')

    await goalWritesFor(bay.database).saveReview(
      'ward-obs',
      month,
      { commentary: 'Night rounds started', status: 'on-track' },
      ward,
      today,
      'Sam',
    )
    await goalWritesFor(office.database).saveReview(
      'ward-obs',
      month,
      { commentary: 'Short of a healthcare assistant at night', status: 'at-risk' },
      ward,
      today,
      'Ann',
    )
    await bay.engine.syncOnce()
    await office.engine.syncOnce()
    await bay.engine.syncOnce()
    await csu.engine.syncOnce()
    const id = `ward-obs_${month}`
    for (const tablet of [bay, office, csu]) {
      expect(await tablet.database.goalReviews.where('goalId').equals('ward-obs').count()).toBe(1)
      expect(await tablet.database.goalReviews.get(id)).toMatchObject({ status: 'at-risk', unitId: org.unitA.id })
      expect(await tablet.database.syncState.get(['goalReviews', id])).toMatchObject({ conflicted: 1 })
    }

    // Archived by the ward, the goal is archived on the CSU's tablet too; the CSU cannot bring it back.
    await goalWritesFor(bay.database).setGoalArchived('ward-obs', true, ward, 'Sam')
    await bay.engine.syncOnce()
    await csu.engine.syncOnce()
    expect(await csu.database.goals.get('ward-obs')).toMatchObject({ archived: true })
    await expect(
      goalWritesFor(csu.database).setGoalArchived('ward-obs', false, { tier: 'csu', scopeId: org.csu.id }, 'Lee'),
    ).rejects.toThrow('Only the goal’s own tier archives it or brings it back')
  })
})
