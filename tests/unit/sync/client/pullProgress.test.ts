// @vitest-environment node
// A first sync says how far it has got: after each stored page, "n of N records", N from the server's count of
// what the pull has to go (real engine and server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Action } from '@/domain/types'
import { createSyncEngine, type PullProgress } from '@/sync/engine'
import { startRealServer, type RealServer } from '../harness/realServer'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

describe('first sync progress', () => {
  it('reports records stored of the total after every page', async () => {
    const unitId = server.org.unitA.id
    const writer = server.tablet('progress-writer')
    await writer.enrol('unit', unitId)
    for (let i = 0; i < 7; i++) {
      await writer.repo.saveRecord<Action>(
        'actions',
        {
          id: `progress-${i}-${unitId}`,
          unitId,
          boardId: 'b',
          title: `Action ${i}`,
          owner: 'Sam',
          dueDay: null,
          status: 'open',
          measureId: null,
          measureDay: null,
          conceptIds: [],
          closedAt: null,
        },
        'Sam',
      )
    }
    expect(await writer.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 7 })

    const fresh = server.tablet('progress-fresh')
    await fresh.enrol('unit', unitId)
    const seen: PullProgress[] = []
    const engine = createSyncEngine({
      database: fresh.database,
      transport: fresh.transport,
      pageSize: 3,
      onProgress: (progress) => seen.push(progress),
    })
    const result = await engine.syncOnce()
    expect(result.outcome).toBe('synced')
    const total = (await server.records([unitId])).length
    expect(total).toBeGreaterThanOrEqual(7)
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(seen[0]).toEqual({ stored: 3, total })
    expect(seen.find((p) => p.stored === total)).toEqual({ stored: total, total })
    for (const [i, p] of seen.entries()) if (i > 0) expect(p.stored).toBeGreaterThanOrEqual(seen[i - 1]!.stored)
  })
})
