import { readFileSync } from 'node:fs'
import SqliteDatabase from 'better-sqlite3'
import { Migrator, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '../../src/domain/ids.ts'
import { migrateToLatest, MIGRATIONS } from '../../server/db/migrate.ts'
import type { SyncDb } from '../../server/db/open.ts'
import * as leanPushTables from '../../server/db/migrations/0009_lean_push_tables.ts'
import { pruneAppliedMutations } from '../../server/sync/prune.ts'
import { ForbiddenRecordError, pushMutations } from '../../server/sync/push.ts'
import { knowsCursor, pullRecords } from '../../server/sync/pull.ts'
import { BACKENDS, newScope, openTestDatabase, type TestDatabase } from './backends.ts'
import { mutation } from './fixtures.ts'

const DAY = 24 * 60 * 60 * 1000

function migratorOf(test: TestDatabase) {
  const schema = test.config.dialect === 'postgres' ? test.config.schema : undefined
  return new Migrator({
    db: test.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
}

/** How SQLite declares each table, and the indexes on `applied_mutations`. */
async function sqliteShape(db: SyncDb) {
  const { rows } = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
    select type, name, tbl_name, sql from sqlite_master
    where tbl_name in ('applied_mutations', 'record_owners', 'scope_marks')`.execute(db)
  const withoutRowid = (table: string) =>
    /without\s+rowid\s*$/i.test(rows.find((row) => row.type === 'table' && row.name === table)?.sql ?? '')
  return {
    withoutRowid: {
      applied_mutations: withoutRowid('applied_mutations'),
      record_owners: withoutRowid('record_owners'),
      scope_marks: withoutRowid('scope_marks'),
    },
    appliedAtIndex: rows.some((row) => row.type === 'index' && row.name === 'applied_mutations_applied_at'),
  }
}

describe.each(BACKENDS)('migration 0009_lean_push_tables on %s', (backend) => {
  let test: TestDatabase | undefined
  afterEach(async () => {
    await test?.close()
    test = undefined
  })

  it('keeps every remembered mutation id, record owner and scope mark, and the rules they enforce', async () => {
    test = await openTestDatabase(backend, { migrate: false })
    const { db } = test
    expect((await migratorOf(test).migrateTo('0008_scope_marks')).error).toBeUndefined()
    const wardA = newScope()
    const wardB = newScope()
    const now = Date.now()
    const old = mutation(wardA, 'old', { title: { set: 'Forgotten soon' } })
    const kept = mutation(wardA, 'kept', { title: { set: 'Check the fridge' } })
    await pushMutations(db, [old], { now: now - 91 * DAY, ownIds: true, deviceId: 'tablet-a' })
    const before = await pushMutations(db, [kept], { now: now - DAY, ownIds: true, deviceId: 'tablet-a' })
    const mark = before.marks[wardA]!

    expect(await migrateToLatest(db)).toEqual(['0009_lean_push_tables'])

    expect(
      await db.selectFrom('applied_mutations').selectAll().where('scope', '=', wardA).orderBy('applied_at').execute(),
    ).toEqual([
      { mutation_id: old.mutationId, scope: wardA, device_id: 'tablet-a', applied_at: now - 91 * DAY },
      { mutation_id: kept.mutationId, scope: wardA, device_id: 'tablet-a', applied_at: now - DAY },
    ])
    expect(await db.selectFrom('record_owners').selectAll().orderBy('id').execute()).toEqual([
      { tbl: 'actions', id: 'kept', scope: wardA },
      { tbl: 'actions', id: 'old', scope: wardA },
    ])
    // The tablet's cursor and mark from before still name a run this server has.
    expect(await knowsCursor(db, wardA, mark.seq, mark.mark)).toBe(true)

    // A mutation remembered before the migration is not applied again.
    const retry = await pushMutations(db, [{ ...kept, fields: { title: { set: 'Applied twice' } } }], { ownIds: true })
    expect(retry).toMatchObject({ accepted: [kept.mutationId], applied: 0, advanced: {} })
    expect((await pullRecords(db, wardA, 0, 10)).records.map((record) => record.fields.title).sort()).toEqual([
      'Check the fridge',
      'Forgotten soon',
    ])
    // An id owned before the migration still cannot be taken by another ward.
    await expect(
      pushMutations(db, [mutation(wardB, 'kept', { title: { set: 'Taken' } })], { ownIds: true }),
    ).rejects.toBeInstanceOf(ForbiddenRecordError)
    // The prune still forgets by age, without its index on SQLite.
    expect(await pruneAppliedMutations(db, now)).toBe(1)
    expect(
      (await db.selectFrom('applied_mutations').select('mutation_id').where('scope', '=', wardA).execute()).map(
        (row) => row.mutation_id,
      ),
    ).toEqual([kept.mutationId])

    if (backend === 'sqlite') {
      expect(await sqliteShape(db)).toEqual({
        withoutRowid: { applied_mutations: true, record_owners: true, scope_marks: true },
        appliedAtIndex: false,
      })
    } else {
      const { rows } = await sql<{ name: string }>`
        select indexname as name from pg_indexes
        where schemaname = current_schema() and tablename = 'applied_mutations'`.execute(db)
      expect(rows.map((row) => row.name)).toContain('applied_mutations_applied_at')
    }
  })

  it.runIf(backend === 'sqlite')(
    'leaves tables already without a rowid alone when run again, and goes back down with the data',
    async () => {
      test = await openTestDatabase(backend)
      const { db } = test
      const scope = newScope()
      const change = mutation(scope, 'a1', { title: { set: 'Restock' } })
      await pushMutations(db, [change], { ownIds: true, now: 1_000 })
      // Interrupted between its own commit and Kysely's record of it: the next start runs it again.
      await db.connection().execute((conn) => leanPushTables.up(conn))
      expect((await sqliteShape(db)).withoutRowid).toEqual({
        applied_mutations: true,
        record_owners: true,
        scope_marks: true,
      })

      await db.connection().execute((conn) => leanPushTables.down(conn))
      expect(await sqliteShape(db)).toEqual({
        withoutRowid: { applied_mutations: false, record_owners: false, scope_marks: false },
        appliedAtIndex: true,
      })
      expect(await db.selectFrom('applied_mutations').select(['mutation_id', 'applied_at']).execute()).toEqual([
        { mutation_id: change.mutationId, applied_at: 1_000 },
      ])
      expect(await db.selectFrom('record_owners').selectAll().execute()).toEqual([{ tbl: 'actions', id: 'a1', scope }])
      expect(await db.selectFrom('scope_marks').select('seq_to').where('scope', '=', scope).execute()).toEqual([
        { seq_to: 1 },
      ])
    },
  )
})

describe('a push on SQLite', () => {
  let test: TestDatabase | undefined
  afterEach(async () => {
    await test?.close()
    test = undefined
  })

  // Pages are much of what a commit costs: each is written to the WAL and synced. Before 0009 this push of 100 new
  // changes wrote 44-47 (each rowid table's rows twice, in the table and in its key's index, and the `applied_at`
  // index); after it 33-36.
  it('of 100 new changes writes at most 40 WAL pages', async () => {
    test = await openTestDatabase('sqlite')
    const { db } = test
    const scope = newScope()
    const side = new SqliteDatabase((test.config as { filename: string }).filename)
    try {
      const batch = (stem: string) =>
        Array.from({ length: 100 }, (_, i) => ({
          ...mutation(scope, `${stem}-${i}`, {}),
          mutationId: newId(),
          table: 'entries',
          fields: {
            measureId: { set: `measure-${i % 20}` },
            day: { set: '2026-11-26' },
            value: { set: i },
            comment: { set: 'Checked at handover' },
          },
        }))
      const push = (stem: string) => pushMutations(db, batch(stem), { ownIds: true, deviceId: 'tablet-a' })
      for (let b = 0; b < 30; b++) await push(`warm-${b}`)
      const frames: number[] = []
      for (let b = 0; b < 5; b++) {
        side.pragma('wal_checkpoint(TRUNCATE)')
        await push(`measured-${b}`)
        const wal = readFileSync(`${(test.config as { filename: string }).filename}-wal`)
        const pageSize = wal.readUInt32BE(8)
        frames.push((wal.length - 32) / (24 + pageSize))
      }
      expect(Math.max(...frames)).toBeLessThanOrEqual(40)
    } finally {
      side.close()
    }
  })
})
