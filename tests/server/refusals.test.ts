// The refusal log must cost less than the requests it records: a device knocking a thousand
// times used to cost a thousand synchronous inserts and a thousand rows, kept for ever. (The
// reliability suite sends thousands more.)
import { describe, expect, it } from 'vitest'
import { MANY_ADDRESSES, pruneRefusals, RefusalLog, type Refusal } from '../../server/devices/refusals.ts'
import { REFUSAL_LOG } from '../../server/limits.ts'
import { BACKENDS } from './backends.ts'
import { adminTokenFor, caller, enrolTablet, makeOrg } from './devices.fixtures.ts'
import { useTestDatabase, useTestServer } from './hooks.ts'

const DAY = 24 * 60 * 60 * 1000
const silent = { warn: () => undefined, error: () => undefined } as never

const refusal = (overrides: Partial<Refusal> = {}): Refusal => ({
  deviceId: null,
  ip: '10.1.2.3',
  method: 'GET',
  url: '/api/device',
  route: '/api/device',
  reason: 'unauthorised: unknown device token',
  ...overrides,
})

describe.each(BACKENDS)('access refusals on %s', (backend) => {
  const running = useTestServer(backend, { devices: { limits: { syncPerMinute: 5_000 } } })
  const db = () => running().test.db

  it(
    '300 refused requests from one tablet make one row counting 300, written in the background',
    { timeout: 60_000 },
    async () => {
      const org = await makeOrg(db())
      const enrolled = await enrolTablet(db(), 'unit', org.unitA.id)
      const tablet = caller(
        () => running().server.app,
        () => enrolled.token,
      )
      for (let i = 0; i < 300; i++) {
        const res = await tablet('GET', `/api/sync/pull?protocol=1&scope=${org.elsewhere.id}&after=${i}`)
        expect(res.status).toBe(403)
      }
      const admin = caller(
        () => running().server.app,
        () => token,
      )
      const token = await adminTokenFor(db())
      const listed = (await admin('GET', '/api/admin/refusals')).body as { deviceId: string; count: number }[]
      const rows = listed.filter((row) => row.deviceId === enrolled.deviceId)
      expect(rows).toEqual([
        expect.objectContaining({
          count: 300,
          reason: `forbidden-scope: ${org.elsewhere.id}`,
          route: '/api/sync/pull',
          url: `/api/sync/pull?protocol=1&scope=${org.elsewhere.id}&after=299`,
        }),
      ])
    },
  )
})

describe.each(BACKENDS)('the refusal log on %s', (backend) => {
  const database = useTestDatabase(backend)
  const db = () => database().db
  const rowsFor = (ip: string) =>
    db().selectFrom('access_refusals').selectAll().where('ip', '=', ip).orderBy('id').execute()

  it('adds repeats to one row within the hour, and starts a new row after it', async () => {
    let now = Date.now()
    const log = new RefusalLog(db(), silent, {}, () => now)
    const ip = '10.9.0.1'
    for (let i = 0; i < 5; i++) log.record(refusal({ ip }))
    await log.flush()
    log.record(refusal({ ip, url: '/api/device?again' }))
    await log.flush()
    expect(await rowsFor(ip)).toEqual([
      expect.objectContaining({ count: 6, url: '/api/device?again', route: '/api/device' }),
    ])
    now += REFUSAL_LOG.aggregateWithinMs + 1
    log.record(refusal({ ip }))
    await log.flush()
    expect((await rowsFor(ip)).map((row) => Number(row.count))).toEqual([6, 1])
  })

  it('holds at most maxPending kinds of refusal between writes: the rest count under one row', async () => {
    const log = new RefusalLog(db(), silent, { maxPending: 3 })
    for (let i = 0; i < 50; i++) log.record(refusal({ ip: `10.8.0.${i}`, reason: 'scan' }))
    await log.flush()
    const rows = await db()
      .selectFrom('access_refusals')
      .selectAll()
      .where('reason', '=', 'scan')
      .orderBy('id')
      .execute()
    expect(rows.map((row) => [row.ip, Number(row.count)])).toEqual([
      ['10.8.0.0', 1],
      ['10.8.0.1', 1],
      ['10.8.0.2', 1],
      [MANY_ADDRESSES, 47],
    ])
  })

  it('stores what PostgreSQL could not: U+0000 in a URL or reason', async () => {
    const log = new RefusalLog(db(), silent)
    log.record(refusal({ ip: '10.7.0.1', url: '/api/sync/pull?scope=a\u0000b', reason: 'forbidden-scope: a\u0000b' }))
    await log.flush()
    expect(await rowsFor('10.7.0.1')).toEqual([
      expect.objectContaining({ url: '/api/sync/pull?scope=a\\0b', reason: 'forbidden-scope: a\\0b' }),
    ])
  })

  it('writes what is counted when closed', async () => {
    const log = new RefusalLog(db(), silent, { flushEveryMs: 60_000 }).start()
    log.record(refusal({ ip: '10.6.0.1' }))
    expect(await rowsFor('10.6.0.1')).toEqual([])
    await log.close()
    expect(await rowsFor('10.6.0.1')).toHaveLength(1)
  })

  it('prunes rows last seen more than 30 days ago, and keeps at most maxRows', async () => {
    const now = Date.now()
    await db().deleteFrom('access_refusals').execute()
    const row = (ip: string, lastAt: number) => ({
      at: lastAt,
      last_at: lastAt,
      count: 1,
      device_id: null,
      ip,
      method: 'GET',
      url: '/api/device',
      route: '/api/device',
      reason: 'prune-test',
    })
    await db()
      .insertInto('access_refusals')
      .values([
        row('old', now - 31 * DAY),
        row('recent-1', now - 3_000),
        row('recent-2', now - 2_000),
        row('recent-3', now - 1_000),
      ])
      .execute()
    // An old server's row, with no last_at: its one time is `at`.
    await db()
      .insertInto('access_refusals')
      .values({ ...row('legacy', 0), at: now - 40 * DAY, last_at: null })
      .execute()
    const deleted = await pruneRefusals(db(), now, { keepMs: 30 * DAY, maxRows: 2 })
    const left = await db().selectFrom('access_refusals').select('ip').execute()
    expect(left.map((r) => r.ip).sort()).toEqual(['recent-2', 'recent-3'])
    expect(deleted).toBe(3)
  })
})
