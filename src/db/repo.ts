// Every write in the app goes through here. A write stores the record, an audit
// history entry and an outbox entry in ONE Dexie transaction, so a change is never
// saved without the record the sync layer needs to send it (and vice versa).
// Callers update in-memory state only after the returned promise resolves.
//
// `repoFor(database)` gives the same functions for another database (two simulated
// tablets in the sync tests); the plain exports work on the app's database.
import { diffRecords } from '@/domain/history'
import { newId } from '@/domain/ids'
import type { HistoryEntry, RecordMeta, SyncedTable } from '@/domain/types'
import type { SyncRecord } from '@/shared/sync/protocol'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import { textBase } from '@/shared/sync/text'
import { clockOffsetMs, loadDeviceClock } from './clock'
import { currentTransactionTables, db, type HuddleDatabase, type OutboxEntry } from './db'
import { metaFor } from './meta'
import { keepValuesOf, localViewOf, type AppRow } from './syncRecords'
import { syncStateStores } from './syncStates'

type Bookkeeping = 'createdAt' | 'updatedAt' | 'updatedBy'
/** A record as callers write it: repo fills in the bookkeeping fields. */
export type Writable<T extends RecordMeta> = Omit<T, Bookkeeping> & Partial<Pick<RecordMeta, Bookkeeping>>
type SyncedRecord = Writable<RecordMeta>

export type WriteKind = HistoryEntry['kind']

/** For each changed text field, every version this tablet showed: its own unsent edits
 * included, so one tablet's consecutive edits never count as a conflict. */
function textBasesOf(view: SyncRecord | undefined, fields: readonly string[]): Record<string, string> {
  const bases: Record<string, string> = {}
  for (const field of fields) {
    const base = textBase(view, field)
    if (base !== undefined) bases[field] = base
  }
  return bases
}

export interface WriteOptions {
  kind?: WriteKind
  now?: Date
  /**
   * Text fields someone chose between conflicting versions of, each with the base of
   * every version they were shown. The field is sent even when its value is unchanged
   * (choosing the version already on screen still has to replace the others), and with
   * exactly this base, so a version that arrived while they chose stays to be chosen.
   */
  resolve?: Readonly<Record<string, string>>
}

/** The fields a caller may change on a stored record. */
export type Changes<T extends RecordMeta> = Partial<Omit<T, 'id' | 'unitId' | Bookkeeping>>

export function repoFor(database: HuddleDatabase) {
  /**
   * Create or update one record. `changes` are the fields to set; fields not named keep
   * their stored values. Returns the record as stored.
   */
  async function saveRecord<T extends RecordMeta>(
    table: SyncedTable,
    record: Writable<T>,
    by: string,
    kind?: WriteKind,
    now?: Date,
  ): Promise<T> {
    return write(table, record, by, { ...(kind ? { kind } : {}), ...(now ? { now } : {}) })
  }

  async function write<T extends RecordMeta>(
    table: SyncedTable,
    record: Writable<T>,
    by: string,
    options: WriteOptions,
  ): Promise<T> {
    const store = database.table<T, string>(table)
    const givenAt = options.now?.toISOString()
    // Callers often pass Vue reactive objects, which IndexedDB cannot clone; records are
    // plain JSON data, so a JSON round trip gives a clean copy (and drops undefined).
    record = JSON.parse(JSON.stringify(record)) as Writable<T>
    // A caller's own transaction that predates sync state (e.g. first-run setup, which
    // only creates records) cannot open it; new records have no text base anyway.
    const outer = currentTransactionTables()
    const readsSyncState = !outer || outer.includes('syncState')
    const tables = [
      store,
      database.history,
      database.outbox,
      database.meta,
      ...(readsSyncState ? syncStateStores(database) : []),
    ]
    const textFields = readsSyncState ? SYNCED_TABLES[table].textFields : []
    return database.transaction('rw', tables, async () => {
      // Reads together, then writes together: one transaction either way, and fewer
      // round trips per save.
      const [before, deviceClock] = await Promise.all([store.get(record.id), loadDeviceClock(database)])
      // Record times from the same corrected clock as the sync stamp: a fast tablet writes no future times.
      const at = givenAt ?? new Date(deviceClock.now()).toISOString()
      const next = { ...before, ...record, createdAt: before?.createdAt ?? at, updatedAt: at, updatedBy: by } as T
      // Only what differs from the record as stored now is sent: never a value the
      // caller merely carried along from an older copy of the record.
      const changes = diffRecords(before, next)
      const resolved = before
        ? textFields.filter((field) => options.resolve && Object.hasOwn(options.resolve, field))
        : []
      if (before && changes.length === 0 && resolved.length === 0) return before
      const values = next as Record<string, unknown>
      const fields = Object.fromEntries([
        ...changes.map((c) => [c.field, c.to]),
        ...resolved.map((field) => [field, values[field]]),
      ])
      const changedText = textFields.filter((field) => Object.hasOwn(fields, field) && !resolved.includes(field))
      // A new record has no versions anyone could have seen.
      const view = before && changedText.length > 0 ? await localViewOf(database, table, next.id) : undefined
      const textBases = {
        ...textBasesOf(view, changedText),
        ...Object.fromEntries(resolved.map((field) => [field, options.resolve![field]!])),
      }
      const outbox: OutboxEntry = {
        mutationId: newId(),
        table,
        recordId: next.id,
        unitId: next.unitId,
        op: 'put',
        fields: { ...fields, updatedAt: at, updatedBy: by, ...(before ? {} : { createdAt: at }) },
        at,
        by,
        hlc: deviceClock.clock.tick(),
        ...(Object.keys(textBases).length > 0 ? { textBases } : {}),
      }
      const old = (before ?? {}) as Record<string, unknown>
      const history =
        resolved.length > 0
          ? {
              kind: 'resolved' as const,
              changes: resolved.map((field) => ({ field, from: old[field], to: values[field] })),
            }
          : { kind: options.kind ?? (before ? 'updated' : 'created'), changes }
      await Promise.all([
        store.put(next),
        database.history.add({ id: newId(), unitId: next.unitId, table, recordId: next.id, at, by, ...history }),
        deviceClock.save(),
        database.outbox.add(outbox),
      ])
      return next
    })
  }

  /**
   * Change some fields of a stored record: `changes` are applied to the record as it is
   * stored now, read in the same transaction, never to a copy held in memory that a pull
   * may have overtaken. Returns the record as stored, or undefined when it is not here.
   * `changes` may be a function of the stored record: a change that depends on the stored
   * state (or is refused by throwing) is then decided in the same transaction.
   */
  async function updateRecord<T extends RecordMeta>(
    table: SyncedTable,
    id: string,
    changes: Changes<T> | ((stored: T) => Changes<T>),
    by: string,
    options: WriteOptions = {},
  ): Promise<T | undefined> {
    const store = database.table<T, string>(table)
    const outer = currentTransactionTables()
    const bookkeeping = [
      database.history,
      database.outbox,
      database.meta,
      ...(!outer || outer.includes('syncState') ? syncStateStores(database) : []),
    ]
    return database.transaction('rw', [store, ...bookkeeping], async () => {
      const stored = await store.get(id)
      if (!stored) return undefined
      const fields = typeof changes === 'function' ? changes(stored) : changes
      return write<T>(table, { ...stored, ...fields }, by, options)
    })
  }

  /**
   * Remove a record. It leaves this tablet at once; the outbox carries a tombstone
   * (`deleted: true`), so every other tablet removes it too, and the server keeps its
   * data, so a later restore brings back every field.
   */
  async function deleteRecord(table: SyncedTable, id: string, by: string, now?: Date): Promise<boolean> {
    const store = database.table<RecordMeta, string>(table)
    const outer = currentTransactionTables()
    const keepsValues = !outer || outer.includes('syncState')
    const tables = [store, database.history, database.outbox, database.meta]
    return database.transaction('rw', keepsValues ? [...tables, ...syncStateStores(database)] : tables, async () => {
      const before = await store.get(id)
      if (!before) return false
      // The sync state keeps no values its app row shows: they stay with it once the row goes.
      if (keepsValues) await keepValuesOf(database, table, before as unknown as AppRow)
      const deviceClock = await loadDeviceClock(database)
      // The same corrected clock as the stamp, as for every other write.
      const at = (now ?? new Date(deviceClock.now())).toISOString()
      const hlc = deviceClock.clock.tick()
      await store.delete(id)
      await database.history.add({
        id: newId(),
        unitId: before.unitId,
        table,
        recordId: id,
        at,
        by,
        kind: 'deleted',
        changes: [],
      })
      await deviceClock.save()
      await database.outbox.add({
        mutationId: newId(),
        table,
        recordId: id,
        unitId: before.unitId,
        op: 'put',
        fields: { deleted: true, updatedAt: at, updatedBy: by },
        at,
        by,
        hlc,
      })
      return true
    })
  }

  /** Several writes that must land together (e.g. a new unit, its board and measures). */
  async function saveRecords(
    writes: { table: SyncedTable; record: SyncedRecord; kind?: WriteKind }[],
    by: string,
    now?: Date,
  ) {
    const tables = [...new Set(writes.map((w) => database.table(w.table)))]
    const outer = currentTransactionTables()
    const bookkeeping = [
      database.history,
      database.outbox,
      database.meta,
      ...(!outer || outer.includes('syncState') ? syncStateStores(database) : []),
    ]
    return database.transaction('rw', [...tables, ...bookkeeping], async () => {
      const saved: RecordMeta[] = []
      for (const w of writes) saved.push(await saveRecord(w.table, w.record, by, w.kind, now))
      return saved
    })
  }

  async function historyOf(table: SyncedTable, recordId: string): Promise<HistoryEntry[]> {
    const rows = await database.history.where({ table, recordId }).toArray()
    return rows.sort((a, b) => b.at.localeCompare(a.at))
  }

  /**
   * Now, by the same corrected clock as the sync stamps and `createdAt`/`updatedAt` (the device clock plus the
   * offset learned from the server), for every time a screen writes into a record itself (closed, completed,
   * raised, answered…): a tablet whose clock is wrong then writes no future or past times into shared records.
   */
  async function recordNow(): Promise<Date> {
    return new Date(Date.now() + (await clockOffsetMs(database)))
  }

  /** Server time minus this device's time (ms), for times first taken on the device clock. */
  async function recordClockOffsetMs(): Promise<number> {
    return clockOffsetMs(database)
  }

  return {
    saveRecord,
    updateRecord,
    saveRecords,
    deleteRecord,
    historyOf,
    ...metaFor(database),
    recordNow,
    recordClockOffsetMs,
  }
}

export type Repo = ReturnType<typeof repoFor>

const appRepo = repoFor(db)
export const {
  saveRecords,
  deleteRecord,
  historyOf,
  pendingChangeCount,
  watchPendingChanges,
  getMeta,
  setMeta,
  recordNow,
  recordClockOffsetMs,
} = appRepo
// Declared as a function so its generic parameter survives destructuring.
export const saveRecord: Repo['saveRecord'] = appRepo.saveRecord
export const updateRecord: Repo['updateRecord'] = appRepo.updateRecord
