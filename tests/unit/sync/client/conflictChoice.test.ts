// Choosing between text versions typed at the same time on two tablets: this tablet
// (the app's database, its stores and sync store) and another one, through the
// in-memory sync server. The choice must resolve the conflict on both.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import type { Action } from '@/domain/types'
import { useActionsStore } from '@/stores/actions'
import { useBoardStore } from '@/stores/board'
import { useConflictsStore } from '@/stores/conflicts'
import { useOrgStore } from '@/stores/org'
import { useSyncStore } from '@/stores/sync'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { enrolDatabase, makeTablet, transportFor, type Tablet } from './tablets'

/** Live queries answer after IndexedDB does: generous for a loaded two-core machine. */
const LIVE = { timeout: 10_000, interval: 20 }

let server: MemorySyncServer
let other: Tablet
let actionId: string

const TYPED_HERE = 'Fix the sluice door today'
const TYPED_THERE = 'Sluice door: call estates'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  server = new MemorySyncServer()
  other = makeTablet('other', server)
  const sync = useSyncStore()
  sync.useTransport(transportFor(server, db))
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
  await useBoardStore().load(board.id)
  await enrolDatabase(server, db, board.unitId)
  const actions = useActionsStore()
  await actions.load(board.id, board.unitId)
  actionId = (await actions.add({ title: 'Fix the sluice door', owner: 'Sam', dueDay: null }, 'Sam')).id
  await sync.syncNow()
  await other.enrol(board.unitId)
  await other.engine.syncOnce()
})

afterEach(() => {
  other.database.close()
})

const titleHere = async () => (await db.actions.get(actionId))!.title
const titleThere = async () => (await other.database.actions.get(actionId))!.title
const flaggedHere = () => db.syncState.where('conflicted').equals(1).count()

/** Both tablets change the title without seeing each other's change, then sync. */
async function typeOnBoth() {
  const sync = useSyncStore()
  await useActionsStore().update(actionId, { title: TYPED_HERE }, 'Sam')
  await other.repo.updateRecord<Action>('actions', actionId, { title: TYPED_THERE }, 'Priya')
  await sync.syncNow()
  await other.engine.syncOnce()
  await sync.syncNow()
}

async function syncBoth() {
  await useSyncStore().syncNow()
  await other.engine.syncOnce()
  await useSyncStore().syncNow()
}

describe('choosing between texts typed at the same time', () => {
  it('counts one text to choose on both tablets and names it in plain words', async () => {
    await typeOnBoth()
    expect(useSyncStore().conflicts).toBe(1)
    expect(await other.engine.conflictCount()).toBe(1)
    const [choice] = useConflictsStore().items
    expect(choice).toMatchObject({ table: 'actions', recordId: actionId, field: 'title', label: 'Action' })
    expect(choice!.versions.map((v) => [v.value, v.by])).toEqual([
      [TYPED_HERE, 'Sam'],
      [TYPED_THERE, 'Priya'],
    ])
    expect(choice!.versions.every((v) => !Number.isNaN(Date.parse(v.at)))).toBe(true)
  })

  it.each([
    ['the version already on screen', TYPED_THERE],
    ['the other version', TYPED_HERE],
    ['an edit of both', 'Sluice door: call estates today'],
  ])('resolves it on both tablets when the lead keeps %s', async (_name, kept) => {
    await typeOnBoth()
    const conflicts = useConflictsStore()
    const sync = useSyncStore()
    await conflicts.choose(conflicts.items[0]!, kept, 'Jo')
    // Shown on this tablet by itself, before any sync.
    expect(sync.conflicts).toBe(0)
    await vi.waitFor(() => expect(useActionsStore().actions.find((a) => a.id === actionId)?.title).toBe(kept), LIVE)
    expect((await db.outbox.toArray()).at(-1)?.fields).toMatchObject({ title: kept })

    await syncBoth()
    expect(await titleHere()).toBe(kept)
    expect(await titleThere()).toBe(kept)
    expect(sync.conflicts).toBe(0)
    expect(await flaggedHere()).toBe(0)
    expect(await other.engine.conflictCount()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    const history = await db.history.where({ table: 'actions', recordId: actionId }).toArray()
    expect(history.find((h) => h.kind === 'resolved')).toMatchObject({
      by: 'Jo',
      changes: [{ field: 'title', to: kept }],
    })
  })

  it('keeps a version written while the lead was choosing, for the next choice', async () => {
    await typeOnBoth()
    const conflicts = useConflictsStore()
    const shown = conflicts.items[0]!
    // Meanwhile someone on the other tablet rewrites the title (having seen both versions).
    await other.repo.updateRecord<Action>('actions', actionId, { title: 'Estates booked for Monday' }, 'Priya')
    await other.engine.syncOnce()
    await useSyncStore().syncNow()
    await conflicts.choose(shown, TYPED_HERE, 'Jo')
    await syncBoth()
    await other.engine.syncOnce()

    expect(useSyncStore().conflicts).toBe(1)
    expect(await other.engine.conflictCount()).toBe(1)
    expect(conflicts.items[0]!.versions.map((v) => v.value).sort()).toEqual(['Estates booked for Monday', TYPED_HERE])
    expect(await titleHere()).toBe(await titleThere())
  })

  it('refuses an empty action and saves nothing', async () => {
    await typeOnBoth()
    const conflicts = useConflictsStore()
    const before = await db.outbox.count()
    await expect(conflicts.choose(conflicts.items[0]!, '   ', 'Jo')).rejects.toThrow(/Enter the action/)
    expect(await db.outbox.count()).toBe(before)
    expect(conflicts.count).toBe(1)
  })
})
