import { describe, expect, it } from 'vitest'
import { HuddleDatabase, SYNC_META } from '@/db/db'
import { repoFor } from '@/db/repo'
import { newIdeaFields } from '@/domain/ideas'
import type { Idea } from '@/domain/types'
import { at, latestVersion, meta, shippedDatabase } from './shippedSchemas'

describe('database versions 3 and 4', () => {
  it('opens a version-2 database with every record, unsent change and sync state intact, and adds ideas and the version-4 tables', async () => {
    const old = shippedDatabase('upgrade-from-v2', 2)
    await old.table('boards').put({ ...meta('b1'), name: 'Daily board', categories: [], agenda: [], huddleMinutes: 15 })
    await old.table('actions').put({
      ...meta('a1'),
      boardId: 'b1',
      title: 'Chase estates',
      owner: 'Sam',
      dueDay: null,
      status: 'open',
      measureId: null,
      measureDay: null,
      conceptIds: [],
      closedAt: null,
    })
    await old.table('outbox').add({
      mutationId: 'm1',
      table: 'actions',
      recordId: 'a1',
      unitId: 'u1',
      op: 'put',
      fields: { title: 'Chase estates' },
      at,
      by: 'Sam',
      hlc: '1764144000000:000000:dabc',
    })
    await old.table('syncState').put({
      table: 'actions',
      id: 'a1',
      scope: 'u1',
      seq: 4,
      fields: { title: 'Chase estates' },
      clocks: { title: '1764144000000:000000:dabc' },
      conflicted: 0,
    })
    await old
      .table('meta')
      .put({ key: SYNC_META.device, value: { nodeId: 'dabc', latest: '1764144000000:000000:dabc' } })
    expect(old.verno).toBe(2)
    old.close()

    const upgraded = new HuddleDatabase('upgrade-from-v2')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    expect(await upgraded.boards.get('b1')).toMatchObject({ name: 'Daily board' })
    expect(await upgraded.actions.get('a1')).toMatchObject({ title: 'Chase estates', status: 'open' })
    const outbox = await upgraded.outbox.toArray()
    expect(outbox).toHaveLength(1)
    // Versions 3 and 4 have no upgrade step: the stamp taken under version 2 is sent unchanged.
    expect(outbox[0]).toMatchObject({ mutationId: 'm1', hlc: '1764144000000:000000:dabc' })
    expect(await upgraded.outbox.where('[table+recordId]').equals(['actions', 'a1']).count()).toBe(1)
    expect(await upgraded.syncState.get(['actions', 'a1'])).toMatchObject({ seq: 4, values: {} })
    expect((await upgraded.meta.get(SYNC_META.device))?.value).toEqual({
      nodeId: 'dabc',
      latest: '1764144000000:000000:dabc',
    })

    // The new table works like every other synced table, with its indexes.
    const repo = repoFor(upgraded)
    const idea = await repo.saveRecord<Idea>(
      'ideas',
      {
        id: 'i1',
        unitId: 'u1',
        boardId: 'b1',
        ...newIdeaFields({ problem: 'Long walk', idea: 'Stock in bays' }, new Date(at)),
      },
      'Anonymous',
    )
    expect(await upgraded.ideas.where('boardId').equals('b1').toArray()).toEqual([idea])
    expect(await upgraded.ideas.where('status').equals('new').count()).toBe(1)
    expect(await upgraded.outbox.where('table').equals('ideas').count()).toBe(1)
    // The device clock kept counting from where version 2 left it.
    const sent = (await upgraded.outbox.where('table').equals('ideas').first())!
    expect(sent.hlc > '1764144000000:000000:dabc').toBe(true)
    // Version 4's tables open empty, with their indexes.
    expect(await upgraded.pdsaCycles.where('ideaId').equals('i1').count()).toBe(0)
    expect(await upgraded.checklistRuns.where('[boardId+day]').equals(['b1', '2026-11-26']).count()).toBe(0)
    expect(await upgraded.stepResults.where('runId').equals('r1').count()).toBe(0)
    expect(await upgraded.escalations.where('status').equals('raised').count()).toBe(0)
    upgraded.close()
  })
})
