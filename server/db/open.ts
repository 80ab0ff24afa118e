import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { DATABASE_LIMITS } from '../limits.ts'
import { assertSchemaName, POSTGRES_APPLICATION_NAME, type DatabaseConfig } from './config.ts'
import type { Database } from './schema.ts'

export type SyncDb = Kysely<Database>

const INT8_OID = 20

/** pg returns bigint as a string by default; sequence numbers stay far below 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
} as pg.CustomTypesConfig

/** Connection settings for a pg Pool or Client, including the schema when one is configured. */
export function pgClientConfig(config: Extract<DatabaseConfig, { dialect: 'postgres' }>): pg.ClientConfig {
  const clientConfig: pg.ClientConfig = {
    connectionString: config.connectionString,
    types: pgTypes,
    // Named, so an operator can find (and a test can cut) the server's connections in pg_stat_activity.
    application_name: config.applicationName ?? POSTGRES_APPLICATION_NAME,
    // A database behind a dead network link should fail a request in seconds, not hang it.
    connectionTimeoutMillis: DATABASE_LIMITS.connectTimeoutMs,
    keepAlive: true,
  }
  if (config.schema) clientConfig.options = `-c search_path=${assertSchemaName(config.schema)}`
  return clientConfig
}

let lastLossWarning = 0

/** One line per second at most: a failover cuts every connection at once. */
function warnConnectionLost(error: Error): void {
  const now = Date.now()
  if (now - lastLossWarning < 1000) return
  lastLossWarning = now
  console.warn(`PostgreSQL connection lost: ${error.message}. Requests using it fail; new connections are opened.`)
}

function openSqlite(filename: string): SqliteDatabase.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true })
  const sqlite = new SqliteDatabase(filename)
  // WAL lets pulls read while a push writes; FULL syncs every commit to disk, so a push
  // the server acknowledged survives a power cut.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  // Another process (a CLI, a second server) may hold the write lock briefly.
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}

const sqliteHandles = new WeakMap<SyncDb, SqliteDatabase.Database>()

/**
 * The better-sqlite3 connection under a SQLite `db` (undefined for PostgreSQL), for the push path's prepared
 * statements. Use it only inside `db.connection().execute(...)`: Kysely's lock on its one connection is what
 * keeps a raw statement out of another request's transaction.
 */
export function sqliteHandleOf(db: SyncDb): SqliteDatabase.Database | undefined {
  return sqliteHandles.get(db)
}

/** Opens the configured database. Run migrateToLatest before using it. */
export function openDatabase(config: DatabaseConfig): SyncDb {
  if (config.dialect === 'sqlite') {
    const sqlite = openSqlite(config.filename)
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    sqliteHandles.set(db, sqlite)
    return db
  }
  const pool = new pg.Pool({ ...pgClientConfig(config), max: config.poolSize ?? DATABASE_LIMITS.poolSize })
  // A connection cut by the database (restart, failover, pg_terminate_backend) must never end
  // the process. pg emits 'error' on the client; the pool listens only while a client is idle,
  // so one checked out (inside a transaction, between two queries) had no listener and the
  // error was thrown as uncaught. Every client gets its own listener for its whole life; the
  // query in flight fails on its own, and the pool drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', warnConnectionLost))
  // The pool re-emits idle clients' errors: already reported by the client's own listener.
  pool.on('error', () => undefined)
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

/** Works for a Kysely instance or a transaction, whatever its table types. */
export function isPostgres(db: { getExecutor(): { readonly adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
