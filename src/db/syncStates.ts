// Where the sync state (docs/SYNC.md, "How a tablet stores records") of each record is kept, and the only
// module that reads or removes it by key or scope. A record's state is a `syncState` row, or, for records a
// pull brought in bulk while this tablet held no state for them (a fresh tablet's first pull, a unit newly
// enrolled), an entry in one `syncStatePacks` row that holds a whole page's states. IndexedDB's cost is per
// request, not per byte: a page of 500 states as 500 rows cost a fresh tablet about as long again as storing the
// app rows themselves, as one pack (indexed by each record's key) about a sixth of that.
//
// A row, when there is one, is the record's state: anything written after a pack is written as a row, so the
// pack's entry for that record is out of date and never read. A record is in at most one pack (packs only take
// records with no state anywhere). Call these inside a transaction that includes both stores.
import type { HuddleDatabase, SyncStatePack, SyncStateRow } from './db'

export type RecordKey = readonly [table: string, id: string]

/** Fewer new records than this in a page are stored as rows: a pack of a few would only add a lookup. */
export const PACK_FROM = 50

/** A record's key as one string: the packs' index (Dexie compares strings far faster than arrays, and it
 * compares each index key of a write to note what live queries must hear of). */
export const keyOf = (table: string, id: string) => `${table}\u0000${id}`

/** The stores a transaction that reads or writes sync state must include. */
export function syncStateStores(database: HuddleDatabase) {
  return [database.syncState, database.syncStatePacks]
}

/** Each key's state (undefined where this tablet has none), in order. */
export async function syncStatesOf(
  database: HuddleDatabase,
  keys: readonly RecordKey[],
): Promise<(SyncStateRow | undefined)[]> {
  if (keys.length === 0) return []
  const rows = await database.syncState.bulkGet(keys as [string, string][])
  const missing = keys.filter((_key, i) => rows[i] === undefined)
  if (missing.length === 0) return rows
  const packed = await packedStates(database, missing)
  return rows.map((row, i) => row ?? packed.get(keyOf(keys[i]![0], keys[i]![1])))
}

export async function syncStateOf(
  database: HuddleDatabase,
  table: string,
  id: string,
): Promise<SyncStateRow | undefined> {
  const [row] = await syncStatesOf(database, [[table, id]])
  return row
}

/** The states held in packs for these keys (whether or not a row shadows them), by `table\0id`. */
async function packedStates(database: HuddleDatabase, keys: readonly RecordKey[]): Promise<Map<string, SyncStateRow>> {
  const wanted = new Set(keys.map(([table, id]) => keyOf(table, id)))
  const packs = await database.syncStatePacks
    .where('keys')
    .anyOf([...wanted])
    .distinct()
    .toArray()
  const found = new Map<string, SyncStateRow>()
  for (const pack of packs) {
    for (const row of pack.rows) {
      const key = keyOf(row.table, row.id)
      if (wanted.has(key)) found.set(key, row)
    }
  }
  return found
}

/** Every state of a scope's records, deleted ones too. */
export async function syncStatesOfScope(database: HuddleDatabase, scope: string): Promise<SyncStateRow[]> {
  const [rows, packs] = await Promise.all([
    database.syncState.where('scope').equals(scope).toArray(),
    database.syncStatePacks.where('scope').equals(scope).toArray(),
  ])
  const inRows = new Set(rows.map((row) => keyOf(row.table, row.id)))
  const packed = packs.flatMap((pack) => pack.rows).filter((row) => !inRows.has(keyOf(row.table, row.id)))
  if (packed.length === 0) return rows
  // A row in another scope would shadow a pack's entry too (a record's key is its own in every scope).
  const shadowed = await keysWithRows(
    database,
    packed.map((row) => [row.table, row.id] as const),
  )
  return [...rows, ...packed.filter((row) => !shadowed.has(keyOf(row.table, row.id)))]
}

/** Forgets every state of a scope's records (rows and packs). */
export async function deleteSyncStatesOfScope(database: HuddleDatabase, scope: string): Promise<void> {
  await Promise.all([
    database.syncState.where('scope').equals(scope).delete(),
    database.syncStatePacks.where('scope').equals(scope).delete(),
  ])
}

async function keysWithRows(database: HuddleDatabase, keys: readonly RecordKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const found = await database.syncState
    .where('[table+id]')
    .anyOf(keys as [string, string][])
    .primaryKeys()
  return new Set(found.map(([table, id]) => keyOf(table, id)))
}

/** Which of these keys have a state here (a row or a pack entry), by `table\0id`. One cursor walk per store, so
 * on a tablet that holds none of them (a fresh tablet) it costs two requests, not one per key. */
export async function keysWithState(database: HuddleDatabase, keys: readonly RecordKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const [inRows, inPacks] = await Promise.all([
    keysWithRows(database, keys),
    database.syncStatePacks
      .where('keys')
      .anyOf(keys.map(([table, id]) => keyOf(table, id)))
      .keys(),
  ])
  for (const key of inPacks) inRows.add(key as string)
  return inRows
}

/**
 * Stores a pulled page's states: those of records with no state here yet, if there are at least `packFrom` of
 * them, as one pack per scope; the rest (records known before, or with text versions to choose between, which
 * the conflict count finds by an index on rows) as rows. `known` comes from `keysWithState`, read before any
 * write of the page. A record twice in `states` keeps its last state, as a bulk put of rows would.
 */
export async function putPulledStates(
  database: HuddleDatabase,
  states: readonly SyncStateRow[],
  known: ReadonlySet<string> | undefined,
  packFrom = PACK_FROM,
): Promise<void> {
  const last = new Map<string, SyncStateRow>()
  for (const state of states) last.set(keyOf(state.table, state.id), state)
  const rows: SyncStateRow[] = []
  const packable = new Map<string, SyncStateRow[]>()
  for (const [key, state] of last) {
    if (!known || known.has(key) || state.conflicted) rows.push(state)
    else {
      const inScope = packable.get(state.scope)
      if (inScope) inScope.push(state)
      else packable.set(state.scope, [state])
    }
  }
  const packs: SyncStatePack[] = []
  for (const [scope, packed] of packable) {
    if (packed.length < packFrom) rows.push(...packed)
    else packs.push({ scope, keys: packed.map((state) => keyOf(state.table, state.id)), rows: packed })
  }
  await Promise.all([
    rows.length > 0 ? database.syncState.bulkPut(rows) : undefined,
    packs.length > 0 ? database.syncStatePacks.bulkAdd(packs) : undefined,
  ])
}

/** Tests: every state stored here (rows, and the pack entries no row shadows). */
export async function allSyncStates(database: HuddleDatabase): Promise<SyncStateRow[]> {
  return database.transaction('r', syncStateStores(database), async () => {
    const rows = await database.syncState.toArray()
    const inRows = new Set(rows.map((row) => keyOf(row.table, row.id)))
    const packed = (await database.syncStatePacks.toArray())
      .flatMap((pack) => pack.rows)
      .filter((row) => !inRows.has(keyOf(row.table, row.id)))
    return [...rows, ...packed]
  })
}
