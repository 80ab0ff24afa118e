// One round of sync: send this tablet's outbox, then pull every unit it holds. Each
// step commits in one Dexie transaction (an acknowledged batch with its outbox rows; a
// pulled page with its cursor), so stopping at any moment loses nothing and repeats
// nothing that matters. Every outcome is a value: components never see an exception.
import type { SyncedTable } from '@/domain/types'
import { withDeviceClock } from '@/db/clock'
import { SYNC_META, type HuddleDatabase } from '@/db/db'
import { mutationOf, pendingEntriesFor, syncRecordOf, syncStateRowOf } from '@/db/syncRecords'
import { canonicalJson } from '@/shared/sync/json'
import { applyMutation, isDeleted, latestStamp, rebaseOnServer } from '@/shared/sync/merge'
import {
  MutationSchema, PROTOCOL_VERSION, PULL_DEFAULT_LIMIT, splitIntoBatches,
  type Mutation, type PullResponse, type SyncRecord,
} from '@/shared/sync/protocol'
import { DELETED_FIELD, isSyncedTable, SYNCED_TABLES } from '@/shared/sync/tables'
import { isFailure, type SyncFailure, type SyncTransport } from './transport-types'

export type SyncOutcome = 'synced' | 'offline' | 'error' | 'update-needed' | 'removed'

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
  /** Set when the server distrusted this tablet's clock (ms ahead). */
  clockSkewMs?: number
}

export interface SyncEngineOptions {
  database: HuddleDatabase
  transport: SyncTransport
  pageSize?: number
}

const UNEXPECTED_MESSAGE = 'Something went wrong while syncing. Changes are kept safe on this tablet and sync will try again.'
const HELD_MESSAGE = 'Some changes on this tablet could not be sent because the server would refuse them. They are kept on this tablet.'
/** Below this the device clock is treated as right: request latency alone is that large. */
const OFFSET_THRESHOLD_MS = 2_000

export function outcomeOf(failure: SyncFailure): SyncOutcome {
  switch (failure.error) {
    case 'offline': return 'offline'
    case 'protocol-too-old': return 'update-needed'
    case 'device-revoked':
    case 'unauthorised': return 'removed'
    default: return 'error'
  }
}

/** A pulled record as the app tables store it: plain fields, its id and unit. */
export function appRecordOf(record: SyncRecord): Record<string, unknown> {
  const { [DELETED_FIELD]: _deleted, ...fields } = record.fields
  return { ...fields, id: record.id, unitId: record.scope }
}

export function createSyncEngine({ database, transport, pageSize = PULL_DEFAULT_LIMIT }: SyncEngineOptions) {
  const appTables = Object.keys(SYNCED_TABLES).map((name) => database.table(name))
  let queue: Promise<unknown> = Promise.resolve()

  function offsetFrom(serverTime: number): number {
    const offset = serverTime - Date.now()
    return Math.abs(offset) > OFFSET_THRESHOLD_MS ? offset : 0
  }

  async function push(result: SyncResult, deviceId: string): Promise<SyncFailure | undefined> {
    const entries = await database.outbox.orderBy('seq').toArray()
    const mutations: Mutation[] = []
    for (const entry of entries) {
      const mutation = mutationOf(entry)
      if (MutationSchema.safeParse(mutation).success) mutations.push(mutation)
      else result.held += 1
    }
    for (const batch of splitIntoBatches(mutations)) {
      const response = await transport.push({ protocol: PROTOCOL_VERSION, deviceId, mutations: batch })
      if (isFailure(response)) return response
      if (response.clockSkewMs !== undefined) result.clockSkewMs = response.clockSkewMs
      const accepted = new Set(response.accepted)
      const done = batch.filter((mutation) => accepted.has(mutation.mutationId))
      await database.transaction('rw', [database.outbox, database.syncState, database.meta], async () => {
        // The server state now includes these changes; recording them keeps the text
        // bases of this tablet's next edits right even before the next pull arrives.
        for (const mutation of done) {
          const row = await database.syncState.get([mutation.table, mutation.recordId])
          const { record } = applyMutation(syncRecordOf(row), mutation, SYNCED_TABLES)
          await database.syncState.put(syncStateRowOf(record, row?.seq ?? 0))
        }
        await database.outbox.where('mutationId').anyOf(done.map((m) => m.mutationId)).delete()
        await withDeviceClock(database, () => undefined, offsetFrom(response.serverTime))
      })
      result.pushed += done.length
    }
    return undefined
  }

  async function applyPage(scope: string, page: PullResponse, result: SyncResult): Promise<void> {
    await database.transaction('rw', [database.syncState, database.outbox, database.meta, ...appTables], async () => {
      const stamps: string[] = []
      for (const { seq, ...record } of page.records) {
        if (record.scope !== scope || !isSyncedTable(SYNCED_TABLES, record.table)) continue
        await database.syncState.put(syncStateRowOf(record, seq))
        // Unsent changes made here stay on screen over whatever the server had.
        const pending = (await pendingEntriesFor(database, record.table, record.id)).map(mutationOf)
        const view = rebaseOnServer(record, pending, SYNCED_TABLES) as SyncRecord
        const table = database.table(record.table)
        const before: unknown = await table.get(record.id)
        const after = isDeleted(view) ? undefined : appRecordOf(view)
        if (after) await table.put(after)
        else await table.delete(record.id)
        if (canonicalJson(before) !== canonicalJson(after)) result.changedTables.add(record.table as SyncedTable)
        const stamp = latestStamp(record)
        if (stamp) stamps.push(stamp)
        result.pulled += 1
      }
      await withDeviceClock(database, (clock) => stamps.forEach((stamp) => clock.receive(stamp)), offsetFrom(page.serverTime))
      await database.meta.put({ key: SYNC_META.cursor(scope), value: page.cursor })
    })
  }

  async function pullScope(scope: string, result: SyncResult): Promise<SyncFailure | undefined> {
    let cursor = ((await database.meta.get(SYNC_META.cursor(scope)))?.value as number | undefined) ?? 0
    for (;;) {
      const page = await transport.pull({ protocol: PROTOCOL_VERSION, scope, after: cursor, limit: pageSize })
      if (isFailure(page)) return page
      await applyPage(scope, page, result)
      // A server that claims more but does not move on would otherwise keep us here.
      if (!page.hasMore || page.cursor <= cursor) return undefined
      cursor = page.cursor
    }
  }

  async function run(withPush: boolean): Promise<SyncResult> {
    const result: SyncResult = { outcome: 'synced', pushed: 0, pulled: 0, changedTables: new Set(), held: 0 }
    const fail = (failure: SyncFailure): SyncResult => ({ ...result, outcome: outcomeOf(failure), message: failure.message })
    try {
      if (withPush) {
        const deviceId = await database.transaction('rw', database.meta, () => withDeviceClock(database, (clock) => clock.nodeId))
        const pushFailure = await push(result, deviceId)
        if (pushFailure) return fail(pushFailure)
      }
      const scopes = (await database.units.toCollection().primaryKeys()).sort()
      let scopeFailure: SyncFailure | undefined
      for (const scope of scopes) {
        const failure = await pullScope(scope, result)
        if (!failure) continue
        // A unit this tablet may not sync (e.g. the local-only demo) must not stop the others.
        if (failure.error === 'forbidden-scope') scopeFailure ??= failure
        else return fail(failure)
      }
      if (scopeFailure) return fail(scopeFailure)
      return result.held > 0 ? { ...result, outcome: 'error', message: HELD_MESSAGE } : result
    } catch {
      return { ...result, outcome: 'error', message: UNEXPECTED_MESSAGE }
    }
  }

  function enqueue(withPush: boolean): Promise<SyncResult> {
    const next = queue.then(() => run(withPush), () => run(withPush))
    queue = next
    return next
  }

  /** Push then pull. Calls made while one runs wait for it, so rounds never overlap. */
  function syncOnce(): Promise<SyncResult> {
    return enqueue(true)
  }

  /** Pull only, leaving the outbox unsent (e.g. to refresh while pushes are refused). */
  function pullOnce(): Promise<SyncResult> {
    return enqueue(false)
  }

  async function conflictCount(): Promise<number> {
    return database.syncState.where('conflicted').equals(1).count()
  }

  return { syncOnce, pullOnce, conflictCount }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
