import { describe, expect, it } from 'vitest'
import { HuddleDatabase } from '@/db/db'
import { repoFor } from '@/db/repo'
import type { CatchBallEntry, Goal } from '@/domain/types'
import { at, latestVersion, meta, shippedDatabase } from './shippedSchemas'

describe('database version 8', () => {
  it('opens a version-7 database with its records and kept goals intact, and adds goals and catch-ball', async () => {
    const old = shippedDatabase('upgrade-from-v7', 7)
    await old.table('actions').put({ ...meta('a1'), boardId: 'b1', title: 'Chase estates', status: 'open' })
    // A goal pulled while this tablet's version did not know the table: kept until the update.
    await old.table('keptRecords').put({
      table: 'goals',
      id: 'g1',
      scope: 'u1',
      seq: 3,
      fields: { title: 'Fewer falls' },
      clocks: { title: '1764144000000:000000:dabc' },
    })
    expect(old.verno).toBe(7)
    old.close()

    const upgraded = new HuddleDatabase('upgrade-from-v7')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    expect(await upgraded.actions.get('a1')).toMatchObject({ title: 'Chase estates' })
    expect(await upgraded.keptRecords.get(['goals', 'g1'])).toMatchObject({ seq: 3 })

    const repo = repoFor(upgraded)
    const goal = await repo.saveRecord<Goal>(
      'goals',
      {
        id: 'g2',
        unitId: 'u1',
        tier: 'unit',
        ownerScopeId: 'u1',
        kind: 'goal',
        parentGoalIds: ['c1'],
        parentTitles: { c1: 'Fewer falls with harm' },
        title: 'No falls in the bay',
        owner: 'Priya',
        measure: null,
        direction: 'lower',
        baseline: 4,
        target: 1,
        targetDay: '2027-03-31',
        conceptIds: [],
        proposedBy: 'csu',
        archived: false,
      },
      'Priya',
    )
    await repo.saveRecord<CatchBallEntry>(
      'catchBall',
      {
        id: 'e1',
        unitId: 'u1',
        goalId: 'g2',
        kind: 'accept',
        side: 'lower',
        tier: 'unit',
        text: '',
        terms: null,
        author: 'Priya',
        at,
      },
      'Priya',
    )
    expect(await upgraded.goals.where('ownerScopeId').equals('u1').toArray()).toEqual([goal])
    expect(await upgraded.catchBall.where('goalId').equals('g2').count()).toBe(1)
    expect(await upgraded.outbox.where('table').anyOf('goals', 'catchBall').count()).toBe(2)
    expect(await upgraded.history.where('[table+recordId]').equals(['catchBall', 'e1']).count()).toBe(1)
    upgraded.close()
  })
})
