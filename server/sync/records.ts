import type { Selectable } from 'kysely'
import type { ServerRecord, SyncRecord } from '../../src/shared/sync/protocol.ts'
import type { RecordsTable } from '../db/schema.ts'

export type RecordRow = Selectable<RecordsTable>

/** One key per record: (scope, table, id), each part but the last led by its length, so no characters in an id or a
 * scope can make two records' keys equal. A push makes several per change: a JSON array cost about ten times as much. */
export function recordKey(scope: string, table: string, id: string): string {
  return `${scope.length}:${scope}${table.length}:${table}${id}`
}

export function fromRow(row: RecordRow): ServerRecord {
  const record: ServerRecord = {
    table: row.tbl,
    id: row.id,
    scope: row.scope,
    seq: Number(row.seq),
    fields: JSON.parse(row.fields) as ServerRecord['fields'],
    clocks: JSON.parse(row.clocks) as ServerRecord['clocks'],
  }
  if (row.origins !== null) record.origins = JSON.parse(row.origins) as NonNullable<ServerRecord['origins']>
  if (row.conflicts !== null) record.conflicts = JSON.parse(row.conflicts) as NonNullable<ServerRecord['conflicts']>
  return record
}

/** The merge state of a stored record (the merge rules work without `seq`). */
export function syncRecordOf(row: RecordRow): SyncRecord {
  const { seq: _seq, ...record } = fromRow(row)
  return record
}

export function toRow(record: SyncRecord, seq: number): RecordRow {
  return {
    scope: record.scope,
    tbl: record.table,
    id: record.id,
    seq,
    fields: JSON.stringify(record.fields),
    clocks: JSON.stringify(record.clocks),
    origins: hasKeys(record.origins) ? JSON.stringify(record.origins) : null,
    conflicts: hasKeys(record.conflicts) ? JSON.stringify(record.conflicts) : null,
  }
}

/** Whether `value` has an own key, without listing them (every row of every push asks it twice). */
function hasKeys(value: object | undefined): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true
  return false
}
