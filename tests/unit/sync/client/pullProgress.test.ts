// @vitest-environment node
// A first sync says how far it has got: after each stored page, "n of N records", N from the server's count of
// what the pull has to go (real engine and server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYNC_META } from '@/db/db'
import type { Action } from '@/domain/types'
import { createSyncEngine, type PullProgress } from '@/sync/engine'
import { deviceCredentials } from '@/sync/enrolment'
import { createHttpTransport } from '@/sync/whenEnrolled'
import { transportFailure, type SyncTransport } from '@/sync/transport-types'
import { startRealServer, type RealServer } from '../harness/realServer'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

async function sevenActions(stem: string, unitId: string) {
  const writer = server.tablet(`${stem}-writer`)
  await writer.enrol('unit', unitId)
  for (let i = 0; i < 7; i++) {
    await writer.repo.saveRecord<Action>(
      'actions',
      {
        id: `${stem}-${i}-${unitId}`,
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
}

describe('pulling pages', () => {
  it('asks for the next page while this one is stored, exactly as it would after storing it', async () => {
    const unitId = server.org.unitB.id
    await sevenActions('ahead', unitId)
    const fresh = server.tablet('ahead-fresh')
    await fresh.enrol('unit', unitId)
    const events: string[] = []
    const transport: SyncTransport = {
      ...fresh.transport,
      pull: (request) => {
        events.push(`asked after ${request.after} with mark ${request.mark ?? 'none'}`)
        return fresh.transport.pull(request)
      },
    }
    const engine = createSyncEngine({
      database: fresh.database,
      transport,
      pageSize: 3,
      onProgress: ({ stored }) => events.push(`stored ${stored}`),
    })
    expect(await engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    const total = (await server.records([unitId])).length
    const asked = events.filter((e) => e.startsWith('asked'))
    // Every page after the first was asked for before the page before it was stored.
    expect(events.indexOf(asked[1]!)).toBeLessThan(events.indexOf('stored 3'))
    expect(events.indexOf(asked[2]!)).toBeLessThan(events.indexOf('stored 6'))
    expect(asked[1]).toMatch(/^asked after \d+ with mark (?!none)/)
    expect(await fresh.database.actions.where('unitId').equals(unitId).count()).toBe(7)
    expect((await fresh.database.meta.get(SYNC_META.cursor(unitId)))?.value).toBe(
      Math.max(...(await server.records([unitId])).map((r) => r.seq)),
    )
    expect(await fresh.database.syncState.count()).toBeGreaterThanOrEqual(total)
  })

  it("sends the next page's request while this page is stored, through the app's lazily loaded transport", async () => {
    // Each request reads the device's credentials from IndexedDB (meta and outbox), which a page's transaction
    // holds until it commits: the read must be made before that transaction opens, or the request only leaves
    // once the page is stored and the network no longer overlaps IndexedDB at all.
    const unitId = (await server.newOrg()).unitA.id
    await sevenActions('leaves', unitId)
    const fresh = server.tablet('leaves-fresh')
    await fresh.enrol('unit', unitId)
    const events: string[] = []
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = new URL(String(input), 'http://tablet.test')
      if (url.pathname === '/api/sync/pull') events.push(`sent after ${url.searchParams.get('after')}`)
      return server.fetch(input, init)
    }
    const transport = createHttpTransport({ fetch, credentials: () => deviceCredentials(fresh.database) })
    const engine = createSyncEngine({
      database: fresh.database,
      transport,
      pageSize: 3,
      onProgress: ({ stored }) => events.push(`stored ${stored}`),
    })
    expect(await engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    const sent = events.filter((e) => e.startsWith('sent'))
    expect(sent.length).toBeGreaterThanOrEqual(3)
    // The second request left before the first page was stored, the third before the second.
    expect(events.indexOf(sent[1]!)).toBeLessThan(events.indexOf('stored 3'))
    expect(events.indexOf(sent[2]!)).toBeLessThan(events.indexOf('stored 6'))
    expect(await fresh.database.actions.where('unitId').equals(unitId).count()).toBe(7)
  })

  it('keeps the page stored when the page asked for meanwhile fails, and carries on from it next time', async () => {
    const unitId = server.org.unitB.id
    const fresh = server.tablet('ahead-offline')
    await fresh.enrol('unit', unitId)
    let calls = 0
    const transport: SyncTransport = {
      ...fresh.transport,
      pull: (request) => (++calls === 2 ? Promise.resolve(transportFailure('offline')) : fresh.transport.pull(request)),
    }
    const engine = createSyncEngine({ database: fresh.database, transport, pageSize: 3 })
    expect(await engine.syncOnce()).toMatchObject({ outcome: 'offline', pulled: 3 })
    const cursor = (await fresh.database.meta.get(SYNC_META.cursor(unitId)))?.value as number
    expect(cursor).toBeGreaterThan(0)
    expect(await fresh.database.syncState.count()).toBe(3)
    expect(await engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(await fresh.database.actions.where('unitId').equals(unitId).count()).toBe(7)
  })
})

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
