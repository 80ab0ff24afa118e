import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { jsonDepthExceeds } from '../src/shared/sync/json.ts'
import { apiRoutes, type AppSyncOptions } from './api/index.ts'
import { registerCompression } from './compression.ts'
import type { TrustProxy } from './config.ts'
import { REQUEST_LIMITS, TIMEOUTS } from './limits.ts'
import { useSecurityHeaders } from './securityHeaders.ts'
import { registerSpa } from './spa.ts'

export interface AppOptions {
  /** The built PWA to serve (absolute path to Vite's dist/). */
  distDir: string
  /** Reported by /api/health. */
  version: string
  logger?: FastifyServerOptions['logger']
  /** The sync database (already migrated) and notifier, and device access. The caller opens and closes them. */
  sync?: AppSyncOptions
  /** Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (config.ts TRUST_PROXY). */
  trustProxy?: TrustProxy
  /** Shorter request timeouts for tests. */
  timeouts?: Partial<typeof TIMEOUTS>
}

/** A 400 that each route family's error handler words in its own way (sync, admin, enrolment). */
function badRequest(message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode: 400 })
}

/** The whole server without listening, so tests can drive it with `app.inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const timeouts = { ...TIMEOUTS, ...options.timeouts }
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // A client that sends its headers or body a byte at a time is answered 408 and cut off,
    // instead of holding a connection for ever. Event streams are unaffected: their request
    // is complete at once, and the response is what stays open.
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
  })

  useSecurityHeaders(app)
  // Before any route reads a body: code that walks a value (zod, Number(), a merge) could
  // otherwise overflow the stack on one nested ten thousand deep and answer 500.
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && jsonDepthExceeds(request.body, REQUEST_LIMITS.jsonDepth)) {
      throw badRequest(`Values may be nested at most ${REQUEST_LIMITS.jsonDepth} deep`)
    }
  })

  await registerCompression(app)
  await app.register(apiRoutes, { prefix: '/api', version: options.version, sync: options.sync })
  await registerSpa(app, { root: options.distDir })
  return app
}
