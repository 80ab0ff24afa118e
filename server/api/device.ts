import type { FastifyPluginAsync } from 'fastify'
import type { SyncDb } from '../db/open.ts'
import { describeDevice, enrolDevice } from '../devices/devices.ts'
import { ServiceError } from '../devices/errors.ts'
import type { EnrolInput } from '../devices/inputs.ts'
import { refuseIfLimited, type DeviceAccess, type Limiter } from './access.ts'
import { useJsonErrors } from './errors.ts'

export interface DeviceRouteOptions {
  db: SyncDb
  access: DeviceAccess
  /** Enrolment attempts, per address: codes are short enough that guessing must be slow. */
  enrolLimiter: Limiter
}

/** POST /enrol (a one-time code for a device token) and GET /device (what this tablet may sync now). */
export const deviceRoutes: FastifyPluginAsync<DeviceRouteOptions> = async (app, { db, access, enrolLimiter }) => {
  useJsonErrors(app)

  app.post(
    '/enrol',
    {
      onRequest: async (request, reply) => {
        if (await refuseIfLimited(enrolLimiter, request, reply)) return reply
      },
    },
    async (request, reply) => {
      try {
        return reply.code(201).send(await enrolDevice(db, request.body as EnrolInput))
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'invalid-code')
          request.log.warn({ ip: request.ip }, 'enrolment refused: invalid code')
        throw error
      }
    },
  )

  app.get('/device', { onRequest: access.authenticate }, async (request) => {
    const device = access.deviceOf(request)
    if (!device) throw new Error('GET /device ran without an authenticated device')
    return describeDevice(db, device)
  })
}
