import { describe, expect, it } from 'vitest'
import { SYNC_ERROR_MESSAGES } from '../../src/shared/sync/protocol.ts'
import { ADMIN_UNAUTHORISED_MESSAGE } from '../../server/api/access.ts'
import { currentSeq, pullRecords } from '../../server/sync/pull.ts'
import { pushMutations } from '../../server/sync/push.ts'
import { BACKENDS } from './backends.ts'
import { adminTokenFor, caller, expectUuidV7, makeOrg } from './devices.fixtures.ts'
import { mutation, stamp } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

describe.each(BACKENDS)('admin API on %s', (backend) => {
  const running = useTestServer(backend, { devices: {} })
  const db = () => running().test.db
  let token: string | undefined
  const admin = caller(
    () => running().server.app,
    () => token,
  )
  const withToken = async () => {
    token ??= await adminTokenFor(db())
  }

  const count = async (table: 'org_trusts' | 'org_csus' | 'org_units' | 'enrolment_codes') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('refuses every admin route without the admin token, or with a wrong one, and logs each refusal', async () => {
    await withToken()
    const anonymous = caller(
      () => running().server.app,
      () => undefined,
    )
    const wrong = caller(
      () => running().server.app,
      () => 'not-the-admin-token',
    )
    for (const [method, url] of [
      ['GET', '/api/admin/org'],
      ['POST', '/api/admin/trusts'],
      ['GET', '/api/admin/devices'],
      ['POST', '/api/admin/devices/x/revoke'],
    ] as const) {
      const res = await anonymous(method, url, method === 'POST' ? { name: 'Sneaky' } : undefined)
      expect(res.status, url).toBe(401)
      expect(res.body).toEqual({ error: 'unauthorised', message: ADMIN_UNAUTHORISED_MESSAGE })
    }
    expect((await wrong('GET', '/api/admin/org')).status).toBe(401)
    expect(await count('org_trusts')).toBe(0)

    const refusals = (await admin('GET', '/api/admin/refusals')).body as {
      reason: string
      url: string
      method: string
      ip: string
      deviceId: null
      at: number
    }[]
    expect(refusals[0]).toMatchObject({
      reason: 'unauthorised: wrong admin token',
      url: '/api/admin/org',
      method: 'GET',
      ip: '127.0.0.1',
      deviceId: null,
    })
    expect(refusals[1]).toMatchObject({
      reason: 'unauthorised: no admin token',
      url: '/api/admin/devices/x/revoke',
      method: 'POST',
    })
    expect(refusals.length).toBeGreaterThanOrEqual(5)
    expect(refusals[0]!.at).toBeGreaterThanOrEqual(refusals[1]!.at)
  })

  it('a new admin token replaces the old one at once', async () => {
    await withToken()
    const old = token
    token = await adminTokenFor(db())
    expect((await admin('GET', '/api/admin/org')).status).toBe(200)
    expect(
      (
        await caller(
          () => running().server.app,
          () => old,
        )('GET', '/api/admin/org')
      ).status,
    ).toBe(401)
  })

  it('builds the organisation, and writes each unit as a synced record through the push path', async () => {
    await withToken()
    const trust = await admin('POST', '/api/admin/trusts', { name: '  Leeds Teaching Hospitals  ' })
    expect(trust.status).toBe(201)
    expect(trust.body).toMatchObject({ name: 'Leeds Teaching Hospitals' })
    expectUuidV7(trust.body.id)
    expect(Math.abs(trust.body.createdAt - Date.now())).toBeLessThan(10_000)

    const csu = await admin('POST', '/api/admin/csus', { trustId: trust.body.id, name: 'Medicine' })
    expect(csu).toMatchObject({ status: 201, body: { trustId: trust.body.id, name: 'Medicine' } })
    const unit = await admin('POST', '/api/admin/units', { csuId: csu.body.id, name: 'Ward 7', kind: 'ward' })
    expect(unit).toMatchObject({ status: 201, body: { csuId: csu.body.id, name: 'Ward 7', kind: 'ward' } })

    const org = (await admin('GET', '/api/admin/org')).body
    expect(org.serverId).toMatch(/^[0-9a-f-]{36}$/)
    expect(org.trusts).toContainEqual(trust.body)
    expect(org.csus).toContainEqual(csu.body)
    expect(org.units).toContainEqual(unit.body)

    // The unit is its own scope, and its record took seq 1 there like any tablet's push.
    const unitId = unit.body.id as string
    expect(await currentSeq(db(), unitId)).toBe(1)
    const [record] = (await pullRecords(db(), unitId, 0, 10)).records
    const at = new Date(unit.body.createdAt).toISOString()
    expect(record).toMatchObject({
      table: 'units',
      id: unitId,
      scope: unitId,
      seq: 1,
      fields: {
        csuId: csu.body.id,
        name: 'Ward 7',
        kind: 'ward',
        people: [],
        createdAt: at,
        updatedAt: at,
        updatedBy: 'Improvement office',
      },
    })
    const applied = await db().selectFrom('applied_mutations').selectAll().where('scope', '=', unitId).execute()
    expect(applied).toHaveLength(1)

    const renamed = await admin('PATCH', `/api/admin/units/${unitId}`, {
      name: 'Ward 7 (Cardiology)',
      kind: 'department',
    })
    expect(renamed).toMatchObject({
      status: 200,
      body: { id: unitId, name: 'Ward 7 (Cardiology)', kind: 'department', createdAt: unit.body.createdAt },
    })
    const page = await pullRecords(db(), unitId, 1, 10)
    expect(page.records).toHaveLength(1)
    expect(page.records[0]).toMatchObject({
      seq: 2,
      fields: {
        name: 'Ward 7 (Cardiology)',
        kind: 'department',
        people: [],
        createdAt: at,
        updatedBy: 'Improvement office',
      },
    })
    expect(page.records[0]!.conflicts).toBeUndefined()

    expect(await admin('PATCH', `/api/admin/trusts/${trust.body.id}`, { name: 'Leeds' })).toMatchObject({
      status: 200,
      body: { id: trust.body.id, name: 'Leeds' },
    })
    expect(await admin('PATCH', `/api/admin/csus/${csu.body.id}`, { name: 'Medicine and Elderly' })).toMatchObject({
      status: 200,
      body: { name: 'Medicine and Elderly', trustId: trust.body.id },
    })
  })

  it('keeps a rename made by the office ahead of a tablet that renamed the ward a moment before', async () => {
    await withToken()
    const org = await makeOrg(db())
    // A tablet whose clock is 30 seconds fast (within the allowed skew) renames the ward.
    await pushMutations(db(), [
      mutation(
        org.unitA.id,
        org.unitA.id,
        { name: { set: 'Ward 7 typo' } },
        { table: 'units', hlc: stamp('tabletA', Date.now() + 30_000) },
      ),
    ])
    await admin('PATCH', `/api/admin/units/${org.unitA.id}`, { name: 'Ward 7' })
    const [record] = (await pullRecords(db(), org.unitA.id, 0, 10)).records
    expect(record?.fields.name).toBe('Ward 7')
    expect(record?.conflicts).toBeUndefined()
  })

  it.each([
    ['POST', '/api/admin/trusts', { name: '' }, 'name'],
    ['POST', '/api/admin/trusts', { name: '   ' }, 'name'],
    ['POST', '/api/admin/trusts', { name: 'x'.repeat(121) }, 'name'],
    ['POST', '/api/admin/trusts', { name: 'Fine', colour: 'blue' }, ''],
    ['POST', '/api/admin/trusts', undefined, ''],
    ['POST', '/api/admin/units', { csuId: 'c', name: 'Ward', kind: 'theatre' }, 'kind'],
    ['POST', '/api/admin/codes', { scopeKind: 'unit', scopeId: 'u', expiresInHours: 721 }, 'expiresInHours'],
    ['POST', '/api/admin/codes', { scopeKind: 'unit', scopeId: 'u', expiresInHours: 1.5 }, 'expiresInHours'],
    ['POST', '/api/admin/codes', { scopeKind: 'ward', scopeId: 'u' }, 'scopeKind'],
  ] as const)('refuses %s %s with %j as invalid-payload, applying nothing', async (method, url, payload, path) => {
    await withToken()
    const before = await Promise.all([count('org_trusts'), count('org_units'), count('enrolment_codes')])
    const res = await admin(method, url, payload)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      error: 'invalid-payload',
      message: expect.stringMatching(/^That was not accepted \(.+\)\.$/),
    })
    expect(res.body.details.issues.map((issue: { path: string }) => issue.path)).toContain(path)
    expect(await Promise.all([count('org_trusts'), count('org_units'), count('enrolment_codes')])).toEqual(before)
  })

  it('answers a body that is not JSON with a JSON 400', async () => {
    await withToken()
    const res = await admin('POST', '/api/admin/trusts', '{"name":', { 'content-type': 'application/json' })
    expect(res.status).toBe(400)
    expect(res.body.error).toBe('invalid-payload')
  })

  it.each([
    ['PATCH', '/api/admin/trusts/nope', { name: 'X' }, 'There is no trust with that id.'],
    ['PATCH', '/api/admin/csus/nope', { name: 'X' }, 'There is no CSU with that id.'],
    ['PATCH', '/api/admin/units/nope', { name: 'X' }, 'There is no unit with that id.'],
    ['POST', '/api/admin/csus', { trustId: 'nope', name: 'X' }, 'There is no trust with that id.'],
    ['POST', '/api/admin/units', { csuId: 'nope', name: 'X', kind: 'ward' }, 'There is no CSU with that id.'],
    ['POST', '/api/admin/codes', { scopeKind: 'unit', scopeId: 'nope' }, 'There is no unit with that id.'],
    ['POST', '/api/admin/codes', { scopeKind: 'csu', scopeId: 'nope' }, 'There is no CSU with that id.'],
    ['POST', '/api/admin/codes/nope/revoke', undefined, 'There is no enrolment code with that id.'],
    ['POST', '/api/admin/devices/nope/revoke', undefined, 'There is no device with that id.'],
  ] as const)('answers %s %s for an unknown id with 404 not-found', async (method, url, payload, message) => {
    await withToken()
    const units = await count('org_units')
    expect(await admin(method, url, payload)).toMatchObject({ status: 404, body: { error: 'not-found', message } })
    expect(await count('org_units')).toBe(units)
  })

  it('issues one-time codes shown once, lists them with their status, and revokes them', async () => {
    await withToken()
    const org = await makeOrg(db())
    const issued = await admin('POST', '/api/admin/codes', {
      scopeKind: 'unit',
      scopeId: org.unitA.id,
      label: 'Nurses station tablet',
    })
    expect(issued.status).toBe(201)
    expect(issued.body.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/)
    expect(issued.body).toMatchObject({
      scopeKind: 'unit',
      scopeId: org.unitA.id,
      scopeName: org.unitA.name,
      label: 'Nurses station tablet',
      usedAt: null,
      usedByDevice: null,
      revokedAt: null,
      status: 'active',
    })
    expect(issued.body.expiresAt - issued.body.createdAt).toBe(72 * 60 * 60 * 1000)
    const csuCode = await admin('POST', '/api/admin/codes', {
      scopeKind: 'csu',
      scopeId: org.csu.id,
      expiresInHours: 1,
    })
    expect(csuCode.body).toMatchObject({ scopeKind: 'csu', scopeName: org.csu.name, label: null })
    expect(csuCode.body.expiresAt - csuCode.body.createdAt).toBe(60 * 60 * 1000)

    // The plaintext code is not stored, so it is never listed.
    const listed = (await admin('GET', '/api/admin/codes')).body as Record<string, unknown>[]
    const { code: _code, ...row } = issued.body
    expect(listed).toContainEqual(row)
    expect(listed.every((entry) => !('code' in entry))).toBe(true)
    const stored = await db()
      .selectFrom('enrolment_codes')
      .selectAll()
      .where('id', '=', issued.body.id)
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(stored)).not.toContain((issued.body.code as string).replaceAll('-', ''))

    const revoked = await admin('POST', `/api/admin/codes/${issued.body.id}/revoke`)
    expect(revoked).toMatchObject({ status: 200, body: { id: issued.body.id, status: 'revoked' } })
    expect(revoked.body.revokedAt).toBeGreaterThan(0)
  })
})

describe('admin rate limit', () => {
  const running = useTestServer('sqlite', { devices: { limits: { adminPerMinute: 2 } } })

  it('answers 429 with the sync error body and retry-after once an address is over the limit, before checking the token', async () => {
    const token = await adminTokenFor(running().test.db)
    const admin = caller(
      () => running().server.app,
      () => token,
    )
    expect((await admin('GET', '/api/admin/org')).status).toBe(200)
    expect((await admin('GET', '/api/admin/devices')).status).toBe(200)
    const limited = await admin('GET', '/api/admin/org')
    expect(limited).toMatchObject({
      status: 429,
      body: { error: 'rate-limited', message: SYNC_ERROR_MESSAGES['rate-limited'] },
    })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(
      (
        await caller(
          () => running().server.app,
          () => 'wrong',
        )('GET', '/api/admin/org')
      ).status,
    ).toBe(429)
  })
})
