// An organisation, an admin token and enrolled tablets for the device and admin tests.
import type { FastifyInstance, InjectOptions } from 'fastify'
import { expect } from 'vitest'
import type { SyncDb } from '../../server/db/open.ts'
import { issueCode } from '../../server/devices/codes.ts'
import { enrolDevice } from '../../server/devices/devices.ts'
import {
  createCsu,
  createTrust,
  createUnit,
  type CsuView,
  type TrustView,
  type UnitView,
} from '../../server/devices/org.ts'
import { newAdminToken } from '../../server/devices/settings.ts'

let counter = 0
/** Names unique within a run, so tests sharing one database never collide. */
export const uniqueName = (stem: string) => `${stem} ${++counter}`

export interface TestOrg {
  trust: TrustView
  csu: CsuView
  /** Two units of `csu`. */
  unitA: UnitView
  unitB: UnitView
  /** A unit of another CSU. */
  elsewhere: UnitView
}

export async function makeOrg(db: SyncDb): Promise<TestOrg> {
  const trust = await createTrust(db, { name: uniqueName('Leeds Teaching Hospitals') })
  const csu = await createCsu(db, { trustId: trust.id, name: uniqueName('Medicine') })
  const other = await createCsu(db, { trustId: trust.id, name: uniqueName('Surgery') })
  return {
    trust,
    csu,
    unitA: await createUnit(db, { csuId: csu.id, name: uniqueName('Ward'), kind: 'ward' }),
    unitB: await createUnit(db, { csuId: csu.id, name: uniqueName('Discharge lounge'), kind: 'department' }),
    elsewhere: await createUnit(db, { csuId: other.id, name: uniqueName('Ward'), kind: 'ward' }),
  }
}

/** Enrols a tablet for a unit, a whole CSU or a whole trust, through the service functions. */
export async function enrolTablet(
  db: SyncDb,
  scopeKind: 'unit' | 'csu' | 'trust',
  scopeId: string,
  name = uniqueName('Tablet'),
) {
  const { code } = await issueCode(db, { scopeKind, scopeId })
  return enrolDevice(db, { code, deviceName: name })
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** `app.inject` with a token, returning status and parsed JSON. */
export function caller(app: () => FastifyInstance, token: () => string | undefined) {
  return async (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const current = token()
    const res = await app().inject({
      method,
      url,
      headers: { ...(current ? bearer(current) : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
    // res.json() is `any`: each test states the shape it expects.
    return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers }
  }
}

export async function adminTokenFor(db: SyncDb): Promise<string> {
  return newAdminToken(db)
}

export function expectUuidV7(id: unknown): void {
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
}
