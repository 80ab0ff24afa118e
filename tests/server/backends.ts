// The server suite runs every test against both stores. PostgreSQL is required: if it
// is not reachable the tests fail rather than skip, so CI cannot go green without it.
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppOptions } from '../../server/app.ts'
import type { AppSyncOptions } from '../../server/api/index.ts'
import type { DatabaseConfig } from '../../server/db/config.ts'
import { isOthersObjectDropped, migrateToLatest } from '../../server/db/migrate.ts'
import { openDatabase, type SyncDb } from '../../server/db/open.ts'
import { createScopeNotifier, type ScopeNotifier } from '../../server/sync/notifier.ts'

export type BackendName = 'sqlite' | 'postgres'
export const BACKENDS: readonly BackendName[] = ['sqlite', 'postgres']

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ??
  `postgres://${encodeURIComponent(process.env.PGUSER || process.env.USER || userInfo().username)}@127.0.0.1:5432/test`

export interface TestDatabase {
  backend: BackendName
  config: DatabaseConfig
  db: SyncDb
  /** Another connection pool on the same database, as a second server process would have. */
  openAnother(): SyncDb
  close(): Promise<void>
}

/** A fresh database (migrated unless told not to): a temporary SQLite file (or, `memory`, no file at all), or a new
 * PostgreSQL schema dropped on close. */
export async function openTestDatabase(
  backend: BackendName,
  { migrate = true, memory = false } = {},
): Promise<TestDatabase> {
  const others: SyncDb[] = []
  if (backend === 'sqlite' && memory) {
    // No file and no fsync per commit: for tests that make thousands of pushes. One connection only.
    const config: DatabaseConfig = { dialect: 'sqlite', filename: ':memory:' }
    const db = openDatabase(config)
    if (migrate) await migrateToLatest(db)
    return {
      backend,
      config,
      db,
      openAnother() {
        throw new Error('An in-memory SQLite database cannot be opened twice')
      },
      close: () => db.destroy(),
    }
  }
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lim-huddle-db-'))
    const config: DatabaseConfig = { dialect: 'sqlite', filename: join(dir, 'test.sqlite') }
    const db = openDatabase(config)
    if (migrate) await migrateToLatest(db)
    return {
      backend,
      config,
      db,
      openAnother() {
        const other = openDatabase(config)
        others.push(other)
        return other
      },
      async close() {
        for (const other of others) await other.destroy()
        await db.destroy()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }

  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = openDatabase({ dialect: 'postgres', connectionString: TEST_DATABASE_URL, poolSize: 1 })
  try {
    await sql`create schema ${sql.id(schema)}`.execute(admin)
  } catch (error) {
    await admin.destroy()
    throw new Error(
      `PostgreSQL at ${TEST_DATABASE_URL} is required for the server tests: ${(error as Error).message}`,
      { cause: error },
    )
  }
  const config: DatabaseConfig = { dialect: 'postgres', connectionString: TEST_DATABASE_URL, schema, poolSize: 8 }
  const db = openDatabase(config)
  if (migrate) await migrateToLatest(db)
  return {
    backend,
    config,
    db,
    openAnother() {
      const other = openDatabase(config)
      others.push(other)
      return other
    },
    async close() {
      for (const other of others) await other.destroy()
      await db.destroy()
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
      await admin.destroy()
    },
  }
}

export interface TestServer {
  app: FastifyInstance
  notifier: ScopeNotifier
  /** The built-app folder it serves (empty until a test writes files into it). */
  distDir: string
  close(): Promise<void>
}

/** The whole app over a test database, with a throwaway (empty) built-app folder. */
export async function startTestServer(
  test: TestDatabase,
  options: Partial<AppSyncOptions> = {},
  appOptions: Partial<Pick<AppOptions, 'trustProxy' | 'timeouts'>> = {},
): Promise<TestServer> {
  const dist = mkdtempSync(join(tmpdir(), 'lim-huddle-dist-'))
  const notifier = await createScopeNotifier(test.db, test.config)
  const app = await buildApp({
    distDir: dist,
    version: 'test',
    sync: { db: test.db, notifier, ...options },
    ...appOptions,
  })
  return {
    app,
    notifier,
    distDir: dist,
    async close() {
      await app.close()
      await notifier.close()
      rmSync(dist, { recursive: true, force: true })
    },
  }
}

export const newScope = () => `ward-${randomUUID().slice(0, 8)}`

/**
 * The test database's own tables. On PostgreSQL introspection lists every schema of the
 * database, and other test runs (other schemas) may have other versions of the same tables.
 */
export async function ownTables(test: Pick<TestDatabase, 'db' | 'config'>) {
  const { config } = test
  const schema = config.dialect === 'postgres' ? config.schema : undefined
  // Introspection reads every schema by name: another test file dropping its schema at that
  // moment fails the query though ours is whole (see migrateToLatest), so ask again.
  const tables = await test.db.introspection.getTables().catch(async (error: unknown) => {
    if (!isOthersObjectDropped(error, schema)) throw error
    await new Promise((resolve) => setTimeout(resolve, 100))
    return test.db.introspection.getTables()
  })
  return config.dialect === 'postgres' ? tables.filter((table) => table.schema === config.schema) : tables
}
