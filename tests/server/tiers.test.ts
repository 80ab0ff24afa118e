// Sync scopes at every tier: what a unit, CSU and trust (improvement office) device may
// read and write, and the trust library that every device reads and only the office writes.
import { describe, expect, it } from 'vitest'
import { PullResponseSchema } from '../../src/shared/sync/protocol.ts'
import { libraryScopeId } from '../../src/shared/sync/scopes.ts'
import { createUnit, createTrust, createCsu } from '../../server/devices/org.ts'
import { currentSeq } from '../../server/sync/pull.ts'
import { BACKENDS } from './backends.ts'
import { adminTokenFor, caller, enrolTablet, makeOrg, uniqueName } from './devices.fixtures.ts'
import { mutation, pushBody } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

const sorted = (ids: string[]) => [...ids].sort()

describe.each(BACKENDS)('sync scopes for units, CSUs and trusts on %s', (backend) => {
  const running = useTestServer(backend, { devices: {} })
  const db = () => running().test.db
  const app = () => running().server.app
  let token: string | undefined
  const device = caller(app, () => token)
  let adminToken: string | undefined
  const admin = caller(app, () => adminToken)
  const push = (mutations: unknown[]) => device('POST', '/api/sync/push', pushBody(mutations))
  const pull = (scope: string) => device('GET', `/api/sync/pull?protocol=1&scope=${encodeURIComponent(scope)}`)
  const idsIn = async (scope: string) =>
    PullResponseSchema.parse((await pull(scope)).body).records.map((record) => `${record.table}/${record.id}`)

  it("gives a unit device its unit to read and write, and its trust's library to read only", async () => {
    const org = await makeOrg(db())
    const enrolled = await enrolTablet(db(), 'unit', org.unitA.id)
    const library = libraryScopeId(org.trust.id)
    expect(enrolled).toMatchObject({
      readable: [org.unitA.id, library],
      writable: [org.unitA.id],
      csu: { id: org.csu.id },
      csus: [{ id: org.csu.id }],
    })
    token = enrolled.token
    expect((await device('GET', '/api/device')).body).toMatchObject({
      readable: [org.unitA.id, library],
      writable: [org.unitA.id],
    })
    expect((await pull(library)).status).toBe(200)
    expect((await pull(org.csu.id)).status).toBe(403)
    expect((await pull(org.trust.id)).status).toBe(403)
  })

  it("gives a CSU device its units (new ones too) and its own board's scope, and refuses it elsewhere", async () => {
    const org = await makeOrg(db())
    const enrolled = await enrolTablet(db(), 'csu', org.csu.id)
    const library = libraryScopeId(org.trust.id)
    expect(enrolled.scope).toMatchObject({ kind: 'csu', id: org.csu.id, name: org.csu.name })
    expect(enrolled.writable).toEqual([...sorted([org.unitA.id, org.unitB.id]), org.csu.id])
    expect(enrolled.readable).toEqual([...enrolled.writable, library])
    token = enrolled.token

    // The CSU's own board lives in the CSU's scope.
    const board = mutation(org.csu.id, 'csu-board', { name: { set: 'Medicine CSU board' } }, { table: 'boards' })
    expect((await push([board])).status).toBe(200)
    expect(await idsIn(org.csu.id)).toEqual(['boards/csu-board'])

    const later = await createUnit(db(), { csuId: org.csu.id, name: uniqueName('Ward'), kind: 'ward' })
    const info = (await device('GET', '/api/device')).body as { readable: string[]; writable: string[] }
    expect(info.writable).toEqual([...sorted([org.unitA.id, org.unitB.id, later.id]), org.csu.id])
    expect((await pull(later.id)).status).toBe(200)
    expect((await pull(org.elsewhere.id)).status).toBe(403)
    expect((await pull(org.trust.id)).status).toBe(403)
    expect(
      (await push([mutation(org.elsewhere.csuId, 'other-csu-board', { name: { set: 'No' } }, { table: 'boards' })]))
        .status,
    ).toBe(403)

    // A CSU has no units record: one in its scope would show the CSU as a ward.
    const unitRecord = mutation(org.csu.id, org.csu.id, { name: { set: 'Medicine' } }, { table: 'units' })
    expect(await push([unitRecord])).toMatchObject({
      status: 403,
      body: { error: 'forbidden-scope', details: { scope: org.csu.id, table: 'units' } },
    })
    expect(await idsIn(org.csu.id)).toEqual(['boards/csu-board'])

    // A ward device never sees the CSU board.
    token = (await enrolTablet(db(), 'unit', org.unitA.id)).token
    expect((await pull(org.csu.id)).status).toBe(403)
  })

  it('gives a trust device every unit and CSU of its trust, the trust board and the library to write; no other trust', async () => {
    const org = await makeOrg(db())
    const enrolled = await enrolTablet(db(), 'trust', org.trust.id)
    const library = libraryScopeId(org.trust.id)
    const units = [org.unitA.id, org.unitB.id, org.elsewhere.id]
    const csus = [org.csu.id, org.elsewhere.csuId]
    expect(enrolled.scope).toEqual({ kind: 'trust', id: org.trust.id, name: org.trust.name })
    expect(enrolled.csu).toBeUndefined()
    expect(sorted(enrolled.csus.map((csu) => csu.id))).toEqual(sorted(csus))
    expect(sorted(enrolled.units.map((unit) => unit.id))).toEqual(sorted(units))
    expect(enrolled.readable).toEqual([...sorted(units), ...sorted(csus), org.trust.id, library])
    expect(enrolled.writable).toEqual(enrolled.readable)
    token = enrolled.token

    const edit = mutation(
      library,
      'concept-5s',
      { title: { set: '5S in our sluice rooms' } },
      { table: 'conceptEdits' },
    )
    const trustBoard = mutation(
      org.trust.id,
      'trust-board',
      { name: { set: 'Trust operational huddle' } },
      { table: 'boards' },
    )
    expect((await push([edit, trustBoard])).status).toBe(200)
    expect(await idsIn(org.trust.id)).toEqual(['boards/trust-board'])

    const otherTrust = await createTrust(db(), { name: uniqueName('Other trust') })
    await createCsu(db(), { trustId: otherTrust.id, name: uniqueName('Surgery') })
    expect((await pull(libraryScopeId(otherTrust.id))).status).toBe(403)
    expect((await pull(otherTrust.id)).status).toBe(403)

    // Every device of the trust reads the library; a unit device may not change it.
    token = (await enrolTablet(db(), 'unit', org.unitB.id)).token
    expect(await idsIn(library)).toEqual(['conceptEdits/concept-5s'])
    const before = await currentSeq(db(), library)
    const refused = await push([
      mutation(org.unitB.id, 'fine', { title: { set: 'Fine' } }),
      mutation(library, 'concept-5s', { title: { set: 'Overwritten' } }, { table: 'conceptEdits' }),
    ])
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden-scope', details: { scope: library } } })
    expect(await currentSeq(db(), library)).toBe(before)
    expect(await currentSeq(db(), org.unitB.id)).toBe(1)
  })

  it('issues trust codes through the admin API and refuses an unknown trust', async () => {
    const org = await makeOrg(db())
    adminToken = await adminTokenFor(db())
    const issued = await admin('POST', '/api/admin/codes', { scopeKind: 'trust', scopeId: org.trust.id })
    expect(issued).toMatchObject({
      status: 201,
      body: { scopeKind: 'trust', scopeId: org.trust.id, scopeName: org.trust.name, status: 'active' },
    })
    const enrolled = await device('POST', '/api/enrol', {
      code: (issued.body as { code: string }).code,
      deviceName: 'Improvement office',
    })
    expect(enrolled).toMatchObject({ status: 201, body: { scope: { kind: 'trust', id: org.trust.id } } })
    const devices = (await admin('GET', '/api/admin/devices')).body as {
      scopeKind: string
      scopeName: string
      name: string
    }[]
    expect(devices.find((d) => d.name === 'Improvement office')).toMatchObject({
      scopeKind: 'trust',
      scopeName: org.trust.name,
    })
    expect(await admin('POST', '/api/admin/codes', { scopeKind: 'trust', scopeId: 'nope' })).toMatchObject({
      status: 404,
      body: { message: 'There is no trust with that id.' },
    })
  })
})
