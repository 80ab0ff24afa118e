import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateToLatest, MIGRATIONS } from '../../server/db/migrate.ts'
import { listRefusals } from '../../server/devices/refusals.ts'
import { BACKENDS, openTestDatabase, type TestDatabase } from './backends.ts'

describe.each(BACKENDS)('migration 0005_access_refusal_counts on %s', (backend) => {
  let test: TestDatabase | undefined
  afterEach(async () => {
    await test?.close()
    test = undefined
  })

  it('keeps each existing refusal as one counted once, last seen when it happened', async () => {
    test = await openTestDatabase(backend, { migrate: false })
    const { db } = test
    const schema = test.config.dialect === 'postgres' ? test.config.schema : undefined
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      ...(schema ? { migrationTableSchema: schema } : {}),
    })
    expect((await migrator.migrateTo('0003_trust_scope_kind')).error).toBeUndefined()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table as 0002 made it
    await (db as any)
      .insertInto('access_refusals')
      .values({ at: 1_000, device_id: null, ip: '10.0.0.1', method: 'GET', url: '/api/device', reason: 'old' })
      .execute()
    expect(await migrateToLatest(db)).toContain('0005_access_refusal_counts')
    expect(await listRefusals(db)).toEqual([
      expect.objectContaining({ at: 1_000, lastAt: 1_000, count: 1, route: null, reason: 'old' }),
    ])
  })
})
