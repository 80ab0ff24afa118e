// What this tablet knows of a synced record: the server's last state (syncState) with
// its own unsent changes (outbox) applied on top. Shared by repo.ts (text bases) and the
// sync engine (what to show after a pull). Call inside a transaction that includes
// `outbox` and `syncState`. Also: the text fields with versions to choose between.
import type { SyncedTable } from '@/domain/types'
import { isDeleted, rebaseOnServer } from '@/shared/sync/merge'
import { fromOutboxEntry } from '@/shared/sync/outbox'
import type { Mutation, SyncRecord } from '@/shared/sync/protocol'
import { isSyncedTable, SYNCED_TABLES } from '@/shared/sync/tables'
import { textBase, textConflicts, type TextVersion } from '@/shared/sync/text'
import type { HuddleDatabase, OutboxEntry, SyncStateRow } from './db'

export function mutationOf(entry: OutboxEntry): Mutation {
  return fromOutboxEntry(entry, entry.hlc, entry.textBases ?? {})
}

export function syncRecordOf(row: SyncStateRow | undefined): SyncRecord | undefined {
  if (!row) return undefined
  const { seq: _seq, conflicted: _conflicted, ...record } = row
  return record
}

export function syncStateRowOf(record: SyncRecord, seq: number): SyncStateRow {
  return { ...record, seq, conflicted: Object.keys(textConflicts(record)).length > 0 ? 1 : 0 }
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
  const [row, pending] = await Promise.all([
    database.syncState.get([table, recordId]),
    pendingEntriesFor(database, table, recordId),
  ])
  return rebaseOnServer(syncRecordOf(row), pending.map(mutationOf), SYNCED_TABLES)
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
