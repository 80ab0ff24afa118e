// PostgreSQL cutting a connection the server holds (failover, restart, pg_terminate_backend)
// used to kill the whole process: pg emits 'error' on a checked-out client, and the pool only
// listens on idle ones. The query in flight may fail; the process must not, and the next
// request must work on a fresh connection.
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type SyncDb } from '../../server/db/open.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { TEST_DATABASE_URL } from './backends.ts'
import { useTestDatabase } from './hooks.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('PostgreSQL connections cut under the server', () => {
  const database = useTestDatabase('postgres')
  const opened: SyncDb[] = []
  const uncaught: unknown[] = []
  const onUncaught = (error: unknown) => uncaught.push(error)

  afterEach(async () => {
    process.off('uncaughtException', onUncaught)
    for (const db of opened.splice(0)) await db.destroy()
  })

  async function terminate(pid: number): Promise<void> {
    const admin = openDatabase({ dialect: 'postgres', connectionString: TEST_DATABASE_URL, poolSize: 1 })
    try {
      await sql`select pg_terminate_backend(${pid})`.execute(admin)
    } finally {
      await admin.destroy()
    }
  }

  it('survives a connection terminated while a transaction holds it, and works again at once', async () => {
    const test = database()
    const db = openDatabase(test.config)
    opened.push(db)
    await migrateToLatest(db)
    // Vitest would report an uncaught error too, but only after the test: catch it here so the
    // test fails on it with a reason.
    process.prependListener('uncaughtException', onUncaught)

    const failed = await db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
        // The client is checked out and idle (no query running): where the pool has no listener.
        await terminate(Number(rows[0]?.pid))
        await sleep(300)
        await sql`select 1`.execute(trx)
      })
      .then(
        () => false,
        () => true,
      )
    expect(failed).toBe(true)
    await sleep(100)
    expect(uncaught).toEqual([])

    // The dead connection left the pool: the next queries work.
    for (let i = 0; i < 5; i++) {
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db)
      expect(rows[0]?.one).toBe(1)
    }
  })

  it('survives every connection of the pool being terminated under load', { timeout: 20_000 }, async () => {
    const test = database()
    if (test.config.dialect !== 'postgres') throw new Error('PostgreSQL only')
    const db = openDatabase({ ...test.config, applicationName: 'lim-huddle-load-test' })
    opened.push(db)
    process.prependListener('uncaughtException', onUncaught)
    let stop = false
    let ok = 0
    const workers = Array.from({ length: 6 }, async () => {
      while (!stop) {
        await db
          .transaction()
          .execute(async (trx) => {
            await sql`select pg_sleep(0.01)`.execute(trx)
            await sql`select 1`.execute(trx)
          })
          .then(
            () => ok++,
            () => undefined,
          )
      }
    })
    const admin = openDatabase({ dialect: 'postgres', connectionString: TEST_DATABASE_URL, poolSize: 1 })
    let terminated = 0
    try {
      for (let round = 0; round < 5; round++) {
        await sleep(100)
        // The server names its connections, so an operator (and this test) can find them.
        // Found first, then cut: in one statement PostgreSQL may call pg_terminate_backend
        // before filtering, cutting every connection of the cluster.
        const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
          where application_name = 'lim-huddle-load-test' and pid <> pg_backend_pid()`.execute(admin)
        for (const { pid } of rows) await terminate(pid)
        terminated += rows.length
      }
      expect(terminated).toBeGreaterThan(5)
      const before = ok
      await sleep(300)
      expect(ok).toBeGreaterThan(before)
    } finally {
      stop = true
      await Promise.all(workers)
      await admin.destroy()
    }
    expect(uncaught).toEqual([])
  })
})
