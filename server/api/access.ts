// Who is asking: device tokens for the sync and device routes, the admin token for the
// admin routes, rate limits for both, and the access log of every refusal.
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import { syncError } from '../../src/shared/sync/protocol.ts'
import type { SyncDb } from '../db/open.ts'
import { EVENT_STREAM_LIMITS } from '../limits.ts'
import {
  findDeviceByToken,
  noteDeviceSeen,
  noteDeviceSynced,
  parseOutboxHeader,
  type DeviceRow,
} from '../devices/devices.ts'
import type { RefusalLog } from '../devices/refusals.ts'
import { orgChangesSoFar, scopeName, syncScopesOf, type DeviceScopes } from '../devices/scopes.ts'
import { isAdminToken } from '../devices/settings.ts'

export type Limiter = ReturnType<FastifyInstance['createRateLimit']>

export const ADMIN_UNAUTHORISED_MESSAGE =
  'This needs the admin token. Use the one the server showed when it first started, or make a new one with "npm run admin -- new-admin-token".'

/** `Authorization: Bearer <token>`; anything else is no token. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match?.[1]
}

/** Answers 429 with the sync error body and `retry-after` when `limiter` says this request is one too many. */
export async function refuseIfLimited(
  limiter: Limiter,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const limit = await limiter(request)
  if (limit.isAllowed || !limit.isExceeded) return false
  request.log.warn({ url: request.url, key: limit.key }, 'request refused: rate limit')
  await reply.code(429).header('retry-after', String(limit.ttlInSeconds)).send(syncError('rate-limited'))
  return true
}

function refusalOf(request: FastifyRequest, deviceId: string | null, reason: string) {
  const route = request.routeOptions.url ?? request.url.split('?')[0] ?? ''
  return { deviceId, ip: request.ip, method: request.method, url: request.url, route, reason }
}

/** Each device's open event streams, so revoking a device can end them, and no device holds more than `perDevice`. */
export class DeviceStreams {
  private readonly byDevice = new Map<string, Set<() => void>>()

  constructor(private readonly perDevice: number = EVENT_STREAM_LIMITS.perDevice) {}

  add(deviceId: string, end: () => void): () => void {
    const ends = this.byDevice.get(deviceId) ?? new Set<() => void>()
    // Oldest first (a Set keeps insertion order): the newest stream is the one the tablet reads.
    for (const oldest of [...ends].slice(0, Math.max(0, ends.size - this.perDevice + 1))) {
      ends.delete(oldest)
      oldest()
    }
    ends.add(end)
    this.byDevice.set(deviceId, ends)
    return () => {
      ends.delete(end)
      if (ends.size === 0 && this.byDevice.get(deviceId) === ends) this.byDevice.delete(deviceId)
    }
  }

  end(deviceId: string): void {
    for (const end of [...(this.byDevice.get(deviceId) ?? [])]) end()
  }

  deviceIds(): string[] {
    return [...this.byDevice.keys()]
  }

  /**
   * Ends the streams of devices revoked elsewhere (by the CLI, or another server
   * process): their next request would be refused, but an open stream makes none.
   */
  async endRevoked(db: SyncDb): Promise<void> {
    const ids = this.deviceIds()
    if (ids.length === 0) return
    const revoked = await db
      .selectFrom('devices')
      .select('id')
      .where('id', 'in', ids)
      .where('revoked_at', 'is not', null)
      .execute()
    for (const { id } of revoked) this.end(id)
  }
}

/** How long a device's scopes are kept. A change to the organisation made in this process (a unit added, a
 * device revoked) clears them at once; one made by another process (the CLI) reaches tablets this much later. */
export const DEVICE_SCOPES_CACHE_MS = 2_000
const DEVICE_SCOPES_CACHE_SIZE = 10_000

/**
 * Device tokens, looked up on every request (no cache, so a revocation applies to the
 * very next request). The hooks plug into the sync routes' options.
 */
export function deviceAccess(
  db: SyncDb,
  limiterFor: (keyOf: (request: FastifyRequest) => string) => Limiter,
  streams: DeviceStreams,
  refusals: RefusalLog,
) {
  const devices = new WeakMap<FastifyRequest, DeviceRow>()
  const scopes = new WeakMap<FastifyRequest, Promise<DeviceScopes>>()
  // What each device may sync, worked out from the organisation, kept for a moment: a tablet's push and the pull
  // its poke brings come within milliseconds, and the organisation rarely changes. Only the scopes are kept: the
  // device row (revoked or not) is still read on every request.
  const recentScopes = new Map<string, { at: number; orgChanges: number; scopes: Promise<DeviceScopes> }>()
  // Per device once the token is known, else per address (no token, or an unknown one).
  const limiter = limiterFor((request) => {
    const device = devices.get(request)
    return device ? `device:${device.id}` : `ip:${request.ip}`
  })

  // Counted, not awaited: the refusal goes out without waiting for the log (RefusalLog).
  const refuse = (request: FastifyRequest, deviceId: string | null, reason: string) =>
    refusals.record(refusalOf(request, deviceId, reason))

  const authenticate: onRequestAsyncHookHandler = async (request, reply) => {
    const token = bearerToken(request.headers.authorization)
    const device = token ? await findDeviceByToken(db, token) : undefined
    if (device) devices.set(request, device)
    if (await refuseIfLimited(limiter, request, reply)) return reply
    if (!device) {
      refuse(request, null, token ? 'unauthorised: unknown device token' : 'unauthorised: no device token')
      return reply.code(401).send(syncError('unauthorised'))
    }
    if (device.revoked_at !== null) {
      const name = (await scopeName(db, { kind: device.scope_kind, id: device.scope_id })) ?? 'sync'
      refuse(request, device.id, 'device-revoked')
      return reply.code(403).send({
        ...syncError('device-revoked'),
        message: `This tablet was removed from ${name}. Its changes are kept on it and will be sent once it is enrolled again. Ask your manager to re-enrol it.`,
      })
    }
    await noteDeviceSeen(db, device, Date.now(), parseOutboxHeader(request.headers['x-lim-outbox']))
  }

  /** Looked up once per request. */
  function scopesOf(request: FastifyRequest): Promise<DeviceScopes> | undefined {
    const device = devices.get(request)
    if (!device) return undefined
    let found = scopes.get(request)
    if (!found) {
      const now = Date.now()
      const orgChanges = orgChangesSoFar()
      const recent = recentScopes.get(device.id)
      if (recent && recent.orgChanges === orgChanges && now - recent.at < DEVICE_SCOPES_CACHE_MS) found = recent.scopes
      else {
        found = syncScopesOf(db, { kind: device.scope_kind, id: device.scope_id })
        if (recentScopes.size >= DEVICE_SCOPES_CACHE_SIZE) recentScopes.clear()
        recentScopes.set(device.id, { at: now, orgChanges, scopes: found })
        // A failed lookup is not kept.
        found.catch(() => recentScopes.delete(device.id))
      }
      scopes.set(request, found)
    }
    return found
  }

  return {
    authenticate,
    /** The authenticated device (after `authenticate` has let the request through). */
    deviceOf: (request: FastifyRequest): DeviceRow | undefined => devices.get(request),
    /** Whether the device may pull `scope` now: a CSU device gains units added to its CSU; every device reads its trust's library. */
    mayUseScope: async (request: FastifyRequest, scope: string): Promise<boolean> =>
      (await scopesOf(request))?.readable.includes(scope) ?? false,
    /** Every scope the device may read now (undefined before `authenticate` let it through). */
    readableScopes: async (request: FastifyRequest): Promise<string[] | undefined> =>
      (await scopesOf(request))?.readable,
    /** Whether the device may push to `scope` now: what it reads, less the library unless it is a trust device. */
    mayWriteScope: async (request: FastifyRequest, scope: string): Promise<boolean> =>
      (await scopesOf(request))?.writable.includes(scope) ?? false,
    /** Whether `scope` is one of the device's units: a CSU's, trust's or library scope holds no `units` record. */
    isUnitScope: async (request: FastifyRequest, scope: string): Promise<boolean> =>
      (await scopesOf(request))?.units.includes(scope) ?? false,
    deviceIdOf: (request: FastifyRequest) => devices.get(request)?.id,
    async onSynced(request: FastifyRequest) {
      const device = devices.get(request)
      if (device) await noteDeviceSynced(db, device.id, Date.now())
    },
    onRefused: (request: FastifyRequest, reason: string) => refuse(request, devices.get(request)?.id ?? null, reason),
    onStream(request: FastifyRequest, end: () => void): () => void {
      const device = devices.get(request)
      return device ? streams.add(device.id, end) : () => undefined
    },
  }
}

export type DeviceAccess = ReturnType<typeof deviceAccess>

/** The admin token, checked on every admin request after the admin rate limit. */
export function adminAccess(db: SyncDb, limiter: Limiter, refusals: RefusalLog): onRequestAsyncHookHandler {
  return async (request, reply) => {
    if (await refuseIfLimited(limiter, request, reply)) return reply
    const token = bearerToken(request.headers.authorization)
    if (token && (await isAdminToken(db, token))) return
    refusals.record(
      refusalOf(request, null, token ? 'unauthorised: wrong admin token' : 'unauthorised: no admin token'),
    )
    return reply.code(401).send({ error: 'unauthorised', message: ADMIN_UNAUTHORISED_MESSAGE })
  }
}
