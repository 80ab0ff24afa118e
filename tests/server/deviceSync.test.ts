import { describe, expect, it } from 'vitest'
import { PullResponseSchema, SYNC_ERROR_MESSAGES } from '../../src/shared/sync/protocol.ts'
import { RATE_LIMITS } from '../../server/api/devices.ts'
import { revokeDevice } from '../../server/devices/devices.ts'
import { createUnit } from '../../server/devices/org.ts'
import { serverId } from '../../server/devices/settings.ts'
import { currentSeq } from '../../server/sync/pull.ts'
import { BACKENDS } from './backends.ts'
import { adminTokenFor, caller, enrolTablet, makeOrg, uniqueName } from './devices.fixtures.ts'
import { mutation, pushBody, pushBodyV2 } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

const HOUR = 60 * 60 * 1000

describe.each(BACKENDS)('sync behind device tokens on %s', (backend) => {
  // Refusals are written in the background: every 20 ms here, so assertions poll for them briefly.
  const running = useTestServer(backend, { devices: { refusalLog: { flushEveryMs: 20 } } })
  const db = () => running().test.db
  const app = () => running().server.app
  let token: string | undefined
  const device = caller(app, () => token)
  let adminToken: string | undefined
  const admin = caller(app, () => adminToken)

  const push = (mutations: unknown[], headers?: Record<string, string>) =>
    device('POST', '/api/sync/push', pushBody(mutations), headers)
  const pull = (scope: string, query = '', headers?: Record<string, string>) =>
    device('GET', `/api/sync/pull?protocol=1&scope=${scope}${query}`, undefined, headers)
  const deviceRow = (id: string) =>
    db().selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const refusalsOf = (deviceId: string) =>
    db().selectFrom('access_refusals').selectAll().where('device_id', '=', deviceId).orderBy('id').execute()

  async function unitTablet() {
    const org = await makeOrg(db())
    const enrolled = await enrolTablet(db(), 'unit', org.unitA.id)
    token = enrolled.token
    return { org, enrolled }
  }

  it('lets a unit tablet push and pull its own unit, recording the device with each mutation', async () => {
    const { org, enrolled } = await unitTablet()
    const change = mutation(org.unitA.id, 'action-1', { title: { set: 'Restock gloves' } })
    const pushed = await push([change])
    expect(pushed).toMatchObject({ status: 200, body: { accepted: [change.mutationId] } })
    const applied = await db()
      .selectFrom('applied_mutations')
      .selectAll()
      .where('mutation_id', '=', change.mutationId)
      .executeTakeFirstOrThrow()
    // The device id comes from the token, not from what the push body claims ('tablet-a').
    expect(applied.device_id).toBe(enrolled.deviceId)

    const pulled = await pull(org.unitA.id)
    expect(pulled.status).toBe(200)
    const page = PullResponseSchema.parse(pulled.body)
    expect(page.serverId).toBe(await serverId(db()))
    // The unit's own record (from the office) and the tablet's action.
    expect(page.records.map((record) => `${record.table}/${record.id}`)).toEqual([
      `units/${org.unitA.id}`,
      'actions/action-1',
    ])
  })

  it('refuses another unit with 403 forbidden-scope, applies nothing and logs the refusal', async () => {
    const { org, enrolled } = await unitTablet()
    const before = await currentSeq(db(), org.unitB.id)
    const res = await push([
      mutation(org.unitA.id, 'mine', { title: { set: 'ok' } }),
      mutation(org.unitB.id, 'theirs', { title: { set: 'no' } }),
    ])
    expect(res).toMatchObject({
      status: 403,
      body: {
        error: 'forbidden-scope',
        message: SYNC_ERROR_MESSAGES['forbidden-scope'],
        details: { scope: org.unitB.id },
      },
    })
    expect(await currentSeq(db(), org.unitB.id)).toBe(before)
    expect(await currentSeq(db(), org.unitA.id)).toBe(1)
    expect((await pull(org.elsewhere.id)).status).toBe(403)
    expect((await device('GET', `/api/sync/events?scope=${org.unitA.id}&scope=${org.unitB.id}`)).status).toBe(403)

    await expect
      .poll(async () => (await refusalsOf(enrolled.deviceId)).map((refusal) => [refusal.route, refusal.reason]))
      .toEqual([
        ['/api/sync/push', `forbidden-scope: ${org.unitB.id}`],
        ['/api/sync/pull', `forbidden-scope: ${org.elsewhere.id}`],
        ['/api/sync/events', `forbidden-scope: ${org.unitB.id}`],
      ])
    expect((await refusalsOf(enrolled.deviceId))[0]).toMatchObject({
      method: 'POST',
      url: '/api/sync/push',
      ip: '127.0.0.1',
      count: 1,
    })
  })

  it('protocol 2: refuses just the changes to another unit or a misplaced unit record, applies the rest, logs each', async () => {
    const { org, enrolled } = await unitTablet()
    const before = await currentSeq(db(), org.unitB.id)
    const mine = mutation(org.unitA.id, 'mine', { title: { set: 'ok' } })
    const theirs = mutation(org.unitB.id, 'theirs', { title: { set: 'no' } })
    const rename = mutation(org.unitA.id, org.unitB.id, { name: { set: 'Renamed' } }, { table: 'units' })
    const res = await device('POST', '/api/sync/push', pushBodyV2([theirs, mine, rename]))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      accepted: [mine.mutationId],
      refused: [
        { mutationId: theirs.mutationId, error: 'forbidden-scope' },
        { mutationId: rename.mutationId, error: 'forbidden-scope' },
      ],
    })
    expect(await currentSeq(db(), org.unitB.id)).toBe(before)
    expect(await currentSeq(db(), org.unitA.id)).toBe(2)
    await expect
      .poll(async () => (await refusalsOf(enrolled.deviceId)).map((refusal) => refusal.reason).sort())
      .toEqual([`forbidden-scope: ${org.unitB.id}`, `forbidden-scope: units/${org.unitB.id} in ${org.unitA.id}`].sort())
  })

  it("refuses a units record outside its own scope, even within the tablet's unit", async () => {
    const { org, enrolled } = await unitTablet()
    const rename = (recordId: string) =>
      mutation(org.unitA.id, recordId, { name: { set: 'Renamed' } }, { table: 'units' })
    const res = await push([rename(org.unitB.id)])
    expect(res).toMatchObject({
      status: 403,
      body: { error: 'forbidden-scope', details: { scope: org.unitA.id, table: 'units', recordId: org.unitB.id } },
    })
    expect(await currentSeq(db(), org.unitA.id)).toBe(1)
    await expect
      .poll(async () => (await refusalsOf(enrolled.deviceId)).map((refusal) => refusal.reason))
      .toEqual([`forbidden-scope: units/${org.unitB.id} in ${org.unitA.id}`])
    // Its own unit record is the tablet's to change (the name-picker list lives there).
    expect((await push([rename(org.unitA.id)])).status).toBe(200)
    expect(await currentSeq(db(), org.unitA.id)).toBe(2)
  })

  it('refuses a bad body with 400 and applies nothing', async () => {
    const { org } = await unitTablet()
    const res = await push([
      mutation(org.unitA.id, 'a', { title: { set: 'fine' } }),
      { ...mutation(org.unitA.id, 'b', { title: { set: 'x' } }), colour: 'red' },
    ])
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid-payload' } })
    expect(await currentSeq(db(), org.unitA.id)).toBe(1)
  })

  it('lets a CSU tablet use every unit of its CSU, including one added after it enrolled, and no other', async () => {
    const org = await makeOrg(db())
    token = (await enrolTablet(db(), 'csu', org.csu.id)).token
    for (const unit of [org.unitA, org.unitB]) expect((await pull(unit.id)).status).toBe(200)
    expect((await pull(org.elsewhere.id)).status).toBe(403)
    const later = await createUnit(db(), { csuId: org.csu.id, name: uniqueName('Ward'), kind: 'ward' })
    expect((await push([mutation(later.id, 'a', { title: { set: 'New ward, first action' } })])).status).toBe(200)
    const page = PullResponseSchema.parse((await pull(later.id)).body)
    expect(page.records.map((record) => record.table)).toEqual(['units', 'actions'])
  })

  it('refuses a revoked tablet from its very next request, naming where it was removed from', async () => {
    const { org, enrolled } = await unitTablet()
    adminToken ??= await adminTokenFor(db())
    expect((await pull(org.unitA.id)).status).toBe(200)
    expect((await admin('POST', `/api/admin/devices/${enrolled.deviceId}/revoke`)).body).toMatchObject({
      id: enrolled.deviceId,
      revokedAt: expect.any(Number),
    })
    const message = `This tablet was removed from ${org.unitA.name}. Its changes are kept on it and will be sent once it is enrolled again. Ask your manager to re-enrol it.`
    for (const res of [
      await pull(org.unitA.id),
      await push([mutation(org.unitA.id, 'a', { title: { set: 'x' } })]),
      await device('GET', '/api/device'),
    ]) {
      expect(res).toMatchObject({ status: 403, body: { error: 'device-revoked', message } })
    }
    expect(await currentSeq(db(), org.unitA.id)).toBe(1)
    // Three routes: three rows, each counted once.
    await expect
      .poll(async () => (await refusalsOf(enrolled.deviceId)).map((refusal) => [refusal.reason, refusal.count]))
      .toEqual([
        ['device-revoked', 1],
        ['device-revoked', 1],
        ['device-revoked', 1],
      ])
  })

  it("names the CSU when a CSU tablet is revoked (by the CLI's service function)", async () => {
    const org = await makeOrg(db())
    const enrolled = await enrolTablet(db(), 'csu', org.csu.id)
    token = enrolled.token
    await revokeDevice(db(), enrolled.deviceId)
    expect((await pull(org.unitA.id)).body.message).toBe(
      `This tablet was removed from ${org.csu.name}. Its changes are kept on it and will be sent once it is enrolled again. Ask your manager to re-enrol it.`,
    )
  })

  it.each([
    ['no token', undefined, 'unauthorised: no device token'],
    ['an unknown token', 'x'.repeat(43), 'unauthorised: unknown device token'],
  ])(
    'answers a request with %s with 401 unauthorised on every device route, and logs it',
    async (_what, badToken, reason) => {
      const org = await makeOrg(db())
      token = badToken
      const counted = async () => {
        const rows = await db().selectFrom('access_refusals').select('count').where('reason', '=', reason).execute()
        return rows.reduce((sum, row) => sum + Number(row.count), 0)
      }
      // Anything an earlier test refused is written by now.
      await new Promise((resolve) => setTimeout(resolve, 100))
      const before = await counted()
      for (const [method, url] of [
        ['POST', '/api/sync/push'],
        ['GET', `/api/sync/pull?protocol=1&scope=${org.unitA.id}`],
        ['GET', `/api/sync/events?scope=${org.unitA.id}`],
        ['GET', '/api/device'],
      ] as const) {
        const res = await device(
          method,
          url,
          method === 'POST' ? pushBody([mutation(org.unitA.id, 'a', { title: { set: 'x' } })]) : undefined,
        )
        expect(res, url).toMatchObject({
          status: 401,
          body: { error: 'unauthorised', message: SYNC_ERROR_MESSAGES.unauthorised },
        })
      }
      expect(await currentSeq(db(), org.unitA.id)).toBe(1)
      await expect.poll(counted).toBe(before + 4)
    },
  )

  it('stores what x-lim-outbox reports, and flags changes waiting over 8 hours', async () => {
    const { org, enrolled } = await unitTablet()
    adminToken ??= await adminTokenFor(db())
    const oldest = Date.now() - 9 * HOUR
    const listed = async () =>
      ((await admin('GET', '/api/admin/devices')).body as { id: string }[]).find(
        (entry) => entry.id === enrolled.deviceId,
      )

    expect(await listed()).toMatchObject({
      lastSeenAt: null,
      lastSyncAt: null,
      pendingCount: 0,
      oldestPendingAt: null,
      unsyncedOver8h: false,
      scopeName: org.unitA.name,
      revokedAt: null,
    })
    await device('GET', '/api/device', undefined, { 'x-lim-outbox': `3,${oldest}` })
    expect(await listed()).toMatchObject({
      pendingCount: 3,
      oldestPendingAt: oldest,
      unsyncedOver8h: true,
      lastSyncAt: null,
      lastSeenAt: expect.any(Number),
    })

    await device('GET', '/api/device', undefined, { 'x-lim-outbox': `2,${Date.now() - HOUR}` })
    expect(await listed()).toMatchObject({ pendingCount: 2, unsyncedOver8h: false })
    // A header that does not parse changes nothing but last-seen.
    await device('GET', '/api/device', undefined, { 'x-lim-outbox': 'lots' })
    expect(await listed()).toMatchObject({ pendingCount: 2 })
    await device('GET', '/api/device', undefined, { 'x-lim-outbox': '0,0' })
    expect(await listed()).toMatchObject({ pendingCount: 0, oldestPendingAt: null, unsyncedOver8h: false })
  })

  it('does not rewrite the device row on every request while nothing it shows has changed', async () => {
    const { enrolled } = await unitTablet()
    await device('GET', '/api/device', undefined, { 'x-lim-outbox': '1,1000' })
    const first = await deviceRow(enrolled.deviceId)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await device('GET', '/api/device', undefined, { 'x-lim-outbox': '1,1000' })
    expect((await deviceRow(enrolled.deviceId)).last_seen_at).toBe(first.last_seen_at)
    // A new outbox report is written at once.
    await device('GET', '/api/device', undefined, { 'x-lim-outbox': '0,0' })
    const after = await deviceRow(enrolled.deviceId)
    expect(Number(after.pending_count)).toBe(0)
    expect(Number(after.last_seen_at)).toBeGreaterThan(Number(first.last_seen_at))
  })

  it('sets last-synced after a push, and after a pull page that reaches the end', async () => {
    const { org, enrolled } = await unitTablet()
    await push([mutation(org.unitA.id, `a-${org.unitA.id}`, { title: { set: 'one' } })])
    const afterPush = (await deviceRow(enrolled.deviceId)).last_sync_at
    expect(afterPush).toBeGreaterThan(Date.now() - 10_000)

    await db().updateTable('devices').set({ last_sync_at: null }).where('id', '=', enrolled.deviceId).execute()
    const first = await pull(org.unitA.id, '&limit=1')
    expect(first.body.hasMore).toBe(true)
    expect((await deviceRow(enrolled.deviceId)).last_sync_at).toBeNull()
    const rest = await pull(org.unitA.id, `&after=${first.body.cursor}`)
    expect(rest.body.hasMore).toBe(false)
    expect((await deviceRow(enrolled.deviceId)).last_sync_at).toBeGreaterThan(Date.now() - 10_000)
  })
})

describe('sync rate limit', () => {
  const running = useTestServer('sqlite', { devices: { limits: { syncPerMinute: 3 } } })
  const db = () => running().test.db

  it("keeps the contract's limits by default", () => {
    expect(RATE_LIMITS).toEqual({ syncPerMinute: 1200, adminPerMinute: 300, enrolPerMinute: 10 })
  })

  it('answers 429 with the sync error body and retry-after once a device is over its limit, counting each device apart', async () => {
    const org = await makeOrg(db())
    const busy = await enrolTablet(db(), 'unit', org.unitA.id)
    const quiet = await enrolTablet(db(), 'unit', org.unitA.id)
    const pullAs = (token: string) =>
      caller(
        () => running().server.app,
        () => token,
      )('GET', `/api/sync/pull?protocol=1&scope=${org.unitA.id}`)
    for (let i = 0; i < 3; i++) expect((await pullAs(busy.token)).status).toBe(200)
    const limited = await pullAs(busy.token)
    expect(limited.status).toBe(429)
    expect(limited.body).toEqual({ error: 'rate-limited', message: SYNC_ERROR_MESSAGES['rate-limited'] })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await pullAs(quiet.token)).status).toBe(200)
  })
})
