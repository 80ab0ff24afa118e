// What a tablet sends again when the server no longer holds what it once acknowledged (restored from a
// backup): the whole record as this tablet last had it from the server, as ordinary changes. Each plain
// field goes with the stamp it was written under and each text version with its own stamp, writer and base,
// so applying them rebuilds exactly that state (merge rules: an equal stamp is the same write), and on a
// server that still has it they change nothing.
// Mutation ids are made as for every other change (time-ordered UUIDs), so a whole scope sent again lands in
// order in the server's index of applied changes.
import { newId } from '@/domain/ids'
import type { SyncedTable } from '@/domain/types'
import type { OutboxEntry } from '@/db/db'
import { MUTATION_MAX_FIELDS, type SyncRecord } from '@/shared/sync/protocol'
import { fieldKind, isSyncedTable, SYNCED_TABLES } from '@/shared/sync/tables'
import { liveVersions } from '@/shared/sync/text'

/** Outbox entries that give a server without this record the whole of it (marked `resend`). */
export function wholeRecordEntries(record: SyncRecord, at = new Date().toISOString()): OutboxEntry[] {
  const table = record.table as SyncedTable
  const entry = (hlc: string, fields: Record<string, unknown>, by: string, textBases?: Record<string, string>) =>
    ({
      mutationId: newId(),
      table,
      recordId: record.id,
      unitId: record.scope,
      op: 'put',
      fields,
      at,
      by,
      hlc,
      ...(textBases ? { textBases } : {}),
      resend: true,
    }) satisfies OutboxEntry
  const entries: OutboxEntry[] = []
  const plainByStamp = new Map<string, string[]>()
  // A table this version does not know (kept for a newer version): its text fields are the ones with versions.
  const known = isSyncedTable(SYNCED_TABLES, table)
  const isText = (field: string) =>
    (known && fieldKind(SYNCED_TABLES, table, field) === 'text') ||
    Object.hasOwn(record.origins ?? {}, field) ||
    Object.hasOwn(record.conflicts ?? {}, field)
  for (const field of Object.keys(record.clocks).sort()) {
    if (isText(field)) {
      for (const version of liveVersions(record, field)) {
        const base = version.base === undefined ? undefined : { [field]: version.base }
        entries.push(entry(version.hlc, { [field]: version.value }, version.by ?? '', base))
      }
      continue
    }
    const stamp = record.clocks[field]!
    plainByStamp.set(stamp, [...(plainByStamp.get(stamp) ?? []), field])
  }
  const writer = typeof record.fields.updatedBy === 'string' ? record.fields.updatedBy : ''
  for (const [hlc, names] of plainByStamp) {
    for (let i = 0; i < names.length; i += MUTATION_MAX_FIELDS) {
      const fields = Object.fromEntries(
        names.slice(i, i + MUTATION_MAX_FIELDS).map((name) => [name, record.fields[name] ?? null]),
      )
      entries.push(entry(hlc, fields, writer))
    }
  }
  return entries
}
