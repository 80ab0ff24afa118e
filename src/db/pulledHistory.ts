// The audit trail for changes that reach this tablet in a pull. Only the tablet that
// made a change writes its history entry at save time; every other tablet writes one
// here, when the pull changes what it shows ("Changed on another tablet by Priya:
// owner from Sam to Priya"), so a record's history reads the same story everywhere.
//
// Who made a change is known exactly only for the latest write (`updatedBy` travels
// with every change, and its stamp says which write it came with) and for text fields
// (each version keeps its writer). A change whose writer cannot be told is recorded
// without a name rather than with a wrong one.
import { diffRecords } from '@/domain/history'
import { newId } from '@/domain/ids'
import type { FieldChange, HistoryEntry, SyncedTable } from '@/domain/types'
import { wallOf } from '@/shared/sync/hlc'
import { latestStamp } from '@/shared/sync/merge'
import type { SyncRecord } from '@/shared/sync/protocol'
import { DELETED_FIELD } from '@/shared/sync/tables'

type AppRecord = Record<string, unknown>

/** Who wrote the value stamped `stamp` (of `fields`), or '' when that cannot be known. */
function writerOf(record: SyncRecord, stamp: string | undefined, fields: readonly string[]): string {
  if (!stamp) return ''
  const updatedBy = record.fields.updatedBy
  if (record.clocks.updatedBy === stamp && typeof updatedBy === 'string') return updatedBy
  for (const field of fields) {
    const version = record.conflicts?.[field]?.find((v) => v.hlc === stamp)
    if (version?.by) return version.by
    if (record.clocks[field] === stamp && record.origins?.[field]?.by) return record.origins[field].by
  }
  return ''
}

function instantOf(stamp: string | undefined, now: Date): string {
  return (stamp ? new Date(wallOf(stamp)) : now).toISOString()
}

/**
 * The history entries for one pulled record: `before` and `after` are the app record as
 * this tablet showed it before and after the pull (undefined: not shown), `record` the
 * server's copy. Changes made at the same moment (one stamp: one save on one tablet)
 * make one entry; nothing is recorded when the screen does not change.
 */
/** An import stamps every day it writes with a new `importedAt`, in the same save. */
const isImport = (changes: readonly FieldChange[]) => changes.some((c) => c.field === 'importedAt')

export function pulledHistory(
  table: SyncedTable,
  before: AppRecord | undefined,
  after: AppRecord | undefined,
  record: SyncRecord,
  now = new Date(),
): HistoryEntry[] {
  const entry = (kind: HistoryEntry['kind'], stamp: string | undefined, changes: FieldChange[]): HistoryEntry => ({
    id: newId(),
    unitId: record.scope,
    table,
    recordId: record.id,
    at: instantOf(stamp, now),
    by: writerOf(
      record,
      stamp,
      changes.map((c) => c.field),
    ),
    kind,
    changes,
    fromOtherTablet: true,
  })
  if (!before && !after) return []
  if (!after) return [entry('deleted', record.clocks[DELETED_FIELD], [])]
  if (!before) {
    // A record deleted earlier and now back is a restore; otherwise it is new here.
    const restored = Object.hasOwn(record.clocks, DELETED_FIELD)
    const stamp = restored ? record.clocks[DELETED_FIELD] : (record.clocks.createdAt ?? latestStamp(record))
    const changes = diffRecords(undefined, after)
    const kind = restored ? 'restored' : isImport(changes) ? 'imported' : 'created'
    return [
      {
        ...entry(kind, stamp, changes),
        by: writerOf(record, stamp, ['createdAt', ...changes.map((c) => c.field)]),
      },
    ]
  }
  const byStamp = new Map<string, FieldChange[]>()
  for (const change of diffRecords(before, after)) {
    const stamp = record.clocks[change.field] ?? ''
    byStamp.set(stamp, [...(byStamp.get(stamp) ?? []), change])
  }
  return [...byStamp.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([stamp, changes]) => {
      const archiving = changes.find((c) => c.field === 'archived')
      const kind = archiving
        ? archiving.to === true
          ? 'archived'
          : 'restored'
        : isImport(changes)
          ? 'imported'
          : 'updated'
      return entry(kind, stamp || undefined, changes)
    })
}
