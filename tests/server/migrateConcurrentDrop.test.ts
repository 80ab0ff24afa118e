// Several server processes (or test files) share one PostgreSQL database, each in its own
// schema. Kysely finds its migration table by introspecting every schema by name, so a schema
// dropped by someone else at that moment made a migration fail with "schema ... does not
// exist" though nothing of its own was missing. Migrating must ride that out.
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { isOthersObjectDropped, migrateToLatest } from '../../server/db/migrate.ts'
import { openDatabase } from '../../server/db/open.ts'
import { TEST_DATABASE_URL } from './backends.ts'

describe('migrating on PostgreSQL while other schemas are dropped', () => {
  it('every migration succeeds while 40 other schemas come and go', { timeout: 120_000 }, async () => {
    const admin = openDatabase({ dialect: 'postgres', connectionString: TEST_DATABASE_URL, poolSize: 2 })
    const tag = `drop_${Date.now().toString(36)}`
    const ours = Array.from({ length: 6 }, (_, i) => `${tag}_ours_${i}`)
    let stop = false
    try {
      // Others: schemas with a serial column each (introspection calls pg_get_serial_sequence on it by name).
      const churn = (async () => {
        for (let i = 0; i < 40 && !stop; i++) {
          const other = sql.id(`${tag}_other_${i}`)
          await sql`create schema ${other}`.execute(admin)
          await sql`create table ${other}.t (id serial primary key, a text, b text, c text)`.execute(admin)
          await sql`drop schema ${other} cascade`.execute(admin)
        }
      })()
      const migrations = ours.map(async (schema) => {
        await sql`create schema ${sql.id(schema)}`.execute(admin)
        const db = openDatabase({ dialect: 'postgres', connectionString: TEST_DATABASE_URL, schema, poolSize: 2 })
        try {
          return await migrateToLatest(db)
        } finally {
          await db.destroy()
        }
      })
      const results = await Promise.allSettled(migrations)
      stop = true
      await churn
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
      ).toEqual([])
    } finally {
      stop = true
      for (const schema of ours) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin)
      await admin.destroy()
    }
  })
})

describe('isOthersObjectDropped', () => {
  it.each([
    ['another schema gone', { code: '3F000', message: 'schema "t_other" does not exist' }, true],
    ['another table gone', { code: '42P01', message: 'relation "t_other.records" does not exist' }, true],
    ['our schema gone', { code: '3F000', message: 'schema "t_ours" does not exist' }, false],
    ['our table gone', { code: '42P01', message: 'relation "t_ours.records" does not exist' }, false],
    ['another error', { code: '23505', message: 'duplicate key value' }, false],
  ])('%s', (_name, error, expected) => {
    expect(isOthersObjectDropped(error, 't_ours')).toBe(expected)
  })
  it('never on SQLite (no schema)', () => {
    expect(isOthersObjectDropped({ code: '3F000', message: 'schema "x" does not exist' }, undefined)).toBe(false)
  })
})
