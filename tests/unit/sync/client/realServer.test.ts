// The client against the real server (SQLite), over real HTTP: the admin client sets up
// a ward and issues codes, two tablets enrol with the HTTP transport and sync a board
// through the engine, live pokes arrive over the fetch-read event stream, the admin
// screen's device list reflects what the tablets reported, and a removed tablet hears so.
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAdminApi, type AdminResult } from '@/admin/adminApi'
import { HuddleDatabase } from '@/db/db'
import { repoFor } from '@/db/repo'
import type { Board } from '@/domain/types'
import { createSyncEngine } from '@/sync/engine'
import { deviceCredentials, readEnrolment, saveEnrolment } from '@/sync/enrolment'
import { createHttpTransport } from '@/sync/transport.http'
import { isFailure } from '@/sync/transport-types'
import { newAdminToken } from '../../../../server/devices/settings.ts'
import { openTestDatabase, startTestServer, type TestDatabase, type TestServer } from '../../../server/backends.ts'

let test: TestDatabase
let server: TestServer
let baseUrl: string
let adminToken: string
let tablets = 0

beforeAll(async () => {
  test = await openTestDatabase('sqlite')
  server = await startTestServer(test, { devices: {}, heartbeatMs: 60_000 })
  await server.app.listen({ port: 0, host: '127.0.0.1' })
  baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`
  adminToken = await newAdminToken(test.db)
})

afterAll(async () => {
  await server.close()
  await test.close()
})

function ok<T>(result: AdminResult<T>): T {
  if (!result.ok) throw new Error(result.message)
  return result.value
}

function tablet() {
  const database = new HuddleDatabase(`real-server-${++tablets}`)
  const transport = createHttpTransport({ baseUrl, credentials: () => deviceCredentials(database) })
  return { database, transport, engine: createSyncEngine({ database, transport }), repo: repoFor(database) }
}

describe('a ward set up on the admin screen, synced by two enrolled tablets', () => {
  it('works end to end', async () => {
    const admin = createAdminApi({ baseUrl, token: () => adminToken })
    expect(await createAdminApi({ baseUrl, token: () => 'wrong' }).getOrg()).toMatchObject({
      ok: false,
      error: 'unauthorised',
    })
    const trust = ok(await admin.addTrust('Northfield Teaching Hospitals'))
    const csu = ok(await admin.addCsu(trust.id, 'Medicine'))
    const unit = ok(await admin.addUnit(csu.id, 'Ward 7', 'ward'))
    expect(ok(await admin.getOrg())).toMatchObject({
      trusts: [{ name: 'Northfield Teaching Hospitals' }],
      units: [{ id: unit.id, kind: 'ward' }],
    })

    const issued = ok(
      await admin.issueCode({ scopeKind: 'unit', scopeId: unit.id, expiresInHours: 2, label: 'Nurses station' }),
    )
    expect(issued.code.replace(/-/g, '')).toMatch(/^[A-HJ-NP-Z2-9]{12}$/)
    const a = tablet()
    expect(await a.transport.enrol('WRONG-CODE-0000', 'Nope')).toMatchObject({ error: 'invalid-code' })
    const enrolled = await a.transport.enrol(issued.code.toLowerCase().replace(/-/g, ' '), "Ward 7 nurses' station")
    if (isFailure(enrolled)) throw new Error(enrolled.message)
    await saveEnrolment(a.database, enrolled, "Ward 7 nurses' station")
    expect(ok(await admin.listCodes())[0]).toMatchObject({ status: 'used', scopeName: 'Ward 7' })

    // The unit record the admin screen made arrives like any other record.
    expect(await a.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(await a.database.units.get(unit.id)).toMatchObject({ name: 'Ward 7', csuId: csu.id, kind: 'ward' })
    await a.repo.saveRecord<Board>(
      'boards',
      { id: 'board-7', unitId: unit.id, name: 'Ward 7 board', categories: [], agenda: [], huddleMinutes: 15 },
      'Sam',
    )
    expect(await a.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })

    const b = tablet()
    const second = await b.transport.enrol(
      ok(await admin.issueCode({ scopeKind: 'csu', scopeId: csu.id, expiresInHours: 2 })).code,
      'Medicine office',
    )
    if (isFailure(second)) throw new Error(second.message)
    await saveEnrolment(b.database, second, 'Medicine office')
    expect(await b.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(await b.database.boards.get('board-7')).toMatchObject({ name: 'Ward 7 board' })

    // A change on A pokes B over the event stream (read with fetch, token in a header).
    const poked = vi.fn()
    const stop = b.transport.events([unit.id], poked)
    await vi.waitFor(() => expect(poked).toHaveBeenCalled())
    const before = poked.mock.calls.length
    await a.repo.saveRecord<Board>('boards', { ...(await a.database.boards.get('board-7'))!, huddleMinutes: 12 }, 'Sam')
    // Unsent work is reported with every request, for the admin screen.
    expect(await a.transport.deviceInfo()).toMatchObject({ name: "Ward 7 nurses' station", units: [{ id: unit.id }] })
    const devicesWithPending = ok(await admin.listDevices())
    expect(devicesWithPending.find((d) => d.name === "Ward 7 nurses' station")).toMatchObject({
      pendingCount: 1,
      unsyncedOver8h: false,
    })
    await a.engine.syncOnce()
    await vi.waitFor(() => expect(poked.mock.calls.length).toBeGreaterThan(before))
    stop()
    await b.engine.syncOnce()
    expect(await b.database.boards.get('board-7')).toMatchObject({ huddleMinutes: 12 })

    // A new unit in the CSU reaches the CSU tablet at its next round.
    const unit8 = ok(await admin.addUnit(csu.id, 'Ward 8', 'ward'))
    await b.engine.syncOnce()
    expect((await readEnrolment(b.database))?.units.map((u) => u.name).sort()).toEqual(['Ward 7', 'Ward 8'])
    expect(await b.database.units.get(unit8.id)).toMatchObject({ name: 'Ward 8' })

    const devices = ok(await admin.listDevices())
    const aRow = devices.find((d) => d.name === "Ward 7 nurses' station")!
    expect(aRow).toMatchObject({ scopeKind: 'unit', scopeName: 'Ward 7', pendingCount: 0, revokedAt: null })
    expect(aRow.lastSyncAt).toBeGreaterThan(0)
    ok(await admin.revokeDevice(aRow.id))
    expect(await a.engine.syncOnce()).toMatchObject({
      outcome: 'removed',
      message: expect.stringContaining('removed from Ward 7'),
    })
  }, 30_000)
})
