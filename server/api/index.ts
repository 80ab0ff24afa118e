import type { FastifyPluginAsync } from 'fastify'
import { deviceAccessRoutes, type DeviceAccessOptions } from './devices.ts'
import { databaseReadiness } from '../readiness.ts'
import { healthRoutes } from './health.ts'
import { syncRoutes, type SyncRouteOptions } from './sync.ts'

export interface AppSyncOptions extends SyncRouteOptions {
  /**
   * Device tokens, enrolment and the admin API (server/main.ts always sets this). Without
   * it the sync routes are open to anyone: only tests of the push and pull core do that.
   */
  devices?: DeviceAccessOptions
}

export interface ApiOptions {
  version: string
  /** The sync database and its live-update notifier; without them there are no /api/sync routes. */
  sync?: AppSyncOptions
}

/**
 * Everything under /api. Each feature registers its routes here as its own plugin, so
 * the sync routes (and their database) can be added without touching static serving.
 */
export const apiRoutes: FastifyPluginAsync<ApiOptions> = async (app, options) => {
  await app.register(healthRoutes, {
    version: options.version,
    ...(options.sync ? { ready: databaseReadiness(options.sync.db) } : {}),
  })
  if (options.sync) {
    const { devices, ...sync } = options.sync
    if (devices) await app.register(deviceAccessRoutes, { ...devices, sync })
    else await app.register(syncRoutes, sync)
  }

  // Unknown API paths answer in JSON: the client parses every /api response, and the
  // SPA fallback's index.html would look like a successful reply.
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: 'Not found', path: request.url })
  })
}
