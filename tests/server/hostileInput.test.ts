// Input that once reached the database and came back as a 500 (PostgreSQL refuses U+0000 in text), was
// stored changed (a lone surrogate became U+FFFD), or overflowed the stack (a value nested 10,000 deep).
// Every one must be a 400 that writes nothing, on both stores.
import { describe, expect, it } from 'vitest'
import { PullResponseSchema } from '../../src/shared/sync/protocol.ts'
import { currentSeq } from '../../server/sync/pull.ts'
import { BACKENDS } from './backends.ts'
import { adminTokenFor, caller, enrolTablet, makeOrg, uniqueName } from './devices.fixtures.ts'
import { mutation, pushBody } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

const NUL = '\u0000'
const LONE_HIGH = '\uD83D'
const LONE_LOW = '\uDE00'

function nested(depth: number): string {
  return '['.repeat(depth) + '1' + ']'.repeat(depth)
}

describe.each(BACKENDS)('hostile input on %s', (backend) => {
  const running = useTestServer(backend, { devices: {} })
  const db = () => running().test.db
  const app = () => running().server.app
  let token: string | undefined
  const device = caller(app, () => token)
  let adminToken: string | undefined
  const admin = caller(app, () => adminToken)

  async function unitTablet() {
    const org = await makeOrg(db())
    token = (await enrolTablet(db(), 'unit', org.unitA.id)).token
    adminToken ??= await adminTokenFor(db())
    return org
  }

  const rawPush = (body: string) =>
    app().inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: body,
    })

  it.each([
    ['the protocol', (inner: string) => `{"protocol":${inner},"mutations":[]}`],
    ['a field value', (inner: string) => `{"protocol":1,"mutations":[{"fields":{"title":{"set":${inner}}}}]}`],
    ['the whole body', (inner: string) => inner],
  ])('answers 400 for %s nested 10,000 deep', async (_where, wrap) => {
    await unitTablet()
    const res = await rawPush(wrap(nested(10_000)))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid-payload' })
  })

  it('answers 400 for a body nested 5,000 deep on the admin and enrolment routes too (within their 16 KB limit)', async () => {
    await unitTablet()
    for (const url of ['/api/admin/trusts', '/api/enrol']) {
      const res = await app().inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        payload: `{"name":${nested(5_000)}}`,
      })
      expect(res.statusCode, url).toBe(400)
    }
  })

  it.each([
    ['U+0000', `a${NUL}b`],
    ['a lone high surrogate', `a${LONE_HIGH}b`],
    ['a lone low surrogate', `${LONE_LOW}b`],
  ])('refuses a record id with %s (400, nothing stored)', async (_what, badId) => {
    const org = await unitTablet()
    const before = await currentSeq(db(), org.unitA.id)
    const res = await device(
      'POST',
      '/api/sync/push',
      pushBody([mutation(org.unitA.id, badId, { status: { set: 1 } })]),
    )
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: 'invalid-payload' })
    expect(await currentSeq(db(), org.unitA.id)).toBe(before)
  })

  it.each([
    ['U+0000', NUL, '%00'],
    // The three bytes UTF-8 would use for a surrogate on its own: not valid UTF-8.
    ['a lone surrogate', LONE_HIGH, '%ED%A0%BD'],
  ])('refuses %s in a table name, the writer, or a pulled scope', async (_what, bad, inUrl) => {
    const org = await unitTablet()
    const scope = org.unitA.id
    const byWriter = await device(
      'POST',
      '/api/sync/push',
      pushBody([mutation(scope, 'a1', { status: { set: 1 } }, { by: `Sam${bad}` })]),
    )
    expect(byWriter.status).toBe(400)
    const byTable = await device(
      'POST',
      '/api/sync/push',
      pushBody([mutation(scope, 'a1', { status: { set: 1 } }, { table: `actions${bad}` })]),
    )
    expect(byTable.status).toBe(400)
    const pulled = await device('GET', `/api/sync/pull?protocol=1&scope=${scope}${inUrl}`)
    expect(pulled.status).toBeGreaterThanOrEqual(400)
    expect(pulled.status).toBeLessThan(500)
  })

  it('keeps U+0000 and lone surrogates inside field values exactly as sent (JSON carries them)', async () => {
    const org = await unitTablet()
    const odd = `x${NUL}y${LONE_HIGH}z`
    const res = await device(
      'POST',
      '/api/sync/push',
      pushBody([mutation(org.unitA.id, 'odd', { note: { set: odd } })]),
    )
    expect(res.status).toBe(200)
    const page = PullResponseSchema.parse((await device('GET', `/api/sync/pull?protocol=1&scope=${org.unitA.id}`)).body)
    expect(page.records.find((record) => record.id === 'odd')?.fields.note).toBe(odd)
  })

  it.each([
    ['U+0000', NUL],
    ['a lone surrogate', LONE_HIGH],
  ])('refuses %s in trust, CSU and unit names, code labels and tablet names', async (_what, bad) => {
    const org = await unitTablet()
    const trustsBefore = await db().selectFrom('org_trusts').select('id').execute()
    const attempts = [
      await admin('POST', '/api/admin/trusts', { name: `Leeds${bad}` }),
      await admin('PATCH', `/api/admin/trusts/${org.trust.id}`, { name: `Leeds${bad}` }),
      await admin('POST', '/api/admin/csus', { trustId: org.trust.id, name: `Medicine${bad}` }),
      await admin('POST', '/api/admin/units', { csuId: org.csu.id, name: `Ward${bad}` }),
      await admin('PATCH', `/api/admin/units/${org.unitA.id}`, { name: `Ward${bad}` }),
      await admin('POST', '/api/admin/codes', { scopeKind: 'unit', scopeId: org.unitA.id, label: `Bay${bad}` }),
    ]
    for (const attempt of attempts) expect(attempt).toMatchObject({ status: 400, body: { error: 'invalid-payload' } })
    expect(await db().selectFrom('org_trusts').select('id').execute()).toEqual(trustsBefore)

    const { body: issued } = await admin('POST', '/api/admin/codes', { scopeKind: 'unit', scopeId: org.unitA.id })
    const enrol = await device('POST', '/api/enrol', { code: issued.code, deviceName: `${uniqueName('Tab')}${bad}` })
    expect(enrol).toMatchObject({ status: 400, body: { error: 'invalid-payload' } })
    // The code was not used up by the refused attempt.
    const retry = await device('POST', '/api/enrol', { code: issued.code, deviceName: uniqueName('Tablet') })
    expect(retry.status).toBe(201)
  })

  it.each([
    ['U+0000', '%00'],
    ['a lone surrogate', '%ED%A0%80'],
    ['an overlong id', 'x'.repeat(300)],
  ])('answers 4xx, never 500, for %s in an admin path id', async (_what, id) => {
    await unitTablet()
    for (const [method, url, payload] of [
      ['PATCH', `/api/admin/trusts/${id}`, { name: 'Leeds' }],
      ['PATCH', `/api/admin/csus/${id}`, { name: 'Medicine' }],
      ['PATCH', `/api/admin/units/${id}`, { name: 'Ward' }],
      ['POST', `/api/admin/codes/${id}/revoke`, undefined],
      ['POST', `/api/admin/devices/${id}/revoke`, undefined],
    ] as const) {
      const res = await admin(method, url, payload)
      expect(res.status, `${method} ${url}`).toBeGreaterThanOrEqual(400)
      expect(res.status, `${method} ${url}`).toBeLessThan(500)
    }
  })
})
