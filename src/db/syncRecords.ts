// What this tablet knows of a synced record: the server's last state (syncState) with
// its own unsent changes (outbox) applied on top. Shared by repo.ts (text bases) and the
// sync engine (what to show after a pull). Call inside a transaction that includes
// `outbox`, `syncState`, `syncStatePacks` and the record's app table. Also: the text fields with versions to
// choose between, and how the sync state is stored (the stamps, not a second copy of the values).
import type { SyncedTable } from '@/domain/types'
import type { JsonValue } from '@/shared/sync/json'
import { isDeleted, rebaseOnServer } from '@/shared/sync/merge'
import { fromOutboxEntry } from '@/shared/sync/outbox'
import type { Mutation, SyncRecord } from '@/shared/sync/protocol'
import { isSyncedTable, SYNCED_TABLES } from '@/shared/sync/tables'
import { textBase, textConflicts, type TextVersion } from '@/shared/sync/text'
import type { HuddleDatabase, OutboxEntry, SyncStateRow } from './db'
import type { AppRow } from './syncStateRow'
import { syncStateOf } from './syncStates'

export { syncStateRowOf, type AppRow } from './syncStateRow'

export function mutationOf(entry: OutboxEntry): Mutation {
  // A record sent again whole names its own text versions (each with a base), so it is sent right even for a
  // table this version does not know (kept from a newer tablet's changes).
  if (entry.resend) {
    const tables = { [entry.table]: { textFields: Object.keys(entry.textBases ?? {}) } }
    return fromOutboxEntry(entry, entry.hlc, entry.textBases ?? {}, tables)
  }
  return fromOutboxEntry(entry, entry.hlc, entry.textBases ?? {})
}

/**
 * The server's last state of a record from its stored merge state and app row. A field changed here since the
 * sync state was written shows its unsent value under the server's stamp (the unsent change itself carries the
 * later stamp). A field whose value neither holds (an app row removed without keeping its values) is left out.
 */
export function syncRecordOf(row: SyncStateRow | undefined, appRow: AppRow | undefined): SyncRecord | undefined {
  if (!row) return undefined
  const fields: Record<string, JsonValue> = {}
  const clocks: Record<string, string> = {}
  for (const [stamp, names] of Object.entries(row.stamps)) {
    for (const field of names) {
      if (Object.hasOwn(row.values, field)) fields[field] = row.values[field]!
      else if (appRow && Object.hasOwn(appRow, field) && appRow[field] !== undefined)
        fields[field] = appRow[field] as JsonValue
      else continue
      clocks[field] = stamp
    }
  }
  const record: SyncRecord = { table: row.table, id: row.id, scope: row.scope, fields, clocks }
  if (row.origins) record.origins = row.origins
  if (row.conflicts) record.conflicts = row.conflicts
  return record
}

/** The app rows of these sync state rows (undefined where none is stored), read together. */
export async function appRowsOf(
  database: HuddleDatabase,
  keys: readonly (readonly [string, string])[],
): Promise<(AppRow | undefined)[]> {
  const byTable = new Map<string, number[]>()
  keys.forEach(([table], i) => byTable.set(table, [...(byTable.get(table) ?? []), i]))
  const rows: (AppRow | undefined)[] = keys.map(() => undefined)
  await Promise.all(
    [...byTable].map(async ([table, positions]) => {
      if (!isSyncedTable(SYNCED_TABLES, table)) return
      const found = await database.table(table).bulkGet(positions.map((i) => keys[i]![1]))
      found.forEach((appRow, j) => (rows[positions[j]!] = appRow as AppRow | undefined))
    }),
  )
  return rows
}

/** The server's last state of each of these records as this tablet stores it. Call inside a transaction that
 * includes `syncState` and the app tables of the records. */
export async function storedSyncRecords(
  database: HuddleDatabase,
  rows: readonly SyncStateRow[],
): Promise<SyncRecord[]> {
  const appRows = await appRowsOf(
    database,
    rows.map((row) => [row.table, row.id] as const),
  )
  return rows.map((row, i) => syncRecordOf(row, appRows[i])!)
}

/** Keeps the server's values of a record whose app row is about to be removed here (a local delete), so the
 * sync state still holds the whole record (sent again whole after a restore). In the caller's transaction. */
export async function keepValuesOf(database: HuddleDatabase, table: string, appRow: AppRow): Promise<void> {
  const row = await syncStateOf(database, table, appRow.id as string)
  if (!row) return
  const values = { ...row.values }
  for (const names of Object.values(row.stamps)) {
    for (const field of names) {
      if (!Object.hasOwn(values, field) && appRow[field] !== undefined) values[field] = appRow[field] as JsonValue
    }
  }
  await database.syncState.put({ ...row, values })
}

export async function pendingEntriesFor(
  database: HuddleDatabase,
  table: string,
  recordId: string,
): Promise<OutboxEntry[]> {
  const entries = await database.outbox.where('[table+recordId]').equals([table, recordId]).toArray()
  return entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
}

/** The server's record with this tablet's unsent changes on top (undefined: never synced, nothing pending). */
export async function localViewOf(
  database: HuddleDatabase,
  table: string,
  recordId: string,
): Promise<SyncRecord | undefined> {
  const [row, appRow, pending] = await Promise.all([
    syncStateOf(database, table, recordId),
    isSyncedTable(SYNCED_TABLES, table) ? database.table(table).get(recordId) : undefined,
    pendingEntriesFor(database, table, recordId),
  ])
  return rebaseOnServer(syncRecordOf(row, appRow as AppRow | undefined), pending.map(mutationOf), SYNCED_TABLES)
}

/** One text field with versions for someone to choose between, as this tablet shows it. */
export interface OpenTextConflict {
  table: SyncedTable
  recordId: string
  field: string
  /** The record as the app tables hold it (for naming it on screen). */
  record: Record<string, unknown>
  /** Oldest first. */
  versions: TextVersion[]
  /** Every version shown, as a text base: an edit saved with it replaces them all. */
  base: string
}

/**
 * Text fields whose versions differ, on this tablet's view of each record (the server's
 * copy with unsent changes on top), so a choice saved offline stops showing at once.
 * Besides the records flagged when pulled, records with unsent text edits are checked:
 * an edit can meet a version pulled after it was typed.
 */
export async function openTextConflicts(database: HuddleDatabase): Promise<OpenTextConflict[]> {
  const tables = [
    database.syncState,
    database.syncStatePacks,
    database.outbox,
    ...Object.keys(SYNCED_TABLES).map((name) => database.table(name)),
  ]
  return database.transaction('r', tables, async () => {
    const keys = new Map<string, [string, string]>()
    for (const row of await database.syncState.where('conflicted').equals(1).toArray())
      keys.set(`${row.table}/${row.id}`, [row.table, row.id])
    await database.outbox.each((entry) => {
      const { textFields } = SYNCED_TABLES[entry.table]
      if (textFields.some((field) => Object.hasOwn(entry.fields, field)))
        keys.set(`${entry.table}/${entry.recordId}`, [entry.table, entry.recordId])
    })
    const open: OpenTextConflict[] = []
    for (const [table, recordId] of [...keys.values()].sort((a, b) =>
      `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`),
    )) {
      if (!isSyncedTable(SYNCED_TABLES, table)) continue
      const view = await localViewOf(database, table, recordId)
      const record = (await database.table(table).get(recordId)) as Record<string, unknown> | undefined
      if (!view || isDeleted(view) || !record) continue
      for (const [field, versions] of Object.entries(textConflicts(view))) {
        open.push({ table: table as SyncedTable, recordId, field, record, versions, base: textBase(view, field) ?? '' })
      }
    }
    return open
  })
}
