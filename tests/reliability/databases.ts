// Databases for the reliability suite. A server process gets a database of its own: a
// temporary SQLite folder, or a PostgreSQL database created for the run, so that cutting
// "the server's connections" can be done by database name without touching anyone else's.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { SQLITE_FILENAME, type DatabaseConfig } from '../../server/db/config.ts'
import { openDatabase, type SyncDb } from '../../server/db/open.ts'
import { TEST_DATABASE_URL, type BackendName } from '../server/backends.ts'

export interface RunDatabase {
  backend: BackendName
  config: DatabaseConfig
  /** What a server process needs to use it. */
  env: NodeJS.ProcessEnv
  /** The PostgreSQL database's name (its connections are found by it). */
  pgName?: string
  drop(): Promise<void>
}

/** A connection to the PostgreSQL server for creating, dropping and cutting databases. */
export function pgAdmin(): SyncDb {
  return openDatabase({ dialect: 'postgres', connectionString: TEST_DATABASE_URL, poolSize: 1 })
}

export async function createRunDatabase(backend: BackendName, label: string): Promise<RunDatabase> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `lim-huddle-reliability-${label}-`))
    return {
      backend,
      config: { dialect: 'sqlite', filename: join(dir, SQLITE_FILENAME) },
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const pgName = `lim_reliability_${label}_${randomBytes(4).toString('hex')}`
  const admin = pgAdmin()
  try {
    await sql`create database ${sql.id(pgName)}`.execute(admin)
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${TEST_DATABASE_URL} is required for the reliability suite: ${(error as Error).message}`,
      {
        cause: error,
      },
    )
  } finally {
    await admin.destroy()
  }
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${pgName}`
  const connectionString = url.toString()
  return {
    backend,
    pgName,
    config: { dialect: 'postgres', connectionString, poolSize: 4 },
    env: { DATABASE_URL: connectionString },
    async drop() {
      const dropper = pgAdmin()
      try {
        await sql`drop database if exists ${sql.id(pgName)} with (force)`.execute(dropper)
      } finally {
        await dropper.destroy()
      }
    },
  }
}

/**
 * Cuts every connection to the run's database (the server's pool and its LISTEN connection),
 * as a failover or `pg_terminate_backend` would. Connections are found first and cut one by
 * one: in one statement PostgreSQL may call pg_terminate_backend before filtering.
 */
export async function terminateConnections(admin: SyncDb, pgName: string): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
    where datname = ${pgName} and pid <> pg_backend_pid()`.execute(admin)
  let cut = 0
  for (const { pid } of rows) {
    const result = await sql<{ done: boolean }>`select pg_terminate_backend(${pid}) as done`.execute(admin)
    if (result.rows[0]?.done) cut++
  }
  return cut
}
