import { describe, expect, it } from 'vitest'
import { HuddleDatabase } from '@/db/db'
import { goalWritesFor } from '@/db/goalWrites'
import type { Goal } from '@/domain/types'
import { at, latestVersion, meta, shippedDatabase } from './shippedSchemas'

describe('database version 11', () => {
  it('opens a version-10 database with its goals and a kept review intact, and adds goal reviews', async () => {
    const old = shippedDatabase('upgrade-from-v10', 10)
    const stored: Goal = {
      ...meta('g1'),
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
      proposedBy: null,
      archived: false,
    }
    await old.table('goals').put(stored)
    // A review pulled while this tablet's version did not know the table: kept until the update.
    await old.table('keptRecords').put({
      table: 'goalReviews',
      id: 'g1_2026-11',
      scope: 'u1',
      seq: 4,
      fields: { commentary: 'Rounds started' },
      clocks: { commentary: '1764144000000:000000:dabc' },
    })
    expect(old.verno).toBe(10)
    old.close()

    const upgraded = new HuddleDatabase('upgrade-from-v10')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    expect(await upgraded.goals.get('g1')).toEqual(stored)
    expect(await upgraded.keptRecords.get(['goalReviews', 'g1_2026-11'])).toMatchObject({ seq: 4 })

    const writes = goalWritesFor(upgraded)
    const review = await writes.saveReview(
      'g1',
      '2026-11',
      { commentary: 'Night rounds started', status: 'on-track' },
      { tier: 'unit', scopeId: 'u1' },
      '2026-12-07',
      'Priya',
      new Date(at),
    )
    expect(review).toMatchObject({ id: 'g1_2026-11', unitId: 'u1', goalId: 'g1', month: '2026-11' })
    expect(await upgraded.goalReviews.where('goalId').equals('g1').toArray()).toEqual([review])
    expect(await upgraded.outbox.where('table').equals('goalReviews').count()).toBe(1)
    upgraded.close()
  })
})
