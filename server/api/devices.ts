import rateLimit from '@fastify/rate-limit'
import type { FastifyPluginAsync } from 'fastify'
import { RefusalLog, type RefusalLogSettings } from '../devices/refusals.ts'
import { serverId } from '../devices/settings.ts'
import { RATE_LIMITS, type RateLimits } from '../limits.ts'
import { deviceAccess, DeviceStreams } from './access.ts'
import { adminRoutes } from './admin.ts'
import { deviceRoutes } from './device.ts'
import { exportRoutes } from './export.ts'
import { ideaLinkRoutes } from '../ideaLinks/routes.ts'
import { syncRoutes, type SyncRouteOptions } from './sync.ts'

export { RATE_LIMITS, type RateLimits }

/** How often open event streams check whether another process (the CLI) revoked their device. */
const REVOCATION_CHECK_MS = 5_000

export interface DeviceAccessOptions {
  /** Lower limits for tests. The counts are kept in this process's memory. */
  limits?: Partial<RateLimits>
  revocationCheckMs?: number
  /** A shorter write interval for tests. */
  refusalLog?: Partial<RefusalLogSettings>
}

/**
 * Sync behind device tokens, enrolment, and the admin API. Rate limits count in memory,
 * per server process: with several processes behind one address each allows its own share.
 */
export const deviceAccessRoutes: FastifyPluginAsync<DeviceAccessOptions & { sync: SyncRouteOptions }> = async (
  app,
  options,
) => {
  const { db } = options.sync
  const limits = { ...RATE_LIMITS, ...options.limits }
  const minute = 60_000
  await app.register(rateLimit, { global: false })

  const streams = new DeviceStreams()
  const refusals = new RefusalLog(db, app.log, options.refusalLog).start()
  // Written before the database closes (the caller closes it after the app).
  app.addHook('onClose', () => refusals.close())
  const access = deviceAccess(
    db,
    (keyOf) => app.createRateLimit({ max: limits.syncPerMinute, timeWindow: minute, keyGenerator: keyOf }),
    streams,
    refusals,
  )
  const adminLimiter = app.createRateLimit({
    max: limits.adminPerMinute,
    timeWindow: minute,
    keyGenerator: (request) => `admin:${request.ip}`,
  })
  const enrolLimiter = app.createRateLimit({
    max: limits.enrolPerMinute,
    timeWindow: minute,
    keyGenerator: (request) => `enrol:${request.ip}`,
  })

  const checkRevoked = setInterval(() => {
    streams.endRevoked(db).catch((error: Error) => app.log.warn({ err: error }, 'could not check for revoked devices'))
  }, options.revocationCheckMs ?? REVOCATION_CHECK_MS)
  checkRevoked.unref()
  app.addHook('onClose', async () => clearInterval(checkRevoked))

  await app.register(syncRoutes, {
    ...options.sync,
    authenticate: access.authenticate,
    mayUseScope: access.mayUseScope,
    mayWriteScope: access.mayWriteScope,
    isUnitScope: access.isUnitScope,
    deviceIdOf: access.deviceIdOf,
    serverId: await serverId(db),
    onSynced: access.onSynced,
    onRefused: access.onRefused,
    onStream: access.onStream,
  })
  await app.register(deviceRoutes, { db, access, enrolLimiter })
  await app.register(exportRoutes, { db, access, adminLimiter })
  await app.register(adminRoutes, { prefix: '/admin', db, limiter: adminLimiter, streams, refusals })
  await app.register(ideaLinkRoutes, { db, access, adminLimiter, refusals })
}
