import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { jsonDepthExceeds } from '../src/shared/sync/json.ts'
import { apiRoutes, type AppSyncOptions } from './api/index.ts'
import { REQUEST_LIMITS } from './limits.ts'
import { registerSpa } from './spa.ts'

export interface AppOptions {
  /** The built PWA to serve (absolute path to Vite's dist/). */
  distDir: string
  /** Reported by /api/health. */
  version: string
  logger?: FastifyServerOptions['logger']
  /** The sync database (already migrated) and notifier, and device access. The caller opens and closes them. */
  sync?: AppSyncOptions
}

/** A 400 that each route family's error handler words in its own way (sync, admin, enrolment). */
function badRequest(message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode: 400 })
}

/** The whole server without listening, so tests can drive it with `app.inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false })

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff')
  })
  // Before any route reads a body: code that walks a value (zod, Number(), a merge) could
  // otherwise overflow the stack on one nested ten thousand deep and answer 500.
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && jsonDepthExceeds(request.body, REQUEST_LIMITS.jsonDepth)) {
      throw badRequest(`Values may be nested at most ${REQUEST_LIMITS.jsonDepth} deep`)
    }
  })

  await app.register(apiRoutes, { prefix: '/api', version: options.version, sync: options.sync })
  await registerSpa(app, { root: options.distDir })
  return app
}
