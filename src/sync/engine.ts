// One round of sync: check this tablet's enrolment with the server, send the outbox of
// the scopes it may write, then pull every scope it may read (its units, a CSU's or
// trust's own board, the trust library). Each step commits in one Dexie
// transaction (an acknowledged batch with its outbox rows; a pulled page with its
// cursor), so stopping at any moment loses nothing and repeats nothing that matters.
// Every outcome is a value: components never see an exception. A tablet that is not
// enrolled makes no network call at all.
import type { HistoryEntry, SyncedTable } from '@/domain/types'
import { withDeviceClock } from '@/db/clock'
import { SYNC_META, type HuddleDatabase, type NotSentEntry, type OutboxEntry, type SyncStateRow } from '@/db/db'
import { appRowsOf, mutationOf, storedSyncRecords, syncRecordOf, syncStateRowOf } from '@/db/syncRecords'
import { pulledHistory } from '@/db/pulledHistory'
import {
  keysWithState,
  PACK_FROM,
  putPulledStates,
  syncStateOf,
  syncStatesOf,
  syncStatesOfScope,
} from '@/db/syncStates'
import { canonicalJson } from '@/shared/sync/json'
import { applyMutation, isDeleted, latestStamp, rebaseOnServer } from '@/shared/sync/merge'
import {
  mutationSchemaFor,
  PROTOCOL_VERSION,
  PULL_DEFAULT_LIMIT,
  splitIntoBatches,
  type Mutation,
  type PullResponse,
  type Refusal,
  type ServerRecord,
  type SyncRecord,
} from '@/shared/sync/protocol'
import { DELETED_FIELD, isSyncedTable, SYNCED_TABLES, type TableDeclarations } from '@/shared/sync/tables'
import { isOpenLibraryWrite } from '@/shared/sync/scopes'
import { readableScopeIds, readEnrolment, refreshEnrolment, writableScopeIds } from './enrolment'
import { NOT_ENROLLED_MESSAGE } from './notEnrolled'
import { wholeRecordEntries } from './resend'
import { isFailure, type SyncFailure, type SyncTransport } from './transport-types'

export type SyncOutcome = 'synced' | 'offline' | 'error' | 'update-needed' | 'removed' | 'not-enrolled'

export interface SyncResult {
  outcome: SyncOutcome
  /** Plain English for staff, when the outcome is not 'synced'. */
  message?: string
  /** Changes the server acknowledged in this round. */
  pushed: number
  /** Records pulled in this round. */
  pulled: number
  /** Tables whose stored records changed on this tablet (what the screen should reload). */
  changedTables: Set<SyncedTable>
  /** Changes kept back because the server would refuse them (they stay in the outbox). */
  held: number
  /** Changes set aside in this round because the server refused them or they could not be sent at all
   * (moved from the outbox to the "could not be sent" list in Settings). */
  setAside: number
  /** The push failed as a whole for a reason worth trying again soon (offline, busy, server error). */
  retryable?: boolean
  /** Set when the server distrusted this tablet's clock (ms ahead). */
  clockSkewMs?: number
  /** Unsent changes in units this tablet is not enrolled for: kept on it, never sent, not an error. */
  localOnly: number
  /** Unsent changes in a scope this tablet may read but not write (the trust library on a
   * tablet that is not the improvement office's): kept on it, never sent, not an error. */
  readOnly: number
  /** The server's id differs from the one this tablet enrolled with: pull cursors were
   * reset and everything is pulled again. */
  serverChanged?: boolean
  /** The server had gone back (restored from a backup): the scopes it no longer knew this tablet's place in
   * were pulled again, and what the server no longer held was sent again. */
  serverRestored?: boolean
  /** Plain English worth telling staff even when the round went well (serverChanged). */
  notice?: string
}

export interface PullProgress {
  stored: number
  total: number
}

export interface SyncEngineOptions {
  database: HuddleDatabase
  transport: SyncTransport
  pageSize?: number
  /** Told after each pulled page is stored: records stored so far this round, and of how many (as far as the
   * server has said: the scopes still to pull are added as they start). */
  onProgress?: (progress: PullProgress) => void
  /** The synced tables this version of the app knows (tests: an older version knows fewer). */
  tables?: TableDeclarations
  /** Pages with at least this many records new to this tablet store their states as one pack (syncStates.ts);
   * tests lower it to run the packed path on small pages. */
  packFrom?: number
}

const UNEXPECTED_MESSAGE =
  'Something went wrong while syncing. Changes are kept safe on this tablet and sync will try again.'
export const INVALID_ON_TABLET_MESSAGE =
  'This change could not be read back on this tablet, so it cannot be sent. It is kept here for you to copy or discard.'
const HELD_MESSAGE =
  'Some changes on this tablet could not be sent because the server would refuse them. They are kept on this tablet.'
const TOO_LARGE_MESSAGE =
  'A change on this tablet is too large for the sync server to accept, so it has not been sent. It is kept on this tablet. If this keeps happening, tell your IT team.'
export { NOT_ENROLLED_MESSAGE }
/** Why changes stay in the outbox when they are in a scope this tablet may only read. */
export function readOnlyNotice(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} to the trust library can only be sent by the improvement office. ${count === 1 ? 'It is' : 'They are'} kept on this tablet.`
}
export const SERVER_RESTORED_NOTICE =
  'The sync server was restored from a backup, so this tablet fetched its boards again and sent back the changes the server no longer had. Nothing on this tablet has been lost.'
export const SERVER_CHANGED_NOTICE =
  'This tablet is now connected to a different sync server, so it is fetching its boards again. Nothing on this tablet has been lost.'
/** Below this the device clock is treated as right: request latency alone is that large. */
const OFFSET_THRESHOLD_MS = 2_000

/** Push failures after which pulling is pointless: the pull would fail the same way. */
const STOPS_THE_ROUND: ReadonlySet<SyncOutcome> = new Set(['offline', 'update-needed', 'removed'])

/** Failures that may well be gone in a moment: worth another round soon, with back-off. */
export function isTransient(failure: SyncFailure): boolean {
  return failure.error === 'offline' || failure.error === 'unavailable' || failure.error === 'rate-limited'
}

export function outcomeOf(failure: SyncFailure): SyncOutcome {
  switch (failure.error) {
    case 'offline':
      return 'offline'
    case 'protocol-too-old':
      return 'update-needed'
    case 'device-revoked':
    case 'unauthorised':
      return 'removed'
    default:
      return 'error'
  }
}

/** Where this tablet's last acknowledged push to a scope ended, and that run's mark. */
interface PushedMark {
  seq: number
  mark: string
}

/**
 * What a round knows of the app tables its catching-up pulls write (docs/SYNC.md, "How a tablet stores records").
 * A table empty when a catching-up pull first stored into it holds, for the rest of the round, only the rows this
 * round stored there and the rows saved here since (every save of a synced record queues an outbox entry in its
 * own transaction, and no round runs alongside this one to send it). So a page need read back only those rows to
 * know what each of its records showed before: on a fresh tablet, none (10,000 reads of nothing spared).
 */
export interface FreshTables {
  /** Table → ids this round stored in it (deleted ones too: they are read back, and found gone). */
  stored: Map<string, Set<string>>
  /** Tables that held rows when first checked: every record of theirs is read back as before. */
  notEmpty: Set<string>
}

/** A pulled record as the app tables store it: plain fields, its id and unit. */
function appRecordOf(record: SyncRecord): Record<string, unknown> {
  const { [DELETED_FIELD]: _deleted, ...fields } = record.fields
  return { ...fields, id: record.id, unitId: record.scope }
}

export function createSyncEngine({
  database,
  transport,
  pageSize = PULL_DEFAULT_LIMIT,
  packFrom = PACK_FROM,
  tables: knownTables = SYNCED_TABLES,
  onProgress,
}: SyncEngineOptions) {
  let queue: Promise<unknown> = Promise.resolve()
  const mutationSchema = mutationSchemaFor(knownTables)

  /** Whether the server could accept this change, as far as this version can tell. A record of a table this
   * version does not know is sent again only whole after a restore; it names its own text fields, and the
   * server, which knows the table, checks the rest. */
  function canSend(entry: OutboxEntry, mutation: Mutation): boolean {
    if (isSyncedTable(knownTables, entry.table) || !entry.resend) return mutationSchema.safeParse(mutation).success
    const own = { [entry.table]: { textFields: Object.keys(entry.textBases ?? {}) } }
    return mutationSchemaFor(own).safeParse(mutation).success
  }

  function offsetFrom(serverTime: number): number {
    const offset = serverTime - Date.now()
    return Math.abs(offset) > OFFSET_THRESHOLD_MS ? offset : 0
  }

  /** What one round has found out beyond its result. */
  interface Round {
    result: SyncResult
    deviceId: string
    /** Changes held back because even alone they were too large for the server. */
    tooLarge: number
    /** Records sent whole again in this round because the server answered that it did not hold them. */
    sentWhole: number
    /** Scopes the server no longer knew this tablet's place in (restored): pulled again from the start. */
    restarted: Set<string>
    /** App tables a catching-up pull found empty, with the ids this round has stored in them since. */
    fresh: FreshTables
  }

  /** Send one batch; a 'too-large' answer sends it again as two halves, down to a single
   * change, which is then held (kept in the outbox, reported) rather than stopping sync. */
  async function sendBatch(round: Round, batch: Mutation[]): Promise<SyncFailure | undefined> {
    const response = await transport.push({ protocol: PROTOCOL_VERSION, deviceId: round.deviceId, mutations: batch })
    if (isFailure(response)) {
      if (response.error !== 'too-large') return response
      if (batch.length === 1) {
        round.result.held += 1
        round.tooLarge += 1
        return undefined
      }
      const middle = Math.ceil(batch.length / 2)
      return (await sendBatch(round, batch.slice(0, middle))) ?? (await sendBatch(round, batch.slice(middle)))
    }
    const { result } = round
    if (response.clockSkewMs !== undefined) result.clockSkewMs = response.clockSkewMs
    const accepted = new Set(response.accepted)
    const done = batch.filter((mutation) => accepted.has(mutation.mutationId))
    const inBatch = new Set(batch.map((mutation) => mutation.mutationId))
    const refused = (response.refused ?? []).filter((r) => inBatch.has(r.mutationId) && !accepted.has(r.mutationId))
    const missing = new Set(response.missing ?? [])
    // The app tables hold the values the sync state does not copy.
    const appTables = [...new Set(batch.map((mutation) => mutation.table))]
      .filter((table) => isSyncedTable(SYNCED_TABLES, table))
      .map((table) => database.table(table))
    await database.transaction(
      'rw',
      [database.outbox, database.syncState, database.syncStatePacks, database.meta, database.notSent, ...appTables],
      async () => {
        result.setAside += await setAside(refused)
        // Edits to a record the server no longer holds (restored from a backup): the whole record goes first,
        // as this tablet last had it from the server; the edits stay queued behind it.
        const headless = batch.filter(
          (mutation) => missing.has(mutation.mutationId) && !accepted.has(mutation.mutationId),
        )
        const keys = [
          ...new Map(headless.map((m) => [`${m.table}\u0000${m.recordId}`, [m.table, m.recordId]])).values(),
        ]
        const sentIn = new Set(headless.map((m) => `${m.table}\u0000${m.recordId}\u0000${m.scope}`))
        // Only a record of the scope the edit went to: this tablet cannot send another scope's record.
        const rows = await syncStatesOf(database, keys as [string, string][])
        const shown = await appRowsOf(database, keys as [string, string][])
        const records = rows
          .map((row, i) => syncRecordOf(row, shown[i]))
          .filter((record) => record && sentIn.has(`${record.table}\u0000${record.id}\u0000${record.scope}`))
        const whole = records.flatMap((record) => wholeRecordEntries(record!))
        if (whole.length > 0) await database.outbox.bulkAdd(whole)
        round.sentWhole += records.length
        // Until a pull reaches it, the push's own mark is what shows a restore lost it.
        for (const [scope, written] of Object.entries(response.marks ?? {})) {
          const before = (await database.meta.get(SYNC_META.pushed(scope)))?.value as PushedMark | undefined
          if (!before || before.seq < written.seq)
            await database.meta.put({ key: SYNC_META.pushed(scope), value: written })
        }
        // The server state now includes these changes; recording them keeps the text
        // bases of this tablet's next edits right even before the next pull arrives.
        // A table this version does not know has no sync state here: the pull that follows brings it to keptRecords.
        for (const mutation of done.filter((m) => isSyncedTable(knownTables, m.table))) {
          const row = await syncStateOf(database, mutation.table, mutation.recordId)
          const [appRow] = await appRowsOf(database, [[mutation.table, mutation.recordId]])
          const { record } = applyMutation(syncRecordOf(row, appRow), mutation, SYNCED_TABLES)
          await database.syncState.put(syncStateRowOf(record, row?.seq ?? 0, appRow))
        }
        await database.outbox
          .where('mutationId')
          .anyOf(done.map((m) => m.mutationId))
          .delete()
        await withDeviceClock(database, () => undefined, offsetFrom(response.serverTime))
      },
    )
    result.pushed += done.length
    return undefined
  }

  /** Moves outbox entries to the "could not be sent" list, in the caller's transaction. */
  async function setAside(refused: readonly Refusal[]): Promise<number> {
    if (refused.length === 0) return 0
    const byId = new Map(refused.map((r) => [r.mutationId, r]))
    const entries = await database.outbox
      .where('mutationId')
      .anyOf([...byId.keys()])
      .toArray()
    const setAsideAt = new Date().toISOString()
    const rows: NotSentEntry[] = entries.map((entry) => {
      const why = byId.get(entry.mutationId)!
      return { mutationId: entry.mutationId, entry, error: why.error, message: why.message, setAsideAt }
    })
    await database.notSent.bulkPut(rows)
    await database.outbox.bulkDelete(entries.map((entry) => entry.seq!))
    return rows.length
  }

  /** Send the outbox of the scopes this tablet may write. The server would refuse a whole
   * push that held a change to a scope it may only read (the library), so such changes stay
   * in the outbox, counted, and never hold up the rest; so do changes to other units (a
   * board never shared). */
  async function push(
    round: Round,
    writable: ReadonlySet<string>,
    readable: ReadonlySet<string>,
    again = true,
  ): Promise<SyncFailure | undefined> {
    const entries = await database.outbox.orderBy('seq').toArray()
    const mutations: Mutation[] = []
    const unsendable: OutboxEntry[] = []
    let readOnly = 0
    let localOnly = 0
    // A change may go to a scope this tablet writes, or to the library for the few tables every tablet writes there.
    const mayPush = (entry: OutboxEntry) =>
      writable.has(entry.unitId) || (readable.has(entry.unitId) && isOpenLibraryWrite(entry.unitId, entry.table))
    const sendable = entries.filter(mayPush)
    // A record this tablet has had from the server is one the server should hold: changes to it say they are
    // partial, so a server that lost it (restored) asks for the whole record instead of storing a headless one.
    const known = await database.transaction('r', database.syncState, database.syncStatePacks, () =>
      syncStatesOf(
        database,
        sendable.map((entry): [string, string] => [entry.table, entry.recordId]),
      ),
    )
    const held = new Set(sendable.filter((_entry, i) => known[i] !== undefined))
    for (const entry of entries) {
      if (!mayPush(entry)) {
        if (readable.has(entry.unitId)) readOnly += 1
        else localOnly += 1
        continue
      }
      const mutation: Mutation = {
        ...mutationOf(entry),
        ...(held.has(entry) && !entry.resend ? { partial: true } : {}),
      }
      if (canSend(entry, mutation)) mutations.push(mutation)
      else unsendable.push(entry)
    }
    round.result.readOnly = readOnly
    round.result.localOnly = localOnly
    // A change the server could never accept is set aside at once, so it never holds up the others.
    if (unsendable.length > 0) {
      round.result.setAside += await database.transaction('rw', [database.outbox, database.notSent], () =>
        setAside(
          unsendable.map((entry) => ({
            mutationId: entry.mutationId,
            error: 'invalid-on-tablet',
            message: INVALID_ON_TABLET_MESSAGE,
          })),
        ),
      )
    }
    const sentWholeBefore = round.sentWhole
    for (const batch of splitIntoBatches(mutations)) {
      const failure = await sendBatch(round, batch)
      if (failure) return failure
    }
    // Whole records queued for edits the server could not place: sent now, with the edits behind them.
    if (again && round.sentWhole > sentWholeBefore) return push(round, writable, readable, false)
    return undefined
  }

  /** The server no longer knows this tablet's place in `scope` (restored from a backup): everything this
   * tablet had from it goes back in the outbox whole (in a scope it may write), and the scope is pulled
   * from the start. A pull then drops what the server turns out to hold already. */
  async function startAgain(scope: string, writable: ReadonlySet<string>): Promise<void> {
    const appTables = Object.keys(SYNCED_TABLES).map((table) => database.table(table))
    const stores = [
      database.syncState,
      database.syncStatePacks,
      database.outbox,
      database.meta,
      database.keptRecords,
      ...appTables,
    ]
    await database.transaction('rw', stores, async () => {
      if (writable.has(scope)) {
        const rows = await syncStatesOfScope(database, scope)
        const at = new Date().toISOString()
        // Records of tables this version does not know too: this tablet may be the only one that still has them.
        const kept = await database.keptRecords.where('scope').equals(scope).toArray()
        const records = [
          ...(await storedSyncRecords(database, rows)),
          ...kept.map(({ seq: _seq, ...record }) => record),
        ]
        await database.outbox.bulkAdd(records.flatMap((record) => wholeRecordEntries(record, at)))
      }
      await database.meta.bulkDelete([SYNC_META.cursor(scope), SYNC_META.mark(scope), SYNC_META.pushed(scope)])
    })
  }

  /** One pulled page in one transaction. IndexedDB round trips, not the merging, are what
   * cost (about 0.4 ms each in Chromium), so every read is made at once up front and every
   * write is handed to a Dexie bulk call, instead of five awaited requests per record. */
  /** `catchingUp`: the tablet's first pull of this unit. Records it has never shown then are
   * what the unit already held, not news: no "created on another tablet" entry for each
   * (on a fresh tablet that would be a second row for every record pulled). */
  async function applyPage(
    scope: string,
    page: PullResponse,
    result: SyncResult,
    catchingUp: boolean,
    materialising = false,
    fresh?: FreshTables,
  ): Promise<void> {
    const inScope = page.records.filter((record) => record.scope === scope)
    const records = inScope.filter((record) => isSyncedTable(knownTables, record.table))
    // A table a newer version syncs: kept as pulled (the cursor moves past it), shown once the app knows it.
    const unknown = inScope.filter((record) => !isSyncedTable(knownTables, record.table))
    const keyOf = (table: string, id: string) => `${table}\u0000${id}`
    const idsByTable = new Map<string, string[]>()
    for (const record of records) {
      const ids = idsByTable.get(record.table) ?? []
      ids.push(record.id)
      idsByTable.set(record.table, ids)
    }
    // Only the stores this page touches: a page of day values leaves every other table free for the screens.
    const stores = [
      database.syncState,
      database.syncStatePacks,
      database.outbox,
      database.meta,
      database.history,
      ...(unknown.length > 0 || materialising ? [database.keptRecords] : []),
      ...[...idsByTable.keys()].map((table) => database.table(table)),
    ]
    await database.transaction('rw', stores, async () => {
      // Both reads asked for at once: this page's unsent changes, oldest first, and each record as the screen
      // shows it now. The writes below need only the first; the rows as they were (for the history and what
      // changed) are awaited after the writes are asked for. IndexedDB serves a transaction's requests in the
      // order they were made, so these reads see the rows before this page's writes.
      const keys = inScope.map((record): [string, string] => [record.table, record.id])
      const pendingRead =
        keys.length > 0 ? database.outbox.where('[table+recordId]').anyOf(keys).sortBy('seq') : Promise.resolve([])
      // Which records already have a state here: the rest of a big page is stored as one pack (syncStates.ts).
      const packing = records.length >= packFrom
      const knownRead = packing
        ? keysWithState(
            database,
            records.map((record) => [record.table, record.id] as const),
          )
        : undefined
      knownRead?.catch(() => undefined)
      const readShown = (tables: [string, string[]][]) =>
        Promise.all(
          tables.map(async ([table, ids]) => ({ table, ids, rows: await database.table(table).bulkGet(ids) })),
        )
      // A catching-up pull reads back only the records a table it found empty can hold (FreshTables); the rest of
      // the page's records showed nothing before it.
      const tracked = catchingUp && fresh ? fresh : undefined
      const unchecked = tracked
        ? [...idsByTable.keys()].filter((table) => !tracked.stored.has(table) && !tracked.notEmpty.has(table))
        : []
      const emptyRead = Promise.all(
        unchecked.map(async (table) => ({
          table,
          empty: (await database.table(table).limit(1).primaryKeys()).length === 0,
        })),
      )
      emptyRead.catch(() => undefined)
      let shownRead = tracked ? undefined : readShown([...idsByTable])
      // Awaited below; a failure then ends the transaction whichever read is awaited first.
      shownRead?.catch(() => undefined)
      const pendingRows = await pendingRead
      if (tracked) {
        for (const { table, empty } of await emptyRead) {
          if (empty) tracked.stored.set(table, new Set())
          else tracked.notEmpty.add(table)
        }
        const queued = new Set(pendingRows.map((entry) => keyOf(entry.table, entry.recordId)))
        const toRead = [...idsByTable].map(([table, ids]): [string, string[]] => {
          const stored = tracked.stored.get(table)
          return [table, stored ? ids.filter((id) => stored.has(id) || queued.has(keyOf(table, id))) : ids]
        })
        // Asked for before any write below, so they see the rows as they were before this page.
        shownRead = readShown(toRead.filter(([, ids]) => ids.length > 0))
        shownRead.catch(() => undefined)
        for (const [table, ids] of idsByTable) ids.forEach((id) => tracked.stored.get(table)?.add(id))
      }
      const pendingByKey = new Map<string, Mutation[]>()
      const pulledByKey = new Map(inScope.map((record) => [keyOf(record.table, record.id), record]))
      // Parts of records queued to be sent again whole that the server turns out to hold: not sent.
      const held = pendingRows.filter(
        (entry) => entry.resend && serverHolds(pulledByKey.get(keyOf(entry.table, entry.recordId)), entry),
      )
      const heldIds = new Set(held.map((entry) => entry.seq))
      for (const entry of pendingRows) {
        if (heldIds.has(entry.seq)) continue
        const key = keyOf(entry.table, entry.recordId)
        const pending = pendingByKey.get(key) ?? []
        pending.push(mutationOf(entry))
        pendingByKey.set(key, pending)
      }

      const states: SyncStateRow[] = []
      /** Each record's app row once stored (undefined: deleted), in the page's order. */
      const afters: (Record<string, unknown> | undefined)[] = []
      const finals = new Map<string, { table: string; id: string; after: Record<string, unknown> | undefined }>()
      const stamps: string[] = []
      for (const { seq, ...record } of records) {
        // Unsent changes made here stay on screen over whatever the server had.
        const pending = pendingByKey.get(keyOf(record.table, record.id))
        const view = pending ? (rebaseOnServer(record, pending, SYNCED_TABLES) as SyncRecord) : record
        const after = isDeleted(view) ? undefined : appRecordOf(view)
        afters.push(after)
        states.push(syncStateRowOf(record, seq, after))
        finals.set(keyOf(record.table, record.id), { table: record.table, id: record.id, after })
        const stamp = latestStamp(record)
        if (stamp) stamps.push(stamp)
      }
      // Handed to Dexie all at once (its bulk calls do not wait on each row). Thunks, run
      // from async functions, so a write that throws still leaves every other one handled.
      const known = packing ? await knownRead : undefined
      const writes: (() => Promise<unknown>)[] = [() => putPulledStates(database, states, known, packFrom)]
      if (held.length > 0) writes.push(() => database.outbox.bulkDelete(held.map((entry) => entry.seq!)))
      for (const table of idsByTable.keys()) {
        const rows = [...finals.values()].filter((f) => f.table === table)
        const kept = rows.flatMap((f) => (f.after ? [f.after] : []))
        const gone = rows.flatMap((f) => (f.after ? [] : [f.id]))
        if (kept.length > 0) writes.push(() => database.table(table).bulkPut(kept))
        if (gone.length > 0) writes.push(() => database.table(table).bulkDelete(gone))
      }
      writes.push(() =>
        withDeviceClock(
          database,
          (clock) => stamps.forEach((stamp) => clock.receive(stamp)),
          materialising ? undefined : offsetFrom(page.serverTime),
        ),
      )
      if (unknown.length > 0) writes.push(() => database.keptRecords.bulkPut(unknown))
      if (materialising) {
        writes.push(() =>
          database.keptRecords.bulkDelete(records.map((record): [string, string] => [record.table, record.id])),
        )
      } else {
        writes.push(() => database.meta.put({ key: SYNC_META.cursor(scope), value: page.cursor }))
        writes.push(() =>
          page.mark === undefined
            ? database.meta.delete(SYNC_META.mark(scope))
            : database.meta.put({ key: SYNC_META.mark(scope), value: page.mark }),
        )
      }
      const written = Promise.all(writes.map(async (write) => write()))
      written.catch(() => undefined)

      // What each record showed before this page, in the page's order: a record twice in a page was shown,
      // the second time, as the first left it.
      const shown = new Map<string, unknown>()
      for (const { table, ids, rows } of await shownRead!)
        rows.forEach((row, i) => shown.set(keyOf(table, ids[i]!), row))
      const history: HistoryEntry[] = []
      records.forEach((record, i) => {
        const key = keyOf(record.table, record.id)
        const before = shown.get(key)
        const after = afters[i]
        shown.set(key, after)
        if (!(catchingUp && before === undefined)) {
          history.push(
            ...pulledHistory(record.table as SyncedTable, before as Record<string, unknown> | undefined, after, record),
          )
        }
        const changed =
          before === undefined || after === undefined
            ? before !== after
            : canonicalJson(before) !== canonicalJson(after)
        if (changed) result.changedTables.add(record.table as SyncedTable)
        result.pulled += 1
      })
      await Promise.all([written, history.length > 0 ? database.history.bulkAdd(history) : undefined])
    })
  }

  /** Records kept from tables this version did not know, shown now that it knows them (after an update). */
  async function materialiseKept(result: SyncResult): Promise<void> {
    const kept = await database.keptRecords.toArray()
    const known = kept.filter((record) => isSyncedTable(knownTables, record.table))
    const byScope = new Map<string, ServerRecord[]>()
    for (const record of known) byScope.set(record.scope, [...(byScope.get(record.scope) ?? []), record])
    for (const [scope, records] of byScope) {
      const page: PullResponse = {
        protocol: PROTOCOL_VERSION,
        scope,
        records,
        cursor: 0,
        hasMore: false,
        serverTime: 0,
      }
      await applyPage(scope, page, result, true, true)
    }
  }

  async function pullScope(
    round: Round,
    scope: string,
    writable: ReadonlySet<string>,
  ): Promise<SyncFailure | undefined> {
    const { result } = round
    let cursor = ((await database.meta.get(SYNC_META.cursor(scope)))?.value as number | undefined) ?? 0
    const mark = (await database.meta.get(SYNC_META.mark(scope)))?.value as string | undefined
    let pushed = (await database.meta.get(SYNC_META.pushed(scope)))?.value as PushedMark | undefined
    const catchingUp = cursor === 0
    const pullAfter = (after: number, markNow: string | undefined, pushedNow: PushedMark | undefined) =>
      transport.pull({
        protocol: PROTOCOL_VERSION,
        scope,
        after,
        limit: pageSize,
        ...(markNow === undefined ? {} : { mark: markNow }),
        ...(pushedNow === undefined ? {} : { pushed: `${pushedNow.seq}.${pushedNow.mark}` }),
      })
    let next = pullAfter(cursor, mark, pushed)
    for (;;) {
      const page = await next
      if (isFailure(page)) return page
      if (page.restart) {
        // Once a round: a server that asks again from the start is not making sense.
        if (round.restarted.has(scope)) return undefined
        round.restarted.add(scope)
        await startAgain(scope, writable)
        cursor = 0
        pushed = undefined
        next = pullAfter(0, undefined, undefined)
        continue
      }
      // A server that claims more but does not move on would otherwise keep us here.
      const more = page.hasMore && page.cursor > cursor
      const pushedAfter = pushed && page.cursor >= pushed.seq ? undefined : pushed
      // The next page is asked for while this one is stored: the server and the network work while IndexedDB
      // does. It is asked for exactly as it would be after this page is stored (its cursor, mark and pushed
      // run), and it is only used once this page has committed; if storing fails, the round ends and it is dropped.
      if (more) {
        next = pullAfter(page.cursor, page.mark, pushedAfter)
        // Read only after this page is stored; an unread failure must not surface on its own.
        next.catch(() => undefined)
      }
      const storedBefore = result.pulled
      await applyPage(scope, page, result, catchingUp, false, round.fresh)
      if (onProgress && page.remaining !== undefined) {
        onProgress({ stored: result.pulled, total: storedBefore + Math.max(page.remaining, page.records.length) })
      }
      if (pushed && !pushedAfter) {
        await database.meta.delete(SYNC_META.pushed(scope))
        pushed = undefined
      }
      if (!more) return undefined
      cursor = page.cursor
    }
  }

  /** Whether the server's record already has everything this entry would send. */
  function serverHolds(record: SyncRecord | undefined, entry: OutboxEntry): boolean {
    if (!record) return false
    try {
      return !applyMutation(record, mutationOf(entry), SYNCED_TABLES).changed
    } catch {
      return false
    }
  }

  /** What a round does. A full round asks the server what this tablet may sync now, sends the outbox and pulls
   * every scope; the live path's rounds trust the enrolment stored by the last full round: `push` only sends
   * (at once after a save), `scopes` only pulls the scopes a poke named whose cursor is behind it. */
  type RoundKind =
    { kind: 'full'; withPush: boolean } | { kind: 'push' } | { kind: 'scopes'; pokes: ReadonlyMap<string, number> }

  async function run(what: RoundKind): Promise<SyncResult> {
    const result: SyncResult = {
      outcome: 'synced',
      pushed: 0,
      pulled: 0,
      changedTables: new Set(),
      held: 0,
      setAside: 0,
      localOnly: 0,
      readOnly: 0,
    }
    const fail = (failure: SyncFailure): SyncResult => ({
      ...result,
      outcome: outcomeOf(failure),
      message: failure.message,
      ...(isTransient(failure) ? { retryable: true } : {}),
    })
    const notEnrolled: SyncResult = { ...result, outcome: 'not-enrolled', message: NOT_ENROLLED_MESSAGE }
    try {
      const stored = await readEnrolment(database)
      if (!stored) return notEnrolled
      let enrolment = stored
      if (what.kind === 'full') {
        // The server's answer is what counts: a CSU tablet gains new units, a removed one hears so.
        const info = await transport.deviceInfo()
        if (isFailure(info)) return fail(info)
        const refreshed = await refreshEnrolment(database, info)
        if (!refreshed) return notEnrolled
        if (refreshed.serverChanged) Object.assign(result, { serverChanged: true, notice: SERVER_CHANGED_NOTICE })
        enrolment = refreshed.enrolment
        await materialiseKept(result)
      }
      const readable = readableScopeIds(enrolment)
      const writable = writableScopeIds(enrolment)
      const withPush = what.kind === 'push' || (what.kind === 'full' && what.withPush)
      let pushFailure: SyncFailure | undefined
      const round: Round = {
        result,
        deviceId: '',
        tooLarge: 0,
        sentWhole: 0,
        restarted: new Set(),
        fresh: { stored: new Map(), notEmpty: new Set() },
      }
      if (withPush) {
        round.deviceId = await database.transaction('rw', database.meta, () =>
          withDeviceClock(database, (clock) => clock.nodeId),
        )
        pushFailure = await push(round, writable, readable)
        // Whatever happened to the push, the pull goes ahead: what others changed still arrives. Only a
        // tablet that cannot reach the server at all, or has been removed or must update, stops here.
        if (pushFailure && STOPS_THE_ROUND.has(outcomeOf(pushFailure))) return fail(pushFailure)
        if (result.readOnly > 0)
          result.notice = [result.notice, readOnlyNotice(result.readOnly)].filter(Boolean).join(' ')
      }
      // In the server's order (units, then a CSU's or trust's board, the library last), so the
      // ward's own records arrive first. A push round pulls nothing: the server pokes every tablet
      // listening to the scope, this one included, and the poke brings the change back.
      const scopes =
        what.kind === 'full' ? [...readable] : what.kind === 'scopes' ? await behind(what.pokes, readable) : []
      let scopeFailure: SyncFailure | undefined
      for (const scope of scopes) {
        const failure = await pullScope(round, scope, writable)
        if (!failure) continue
        // A scope taken out of this tablet's reach since the round began must not stop the others.
        if (failure.error === 'forbidden-scope') scopeFailure ??= failure
        else return fail(failure)
      }
      if (round.restarted.size > 0) {
        Object.assign(result, { serverRestored: true })
        result.notice = [result.notice, SERVER_RESTORED_NOTICE].filter(Boolean).join(' ')
        // What the server no longer had goes back now, and comes down again merged.
        if (what.kind !== 'full' || (what.withPush && !pushFailure)) {
          // The push acknowledges (and so removes) the outbox entries of records saved here during the pulls: a
          // table is found empty or not again, so the pulls below read back whatever it holds.
          round.fresh = { stored: new Map(), notEmpty: new Set() }
          if (!round.deviceId) {
            round.deviceId = await database.transaction('rw', database.meta, () =>
              withDeviceClock(database, (clock) => clock.nodeId),
            )
          }
          pushFailure = await push(round, writable, readable)
          if (pushFailure && STOPS_THE_ROUND.has(outcomeOf(pushFailure))) return fail(pushFailure)
          for (const scope of round.restarted) {
            const failure = await pullScope(round, scope, writable)
            if (failure) return fail(failure)
          }
        }
      }
      if (scopeFailure) return fail(scopeFailure)
      if (pushFailure) return fail(pushFailure)
      if (round.tooLarge > 0) return { ...result, outcome: 'error', message: TOO_LARGE_MESSAGE }
      return result.held > 0 ? { ...result, outcome: 'error', message: HELD_MESSAGE } : result
    } catch {
      return { ...result, outcome: 'error', message: UNEXPECTED_MESSAGE }
    }
  }

  /** The poked scopes this tablet reads whose cursor has not reached the poke's sequence, in the server's order. */
  async function behind(pokes: ReadonlyMap<string, number>, readable: ReadonlySet<string>): Promise<string[]> {
    const scopes: string[] = []
    for (const scope of readable) {
      const seq = pokes.get(scope)
      if (seq === undefined) continue
      const cursor = ((await database.meta.get(SYNC_META.cursor(scope)))?.value as number | undefined) ?? 0
      if (cursor < seq) scopes.push(scope)
    }
    return scopes
  }

  function enqueue(what: RoundKind): Promise<SyncResult> {
    const next = queue.then(
      () => run(what),
      () => run(what),
    )
    queue = next
    return next
  }

  /** Push then pull. Calls made while one runs wait for it, so rounds never overlap. */
  function syncOnce(): Promise<SyncResult> {
    return enqueue({ kind: 'full', withPush: true })
  }

  /** Pull only, leaving the outbox unsent (e.g. to refresh while pushes are refused). */
  function pullOnce(): Promise<SyncResult> {
    return enqueue({ kind: 'full', withPush: false })
  }

  /** Send the outbox now, with the enrolment the last full round stored (no `GET /api/device`, no pull). */
  function pushOnce(): Promise<SyncResult> {
    return enqueue({ kind: 'push' })
  }

  /** Pull just the scopes the server poked (scope → its new sequence), skipping any already pulled that far. */
  function pullPoked(pokes: ReadonlyMap<string, number>): Promise<SyncResult> {
    return enqueue({ kind: 'scopes', pokes: new Map(pokes) })
  }

  async function conflictCount(): Promise<number> {
    return database.syncState.where('conflicted').equals(1).count()
  }

  return { syncOnce, pullOnce, pushOnce, pullPoked, conflictCount }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
