// A form's copy can be older than what a pull stored: it was opened before the pull (the
// stores read live, so the screen itself is never stale). Saving one field from it must
// then send only that field, so the pulled value of another field is never overwritten
// with the old copy's value.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import type { Action, Board, DayEntry, Measure, Unit } from '@/domain/types'
import { londonDay } from '@/domain/dates'
import { entryId } from '@/domain/ids'
import { useActionsStore } from '@/stores/actions'
import { useBoardStore, type MeasureInput } from '@/stores/board'
import { useOrgStore } from '@/stores/org'
import { useSyncStore } from '@/stores/sync'
import { createSyncEngine, type SyncEngine } from '@/sync/engine'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { enrolDatabase, makeTablet, transportFor, type Tablet } from './tablets'

/** Live queries answer after IndexedDB does: generous for a loaded two-core machine. */
const LIVE = { timeout: 10_000, interval: 20 }

let server: MemorySyncServer
let other: Tablet
/** This tablet's engine used directly: it stores what it pulls. */
let bareEngine: SyncEngine
let board: Board
let measure: Measure
let actionId: string
const today = londonDay()

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  server = new MemorySyncServer()
  other = makeTablet('other', server)
  const sync = useSyncStore()
  sync.useTransport(transportFor(server, db))
  bareEngine = createSyncEngine({ database: db, transport: transportFor(server, db) })
  board = await useOrgStore().setUp(
    {
      trustName: 'Leeds',
      csuName: 'Medicine',
      unitName: 'Ward 7',
      unitKind: 'ward',
      boardName: 'Ward 7 board',
      people: ['Sam'],
    },
    'Sam',
  )
  const boardStore = useBoardStore()
  await boardStore.load(board.id)
  measure = await boardStore.addMeasure(
    {
      categoryId: board.categories[0]!.id,
      name: 'Falls',
      type: 'count',
      unit: 'falls',
      direction: 'lower',
      target: 0,
      thresholds: null,
      description: '',
      conceptIds: [],
    } as MeasureInput,
    'Sam',
  )
  await boardStore.recordValue(measure, today, 2, '', 'Sam')
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

/** The other tablet changes field X and sends it; this tablet pulls it while a form is open. */
async function changedElsewhere(change: () => Promise<unknown>) {
  await change()
  await other.engine.syncOnce()
  expect((await bareEngine.syncOnce()).outcome).toBe('synced')
}

async function syncBoth() {
  await useSyncStore().syncNow()
  await other.engine.syncOnce()
}

const sentFields = async () =>
  (await db.outbox.toArray()).map((entry) =>
    Object.keys(entry.fields).filter((f) => !['updatedAt', 'updatedBy'].includes(f)),
  )

describe('a stale copy on screen never overwrites a pulled value', () => {
  it('action: the owner changed elsewhere stays when the title is edited from the old copy', async () => {
    const actions = useActionsStore()
    const openedOn = { ...actions.actions.find((a) => a.id === actionId)! }
    expect(openedOn.owner).toBe('Sam')
    await changedElsewhere(() => other.repo.updateRecord<Action>('actions', actionId, { owner: 'Priya' }, 'Priya'))
    // The screen shows the pulled owner by itself…
    await vi.waitFor(() => expect(actions.actions.find((a) => a.id === actionId)?.owner).toBe('Priya'), LIVE)
    // …while the form opened before it sends every field, the owner as it was then.
    await actions.update(
      actionId,
      {
        title: 'Fix the sluice door today',
        owner: 'Sam',
        dueDay: null,
        measureId: null,
        measureDay: null,
        conceptIds: [],
      },
      'Sam',
      openedOn,
    )
    expect(await sentFields()).toEqual([['title']])
    expect(actions.actions.find((a) => a.id === actionId)).toMatchObject({
      owner: 'Priya',
      title: 'Fix the sluice door today',
    })

    await syncBoth()
    for (const database of [db, other.database]) {
      expect(await database.actions.get(actionId)).toMatchObject({ owner: 'Priya', title: 'Fix the sluice door today' })
    }
  })

  it('action: closing it keeps a due date set elsewhere', async () => {
    await changedElsewhere(() => other.repo.updateRecord<Action>('actions', actionId, { dueDay: today }, 'Priya'))
    await useActionsStore().setStatus(actionId, 'done', 'Sam')
    await syncBoth()
    for (const database of [db, other.database])
      expect(await database.actions.get(actionId)).toMatchObject({ dueDay: today, status: 'done' })
  })

  it('measure: the target changed elsewhere stays when the name is edited from the old copy', async () => {
    await changedElsewhere(() => other.repo.updateRecord<Measure>('measures', measure.id, { target: 2 }, 'Priya'))
    const {
      id: _id,
      unitId: _unit,
      boardId: _board,
      order: _order,
      archived: _archived,
      createdAt: _c,
      updatedAt: _u,
      updatedBy: _b,
      ...form
    } = measure
    await useBoardStore().updateMeasure(measure.id, { ...form, name: 'Inpatient falls' }, 'Sam', measure)
    expect(await sentFields()).toEqual([['name']])
    await syncBoth()
    for (const database of [db, other.database])
      expect(await database.measures.get(measure.id)).toMatchObject({ target: 2, name: 'Inpatient falls' })
  })

  it('day value: a comment added elsewhere stays when the value is corrected from the old copy', async () => {
    const boardStore = useBoardStore()
    const shown = { ...boardStore.entryFor(measure.id, today)! }
    expect(shown.comment).toBe('')
    await changedElsewhere(() =>
      other.repo.updateRecord<DayEntry>(
        'entries',
        entryId(measure.id, today),
        { comment: 'One fall in bay 2' },
        'Priya',
      ),
    )
    await vi.waitFor(() => expect(boardStore.entryFor(measure.id, today)?.comment).toBe('One fall in bay 2'), LIVE)
    await boardStore.recordValue(measure, today, 3, shown.comment, 'Sam', today, shown)
    expect(await sentFields()).toEqual([['value']])
    await syncBoth()
    for (const database of [db, other.database]) {
      expect(await database.entries.get(entryId(measure.id, today))).toMatchObject({
        value: 3,
        comment: 'One fall in bay 2',
      })
    }
  })

  it('board and unit: a name changed elsewhere stays when other settings are saved from the old copy', async () => {
    const boardStore = useBoardStore()
    const openedOn = { ...boardStore.board! }
    await changedElsewhere(async () => {
      await other.repo.updateRecord<Board>('boards', board.id, { name: 'Ward 7 safety huddle' }, 'Priya')
      await other.repo.updateRecord<Unit>('units', board.unitId, { name: 'Ward 7 (Respiratory)' }, 'Priya')
    })
    await boardStore.updateBoard(
      { name: openedOn.name, categories: openedOn.categories, huddleMinutes: 12 },
      'Sam',
      openedOn,
    )
    await useOrgStore().updateUnit(board.unitId, { people: ['Sam', 'Jo'] }, 'Sam')
    expect(await sentFields()).toEqual([['huddleMinutes'], ['people']])
    await syncBoth()
    for (const database of [db, other.database]) {
      expect(await database.boards.get(board.id)).toMatchObject({ name: 'Ward 7 safety huddle', huddleMinutes: 12 })
      expect(await database.units.get(board.unitId)).toMatchObject({
        name: 'Ward 7 (Respiratory)',
        people: ['Sam', 'Jo'],
      })
    }
  })

  it('saves nothing when the person changed nothing, even from a stale copy', async () => {
    const action = { ...useActionsStore().actions.find((a) => a.id === actionId)! }
    await changedElsewhere(() => other.repo.updateRecord<Action>('actions', actionId, { owner: 'Priya' }, 'Priya'))
    await useActionsStore().update(actionId, { title: action.title, owner: action.owner }, 'Sam', action)
    expect(await db.outbox.count()).toBe(0)
    expect((await db.actions.get(actionId))?.owner).toBe('Priya')
  })
})
