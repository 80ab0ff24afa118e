// What the improvement office does before a tablet can sync, done over the admin API:
// a trust, a CSU, its wards, and one-time enrolment codes.
import type { SyncServer } from './syncServer.ts'

export interface Organisation {
  trustId: string
  csuId: string
  /** Unit ids by name. */
  units: Record<string, string>
}

async function admin<T>(server: SyncServer, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} /api/admin${path} answered ${res.status}: ${text}`)
  return JSON.parse(text) as T
}

export async function createOrganisation(server: SyncServer, unitNames: readonly string[]): Promise<Organisation> {
  const trust = await admin<{ id: string }>(server, 'POST', '/trusts', { name: 'Leeds Teaching Hospitals (test)' })
  const csu = await admin<{ id: string }>(server, 'POST', '/csus', { trustId: trust.id, name: 'Medicine CSU' })
  const units: Record<string, string> = {}
  for (const name of unitNames) {
    units[name] = (await admin<{ id: string }>(server, 'POST', '/units', { csuId: csu.id, name, kind: 'ward' })).id
  }
  return { trustId: trust.id, csuId: csu.id, units }
}

/** A one-time code for one unit (or a whole CSU or trust), as the admin screen shows it. */
export async function issueCode(
  server: SyncServer,
  scopeId: string,
  scopeKind: 'unit' | 'csu' | 'trust' = 'unit',
): Promise<string> {
  const issued = await admin<{ code: string }>(server, 'POST', '/codes', { scopeKind, scopeId, expiresInHours: 24 })
  return issued.code
}

export interface DeviceRow {
  id: string
  name: string
  revokedAt: number | null
}

export async function listDevices(server: SyncServer): Promise<DeviceRow[]> {
  return admin<DeviceRow[]>(server, 'GET', '/devices')
}

export async function revokeDevice(server: SyncServer, deviceId: string): Promise<void> {
  await admin(server, 'POST', `/devices/${deviceId}/revoke`)
}

export interface RefusalRow {
  deviceId: string | null
  method: string
  url: string
  reason: string
}

/** The server's log of refused device and admin requests, newest first. */
export async function listRefusals(server: SyncServer): Promise<RefusalRow[]> {
  return admin<RefusalRow[]>(server, 'GET', '/refusals')
}
