// How a record's merge state is stored (syncState rows), apart from the rest of syncRecords.ts (the local view,
// the merge), so the database's migrations (db.ts, in the shell) read it without the write path.
import { canonicalJson, type JsonValue } from '@/shared/sync/json'
import type { SyncRecord } from '@/shared/sync/protocol'
import { textConflicts } from '@/shared/sync/textConflicts'
import type { SyncStateRow } from './db'

/** A record as the app tables hold it: every value stored there, keyed by field name. */
export type AppRow = Record<string, unknown>

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  return canonicalJson(a) === canonicalJson(b)
}

/**
 * The stored form of a record's merge state (docs/SYNC.md, "How a tablet stores records"). The app row already
 * holds the values, so the sync state keeps the stamps (grouped: the fields one change wrote share one stamp),
 * the text versions, and only the values the app row does not show: every value when there is no app row (a
 * deleted record), otherwise those that differ from it (the tombstone flag, an unsent change shown over the
 * server's value).
 */
export function syncStateRowOf(record: SyncRecord, seq: number, appRow: AppRow | undefined): SyncStateRow {
  const stamps: Record<string, string[]> = {}
  for (const [field, stamp] of Object.entries(record.clocks)) (stamps[stamp] ??= []).push(field)
  const values: Record<string, JsonValue> = {}
  for (const [field, value] of Object.entries(record.fields)) {
    if (!appRow || !sameValue(appRow[field], value)) values[field] = value
  }
  const row: SyncStateRow = {
    table: record.table,
    id: record.id,
    scope: record.scope,
    seq,
    stamps,
    values,
  }
  if (Object.keys(textConflicts(record)).length > 0) row.conflicted = 1
  if (record.origins) row.origins = record.origins
  if (record.conflicts) row.conflicts = record.conflicts
  return row
}
