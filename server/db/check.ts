// The database is proved usable before the server takes a request: a damaged SQLite file, a
// read-only one, or a PostgreSQL server that refuses us is a one-line message at start-up
// (startupErrors.ts) rather than a server that says it is up while every push fails.
import { sql } from 'kysely'
import { databaseStartupError, StartupError } from '../startupErrors.ts'
import type { DatabaseConfig } from './config.ts'
import { migrateToLatest } from './migrate.ts'
import { isPostgres, openDatabase, type SyncDb } from './open.ts'

export interface CheckedDatabase {
  db: SyncDb
  /** Migrations run by this start. */
  migrated: string[]
}

/**
 * SQLite's own check of every page's structure (not the full integrity_check, which also
 * compares indexes and takes far longer): seconds even for a large file, once per start.
 */
async function quickCheck(db: SyncDb, filename: string): Promise<void> {
  // At most 20 problems: one is enough to refuse to start.
  const { rows } = await sql<{ quick_check: string }>`pragma quick_check(20)`.execute(db)
  const problems = rows
    .flatMap((row) => row.quick_check.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== 'ok' && line !== '' && !line.startsWith('***'))
  if (problems.length > 0) {
    throw new StartupError(
      `The SQLite file ${filename} is damaged (quick_check: ${problems[0]}${problems.length > 1 ? ` and ${problems.length - 1} more` : ''}). Restore it from a backup (README: "The server and where data lives").`,
    )
  }
}

/** A real write, so a database that opens but cannot be written stops the start, not the first push. */
async function recordStart(db: SyncDb, now: number): Promise<void> {
  await db
    .insertInto('server_settings')
    .values({ key: 'last_started_at', value: String(now) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(now) }))
    .execute()
}

/** Opens, checks (SQLite quick_check), migrates and writes to the database; throws a StartupError. */
export async function openCheckedDatabase(config: DatabaseConfig, now = Date.now()): Promise<CheckedDatabase> {
  let db: SyncDb | undefined
  try {
    db = openDatabase(config)
    if (!isPostgres(db) && config.dialect === 'sqlite') await quickCheck(db, config.filename)
    const migrated = await migrateToLatest(db)
    await recordStart(db, now)
    return { db, migrated }
  } catch (error) {
    // The reason printed is the first failure, whatever closing the half-open database says.
    await db?.destroy().catch(() => undefined)
    throw databaseStartupError(error, config)
  }
}
