// A record of every refused device, sync or admin request (401/403), for the
// improvement office to see who is knocking: a stolen tablet that was revoked, a
// device reaching for a ward it was not enrolled for, a wrong admin token.
import type { FastifyBaseLogger } from 'fastify'
import type { SyncDb } from '../db/open.ts'

export interface Refusal {
  deviceId: string | null
  ip: string
  method: string
  url: string
  reason: string
}

export interface RefusalView extends Refusal {
  id: number
  at: number
}

const URL_MAX = 500
export const REFUSALS_LISTED = 100

/** Logs at warn and stores the refusal. A failure to store is logged, never thrown: the refusal itself still goes out. */
export async function logRefusal(
  db: SyncDb,
  log: FastifyBaseLogger,
  refusal: Refusal,
  now = Date.now(),
): Promise<void> {
  log.warn({ refusal }, 'request refused')
  try {
    const { deviceId, ip, method, url, reason } = refusal
    await db
      .insertInto('access_refusals')
      .values({ at: now, device_id: deviceId, ip, method, url: url.slice(0, URL_MAX), reason })
      .execute()
  } catch (error) {
    log.error({ err: error }, 'could not store an access refusal')
  }
}

/** The latest refusals, newest first. */
export async function listRefusals(db: SyncDb, limit = REFUSALS_LISTED): Promise<RefusalView[]> {
  const rows = await db
    .selectFrom('access_refusals')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: Number(row.id),
    at: Number(row.at),
    deviceId: row.device_id,
    ip: row.ip,
    method: row.method,
    url: row.url,
    reason: row.reason,
  }))
}
