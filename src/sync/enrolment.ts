// This tablet's enrolment, kept in Dexie meta (`sync.enrolment`): the device token,
// which server issued it, the units it covers and the sync scopes it may pull and push. Written when a code is accepted and
// refreshed from GET /api/device at the start of every sync round. The trust and CSU
// rows it names are local-only tables, so they are written here rather than pulled.
import { z } from 'zod'
import { SYNC_META, type HuddleDatabase } from '@/db/db'
import { canonicalJson } from '@/shared/sync/json'
import { writableScopeIds } from './enrolmentScopes'
import type { Csu, Trust } from '@/domain/types'
import {
  EnrolledCsuSchema,
  EnrolledUnitSchema,
  EnrolmentScopeSchema,
  type DeviceInfo,
  type EnrolledCsu,
  type EnrolResponse,
} from './transport-types'

const NamedSchema = z.object({ id: z.string().min(1), name: z.string() })
const ScopeIdsSchema = z.array(z.string().min(1))

export const EnrolmentSchema = z.object({
  deviceId: z.string().min(1),
  token: z.string().min(1),
  serverId: z.string().min(1),
  /** What this tablet is called on the admin screen. */
  name: z.string(),
  scope: EnrolmentScopeSchema,
  trust: NamedSchema,
  /** A unit or CSU tablet's CSU (absent for a trust tablet, which covers several). */
  csu: EnrolledCsuSchema.optional(),
  csus: z.array(EnrolledCsuSchema).optional(),
  units: z.array(EnrolledUnitSchema),
  /** Absent in enrolments stored before tiers: then the units are the scopes. */
  readable: ScopeIdsSchema.optional(),
  writable: ScopeIdsSchema.optional(),
  enrolledAt: z.string(),
})
export type Enrolment = z.infer<typeof EnrolmentSchema>

/** Demo data is made up and local-only: it never syncs and is never offered for sharing. */
export function isDemoId(id: string): boolean {
  return id.startsWith('demo-')
}

export function enrolledUnitIds(enrolment: Enrolment | undefined): Set<string> {
  return new Set(enrolment?.units.map((unit) => unit.id) ?? [])
}

export { readableScopeIds, writableScopeIds } from './enrolmentScopes'

/** The CSUs the enrolment covers: those the server listed, or the one CSU of an older enrolment. */
function enrolledCsus(enrolment: Pick<Enrolment, 'csu' | 'csus'> | undefined): EnrolledCsu[] {
  return enrolment?.csus ?? (enrolment?.csu ? [enrolment.csu] : [])
}

/** The stored enrolment, or undefined when there is none (or it is unreadable, which
 * must read as "not enrolled" rather than break sync). */
export async function readEnrolment(database: HuddleDatabase): Promise<Enrolment | undefined> {
  const row = await database.meta.get(SYNC_META.enrolment)
  const parsed = EnrolmentSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : undefined
}

/** Trust and CSU names above the enrolled units: local rows, kept in step with the server. */
async function putOrganisation(
  database: HuddleDatabase,
  info: Pick<Enrolment, 'trust' | 'csu' | 'csus'>,
  at: string,
): Promise<void> {
  const csus = enrolledCsus(info)
  const [trust, ...stored] = await Promise.all([
    database.trusts.get(info.trust.id),
    ...csus.map((csu) => database.csus.get(csu.id)),
  ])
  const nextTrust: Trust = { id: info.trust.id, name: info.trust.name, createdAt: trust?.createdAt ?? at }
  const nextCsus = csus.map((csu, i): Csu => ({
    id: csu.id,
    trustId: csu.trustId || info.trust.id,
    name: csu.name,
    createdAt: stored[i]?.createdAt ?? at,
  }))
  await Promise.all([database.trusts.put(nextTrust), database.csus.bulkPut(nextCsus)])
}

/** What the server said, as stored: optional parts it did not send are left out, not stored as undefined. */
function scopePartsOf(info: Pick<DeviceInfo, 'scope' | 'trust' | 'csu' | 'csus' | 'units' | 'readable' | 'writable'>) {
  return {
    scope: info.scope,
    trust: info.trust,
    units: info.units,
    ...(info.csu ? { csu: info.csu } : {}),
    ...(info.csus ? { csus: info.csus } : {}),
    ...(info.readable ? { readable: info.readable } : {}),
    ...(info.writable ? { writable: info.writable } : {}),
  }
}

async function resetCursors(database: HuddleDatabase): Promise<void> {
  await database.meta.where('key').startsWith(SYNC_META.cursorPrefix).delete()
  await database.meta.where('key').startsWith(SYNC_META.markPrefix).delete()
  await database.meta.where('key').startsWith(SYNC_META.pushedPrefix).delete()
}

/** Store a new enrolment (replacing any earlier one) in one transaction. */
export async function saveEnrolment(
  database: HuddleDatabase,
  response: EnrolResponse,
  deviceName: string,
  now = new Date(),
): Promise<Enrolment> {
  const enrolment: Enrolment = {
    deviceId: response.deviceId,
    token: response.token,
    serverId: response.serverId,
    name: deviceName.trim(),
    ...scopePartsOf(response),
    enrolledAt: now.toISOString(),
  }
  await database.transaction('rw', [database.meta, database.trusts, database.csus], async () => {
    const before = await readEnrolment(database)
    // Cursors count another server's sequence numbers: useless here.
    if (before && before.serverId !== enrolment.serverId) await resetCursors(database)
    await database.meta.put({ key: SYNC_META.enrolment, value: enrolment })
    await putOrganisation(database, enrolment, enrolment.enrolledAt)
  })
  return enrolment
}

export interface RefreshedEnrolment {
  enrolment: Enrolment
  /** The server answered with another id than it enrolled this tablet with: a different
   * server (or a restored one). Pull cursors were reset, so everything is pulled again. */
  serverChanged: boolean
}

/** Bring the stored enrolment up to date with GET /api/device (the token is kept). */
export async function refreshEnrolment(
  database: HuddleDatabase,
  info: DeviceInfo,
  now = new Date(),
): Promise<RefreshedEnrolment | undefined> {
  return database.transaction('rw', [database.meta, database.trusts, database.csus], async () => {
    const before = await readEnrolment(database)
    if (!before) return undefined
    const serverChanged = before.serverId !== info.serverId
    const { csu: _csu, csus: _csus, readable: _readable, writable: _writable, ...kept } = before
    const enrolment: Enrolment = {
      ...kept,
      deviceId: info.deviceId,
      serverId: info.serverId,
      name: info.name,
      ...scopePartsOf(info),
    }
    // Every round asks the server; usually nothing has changed, and then nothing is written.
    if (canonicalJson(before) === canonicalJson(enrolment)) return { enrolment, serverChanged }
    if (serverChanged) await resetCursors(database)
    await database.meta.put({ key: SYNC_META.enrolment, value: enrolment })
    await putOrganisation(database, enrolment, now.toISOString())
    return { enrolment, serverChanged }
  })
}

export interface DeviceCredentials {
  token?: string
  /** Unsent changes this tablet will send (in the scopes it may write). */
  pendingCount: number
  /** When the oldest of them was made, ms since epoch (0 when there are none). */
  oldestPendingMs: number
}

/** What every request to the server carries: the device token and how much is waiting. */
export async function deviceCredentials(database: HuddleDatabase): Promise<DeviceCredentials> {
  return database.transaction('r', [database.meta, database.outbox], async () => {
    const enrolment = await readEnrolment(database)
    if (!enrolment) return { pendingCount: 0, oldestPendingMs: 0 }
    const units = writableScopeIds(enrolment)
    let pendingCount = 0
    let oldestPendingMs = 0
    await database.outbox.each((entry) => {
      if (!units.has(entry.unitId)) return
      pendingCount += 1
      const at = Date.parse(entry.at)
      if (Number.isFinite(at) && (oldestPendingMs === 0 || at < oldestPendingMs)) oldestPendingMs = at
    })
    return { token: enrolment.token, pendingCount, oldestPendingMs }
  })
}

/** The `x-lim-outbox` header value: `<pendingCount>,<oldestPendingMs or 0>`. */
export function outboxHeader({ pendingCount, oldestPendingMs }: DeviceCredentials): string {
  return `${pendingCount},${oldestPendingMs}`
}
