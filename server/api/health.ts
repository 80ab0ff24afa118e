import type { FastifyPluginAsync } from 'fastify'

export interface HealthOptions {
  version: string
}

/** For uptime checks and for the tablet to tell "server down" from "no network". */
export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, { version }) => {
  app.get('/health', async () => ({ ok: true, version }))
}
