import { describe, expect, it } from 'vitest'
import { BACKENDS, ownTables } from './backends.ts'
import { useTestDatabase } from './hooks.ts'

describe.each(BACKENDS)('migration 0002_devices_and_org on %s', (backend) => {
  const database = useTestDatabase(backend)
  const db = () => database().db

  it('creates the organisation, enrolment, device, settings and refusal tables', async () => {
    const tables = await ownTables(database())
    const columns = Object.fromEntries(
      tables.map((table) => [table.name, table.columns.map((column) => column.name).sort()]),
    )
    expect(columns).toMatchObject({
      org_trusts: ['created_at', 'id', 'name'],
      org_csus: ['created_at', 'id', 'name', 'trust_id'],
      org_units: ['created_at', 'csu_id', 'id', 'kind', 'name'],
      enrolment_codes: [
        'code_hash',
        'created_at',
        'expires_at',
        'id',
        'label',
        'revoked_at',
        'scope_id',
        'scope_kind',
        'used_at',
        'used_by_device',
      ],
      devices: [
        'enrolled_at',
        'id',
        'last_seen_at',
        'last_sync_at',
        'name',
        'oldest_pending_at',
        'pending_count',
        'revoked_at',
        'scope_id',
        'scope_kind',
        'token_hash',
      ],
      server_settings: ['key', 'value'],
      // count, last_at and route from 0005_access_refusal_counts.
      access_refusals: ['at', 'count', 'device_id', 'id', 'ip', 'last_at', 'method', 'reason', 'route', 'url'],
    })
  })

  it("numbers refusals itself and defaults a device's pending count to 0", async () => {
    const refusal = {
      at: Date.now(),
      device_id: null,
      ip: '127.0.0.1',
      method: 'GET',
      url: '/api/sync/pull',
      reason: 'test',
    }
    const first = await db().insertInto('access_refusals').values(refusal).returning('id').executeTakeFirstOrThrow()
    const second = await db().insertInto('access_refusals').values(refusal).returning('id').executeTakeFirstOrThrow()
    expect(Number(second.id)).toBeGreaterThan(Number(first.id))
    await db()
      .insertInto('devices')
      .values({ id: 'd1', token_hash: 'h1', name: 'Tablet', scope_kind: 'unit', scope_id: 'u1', enrolled_at: 1 })
      .execute()
    expect(
      await db()
        .selectFrom('devices')
        .select(['pending_count', 'revoked_at'])
        .where('id', '=', 'd1')
        .executeTakeFirstOrThrow(),
    ).toEqual({ pending_count: 0, revoked_at: null })
  })

  it('refuses a second device with the same token hash, a unit of an unknown kind, or in no CSU', async () => {
    const device = { token_hash: 'same', name: 'Tablet', scope_kind: 'unit' as const, scope_id: 'u1', enrolled_at: 1 }
    await db()
      .insertInto('devices')
      .values({ id: 'd2', ...device })
      .execute()
    await expect(
      db()
        .insertInto('devices')
        .values({ id: 'd3', ...device })
        .execute(),
    ).rejects.toThrow()
    await db().insertInto('org_trusts').values({ id: 't1', name: 'Trust', created_at: 1 }).execute()
    await db().insertInto('org_csus').values({ id: 'c1', trust_id: 't1', name: 'CSU', created_at: 1 }).execute()
    await expect(
      db()
        .insertInto('org_units')
        .values({ id: 'u1', csu_id: 'c1', name: 'Ward', kind: 'theatre' as 'ward', created_at: 1 })
        .execute(),
    ).rejects.toThrow()
    await expect(
      db()
        .insertInto('org_units')
        .values({ id: 'u2', csu_id: 'nope', name: 'Ward', kind: 'ward', created_at: 1 })
        .execute(),
    ).rejects.toThrow()
  })
})
