// Every write in the app goes through here. A write stores the record, an audit
// history entry and an outbox entry in ONE Dexie transaction, so a change is never
// saved without the record the sync layer needs to send it (and vice versa).
// Callers update in-memory state only after the returned promise resolves.
import { diffRecords } from '@/domain/history'
import { newId } from '@/domain/ids'
import type { HistoryEntry, RecordMeta, SyncedTable } from '@/domain/types'
import { liveQuery } from 'dexie'
import { db, type OutboxEntry } from './db'

type Bookkeeping = 'createdAt' | 'updatedAt' | 'updatedBy'
/** A record as callers write it: repo fills in the bookkeeping fields. */
export type Writable<T extends RecordMeta> = Omit<T, Bookkeeping> & Partial<Pick<RecordMeta, Bookkeeping>>
type SyncedRecord = Writable<RecordMeta>

export type WriteKind = HistoryEntry['kind']

/**
 * Create or update one record. `changes` are the fields to set; fields not named keep
 * their stored values. Returns the record as stored.
 */
export async function saveRecord<T extends RecordMeta>(
  table: SyncedTable,
  record: Writable<T>,
  by: string,
  kind?: WriteKind,
  now: Date = new Date(),
): Promise<T> {
  const store = db.table<T, string>(table)
  const at = now.toISOString()
  // Callers often pass Vue reactive objects, which IndexedDB cannot clone; records are
  // plain JSON data, so a JSON round trip gives a clean copy (and drops undefined).
  record = JSON.parse(JSON.stringify(record)) as Writable<T>
  return db.transaction('rw', [store, db.history, db.outbox], async () => {
    const before = await store.get(record.id)
    const next = { ...before, ...record, createdAt: before?.createdAt ?? at, updatedAt: at, updatedBy: by } as T
    const changes = diffRecords(before, next)
    if (before && changes.length === 0) return before
    await store.put(next)
    const fields = Object.fromEntries(changes.map((c) => [c.field, c.to]))
    await db.history.add({
      id: newId(), unitId: next.unitId, table, recordId: next.id, at, by,
      kind: kind ?? (before ? 'updated' : 'created'), changes,
    })
    const outbox: OutboxEntry = {
      mutationId: newId(), table, recordId: next.id, unitId: next.unitId, op: 'put',
      fields: { ...fields, updatedAt: at, updatedBy: by, ...(before ? {} : { createdAt: at }) }, at, by,
    }
    await db.outbox.add(outbox)
    return next
  })
}

/** Several writes that must land together (e.g. a new unit, its board and measures). */
export async function saveRecords(writes: { table: SyncedTable; record: SyncedRecord; kind?: WriteKind }[], by: string, now = new Date()) {
  const tables = [...new Set(writes.map((w) => db.table(w.table)))]
  return db.transaction('rw', [...tables, db.history, db.outbox], async () => {
    const saved: RecordMeta[] = []
    for (const w of writes) saved.push(await saveRecord(w.table, w.record, by, w.kind, now))
    return saved
  })
}

export async function historyOf(table: SyncedTable, recordId: string): Promise<HistoryEntry[]> {
  const rows = await db.history.where({ table, recordId }).toArray()
  return rows.sort((a, b) => b.at.localeCompare(a.at))
}

export async function pendingChangeCount(): Promise<number> {
  return db.outbox.count()
}

/** Calls `onCount` now and whenever the outbox grows or shrinks (any tab, any writer).
 * Returns the unsubscribe function. */
export function watchPendingChanges(onCount: (count: number) => void): () => void {
  const subscription = liveQuery(() => db.outbox.count()).subscribe({ next: onCount, error: () => undefined })
  return () => subscription.unsubscribe()
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value })
}
