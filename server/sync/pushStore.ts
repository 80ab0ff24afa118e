// What a push needs from the database, inside the transaction that applies it. The rules (push.ts) are written
// once against this; PostgreSQL (and any SQLite connection without its raw handle) runs it through Kysely, SQLite
// through cached better-sqlite3 statements (sqlitePush.ts), where building and preparing every statement on
// every call cost more than the writes.
import { sql, type Transaction } from 'kysely'
import type { Mutation, SyncRecord } from '../../src/shared/sync/protocol.ts'
import { newMark } from '../db/migrations/0008_scope_marks.ts'
import { isPostgres } from '../db/open.ts'
import type { Database } from '../db/schema.ts'
import { recordKey, syncRecordOf, type RecordRow } from './records.ts'

/** PostgreSQL NOTIFY channel: payload {schema, scope, seq} once a push that advanced the scope commits. */
export const SCOPE_CHANNEL = 'lim_huddle_scope_seq'

type Awaitable<T> = T | Promise<T>

/** A (table, id) claimed for a scope: the first scope to store it owns it. */
export interface OwnerClaim {
  tbl: string
  id: string
  scope: string
}

/** The key of a (table, id) in `PushStore.owners`' answer (the table's length first, as in `recordKey`). */
export const ownerKey = (tbl: string, id: string) => `${tbl.length}:${tbl}${id}`

export interface PushStore {
  /** Creates missing scope rows and locks all of them (in the order given); each scope's last sequence number. */
  lockScopes(scopes: readonly string[]): Awaitable<Map<string, number>>
  /** Claims the mutation ids; those already claimed (applied before) are left out of the answer. */
  claimMutations(batch: readonly Mutation[], deviceId: string | null, now: number): Awaitable<Set<string>>
  /** The stored records the mutations name, by `recordKey`. */
  loadRecords(mutations: readonly Mutation[]): Awaitable<Map<string, SyncRecord>>
  /** Claims each (table, id) for its scope unless another scope has; answers each one's owner, by `ownerKey`. */
  owners(claims: readonly OwnerClaim[]): Awaitable<Map<string, string>>
  writeRecords(rows: readonly RecordRow[]): Awaitable<void>
  /** Stores each scope's new last sequence number with the mark of the run this push wrote; tells other
   * processes (PostgreSQL NOTIFY, delivered on commit). */
  advanceScopes(advanced: Readonly<Record<string, number>>): Awaitable<Record<string, { seq: number; mark: string }>>
  /** Frees mutation ids claimed but not applied (refused or missing), so they never count as done. */
  release(ids: readonly string[]): Awaitable<void>
  /** The device's "last synced", in the push's own transaction (no second write and fsync after it). */
  noteDeviceSynced(deviceId: string, now: number): Awaitable<void>
}

const SQL_CHUNK = 500

export function chunks<T>(items: readonly T[], size = SQL_CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** The push's database work through Kysely, in the caller's transaction. */
export function kyselyPushStore(trx: Transaction<Database>): PushStore {
  return {
    async lockScopes(scopes) {
      const lastSeq = new Map<string, number>()
      for (const scope of scopes) {
        // An upsert that rewrites the row takes its lock whether or not the row existed.
        const row = await trx
          .insertInto('scopes')
          .values({ scope, seq: 0 })
          .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ seq: eb.ref('scopes.seq') })))
          .returning('seq')
          .executeTakeFirstOrThrow()
        lastSeq.set(scope, Number(row.seq))
      }
      return lastSeq
    },

    async claimMutations(batch, deviceId, now) {
      const claimed = new Set<string>()
      for (const part of chunks(batch)) {
        const rows = await trx
          .insertInto('applied_mutations')
          .values(
            part.map((mutation) => ({
              mutation_id: mutation.mutationId,
              scope: mutation.scope,
              device_id: deviceId,
              applied_at: now,
            })),
          )
          .onConflict((oc) => oc.column('mutation_id').doNothing())
          .returning('mutation_id')
          .execute()
        for (const row of rows) claimed.add(row.mutation_id)
      }
      return claimed
    },

    async loadRecords(mutations) {
      const idsByTable = new Map<string, { scope: string; table: string; ids: Set<string> }>()
      for (const mutation of mutations) {
        const group = JSON.stringify([mutation.scope, mutation.table])
        const entry = idsByTable.get(group) ?? { scope: mutation.scope, table: mutation.table, ids: new Set<string>() }
        entry.ids.add(mutation.recordId)
        idsByTable.set(group, entry)
      }
      const records = new Map<string, SyncRecord>()
      for (const { scope, table, ids } of idsByTable.values()) {
        for (const part of chunks([...ids])) {
          const rows = await trx
            .selectFrom('records')
            .selectAll()
            .where('scope', '=', scope)
            .where('tbl', '=', table)
            .where('id', 'in', part)
            .execute()
          for (const row of rows) records.set(recordKey(row.scope, row.tbl, row.id), syncRecordOf(row))
        }
      }
      return records
    },

    async owners(claims) {
      for (const part of chunks(claims)) {
        await trx
          .insertInto('record_owners')
          .values([...part])
          .onConflict((oc) => oc.columns(['tbl', 'id']).doNothing())
          .execute()
      }
      const owners = new Map<string, string>()
      const byTable = new Map<string, string[]>()
      for (const { tbl, id } of claims) byTable.set(tbl, [...(byTable.get(tbl) ?? []), id])
      for (const [tbl, ids] of byTable) {
        for (const part of chunks(ids)) {
          const rows = await trx
            .selectFrom('record_owners')
            .select(['id', 'scope'])
            .where('tbl', '=', tbl)
            .where('id', 'in', part)
            .execute()
          for (const row of rows) owners.set(ownerKey(tbl, row.id), row.scope)
        }
      }
      return owners
    },

    async writeRecords(rows) {
      for (const part of chunks(rows)) {
        await trx
          .insertInto('records')
          .values(part)
          .onConflict((oc) =>
            oc.columns(['scope', 'tbl', 'id']).doUpdateSet((eb) => ({
              seq: eb.ref('excluded.seq'),
              fields: eb.ref('excluded.fields'),
              clocks: eb.ref('excluded.clocks'),
              origins: eb.ref('excluded.origins'),
              conflicts: eb.ref('excluded.conflicts'),
            })),
          )
          .execute()
      }
    },

    async advanceScopes(advanced) {
      const postgres = isPostgres(trx)
      const marks = Object.entries(advanced).map(([scope, seq]) => ({
        scope,
        seq_to: seq,
        mark: newMark(),
        made_at: Date.now(),
      }))
      if (marks.length > 0) await trx.insertInto('scope_marks').values(marks).execute()
      for (const [scope, seq] of Object.entries(advanced)) {
        await trx.updateTable('scopes').set({ seq }).where('scope', '=', scope).execute()
        // Delivered only if this transaction commits, and only after it has.
        if (postgres) {
          await sql`select pg_notify(${SCOPE_CHANNEL}, json_build_object('schema', current_schema(), 'scope', ${scope}::text, 'seq', ${seq}::bigint)::text)`.execute(
            trx,
          )
        }
      }
      return Object.fromEntries(marks.map((row) => [row.scope, { seq: row.seq_to, mark: row.mark }]))
    },

    async release(ids) {
      for (const part of chunks(ids)) {
        await trx.deleteFrom('applied_mutations').where('mutation_id', 'in', part).execute()
      }
    },

    async noteDeviceSynced(deviceId, now) {
      await trx.updateTable('devices').set({ last_sync_at: now }).where('id', '=', deviceId).execute()
    },
  }
}
