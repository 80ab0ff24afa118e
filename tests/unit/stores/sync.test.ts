// @vitest-environment jsdom
// The sync store as the app runs it: quiet when not enrolled, "Synced 07:42" kept across
// a reload, changes sent soon after they are saved, the server's words when it refuses.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import { getMeta } from '@/db/repo'
import { summariseSync } from '@/domain/syncStatus'
import { useActionsStore } from '@/stores/actions'
import { useBoardStore } from '@/stores/board'
import { useDeviceStore } from '@/stores/device'
import { useHuddleStore } from '@/stores/huddle'
import { useOrgStore } from '@/stores/org'
import { LAST_SYNCED_META, useSyncStore } from '@/stores/sync'
import { readEnrolment } from '@/sync/enrolment'
import { MemorySyncServer } from '../../helpers/memorySyncServer'
import type { Action, HuddleRecord } from '@/domain/types'
import { londonDay } from '@/domain/dates'
import { enrolDatabase, makeTablet, transportFor } from '../sync/client/tablets'

/** Live queries answer after IndexedDB does: generous for a loaded two-core machine. */
const LIVE = { timeout: 10_000, interval: 20 }

let server: MemorySyncServer
const stops: (() => void)[] = []

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  server = new MemorySyncServer()
  useSyncStore().useTransport(transportFor(server, db))
})

afterEach(async () => {
  stops.splice(0).forEach((stop) => stop())
  // A round still running would go on against the next test's database.
  await useSyncStore().settled()
})

async function setUpWard({ enrol = true } = {}) {
  const board = await useOrgStore().setUp(
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
  if (enrol) await enrolDatabase(server, db, board.unitId)
  await useActionsStore().load(board.id, board.unitId)
  return board
}

describe('sync store', () => {
  it('is quietly "not shared" on a tablet that is not enrolled, and asks the network nothing', async () => {
    await setUpWard({ enrol: false })
    const sync = useSyncStore()
    await sync.syncNow()
    expect(sync.status).toBe('not-enrolled')
    expect(server.requests).toEqual([])
    expect(sync.lastSyncedAt).toBeNull()
    expect(
      summariseSync({ status: sync.status, online: true, pending: sync.pending, lastSyncedAt: sync.lastSyncedAt }),
    ).toMatchObject({
      tone: 'quiet',
      text: 'Not shared: this tablet is not enrolled',
    })
  })

  it('never says "Syncing…" or "Online" on a tablet that syncs with nobody, from the first load', async () => {
    await setUpWard({ enrol: false })
    const sync = useSyncStore()
    await sync.load()
    expect(sync.status).toBe('not-enrolled')
    const round = sync.syncNow()
    expect(sync.status).not.toBe('syncing')
    await round
    expect(sync.status).toBe('not-enrolled')
  })

  it('keeps when it last synced in the database, so it survives a reload', async () => {
    await setUpWard()
    const sync = useSyncStore()
    await sync.syncNow()
    expect(sync.status).toBe('idle')
    const syncedAt = sync.lastSyncedAt
    expect(syncedAt).not.toBeNull()
    expect(await getMeta(LAST_SYNCED_META)).toBe(syncedAt)

    // A reload: fresh stores, same database.
    setActivePinia(createPinia())
    const reloaded = useSyncStore()
    expect(reloaded.lastSyncedAt).toBeNull()
    await reloaded.load()
    expect(reloaded.lastSyncedAt).toBe(syncedAt)
  })

  it('does not move "last synced" when a round fails', async () => {
    await setUpWard()
    const sync = useSyncStore()
    await sync.syncNow()
    const syncedAt = sync.lastSyncedAt
    server.offline = true
    await new Promise((resolve) => setTimeout(resolve, 5))
    await sync.syncNow()
    expect(sync.status).toBe('offline')
    expect(sync.lastSyncedAt).toBe(syncedAt)
  })

  it('sends a change as soon as it is saved: a push alone, with no device check and no pull before it', async () => {
    await setUpWard()
    const sync = useSyncStore()
    // No pokes from the server: only the saved change can prompt the next round.
    sync.useTransport({ ...transportFor(server, db), events: () => () => undefined })
    const device = useDeviceStore()
    stops.push(device.watchPending())
    stops.push(sync.start())
    await vi.waitFor(() => expect(sync.status).toBe('idle'))
    await vi.waitFor(() => expect(device.pendingChanges).toBe(0))
    const before = server.requests.length
    await useActionsStore().add({ title: 'Order more gloves', owner: 'Sam', dueDay: null }, 'Sam')
    await vi.waitFor(
      () => expect([...server.records.values()].some((r) => r.fields.title === 'Order more gloves')).toBe(true),
      LIVE,
    )
    await vi.waitFor(() => expect(sync.pending).toBe(0))
    // The full round's `GET /api/device` and pulls of every scope come on the minute, not with every save.
    expect(server.requests.slice(before).map((r) => r.kind)).toEqual(['push'])
    expect(sync.status).toBe('idle')
  })

  it('sends saves made while a push is in flight together, in one push after it', async () => {
    await setUpWard()
    const sync = useSyncStore()
    let release: (() => void) | undefined
    let hold = false
    const base = transportFor(server, db)
    sync.useTransport({
      ...base,
      events: () => () => undefined,
      push: async (request) => {
        // The first push after the set-up waits until the test lets it go, so the next saves find it in flight.
        if (hold) {
          hold = false
          await new Promise<void>((resolve) => (release = resolve))
        }
        return base.push(request)
      },
    })
    await sync.syncNow()
    hold = true
    const device = useDeviceStore()
    stops.push(device.watchPending())
    stops.push(sync.start())
    await vi.waitFor(() => expect(sync.status).toBe('idle'))
    const before = server.requests.length
    const actions = useActionsStore()
    await actions.add({ title: 'First', owner: 'Sam', dueDay: null }, 'Sam')
    await vi.waitFor(() => expect(release).toBeDefined(), LIVE)
    await actions.add({ title: 'Second', owner: 'Sam', dueDay: null }, 'Sam')
    await actions.add({ title: 'Third', owner: 'Sam', dueDay: null }, 'Sam')
    await vi.waitFor(() => expect(device.pendingChanges).toBe(3))
    release!()
    await vi.waitFor(() => expect(sync.pending).toBe(0), LIVE)
    const pushes = server.requests.slice(before).filter((r) => r.kind === 'push')
    expect(pushes.map((p) => (p.body as { mutations: unknown[] }).mutations.length)).toEqual([1, 2])
  })

  it("says in the server's words when this tablet has been removed, and keeps its changes", async () => {
    await setUpWard()
    const sync = useSyncStore()
    await sync.syncNow()
    await useActionsStore().add({ title: 'Order more gloves', owner: 'Sam', dueDay: null }, 'Sam')
    server.revokeDevice((await readEnrolment(db))!.deviceId)
    await sync.syncNow()
    expect(sync.status).toBe('removed')
    expect(sync.errorMessage).toBe(
      'This tablet was removed from Ward 7. Its changes are kept on it and will be sent once it is enrolled again. Ask your manager to re-enrol it.',
    )
    expect(await db.outbox.count()).toBe(1)
  })

  it('shows actions and huddles saved on another tablet once they are pulled', async () => {
    const board = await setUpWard()
    const sync = useSyncStore()
    await useOrgStore().selectBoard(board.id)
    await useBoardStore().load(board.id)
    // What the huddle screen shows; nothing is read again by hand after the pull.
    await useHuddleStore().loadRecent(board.id)
    await sync.syncNow()
    const other = makeTablet('other', server)
    await other.enrol(board.unitId)
    await other.engine.syncOnce()
    const today = londonDay()
    await other.repo.saveRecord<HuddleRecord>(
      'huddles',
      {
        id: 'huddle-1',
        unitId: board.unitId,
        boardId: board.id,
        day: today,
        startedAt: new Date().toISOString(),
        endedAt: new Date().toISOString(),
        durationSeconds: 600,
        attendance: 8,
        facilitator: 'Priya',
        notes: 'Bay 2 short of gloves',
        timings: [],
      },
      'Priya',
    )
    await other.repo.saveRecord<Action>(
      'actions',
      {
        id: 'action-9',
        unitId: board.unitId,
        boardId: board.id,
        title: 'Order more gloves',
        owner: 'Priya',
        dueDay: null,
        status: 'open',
        measureId: null,
        measureDay: null,
        conceptIds: [],
        closedAt: null,
      },
      'Priya',
    )
    await other.engine.syncOnce()
    await sync.syncNow()
    await vi.waitFor(() => {
      expect(useHuddleStore().recent.map((h) => h.id)).toEqual(['huddle-1'])
      expect(useActionsStore().actions.map((a) => a.title)).toContain('Order more gloves')
    }, LIVE)
    other.database.close()
  })
})
