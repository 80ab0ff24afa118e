// GET /api/export/measures: the analysts' export (server/export/measureExport.ts), for a
// device token (only the scopes that device may read, worked out on every request as for
// a pull) or the admin token (every scope). JSON comes in pages of measures; CSV streams
// every page in one response, so Power BI or a script reads it with one request.
import { Readable } from 'node:stream'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { csvCell } from '../../src/domain/csv.ts'
import { isDayKey } from '../../src/domain/dates.ts'
import { syncError } from '../../src/shared/sync/protocol.ts'
import { ID_LIMITS } from '../../src/shared/sync/limits.ts'
import type { SyncDb } from '../db/open.ts'
import { isAdminToken } from '../devices/settings.ts'
import {
  allScopes,
  CSV_COLUMNS,
  csvRowsOf,
  exportPage,
  scopeDirectory,
  type ExportQuery,
} from '../export/measureExport.ts'
import { bearerToken, refuseIfLimited, type DeviceAccess, type Limiter } from './access.ts'

export const EXPORT_PAGE_DEFAULT = 50
export const EXPORT_PAGE_MAX = 200
/** Measures read per step while a CSV streams: each holds one measure's values at a time. */
const CSV_STEP = 25

const day = z.string().refine(isDayKey, 'Give dates as YYYY-MM-DD')
const ExportQuerySchema = z
  .strictObject({
    format: z.enum(['json', 'csv']).default('json'),
    period: z.enum(['day', 'week', 'month']).default('day'),
    scope: z
      .union([z.string().min(1).max(ID_LIMITS.chars), z.array(z.string().min(1).max(ID_LIMITS.chars)).min(1).max(500)])
      .optional(),
    from: day.optional(),
    to: day.optional(),
    after: z.string().min(1).max(ID_LIMITS.chars).optional(),
    limit: z.coerce.number().int().min(1).max(EXPORT_PAGE_MAX).default(EXPORT_PAGE_DEFAULT),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] })

export interface ExportRouteOptions {
  db: SyncDb
  access: DeviceAccess
  adminLimiter: Limiter
}

type Caller = { kind: 'admin' } | { kind: 'device' }

export const exportRoutes: FastifyPluginAsync<ExportRouteOptions> = async (app, { db, access, adminLimiter }) => {
  const callers = new WeakMap<FastifyRequest, Caller>()

  // The admin token first (its own rate limit); anything else is checked as a device token.
  app.addHook('onRequest', async (request, reply) => {
    const token = bearerToken(request.headers.authorization)
    if (token && (await isAdminToken(db, token))) {
      if (await refuseIfLimited(adminLimiter, request, reply)) return reply
      callers.set(request, { kind: 'admin' })
      return
    }
    const answered = await access.authenticate.call(app, request, reply)
    if (reply.sent || answered) return reply
    callers.set(request, { kind: 'device' })
  })

  async function scopesFor(request: FastifyRequest, reply: FastifyReply, asked: string[] | undefined) {
    const caller = callers.get(request)
    if (caller?.kind === 'admin') return asked ?? (await allScopes(db))
    const readable = (await access.readableScopes(request)) ?? []
    if (!asked) return readable
    const refused = asked.filter((scope) => !readable.includes(scope))
    if (refused.length > 0) {
      access.onRefused(request, `forbidden-scope: export ${refused.join(', ')}`)
      await reply.code(403).send(syncError('forbidden-scope'))
      return undefined
    }
    return asked
  }

  app.get('/export/measures', async (request, reply) => {
    const parsed = ExportQuerySchema.safeParse(request.query)
    if (!parsed.success) {
      return reply.code(400).send({
        error: 'invalid-query',
        message: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; '),
      })
    }
    const q = parsed.data
    const asked = q.scope === undefined ? undefined : [q.scope].flat()
    const scopes = await scopesFor(request, reply, asked)
    if (!scopes) return reply
    const query: ExportQuery = {
      scopes,
      period: q.period,
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    }
    const directory = await scopeDirectory(db)
    void reply.header('cache-control', 'no-store')

    if (q.format === 'json') {
      const page = await exportPage(db, query, directory, q.after ?? null, q.limit)
      return reply.send({ generatedAt: new Date().toISOString(), period: q.period, ...page })
    }

    async function* csvLines() {
      yield '\uFEFF' + CSV_COLUMNS.join(',') + '\r\n'
      let after = q.after ?? null
      do {
        const page = await exportPage(db, query, directory, after, CSV_STEP)
        let chunk = ''
        for (const measure of page.measures)
          for (const row of csvRowsOf(measure)) chunk += row.map(csvCell).join(',') + '\r\n'
        if (chunk) yield chunk
        after = page.next
      } while (after !== null)
    }
    const stamp = new Date().toISOString().slice(0, 10)
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="lim-huddle-measures-${q.period}-${stamp}.csv"`)
      .send(Readable.from(csvLines()))
  })
}
