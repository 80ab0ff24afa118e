import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { assertSchemaName, type DatabaseConfig } from './config.ts'
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
  const clientConfig: pg.ClientConfig = { connectionString: config.connectionString, types: pgTypes }
  if (config.schema) clientConfig.options = `-c search_path=${assertSchemaName(config.schema)}`
  return clientConfig
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

/** Opens the configured database. Run migrateToLatest before using it. */
export function openDatabase(config: DatabaseConfig): SyncDb {
  if (config.dialect === 'sqlite') {
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(config.filename) }) })
  }
  const pool = new pg.Pool({ ...pgClientConfig(config), max: config.poolSize ?? 10 })
  // An idle connection dropped by the server (restart, failover) must not crash the
  // process: the pool replaces it, and a query in flight fails on its own.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

/** Works for a Kysely instance or a transaction, whatever its table types. */
export function isPostgres(db: { getExecutor(): { readonly adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
