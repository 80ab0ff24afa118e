import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateToLatest, MIGRATIONS } from '../../server/db/migrate.ts'
import { BACKENDS, openTestDatabase, type TestDatabase } from './backends.ts'

describe.each(BACKENDS)('migration 0003_trust_scope_kind on %s', (backend) => {
  let test: TestDatabase | undefined
  afterEach(async () => {
    await test?.close()
    test = undefined
  })

  it('keeps existing codes and devices, allows trust enrolments and still refuses an unknown kind', async () => {
    test = await openTestDatabase(backend, { migrate: false })
    const { db } = test
    const schema = test.config.dialect === 'postgres' ? test.config.schema : undefined
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      ...(schema ? { migrationTableSchema: schema } : {}),
    })
    expect((await migrator.migrateTo('0002_devices_and_org')).error).toBeUndefined()
    await db
      .insertInto('devices')
      .values({
        id: 'd1',
        token_hash: 'h1',
        name: 'Tablet',
        scope_kind: 'csu',
        scope_id: 'c1',
        enrolled_at: 1,
        pending_count: 3,
      })
      .execute()
    await db
      .insertInto('enrolment_codes')
      .values({
        id: 'k1',
        code_hash: 'c1',
        scope_kind: 'unit',
        scope_id: 'u1',
        label: 'Bay',
        created_at: 1,
        expires_at: 2,
        used_at: null,
        used_by_device: null,
        revoked_at: null,
      })
      .execute()
    await expect(
      db
        .insertInto('devices')
        .values({ id: 'd0', token_hash: 'h0', name: 'Office', scope_kind: 'trust', scope_id: 't1', enrolled_at: 1 })
        .execute(),
    ).rejects.toThrow()

    expect(await migrateToLatest(db)).toContain('0003_trust_scope_kind')
    expect(await db.selectFrom('devices').select(['id', 'scope_kind', 'pending_count']).execute()).toEqual([
      { id: 'd1', scope_kind: 'csu', pending_count: 3 },
    ])
    expect(await db.selectFrom('enrolment_codes').select(['id', 'label']).execute()).toEqual([
      { id: 'k1', label: 'Bay' },
    ])
    await db
      .insertInto('devices')
      .values({ id: 'd2', token_hash: 'h2', name: 'Office', scope_kind: 'trust', scope_id: 't1', enrolled_at: 1 })
      .execute()
    await db
      .insertInto('enrolment_codes')
      .values({
        id: 'k2',
        code_hash: 'c2',
        scope_kind: 'trust',
        scope_id: 't1',
        label: null,
        created_at: 1,
        expires_at: 2,
        used_at: null,
        used_by_device: null,
        revoked_at: null,
      })
      .execute()
    await expect(
      db
        .insertInto('devices')
        .values({ id: 'd3', token_hash: 'h3', name: 'X', scope_kind: 'ward' as 'unit', scope_id: 'u', enrolled_at: 1 })
        .execute(),
    ).rejects.toThrow()
    // The token hash is still unique after the rebuild.
    await expect(
      db
        .insertInto('devices')
        .values({ id: 'd4', token_hash: 'h2', name: 'X', scope_kind: 'unit', scope_id: 'u', enrolled_at: 1 })
        .execute(),
    ).rejects.toThrow()
  })
})
