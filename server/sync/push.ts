import { randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import { createClock, type HybridClock } from '../../src/shared/sync/hlc.ts'
import { applyMutation, restampMutation } from '../../src/shared/sync/merge.ts'
import { refusal, type Mutation, type Refusal, type SyncRecord } from '../../src/shared/sync/protocol.ts'
import { RecordLimitError } from '../../src/shared/sync/text.ts'
import { SYNCED_TABLES, type TableDeclarations } from '../../src/shared/sync/tables.ts'
import type { SyncDb } from '../db/open.ts'
import type { Database } from '../db/schema.ts'
import { kyselyPushStore, ownerKey, type OwnerClaim, type PushStore } from './pushStore.ts'
import { recordKey, toRow } from './records.ts'
import { sqlitePushRunner } from './sqlitePush.ts'

export { SCOPE_CHANNEL } from './pushStore.ts'

export interface PushOptions {
  /** Recorded with each applied mutation (the device token's id once devices enrol). */
  deviceId?: string | undefined
  /** Server time in ms. */
  now?: number
  /** The server's hybrid clock, for re-stamping mutations from clocks that run fast. */
  clock?: HybridClock
  /** How each table's fields merge (default: the app's synced tables). */
  tables?: TableDeclarations
  /** Protocol 2: a change that would break a record limit is refused alone (else it fails the whole batch). */
  refuseOneByOne?: boolean
  /** Refuse changes naming a record id that another scope owns (`record_owners`). Always on behind device
   * tokens; off only for tests of the push core, which reuse ids across scopes. */
  ownIds?: boolean
  /** Protocol 3: a `partial` change to a record this scope does not hold (and no whole change in the batch
   * creates) is not applied but answered as missing, so a restore never leaves a record of only some fields. */
  refuseHeadless?: boolean
  /** The device whose "last synced" this push sets, in its own transaction (the authenticated device). */
  syncedDeviceId?: string | undefined
}

export interface PushResult {
  /** Every mutation id in the batch, once each: applied now or by an earlier attempt. */
  accepted: string[]
  /** With `refuseOneByOne`: the changes refused, none of them applied. */
  refused: Refusal[]
  /** With `refuseHeadless`: partial changes to records the server does not hold, not applied. */
  missing: string[]
  /** How many this call applied (the others had been applied before). */
  applied: number
  /** How far ahead the furthest re-stamped mutation's clock was, if any was re-stamped. */
  clockSkewMs?: number
  /** Scopes whose sequence advanced, with their new last sequence number. */
  advanced: Record<string, number>
  /** The mark of the run of sequence numbers this push wrote in each scope it advanced. */
  marks: Record<string, { seq: number; mark: string }>
}

const MAX_ATTEMPTS = 5
// Serialisation failure, deadlock, unique violation (two pushes of one mutation id in
// different scopes racing), SQLite busy beyond busy_timeout: the whole batch is retried,
// and its dedupe check then sees what the other transaction committed.
const RETRYABLE_CODES = new Set(['40001', '40P01', '23505', 'SQLITE_BUSY'])

/** A change naming a record id that belongs to another scope (protocol 1 refuses the whole push for it). */
export class ForbiddenRecordError extends Error {
  override name = 'ForbiddenRecordError'
  constructor(readonly mutation: Mutation) {
    super(`${mutation.table}/${mutation.recordId} belongs to another scope than ${mutation.scope}`)
  }
}

let processClock: HybridClock | undefined

/** Told once a push has committed, with each scope it advanced and that scope's new last sequence number. */
export type CommitListener = (advanced: Readonly<Record<string, number>>) => void
const commitListeners = new WeakMap<object, Set<CommitListener>>()

/**
 * Hears every push this process commits to `db`, at once: the live pokes of the process that made a change
 * wait for no poll (other processes' changes still come through the notifier's poll or LISTEN).
 */
export function onCommit(db: SyncDb, listener: CommitListener): () => void {
  const set = commitListeners.get(db) ?? new Set<CommitListener>()
  set.add(listener)
  commitListeners.set(db, set)
  return () => set.delete(listener)
}

function announce(db: SyncDb, advanced: Readonly<Record<string, number>>): void {
  if (Object.keys(advanced).length === 0) return
  for (const listener of [...(commitListeners.get(db) ?? [])]) {
    try {
      listener(advanced)
    } catch (error) {
      console.warn(`A commit listener failed: ${(error as Error).message}`)
    }
  }
}

/** One clock per server process; its node id is unique to the process. */
export function serverClock(): HybridClock {
  processClock ??= createClock(`server-${randomBytes(6).toString('hex')}`)
  return processClock
}

/**
 * Applies a validated batch of mutations in one transaction: all of it or none of it.
 * A mutation id already applied (by an earlier attempt, or by a concurrent push of the
 * same batch) is accepted again without being applied twice.
 */
export async function pushMutations(
  db: SyncDb,
  mutations: readonly Mutation[],
  options: PushOptions = {},
): Promise<PushResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const sqlite = sqlitePushRunner(db)
      const result = sqlite
        ? await sqlite((store) => applyPush(store, mutations, options))
        : await db.transaction().execute((trx) => applyPush(kyselyPushStore(trx), mutations, options))
      announce(db, result.advanced)
      return result
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error
    }
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE_CODES.has(code)
}

/**
 * The body of a push, inside a transaction the caller owns (tests use this to hold a
 * transaction open). Order matters:
 * 1. Lock every scope in the batch, in sorted order (so two batches never deadlock).
 *    On PostgreSQL the row lock is held until commit, so writers to a scope take
 *    sequence numbers one transaction at a time, in commit order: a puller can never
 *    see seq n+1 committed while seq n is still in flight, and so never skips it.
 * 2. Claim the mutation ids; ids already claimed are duplicates and are skipped. Under
 *    the scope lock, an earlier push of the same mutation has committed by now.
 * 3. Read the records (after the lock, so the reads see every earlier commit), merge,
 *    write each changed record once with a new sequence number, then store the scope's
 *    new sequence and notify listeners.
 */
export async function applyPushInTransaction(
  trx: Transaction<Database>,
  mutations: readonly Mutation[],
  options: PushOptions = {},
): Promise<PushResult> {
  return applyPush(kyselyPushStore(trx), mutations, options)
}

async function applyPush(store: PushStore, mutations: readonly Mutation[], options: PushOptions): Promise<PushResult> {
  const now = options.now ?? Date.now()
  const clock = options.clock ?? serverClock()
  const batch = uniqueById(mutations)
  if (options.syncedDeviceId !== undefined) await store.noteDeviceSynced(options.syncedDeviceId, now)
  if (batch.length === 0) return { accepted: [], refused: [], missing: [], applied: 0, advanced: {}, marks: {} }

  const lastSeq = await store.lockScopes([...new Set(batch.map((mutation) => mutation.scope))].sort())
  const claimed = await store.claimMutations(batch, options.deviceId ?? null, now)
  const claimedNow = batch.filter((mutation) => claimed.has(mutation.mutationId))
  const records = await store.loadRecords(claimedNow)
  const refused: Refusal[] = []
  // Ownership first: a change naming another scope's record is refused, never answered as "missing", or the
  // tablet would queue that record whole in a scope it cannot write and never get past it.
  const foreign = options.ownIds ? await foreignRecords(store, claimedNow, records) : new Set<Mutation>()
  for (const mutation of foreign) {
    if (!options.refuseOneByOne) throw new ForbiddenRecordError(mutation)
    refused.push(
      refusal(mutation.mutationId, 'forbidden-record', { table: mutation.table, recordId: mutation.recordId }),
    )
  }
  const owned = claimedNow.filter((mutation) => !foreign.has(mutation))
  const missing = options.refuseHeadless ? headless(owned, records) : new Set<Mutation>()
  const fresh = owned.filter((mutation) => !missing.has(mutation))

  const changed = new Set<string>()
  let clockSkewMs: number | undefined
  let tooLarge = 0
  for (const mutation of fresh) {
    const stamped = restampMutation(mutation, clock, now)
    if (stamped.restamped) clockSkewMs = Math.max(clockSkewMs ?? 0, stamped.skewMs)
    const key = recordKey(mutation.scope, mutation.table, mutation.recordId)
    let result: ReturnType<typeof applyMutation>
    try {
      result = applyMutation(records.get(key), stamped.mutation, options.tables ?? SYNCED_TABLES)
    } catch (error) {
      if (!(options.refuseOneByOne && error instanceof RecordLimitError)) throw error
      refused.push(refusal(mutation.mutationId, 'record-too-large', { reason: error.message }))
      tooLarge += 1
      continue
    }
    if (!result.changed) continue
    records.set(key, result.record)
    // Re-inserted so the record takes its sequence number from its last change in the batch.
    changed.delete(key)
    changed.add(key)
  }

  const rows = [...changed].map((key) => {
    const record = records.get(key) as SyncRecord
    const seq = (lastSeq.get(record.scope) ?? 0) + 1
    lastSeq.set(record.scope, seq)
    return toRow(record, seq)
  })
  await store.writeRecords(rows)

  const advanced: Record<string, number> = {}
  for (const row of rows) advanced[row.scope] = row.seq
  const marks = await store.advanceScopes(advanced)

  // A refused or missing change was never applied: its id is freed, so it can never count as done.
  const missingIds = [...missing].map((mutation) => mutation.mutationId)
  const refusedIds = new Set(refused.map((r) => r.mutationId))
  const notClaimedAfterAll = [...refusedIds, ...missingIds]
  if (notClaimedAfterAll.length > 0) await store.release(notClaimedAfterAll)
  const notApplied = new Set([...refusedIds, ...missingIds])
  const accepted = batch.map((mutation) => mutation.mutationId).filter((id) => !notApplied.has(id))
  const result: PushResult = {
    accepted,
    refused,
    missing: missingIds,
    applied: fresh.length - tooLarge,
    advanced,
    marks,
  }
  if (clockSkewMs !== undefined) result.clockSkewMs = clockSkewMs
  return result
}

/** Partial changes to a record neither stored in their scope nor created whole by another change in the batch. */
function headless(mutations: readonly Mutation[], records: ReadonlyMap<string, SyncRecord>): Set<Mutation> {
  const key = (mutation: Mutation) => recordKey(mutation.scope, mutation.table, mutation.recordId)
  const whole = new Set(mutations.filter((mutation) => !mutation.partial).map(key))
  return new Set(
    mutations.filter((mutation) => mutation.partial && !records.has(key(mutation)) && !whole.has(key(mutation))),
  )
}

function uniqueById(mutations: readonly Mutation[]): Mutation[] {
  const seen = new Set<string>()
  return mutations.filter((mutation) => !seen.has(mutation.mutationId) && seen.add(mutation.mutationId))
}

/**
 * The changes naming a record id that another scope owns. Ids cannot cross scopes: the first scope to store a
 * (table, id) owns it (`record_owners`, claimed here under the primary key, so two scopes racing for one new id
 * cannot both win). A record this scope already holds stays its to change (ids stored in several scopes before
 * ownership existed).
 */
async function foreignRecords(
  store: PushStore,
  mutations: readonly Mutation[],
  records: ReadonlyMap<string, SyncRecord>,
): Promise<Set<Mutation>> {
  const foreign = new Set<Mutation>()
  if (mutations.length === 0) return foreign
  const claims = new Map<string, OwnerClaim>()
  for (const mutation of mutations) {
    const key = ownerKey(mutation.table, mutation.recordId)
    if (!claims.has(key)) claims.set(key, { tbl: mutation.table, id: mutation.recordId, scope: mutation.scope })
  }
  const owners = await store.owners([...claims.values()])
  for (const mutation of mutations) {
    const owner = owners.get(ownerKey(mutation.table, mutation.recordId))
    if (owner === mutation.scope) continue
    if (records.has(recordKey(mutation.scope, mutation.table, mutation.recordId))) continue
    foreign.add(mutation)
  }
  return foreign
}
