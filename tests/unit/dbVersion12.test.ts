import { describe, expect, it } from 'vitest'
import { HuddleDatabase } from '@/db/db'
import { problemA3WritesFor } from '@/db/problemA3Writes'
import { problemA3DraftOf } from '@/domain/problemA3'
import { latestVersion, meta, shippedDatabase } from './shippedSchemas'

describe('database version 12', () => {
  it('opens a version-11 database with its ideas intact, and adds the problem-solving A3s', async () => {
    const old = shippedDatabase('upgrade-from-v11', 11)
    await old.table('ideas').put({ ...meta('i1'), boardId: 'b1', problem: 'Meals missed at lunch', status: 'new' })
    expect(old.verno).toBe(11)
    old.close()

    const upgraded = new HuddleDatabase('upgrade-from-v11')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    expect(await upgraded.ideas.get('i1')).toMatchObject({ problem: 'Meals missed at lunch' })

    const shown = problemA3DraftOf(undefined, { title: 'Meals missed at lunch', measureId: null })
    await problemA3WritesFor(upgraded).saveProblemA3(
      { table: 'ideas', id: 'i1', unitId: 'u1', boardId: 'b1' },
      { ...shown, because1: 'No red trays' },
      shown,
      'Sam',
    )
    expect(await upgraded.problemA3s.where('boardId').equals('b1').count()).toBe(1)
    expect(await upgraded.outbox.where('table').equals('problemA3s').count()).toBe(1)
    upgraded.close()
  })
})
