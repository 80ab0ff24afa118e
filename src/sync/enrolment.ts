// This tablet's enrolment, kept in Dexie meta (`sync.enrolment`): the device token,
// which server issued it and the units it may sync. Written when a code is accepted and
// refreshed from GET /api/device at the start of every sync round. The trust and CSU
// rows it names are local-only tables, so they are written here rather than pulled.
import { z } from 'zod'
import { SYNC_META, type HuddleDatabase } from '@/db/db'
import { canonicalJson } from '@/shared/sync/json'
import type { Csu, Trust } from '@/domain/types'
import {
  EnrolledUnitSchema, EnrolmentScopeSchema,
  type DeviceInfo, type EnrolResponse,
} from './transport-types'

const NamedSchema = z.object({ id: z.string().min(1), name: z.string() })

export const EnrolmentSchema = z.object({
  deviceId: z.string().min(1),
  token: z.string().min(1),
  serverId: z.string().min(1),
  /** What this tablet is called on the admin screen. */
  name: z.string(),
  scope: EnrolmentScopeSchema,
  trust: NamedSchema,
  csu: NamedSchema.extend({ trustId: z.string() }),
  units: z.array(EnrolledUnitSchema),
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

/** The stored enrolment, or undefined when there is none (or it is unreadable, which
 * must read as "not enrolled" rather than break sync). */
export async function readEnrolment(database: HuddleDatabase): Promise<Enrolment | undefined> {
  const row = await database.meta.get(SYNC_META.enrolment)
  const parsed = EnrolmentSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : undefined
}

/** Trust and CSU names above the enrolled units: local rows, kept in step with the server. */
async function putOrganisation(database: HuddleDatabase, info: Pick<Enrolment, 'trust' | 'csu'>, at: string): Promise<void> {
  const [trust, csu] = await Promise.all([database.trusts.get(info.trust.id), database.csus.get(info.csu.id)])
  const nextTrust: Trust = { id: info.trust.id, name: info.trust.name, createdAt: trust?.createdAt ?? at }
  const nextCsu: Csu = { id: info.csu.id, trustId: info.csu.trustId || info.trust.id, name: info.csu.name, createdAt: csu?.createdAt ?? at }
  await Promise.all([database.trusts.put(nextTrust), database.csus.put(nextCsu)])
}

async function resetCursors(database: HuddleDatabase): Promise<void> {
  await database.meta.where('key').startsWith(SYNC_META.cursorPrefix).delete()
}

/** Store a new enrolment (replacing any earlier one) in one transaction. */
export async function saveEnrolment(database: HuddleDatabase, response: EnrolResponse, deviceName: string, now = new Date()): Promise<Enrolment> {
  const enrolment: Enrolment = {
    deviceId: response.deviceId, token: response.token, serverId: response.serverId, name: deviceName.trim(),
    scope: response.scope, trust: response.trust, csu: response.csu, units: response.units, enrolledAt: now.toISOString(),
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
export async function refreshEnrolment(database: HuddleDatabase, info: DeviceInfo, now = new Date()): Promise<RefreshedEnrolment | undefined> {
  return database.transaction('rw', [database.meta, database.trusts, database.csus], async () => {
    const before = await readEnrolment(database)
    if (!before) return undefined
    const serverChanged = before.serverId !== info.serverId
    const enrolment: Enrolment = {
      ...before, deviceId: info.deviceId, serverId: info.serverId, name: info.name,
      scope: info.scope, trust: info.trust, csu: info.csu, units: info.units,
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
  /** Unsent changes this tablet will send (in its enrolled units). */
  pendingCount: number
  /** When the oldest of them was made, ms since epoch (0 when there are none). */
  oldestPendingMs: number
}

/** What every request to the server carries: the device token and how much is waiting. */
export async function deviceCredentials(database: HuddleDatabase): Promise<DeviceCredentials> {
  return database.transaction('r', [database.meta, database.outbox], async () => {
    const enrolment = await readEnrolment(database)
    if (!enrolment) return { pendingCount: 0, oldestPendingMs: 0 }
    const units = enrolledUnitIds(enrolment)
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
