import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, resetDatabase, SYNC_META } from '@/db/db'
import { repoFor } from '@/db/repo'
import type { Action, Measure } from '@/domain/types'
import { NEW_BOARD_NAME, useEnrolmentStore } from '@/stores/enrolment'
import { useOrgStore } from '@/stores/org'
import { useSyncStore } from '@/stores/sync'
import { readEnrolment } from '@/sync/enrolment'
import { createHttpTransport } from '@/sync/transport.http'
import { MemorySyncServer } from '../../helpers/memorySyncServer'
import { INVALID_CODE_MESSAGE } from '@/sync/transport-types'
import { transportFor } from '../sync/client/tablets'

/** Enrolment and sync run several IndexedDB transactions: generous under a loaded test run. */
const WAIT = { timeout: 10_000 }

let server: MemorySyncServer
/** Stores are looked up in this test's Pinia, never in whichever is active (a store action
 * makes its own Pinia the active one). */
let pinia: Pinia

beforeEach(async () => {
  await resetDatabase()
  pinia = createPinia()
  setActivePinia(pinia)
  server = new MemorySyncServer()
  server.addUnit({ id: 'unit-7', name: 'Ward 7' }, { record: true })
  useEnrolmentStore(pinia).useTransport(transportFor(server, db))
  useSyncStore(pinia).useTransport(transportFor(server, db))
})

// Sharing and setting up a board sync in the background: let that finish inside the test.
afterEach(async () => {
  await useEnrolmentStore(pinia).settled()
})

const codeForWard7 = () => server.issueCode({ kind: 'unit', id: 'unit-7' })

async function enrolWard7() {
  const store = useEnrolmentStore(pinia)
  expect(await store.enrol({ code: codeForWard7().toLowerCase(), deviceName: " Ward 7 nurses' station " })).toEqual({})
  await store.settled()
  return store
}

/** A board set up on this tablet before enrolment, with some work on it. */
async function setUpLocalBoard() {
  const org = useOrgStore(pinia)
  const board = await org.setUp(
    {
      trustName: 'Leeds',
      csuName: 'Medicine',
      unitName: 'My ward',
      unitKind: 'ward',
      boardName: 'Our board',
      people: ['Priya', 'Sam'],
    },
    'Sam',
  )
  const repo = repoFor(db)
  const measure = await repo.saveRecord<Measure>(
    'measures',
    {
      id: 'measure-1',
      unitId: board.unitId,
      boardId: board.id,
      categoryId: 'safety',
      name: 'Falls',
      type: 'count',
      unit: 'falls',
      direction: 'lower',
      target: 0,
      thresholds: null,
      description: '',
      conceptIds: [],
      order: 1,
      archived: false,
    },
    'Sam',
  )
  await repo.saveRecord<Measure>('measures', { ...measure, target: 1 }, 'Priya')
  await repo.saveRecord<Action>(
    'actions',
    {
      id: 'action-1',
      unitId: board.unitId,
      boardId: board.id,
      title: 'Fix the sluice door',
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
  return board
}

describe('enrolling with a code', () => {
  it('stores the enrolment, the trust and CSU, and pulls the unit in a first sync', async () => {
    const store = await enrolWard7()
    const stored = await readEnrolment(db)
    expect(stored).toMatchObject({
      name: "Ward 7 nurses' station",
      serverId: 'memory-server',
      scope: { kind: 'unit', id: 'unit-7', name: 'Ward 7' },
    })
    expect(stored?.token).toMatch(/^token-/)
    expect(await db.trusts.toArray()).toEqual([
      { id: 'trust-1', name: 'Northfield Teaching Hospitals', createdAt: stored!.enrolledAt },
    ])
    expect(await db.csus.toArray()).toEqual([
      { id: 'csu', trustId: 'trust-1', name: 'Medicine', createdAt: stored!.enrolledAt },
    ])
    expect(store.firstSync).toBe('done')
    expect(await db.units.get('unit-7')).toMatchObject({ name: 'Ward 7', people: [] })
    expect(store.unitsWithoutBoard.map((u) => u.name)).toEqual(['Ward 7'])
  })

  it('sets up a board for a unit that has none, so the tablet counts as set up, and sends it', async () => {
    const store = await enrolWard7()
    const board = await store.setUpBoard('unit-7', 'Sam')
    const org = useOrgStore(pinia)
    expect(org.isSetUp).toBe(true)
    expect(org.currentBoard).toMatchObject({ id: board.id, unitId: 'unit-7', name: NEW_BOARD_NAME })
    expect(board.categories.length).toBeGreaterThan(0)
    expect(board.agenda.length).toBeGreaterThan(0)
    await vi.waitFor(() => expect(server.recordsIn('unit-7').map((r) => r.table)).toContain('boards'), WAIT)
    expect(store.unitsWithoutBoard).toEqual([])
  })

  it('refuses an unknown or used code with a plain message, storing nothing', async () => {
    const store = useEnrolmentStore(pinia)
    const code = codeForWard7()
    await store.enrol({ code, deviceName: 'First tablet' })
    await store.settled()
    await resetDatabase()
    expect(await store.enrol({ code, deviceName: 'Second tablet' })).toEqual({ code: INVALID_CODE_MESSAGE })
    expect(await db.meta.get(SYNC_META.enrolment)).toBeUndefined()
    expect(await db.trusts.count()).toBe(0)
  })

  it('checks the form before asking the server', async () => {
    const store = useEnrolmentStore(pinia)
    const errors = await store.enrol({ code: 'ABCD-EF01', deviceName: '' })
    expect(errors.code).toMatch(/never I or O.*2 to 9/)
    expect(errors.deviceName).toBe('Enter a name for this tablet')
    expect(await store.enrol({ code: 'ABCD-EFGH', deviceName: 'x'.repeat(81) })).toMatchObject({
      code: expect.stringMatching(/all 12/),
      deviceName: expect.stringMatching(/80 characters/),
    })
    expect(server.requests).toEqual([])
  })

  it('says plainly when the server cannot be reached', async () => {
    const store = useEnrolmentStore(pinia)
    store.useTransport(createHttpTransport({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }))
    expect(await store.enrol({ code: 'ABCD-EFGH-JKMN', deviceName: 'Tablet' })).toEqual({
      submit: expect.stringMatching(/cannot reach the sync server/),
    })
    expect(await readEnrolment(db)).toBeUndefined()
  })

  it('never offers demo boards for sharing', async () => {
    await useOrgStore(pinia).loadDemo('2026-11-26')
    const store = await enrolWard7()
    expect(store.shareable).toEqual([])
  })
})

describe('sharing a board set up before enrolment', () => {
  it('moves every record, history row and outbox entry into the enrolled unit, which then uploads it', async () => {
    const board = await setUpLocalBoard()
    const localUnit = board.unitId
    const store = await enrolWard7()
    expect(server.recordsIn('unit-7').map((r) => r.table)).toEqual(['units'])
    expect(store.shareable.map((s) => s.unit.name)).toEqual(['My ward'])
    const historyBefore = await db.history.count()

    const moved = await store.shareBoard(localUnit, 'unit-7', 'Sam')
    expect(moved).toBe(3)
    expect(store.shareable).toEqual([])
    expect(store.shareNotice).toMatch(/“Our board” now belongs to Ward 7/)
    expect(await db.units.get(localUnit)).toBeUndefined()
    expect(await db.units.get('unit-7')).toMatchObject({ name: 'Ward 7', csuId: 'csu', people: ['Priya', 'Sam'] })
    for (const table of ['boards', 'measures', 'actions'] as const) {
      expect((await db.table(table).toArray()).every((r: { unitId: string }) => r.unitId === 'unit-7')).toBe(true)
    }
    const history = await db.history.toArray()
    expect(history.length).toBe(historyBefore + 1) // the people list merged into Ward 7
    expect(history.every((h) => h.unitId === 'unit-7')).toBe(true)
    expect(history.filter((h) => h.table === 'units').every((h) => h.recordId === 'unit-7')).toBe(true)
    const outbox = await db.outbox.toArray()
    expect(outbox.every((e) => e.unitId === 'unit-7')).toBe(true)
    expect(outbox.filter((e) => e.table === 'units')).toEqual([
      expect.objectContaining({ recordId: 'unit-7', fields: expect.objectContaining({ people: ['Priya', 'Sam'] }) }),
    ])
    // The CSU and trust typed in at setup belonged only to the local unit.
    expect((await db.csus.toArray()).map((c) => c.name)).toEqual(['Medicine'])
    expect((await db.trusts.toArray()).map((t) => t.name)).toEqual(['Northfield Teaching Hospitals'])

    await vi.waitFor(
      () =>
        expect(
          server
            .recordsIn('unit-7')
            .map((r) => r.table)
            .sort(),
        ).toEqual(['actions', 'boards', 'measures', 'units']),
      WAIT,
    )
    expect(server.recordsIn('unit-7').find((r) => r.table === 'measures')?.fields).toMatchObject({
      name: 'Falls',
      target: 1,
    })
    expect(server.recordsIn(localUnit)).toEqual([])
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0), WAIT)
  })

  it('sends a record that had nothing queued whole', async () => {
    const board = await setUpLocalBoard()
    await db.actions.put({
      id: 'quiet',
      unitId: board.unitId,
      boardId: board.id,
      title: 'Loaded without an outbox entry',
      owner: 'Jo',
      dueDay: null,
      status: 'open',
      measureId: null,
      measureDay: null,
      conceptIds: [],
      closedAt: null,
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
      updatedBy: 'Jo',
    })
    const store = await enrolWard7()
    await store.shareBoard(board.unitId, 'unit-7', 'Sam')
    const [entry] = await db.outbox.where('[table+recordId]').equals(['actions', 'quiet']).toArray()
    expect(entry).toMatchObject({
      unitId: 'unit-7',
      fields: {
        title: 'Loaded without an outbox entry',
        owner: 'Jo',
        boardId: board.id,
        createdAt: '2026-11-01T09:00:00.000Z',
      },
    })
    expect(entry!.fields).not.toHaveProperty('id')
    expect(entry!.fields).not.toHaveProperty('unitId')
  })

  it('changes nothing at all when any part of the move fails (one transaction)', async () => {
    const board = await setUpLocalBoard()
    const store = await enrolWard7()
    const snapshot = async () => ({
      units: await db.units.toArray(),
      boards: await db.boards.toArray(),
      measures: await db.measures.toArray(),
      history: await db.history.toArray(),
      outbox: await db.outbox.toArray(),
      csus: await db.csus.toArray(),
    })
    const before = await snapshot()
    const spy = vi.spyOn(db.history, 'update').mockRejectedValueOnce(new Error('disk full'))
    await expect(store.shareBoard(board.unitId, 'unit-7', 'Sam')).rejects.toThrow('disk full')
    spy.mockRestore()
    expect(await snapshot()).toEqual(before)
    expect(store.shareable.map((s) => s.unit.id)).toEqual([board.unitId])
  })
})
