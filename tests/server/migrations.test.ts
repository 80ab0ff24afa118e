import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateToLatest, MIGRATIONS } from '../../server/db/migrate.ts'
import { pushMutations } from '../../server/sync/push.ts'
import { pullRecords } from '../../server/sync/pull.ts'
import { BACKENDS, newScope, openTestDatabase, ownTables, type TestDatabase } from './backends.ts'
import { mutation } from './fixtures.ts'

describe.each(BACKENDS)('migrations on %s', (backend) => {
  let test: TestDatabase | undefined
  afterEach(async () => {
    await test?.close()
    test = undefined
  })

  it('creates the sync tables on a fresh database', async () => {
    test = await openTestDatabase(backend, { migrate: false })
    expect(await migrateToLatest(test.db)).toEqual(Object.keys(MIGRATIONS))
    const tables = await ownTables(test)
    const columns = Object.fromEntries(
      tables.map((table) => [table.name, table.columns.map((column) => column.name).sort()]),
    )
    expect(columns).toMatchObject({
      scopes: ['scope', 'seq'],
      records: ['clocks', 'conflicts', 'fields', 'id', 'origins', 'scope', 'seq', 'tbl'],
      applied_mutations: ['applied_at', 'device_id', 'mutation_id', 'scope'],
    })
    const seqType = tables
      .find((table) => table.name === 'records')
      ?.columns.find((column) => column.name === 'seq')?.dataType
    expect(seqType).toBe(backend === 'postgres' ? 'int8' : 'INTEGER')
  })

  it('changes nothing when run again on every start, and keeps the data', async () => {
    test = await openTestDatabase(backend)
    const scope = newScope()
    await pushMutations(test.db, [mutation(scope, 'a1', { title: { set: 'Check the fridge' } })])
    expect(await migrateToLatest(test.db)).toEqual([])
    expect(await migrateToLatest(test.db)).toEqual([])
    const page = await pullRecords(test.db, scope, 0, 10)
    expect(page.records.map((record) => record.fields.title)).toEqual(['Check the fridge'])
    const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(test.db)
    expect(Number(rows[0]?.n)).toBe(Object.keys(MIGRATIONS).length)
  })
})

describe('migrations on postgres from two processes at once', () => {
  it('runs each migration once while both start', async () => {
    const test = await openTestDatabase('postgres', { migrate: false })
    try {
      const results = await Promise.all([
        migrateToLatest(test.db),
        migrateToLatest(test.openAnother()),
        migrateToLatest(test.openAnother()),
      ])
      expect(results.flat().sort()).toEqual(Object.keys(MIGRATIONS))
    } finally {
      await test.close()
    }
  })
})
