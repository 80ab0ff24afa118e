// Where each record's sync state is kept (src/db/syncStates.ts): a row, or an entry in a pulled page's pack,
// with a row always the record's state when there is one.
import { afterEach, describe, expect, it } from 'vitest'
import { HuddleDatabase, type SyncStateRow } from '@/db/db'
import {
  allSyncStates,
  deleteSyncStatesOfScope,
  keysWithState,
  putPulledStates,
  syncStateOf,
  syncStatesOf,
  syncStatesOfScope,
} from '@/db/syncStates'

let opened = 0
let database: HuddleDatabase
function fresh(): HuddleDatabase {
  database = new HuddleDatabase(`sync-states-${++opened}`)
  return database
}
afterEach(async () => {
  database.close()
  await database.delete()
})

const state = (table: string, id: string, scope: string, seq: number, extra: Partial<SyncStateRow> = {}) =>
  ({
    table,
    id,
    scope,
    seq,
    stamps: { [`17641440000${String(seq).padStart(2, '0')}:000000:dabc`]: ['title'] },
    values: {},
    ...extra,
  }) satisfies SyncStateRow

const inTransaction = <T>(db: HuddleDatabase, work: () => Promise<T>) =>
  db.transaction('rw', db.syncState, db.syncStatePacks, work)

describe('storing a pulled page', () => {
  it.each([
    {
      name: 'records new to the tablet, as many as the threshold, go in one pack',
      states: [state('actions', 'a1', 'u1', 1), state('actions', 'a2', 'u1', 2)],
      known: [],
      packFrom: 2,
      rows: [],
      packs: [['a1', 'a2']],
    },
    {
      name: 'fewer than the threshold stay rows',
      states: [state('actions', 'a1', 'u1', 1), state('actions', 'a2', 'u1', 2)],
      known: [],
      packFrom: 3,
      rows: ['a1', 'a2'],
      packs: [],
    },
    {
      name: 'a record known before is written as a row, the new ones packed',
      states: [state('actions', 'a1', 'u1', 1), state('actions', 'a2', 'u1', 2), state('actions', 'a3', 'u1', 3)],
      known: ['a2'],
      packFrom: 2,
      rows: ['a2'],
      packs: [['a1', 'a3']],
    },
    {
      name: 'a record with text versions to choose between stays a row (the conflict count is an index on rows)',
      states: [state('actions', 'a1', 'u1', 1, { conflicted: 1 }), state('actions', 'a2', 'u1', 2)],
      known: [],
      packFrom: 1,
      rows: ['a1'],
      packs: [['a2']],
    },
    {
      name: 'a record twice keeps its last state, once',
      states: [state('actions', 'a1', 'u1', 1), state('actions', 'a1', 'u1', 5), state('actions', 'a2', 'u1', 2)],
      known: [],
      packFrom: 1,
      rows: [],
      packs: [['a1', 'a2']],
    },
    {
      name: 'one pack per scope',
      states: [state('actions', 'a1', 'u1', 1), state('actions', 'b1', 'u2', 1)],
      known: [],
      packFrom: 1,
      rows: [],
      packs: [['a1'], ['b1']],
    },
  ])('$name', async ({ states, known, packFrom, rows, packs }) => {
    const db = fresh()
    const knownKeys = new Set(known.map((id) => `actions\u0000${id}`))
    await inTransaction(db, () => putPulledStates(db, states, knownKeys, packFrom))
    expect((await db.syncState.toArray()).map((row) => row.id).sort()).toEqual(rows)
    expect((await db.syncStatePacks.toArray()).map((pack) => pack.rows.map((row) => row.id).sort())).toEqual(packs)
    expect((await allSyncStates(db)).find((row) => row.id === 'a1')?.seq).toBe(
      states.filter((s) => s.id === 'a1').at(-1)?.seq,
    )
  })

  it('without `known` (a small page) writes rows only', async () => {
    const db = fresh()
    await inTransaction(db, () => putPulledStates(db, [state('actions', 'a1', 'u1', 1)], undefined, 1))
    expect(await db.syncStatePacks.count()).toBe(0)
    expect(await db.syncState.count()).toBe(1)
  })
})

describe('reading states back', () => {
  async function packedThenRow(db: HuddleDatabase) {
    await inTransaction(db, () =>
      putPulledStates(
        db,
        [state('actions', 'a1', 'u1', 1), state('actions', 'a2', 'u1', 2), state('ideas', 'i1', 'u1', 3)],
        new Set(),
        1,
      ),
    )
    // A later pull of a1 writes a row: from then on that is its state.
    await inTransaction(db, () => putPulledStates(db, [state('actions', 'a1', 'u1', 9)], new Set(['actions\u0000a1'])))
  }

  it('finds a packed state by key, and a row over the pack where there is one', async () => {
    const db = fresh()
    await packedThenRow(db)
    const [a1, a2, i1, none] = await inTransaction(db, () =>
      syncStatesOf(db, [
        ['actions', 'a1'],
        ['actions', 'a2'],
        ['ideas', 'i1'],
        ['actions', 'nope'],
      ]),
    )
    expect([a1?.seq, a2?.seq, i1?.seq, none]).toEqual([9, 2, 3, undefined])
    expect((await inTransaction(db, () => syncStateOf(db, 'ideas', 'i1')))?.table).toBe('ideas')
    expect(await inTransaction(db, () => syncStateOf(db, 'ideas', 'a1'))).toBeUndefined()
  })

  it("lists a scope's states once each, rows first, and no other scope's", async () => {
    const db = fresh()
    await packedThenRow(db)
    await inTransaction(db, () => putPulledStates(db, [state('actions', 'b1', 'u2', 1)], new Set(), 1))
    const listed = await inTransaction(db, () => syncStatesOfScope(db, 'u1'))
    expect(listed.map((row) => [row.id, row.seq])).toEqual([
      ['a1', 9],
      ['a2', 2],
      ['i1', 3],
    ])
    expect((await inTransaction(db, () => syncStatesOfScope(db, 'u2'))).map((row) => row.id)).toEqual(['b1'])
  })

  it('knows which keys have a state, in a row or a pack', async () => {
    const db = fresh()
    await packedThenRow(db)
    const known = await inTransaction(db, () =>
      keysWithState(db, [
        ['actions', 'a1'],
        ['actions', 'a2'],
        ['actions', 'x'],
        ['ideas', 'a2'],
      ]),
    )
    expect([...known].sort()).toEqual(['actions\u0000a1', 'actions\u0000a2'])
  })

  it("forgets a scope's rows and packs together", async () => {
    const db = fresh()
    await packedThenRow(db)
    await inTransaction(db, () => putPulledStates(db, [state('actions', 'b1', 'u2', 1)], new Set(), 1))
    await inTransaction(db, () => deleteSyncStatesOfScope(db, 'u1'))
    expect((await allSyncStates(db)).map((row) => row.id)).toEqual(['b1'])
  })
})
