// What this tablet knows of a synced record: the server's last state (syncState) with
// its own unsent changes (outbox) applied on top. Shared by repo.ts (text bases) and the
// sync engine (what to show after a pull). Call inside a transaction that includes
// `outbox` and `syncState`.
import { rebaseOnServer } from '@/shared/sync/merge'
import { fromOutboxEntry, type Mutation, type SyncRecord } from '@/shared/sync/protocol'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import { textConflicts } from '@/shared/sync/text'
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

export async function pendingEntriesFor(database: HuddleDatabase, table: string, recordId: string): Promise<OutboxEntry[]> {
  const entries = await database.outbox.where('[table+recordId]').equals([table, recordId]).toArray()
  return entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
}

/** The server's record with this tablet's unsent changes on top (undefined: never synced, nothing pending). */
export async function localViewOf(database: HuddleDatabase, table: string, recordId: string): Promise<SyncRecord | undefined> {
  const [row, pending] = await Promise.all([database.syncState.get([table, recordId]), pendingEntriesFor(database, table, recordId)])
  return rebaseOnServer(syncRecordOf(row), pending.map(mutationOf), SYNCED_TABLES)
}
