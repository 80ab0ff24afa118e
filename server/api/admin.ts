import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { SyncDb } from '../db/open.ts'
import { issueCode, listCodes, revokeCode } from '../devices/codes.ts'
import { listDevices, revokeDevice } from '../devices/devices.ts'
import { parseInput } from '../devices/errors.ts'
import {
  IdSchema,
  type CodeInput,
  type CsuInput,
  type NameInput,
  type UnitChange,
  type UnitInput,
} from '../devices/inputs.ts'
import { createCsu, createTrust, createUnit, getOrg, renameCsu, renameTrust, updateUnit } from '../devices/org.ts'
import { listRefusals, type RefusalLog } from '../devices/refusals.ts'
import { adminAccess, type DeviceStreams, type Limiter } from './access.ts'
import { useJsonErrors } from './errors.ts'

export interface AdminRouteOptions {
  db: SyncDb
  limiter: Limiter
  streams: DeviceStreams
  refusals: RefusalLog
}

type WithId = FastifyRequest<{ Params: { id: string } }>

/**
 * The improvement office's API (prefix /admin): the organisation, enrolment codes,
 * devices and the access log. Every route needs the admin token. Bodies are checked by
 * the service functions (strict: unknown fields are refused), which the CLI shares.
 */
export const adminRoutes: FastifyPluginAsync<AdminRouteOptions> = async (app, { db, limiter, streams, refusals }) => {
  useJsonErrors(app)
  app.addHook('onRequest', adminAccess(db, limiter, refusals))
  // An id in the path goes straight into a query: one the stores cannot hold (U+0000) is refused here.
  app.addHook('preValidation', async (request) => {
    const { id } = request.params as { id?: unknown }
    if (id !== undefined) parseInput(z.strictObject({ id: IdSchema }), { id })
  })

  app.get('/org', () => getOrg(db))

  app.post('/trusts', async (request, reply) => reply.code(201).send(await createTrust(db, request.body as NameInput)))
  app.patch('/trusts/:id', (request: WithId) => renameTrust(db, request.params.id, request.body as NameInput))

  app.post('/csus', async (request, reply) => reply.code(201).send(await createCsu(db, request.body as CsuInput)))
  app.patch('/csus/:id', (request: WithId) => renameCsu(db, request.params.id, request.body as NameInput))

  app.post('/units', async (request, reply) => reply.code(201).send(await createUnit(db, request.body as UnitInput)))
  app.patch('/units/:id', (request: WithId) => updateUnit(db, request.params.id, request.body as UnitChange))

  app.get('/codes', () => listCodes(db))
  app.post('/codes', async (request, reply) => reply.code(201).send(await issueCode(db, request.body as CodeInput)))
  app.post('/codes/:id/revoke', (request: WithId) => revokeCode(db, request.params.id))

  app.get('/devices', () => listDevices(db))
  app.post('/devices/:id/revoke', async (request: WithId) => {
    const device = await revokeDevice(db, request.params.id)
    // Its next request is refused anyway; an open event stream makes none, so end it now.
    streams.end(device.id)
    return device
  })

  // What is counted but not yet written shows too.
  app.get('/refusals', async () => {
    await refusals.flush()
    return listRefusals(db)
  })
}
