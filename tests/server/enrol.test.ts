import { describe, expect, it } from 'vitest'
import { SYNC_ERROR_MESSAGES } from '../../src/shared/sync/protocol.ts'
import { issueCode, revokeCode } from '../../server/devices/codes.ts'
import { INVALID_CODE_MESSAGE } from '../../server/devices/errors.ts'
import { createUnit } from '../../server/devices/org.ts'
import { serverId } from '../../server/devices/settings.ts'
import { BACKENDS } from './backends.ts'
import { bearer, caller, enrolTablet, expectUuidV7, makeOrg, uniqueName } from './devices.fixtures.ts'
import { useTestServer } from './hooks.ts'
import { libraryScopeId } from '../../src/shared/sync/scopes.ts'

const HOUR = 60 * 60 * 1000

describe.each(BACKENDS)('enrolment on %s', (backend) => {
  // Every test here enrols from 127.0.0.1; the real limit (10 a minute) has its own test below.
  const running = useTestServer(backend, { devices: { limits: { enrolPerMinute: 1000 } } })
  const db = () => running().test.db
  const app = () => running().server.app
  const anonymous = caller(app, () => undefined)
  const enrol = (payload: unknown) => anonymous('POST', '/api/enrol', payload)

  const codeRow = (id: string) =>
    db().selectFrom('enrolment_codes').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  it('exchanges a code, typed in any case with or without dashes, for a device token and what it may sync', async () => {
    const org = await makeOrg(db())
    const issued = await issueCode(db(), { scopeKind: 'unit', scopeId: org.unitA.id })
    const typed = ` ${issued.code.toLowerCase().replace('-', ' ').replace('-', '')} `
    const res = await enrol({ code: typed, deviceName: '  Nurses station  ' })
    expect(res.status).toBe(201)
    expect(res.headers['cache-control']).toBe('no-store')
    expectUuidV7(res.body.deviceId)
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(res.body).toEqual({
      deviceId: res.body.deviceId,
      token: res.body.token,
      serverId: await serverId(db()),
      scope: { kind: 'unit', id: org.unitA.id, name: org.unitA.name },
      trust: { id: org.trust.id, name: org.trust.name },
      csu: { id: org.csu.id, trustId: org.trust.id, name: org.csu.name },
      csus: [{ id: org.csu.id, trustId: org.trust.id, name: org.csu.name }],
      units: [{ id: org.unitA.id, csuId: org.csu.id, name: org.unitA.name, kind: 'ward' }],
      readable: [org.unitA.id, libraryScopeId(org.trust.id)],
      writable: [org.unitA.id],
    })

    // The code is spent by this device, and the token is stored only as a hash.
    expect(await codeRow(issued.id)).toMatchObject({ used_by_device: res.body.deviceId })
    const device = await db()
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', res.body.deviceId)
      .executeTakeFirstOrThrow()
    expect(device).toMatchObject({
      name: 'Nurses station',
      scope_kind: 'unit',
      scope_id: org.unitA.id,
      revoked_at: null,
    })
    expect(device.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(device.token_hash).not.toContain(res.body.token)

    const info = await anonymous('GET', '/api/device', undefined, bearer(res.body.token))
    expect(info.status).toBe(200)
    const { token: _token, ...withoutToken } = res.body
    expect(info.body).toEqual({ ...withoutToken, name: 'Nurses station' })
  })

  it('works once: the same code again is refused in plain English', async () => {
    const org = await makeOrg(db())
    const { code } = await issueCode(db(), { scopeKind: 'unit', scopeId: org.unitA.id })
    expect((await enrol({ code, deviceName: 'First' })).status).toBe(201)
    const again = await enrol({ code, deviceName: 'Second' })
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid-code', message: INVALID_CODE_MESSAGE } })
    expect(INVALID_CODE_MESSAGE).toBe(
      'That enrolment code is not valid. It may have been used already or have expired. Ask your improvement office for a new one.',
    )
    const devices = await db().selectFrom('devices').select('name').where('scope_id', '=', org.unitA.id).execute()
    expect(devices).toEqual([{ name: 'First' }])
  })

  it('gives one device, not two, when two tablets race with one code', async () => {
    const org = await makeOrg(db())
    const { code } = await issueCode(db(), { scopeKind: 'unit', scopeId: org.unitA.id })
    const results = await Promise.all([
      enrol({ code, deviceName: 'A' }),
      enrol({ code, deviceName: 'B' }),
      enrol({ code, deviceName: 'C' }),
    ])
    expect(results.map((res) => res.status).sort()).toEqual([201, 400, 400])
    expect(await db().selectFrom('devices').select('id').where('scope_id', '=', org.unitA.id).execute()).toHaveLength(1)
  })

  it('refuses an expired code, a revoked code and an unknown code alike', async () => {
    const org = await makeOrg(db())
    const expired = await issueCode(
      db(),
      { scopeKind: 'unit', scopeId: org.unitA.id, expiresInHours: 1 },
      Date.now() - 2 * HOUR,
    )
    const revoked = await issueCode(db(), { scopeKind: 'unit', scopeId: org.unitA.id })
    await revokeCode(db(), revoked.id)
    const justInTime = await issueCode(
      db(),
      { scopeKind: 'unit', scopeId: org.unitA.id, expiresInHours: 1 },
      Date.now() - HOUR + 60_000,
    )
    for (const code of [expired.code, revoked.code, 'ABCD-EFGH-JKLM', '']) {
      expect(await enrol({ code, deviceName: 'Tablet' }), code).toMatchObject({
        status: 400,
        body: { error: 'invalid-code', message: INVALID_CODE_MESSAGE },
      })
    }
    expect((await codeRow(expired.id)).used_at).toBeNull()
    expect((await enrol({ code: justInTime.code, deviceName: 'Tablet' })).status).toBe(201)
  })

  it.each([
    [{ code: 'ABCD-EFGH-JKLM' }, 'deviceName'],
    [{ code: 'X', deviceName: '   ' }, 'deviceName'],
    [{ code: 'X', deviceName: 'x'.repeat(81) }, 'deviceName'],
    [{ code: 'X', deviceName: 'Tablet', scope: 'csu' }, ''],
    [{ code: 42, deviceName: 'Tablet' }, 'code'],
  ])('refuses %j as invalid-payload and spends no code', async (payload, path) => {
    const org = await makeOrg(db())
    const issued = await issueCode(db(), { scopeKind: 'unit', scopeId: org.unitA.id })
    const res = await enrol({ ...payload, ...(payload.code === 'X' ? { code: issued.code } : {}) })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: 'invalid-payload' })
    expect(res.body.details.issues.map((issue: { path: string }) => issue.path)).toContain(path)
    expect((await codeRow(issued.id)).used_at).toBeNull()
  })

  it('tells a CSU tablet about every unit of its CSU, including one added after it enrolled', async () => {
    const org = await makeOrg(db())
    const enrolled = await enrolTablet(db(), 'csu', org.csu.id)
    expect(enrolled.scope).toEqual({ kind: 'csu', id: org.csu.id, name: org.csu.name })
    expect(enrolled.units.map((unit) => unit.id).sort()).toEqual([org.unitA.id, org.unitB.id].sort())
    const later = await createUnit(db(), { csuId: org.csu.id, name: uniqueName('Ward'), kind: 'ward' })
    const info = await anonymous('GET', '/api/device', undefined, bearer(enrolled.token))
    expect(info.body.units.map((unit: { id: string }) => unit.id).sort()).toEqual(
      [org.unitA.id, org.unitB.id, later.id].sort(),
    )
    expect(info.body.units).not.toContainEqual(expect.objectContaining({ id: org.elsewhere.id }))
  })
})

describe('enrolment rate limit', () => {
  const running = useTestServer('sqlite', { devices: { limits: { enrolPerMinute: 3 } } })
  const enrol = caller(
    () => running().server.app,
    () => undefined,
  )

  it('allows a few tries a minute from one address, then answers 429 with the sync error body and retry-after', async () => {
    for (let i = 0; i < 3; i++)
      expect((await enrol('POST', '/api/enrol', { code: `WRONG${i}`, deviceName: 'Tablet' })).status).toBe(400)
    const limited = await enrol('POST', '/api/enrol', { code: 'WRONG', deviceName: 'Tablet' })
    expect(limited.status).toBe(429)
    expect(limited.body).toEqual({ error: 'rate-limited', message: SYNC_ERROR_MESSAGES['rate-limited'] })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60)
  })
})
