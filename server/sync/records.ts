import type { Selectable } from 'kysely'
import type { ServerRecord, SyncRecord } from '../../src/shared/sync/protocol.ts'
import type { RecordsTable } from '../db/schema.ts'

export type RecordRow = Selectable<RecordsTable>

/** One key per record: (scope, table, id) without any separator a record id could contain. */
export function recordKey(scope: string, table: string, id: string): string {
  return JSON.stringify([scope, table, id])
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
    origins: record.origins && Object.keys(record.origins).length > 0 ? JSON.stringify(record.origins) : null,
    conflicts: record.conflicts && Object.keys(record.conflicts).length > 0 ? JSON.stringify(record.conflicts) : null,
  }
}
