// The push's database work on SQLite through better-sqlite3 statements prepared once per connection. Kysely
// built and prepared every statement on every call (a multi-row insert of 100 mutations is a new statement of
// 400 parameters each time); one small prepared statement per row costs a few microseconds.
//
// The statements run on Kysely's own connection, so they must never run inside another request's Kysely
// transaction: `runSqlitePush` takes Kysely's lock on its one connection (`db.connection()`) for the whole of
// BEGIN IMMEDIATE … COMMIT, exactly as a Kysely transaction would.
import type SqliteDatabase from 'better-sqlite3'
import type { Mutation, SyncRecord } from '../../src/shared/sync/protocol.ts'
import { newMark } from '../db/migrations/0008_scope_marks.ts'
import { sqliteHandleOf, type SyncDb } from '../db/open.ts'
import { recordKey, syncRecordOf, type RecordRow } from './records.ts'
import { ownerKey, type PushStore } from './pushStore.ts'

function statementsOf(sqlite: SqliteDatabase.Database) {
  return {
    begin: sqlite.prepare('begin immediate'),
    commit: sqlite.prepare('commit'),
    rollback: sqlite.prepare('rollback'),
    lockScope: sqlite.prepare<[string], { seq: number }>(
      'insert into scopes (scope, seq) values (?, 0) on conflict (scope) do update set seq = scopes.seq returning seq',
    ),
    claim: sqlite.prepare<[string, string, string | null, number]>(
      'insert into applied_mutations (mutation_id, scope, device_id, applied_at) values (?, ?, ?, ?) on conflict (mutation_id) do nothing',
    ),
    release: sqlite.prepare<[string]>('delete from applied_mutations where mutation_id = ?'),
    record: sqlite.prepare<[string, string, string], RecordRow>(
      'select scope, tbl, id, seq, fields, clocks, origins, conflicts from records where scope = ? and tbl = ? and id = ?',
    ),
    claimOwner: sqlite.prepare<[string, string, string]>(
      'insert into record_owners (tbl, id, scope) values (?, ?, ?) on conflict (tbl, id) do nothing',
    ),
    owner: sqlite.prepare<[string, string], { scope: string }>(
      'select scope from record_owners where tbl = ? and id = ?',
    ),
    writeRecord: sqlite.prepare<[string, string, string, number, string, string, string | null, string | null]>(
      `insert into records (scope, tbl, id, seq, fields, clocks, origins, conflicts) values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (scope, tbl, id) do update set seq = excluded.seq, fields = excluded.fields,
       clocks = excluded.clocks, origins = excluded.origins, conflicts = excluded.conflicts`,
    ),
    mark: sqlite.prepare<[string, number, string, number]>(
      'insert into scope_marks (scope, seq_to, mark, made_at) values (?, ?, ?, ?)',
    ),
    advance: sqlite.prepare<[number, string]>('update scopes set seq = ? where scope = ?'),
    deviceSynced: sqlite.prepare<[number, string]>('update devices set last_sync_at = ? where id = ?'),
  }
}

type Statements = ReturnType<typeof statementsOf>

function sqlitePushStore(s: Statements): PushStore {
  return {
    lockScopes(scopes) {
      // BEGIN IMMEDIATE already holds the database's one write lock; the upsert creates a missing scope row.
      return new Map(scopes.map((scope) => [scope, Number(s.lockScope.get(scope)!.seq)]))
    },
    claimMutations(batch, deviceId, now) {
      const claimed = new Set<string>()
      for (const mutation of batch) {
        if (s.claim.run(mutation.mutationId, mutation.scope, deviceId, now).changes === 1)
          claimed.add(mutation.mutationId)
      }
      return claimed
    },
    loadRecords(mutations: readonly Mutation[]) {
      const records = new Map<string, SyncRecord>()
      for (const { scope, table, recordId } of mutations) {
        const key = recordKey(scope, table, recordId)
        if (records.has(key)) continue
        const row = s.record.get(scope, table, recordId)
        if (row) records.set(key, syncRecordOf(row))
      }
      return records
    },
    owners(claims) {
      const owners = new Map<string, string>()
      for (const { tbl, id, scope } of claims) {
        // A new id (the usual case) is claimed by the insert itself: no second read.
        const owner = s.claimOwner.run(tbl, id, scope).changes === 1 ? scope : s.owner.get(tbl, id)?.scope
        if (owner !== undefined) owners.set(ownerKey(tbl, id), owner)
      }
      return owners
    },
    writeRecords(rows) {
      for (const row of rows) {
        s.writeRecord.run(row.scope, row.tbl, row.id, row.seq, row.fields, row.clocks, row.origins, row.conflicts)
      }
    },
    advanceScopes(advanced) {
      const marks: Record<string, { seq: number; mark: string }> = {}
      const now = Date.now()
      for (const [scope, seq] of Object.entries(advanced)) {
        const mark = newMark()
        s.mark.run(scope, seq, mark, now)
        s.advance.run(seq, scope)
        marks[scope] = { seq, mark }
      }
      return marks
    },
    release(ids) {
      for (const id of ids) s.release.run(id)
    },
    noteDeviceSynced(deviceId, now) {
      s.deviceSynced.run(now, deviceId)
    },
  }
}

const stores = new WeakMap<SqliteDatabase.Database, { statements: Statements; store: PushStore }>()

/**
 * Runs `work` in one SQLite transaction with the prepared push statements, holding Kysely's connection lock
 * throughout. Undefined when `db` is not a SQLite database opened by `openDatabase` (then use Kysely).
 */
export function sqlitePushRunner(db: SyncDb): (<T>(work: (store: PushStore) => Promise<T>) => Promise<T>) | undefined {
  const sqlite = sqliteHandleOf(db)
  if (!sqlite) return undefined
  return (work) =>
    db.connection().execute(async () => {
      let cached = stores.get(sqlite)
      if (!cached) {
        const statements = statementsOf(sqlite)
        cached = { statements, store: sqlitePushStore(statements) }
        stores.set(sqlite, cached)
      }
      const { statements, store } = cached
      statements.begin.run()
      try {
        const result = await work(store)
        statements.commit.run()
        return result
      } catch (error) {
        if (sqlite.inTransaction) statements.rollback.run()
        throw error
      }
    })
}
