// @vitest-environment jsdom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import type { Board } from '@/domain/types'
import { useBoardStore } from '@/stores/board'
import { useOrgStore } from '@/stores/org'
import { PROTOCOL_VERSION } from '@/shared/sync/protocol'
import { useSyncStore } from '@/stores/sync'
import { createHttpTransport } from '@/sync/transport.http'
import type { ScopePoke } from '@/sync/transport-types'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { enrolDatabase, makeTablet, transportFor, type Tablet } from './tablets'

let server: MemorySyncServer
let other: Tablet

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  server = new MemorySyncServer()
  other = makeTablet('other', server)
})

afterEach(async () => {
  await useSyncStore().settled()
  other.database.close()
})

/** A board set up on this tablet, which is then enrolled for its unit (so it syncs). */
async function setUpWard() {
  const org = useOrgStore()
  const board = await org.setUp(
    {
      trustName: 'Leeds',
      csuName: 'Medicine',
      unitName: 'Ward 7',
      unitKind: 'ward',
      boardName: 'Ward 7 board',
      people: [],
    },
    'Sam',
  )
  await useBoardStore().load(board.id)
  await enrolDatabase(server, db, board.unitId)
  return board
}

describe('useSyncStore', () => {
  it("sends this tablet's changes, counts what is left and when it last synced", async () => {
    const sync = useSyncStore()
    sync.useTransport(transportFor(server, db))
    await setUpWard()
    await sync.syncNow()
    expect(sync.status).toBe('idle')
    expect(sync.errorMessage).toBeNull()
    expect(sync.lastSyncedAt).not.toBeNull()
    expect(sync.pending).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(server.records.size).toBe(2)
  })

  it('reloads the board on screen when another tablet changed it', async () => {
    const sync = useSyncStore()
    sync.useTransport(transportFor(server, db))
    const board = await setUpWard()
    await sync.syncNow()
    await other.enrol(board.unitId)
    await other.engine.syncOnce()
    await other.repo.saveRecord<Board>(
      'boards',
      { ...(await other.database.boards.get(board.id))!, name: 'Ward 7 huddle board' },
      'Priya',
    )
    await other.engine.syncOnce()

    await sync.syncNow()
    expect(useOrgStore().currentBoard?.name).toBe('Ward 7 huddle board')
    expect(useBoardStore().board?.name).toBe('Ward 7 huddle board')
  })

  it.each([
    ['offline', (): void => void (server.offline = true)],
    ['update-needed', (): void => void (server.minimumProtocol = PROTOCOL_VERSION + 1)],
    ['removed', (): void => server.failNext('device-revoked')],
  ] as const)('shows %s with a plain message and keeps the changes', async (status, breakServer) => {
    const sync = useSyncStore()
    sync.useTransport(transportFor(server, db))
    await setUpWard()
    breakServer()
    await sync.syncNow()
    expect(sync.status).toBe(status)
    expect(sync.errorMessage).toMatch(/tablet/)
    expect(sync.pending).toBe(2)
  })

  it('is quietly offline or in error against a server without sync, never throwing', async () => {
    const sync = useSyncStore()
    const notFound = vi.fn(
      async () => new Response(JSON.stringify({ error: 'Not found', path: '/api/sync/push' }), { status: 404 }),
    )
    sync.useTransport(createHttpTransport({ fetch: notFound }))
    await setUpWard()
    await sync.syncNow()
    expect(sync.status).toBe('error')
    expect(sync.errorMessage).toMatch(/not available/)
    sync.useTransport(createHttpTransport({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }))
    await sync.syncNow()
    expect(sync.status).toBe('offline')
    expect(sync.pending).toBe(2)
  })

  it('pulls just the poked scope at once, with no device check, and not again for a poke it has pulled past', async () => {
    const sync = useSyncStore()
    // This tablet's own requests: the other tablet talks to the same server.
    const mine: string[] = []
    const base = transportFor(server, db)
    sync.useTransport({
      ...base,
      deviceInfo: () => (mine.push('device'), base.deviceInfo()),
      push: (request) => (mine.push('push'), base.push(request)),
      pull: (request) => (mine.push(`pull ${request.scope} after ${request.after}`), base.pull(request)),
      events: (scopes, onPoke) =>
        base.events(scopes, (poke) => {
          if (poke) pokes.push(poke)
          onPoke(poke)
        }),
    })
    const pokes: ScopePoke[] = []
    const board = await setUpWard()
    await sync.syncNow()
    const stop = sync.start()
    await vi.waitFor(() => expect(sync.status).toBe('idle'))
    await vi.waitFor(() => expect(mine.filter((r) => r === 'device')).toHaveLength(2))
    mine.length = 0
    await other.enrol(board.unitId)
    await other.engine.syncOnce()
    await other.repo.saveRecord<Board>(
      'boards',
      { ...(await other.database.boards.get(board.id))!, huddleMinutes: 14 },
      'Priya',
    )
    await other.engine.syncOnce()
    await vi.waitFor(() => expect(useOrgStore().currentBoard?.huddleMinutes).toBe(14))
    await vi.waitFor(() => expect(sync.status).toBe('idle'))
    // Only the ward's scope is pulled (never the library, which no poke named), and no GET /api/device.
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((r) => r.startsWith(`pull ${board.unitId} `))).toBe(true)
    // A poke this tablet has already pulled past (the same again) asks the server nothing.
    mine.length = 0
    const last = pokes.filter((p) => p.scope === board.unitId).at(-1)!
    server.pokeAgain(last)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await vi.waitFor(() => expect(sync.status).toBe('idle'))
    expect(mine).toEqual([])
    stop()
  })
})
