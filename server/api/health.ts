import type { FastifyPluginAsync } from 'fastify'
import type { Readiness } from '../readiness.ts'

export interface HealthOptions {
  version: string
  /** Whether the sync database answers (readiness.ts); without a database the server is ready when it is up. */
  ready?: () => Promise<Readiness>
}

export const NOT_READY_MESSAGE =
  'The sync server cannot reach its database. Tablets keep their changes and send them when it is back.'

/**
 * /health: liveness, for the tablet to tell "server down" from "no network" and for a process
 * supervisor. /ready: readiness, for a load balancer or monitor (503 while the database fails).
 */
export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, { version, ready }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.get('/health', async () => ({ ok: true, version }))

  app.get('/ready', async (request, reply) => {
    const state = ready ? await ready() : ({ ready: true } as const)
    if (state.ready) return { ready: true, version }
    // The reason goes to the log, not to whoever asked: it can name tables and hosts.
    request.log.error({ reason: state.reason }, 'not ready: the sync database does not answer')
    return reply.code(503).send({ ready: false, version, error: 'not-ready', message: NOT_READY_MESSAGE })
  })
}
