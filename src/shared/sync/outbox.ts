// An outbox entry as a wire mutation. Apart from protocol.ts (whose schemas load zod) so
// the app's writes (src/db/syncRecords.ts) do not pull the validators into every screen.
import type { FieldOp, Mutation } from './protocol.ts'
import { toJsonValue } from './json.ts'
import { fieldKind, isSyncedTable, SYNCED_TABLES, type TableDeclarations } from './tables.ts'

/** The outbox entry the app writes today (src/db/db.ts OutboxEntry), structurally. */
export interface OutboxEntryLike {
  mutationId: string
  table: string
  recordId: string
  unitId: string
  op: 'put'
  fields: Record<string, unknown>
  at: string
  by: string
}

/**
 * An outbox entry as a wire mutation: every field becomes a `set` (undefined → null),
 * and declared text fields carry `base` when the caller passes what the writer had seen
 * of that field (`textBase(localRecordBeforeTheEdit, field)` from merge.ts).
 * `hlc` must be stamped when the change is made and stored with the entry, so a retry
 * sends the same stamp.
 */
export function fromOutboxEntry(
  entry: OutboxEntryLike,
  hlc: string,
  textBases: Readonly<Record<string, string | undefined>> = {},
  tables: TableDeclarations = SYNCED_TABLES,
): Mutation {
  const fields: Record<string, FieldOp> = {}
  for (const [name, value] of Object.entries(entry.fields)) {
    const base = Object.hasOwn(textBases, name) ? textBases[name] : undefined
    const isText = isSyncedTable(tables, entry.table) && fieldKind(tables, entry.table, name) === 'text'
    fields[name] = isText && base !== undefined ? { set: toJsonValue(value), base } : { set: toJsonValue(value) }
  }
  return {
    mutationId: entry.mutationId,
    table: entry.table,
    recordId: entry.recordId,
    scope: entry.unitId,
    hlc,
    // A whole record sent again keeps each text version as it was, some without a writer.
    ...(entry.by === '' ? {} : { by: entry.by }),
    fields,
  }
}
