import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { apiRoutes, type AppSyncOptions } from './api/index.ts'
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

/** The whole server without listening, so tests can drive it with `app.inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false })

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff')
  })

  await app.register(apiRoutes, { prefix: '/api', version: options.version, sync: options.sync })
  await registerSpa(app, { root: options.distDir })
  return app
}
