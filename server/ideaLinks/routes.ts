import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { IDEA_TEXT_MAX, newIdeaFields, validateIdea } from '../../src/domain/ideas.ts'
import { findLikelyPatientIdentifiers } from '../../src/domain/pii.ts'
import { LIMITS } from '../../src/domain/validation.ts'
import type { Idea } from '../../src/domain/types.ts'
import { WASTES, WASTE_ID_MAX } from '../../src/domain/wastes.ts'
import { ORG_NAME_MAX } from '../../src/shared/adminLimits.ts'
import type { FieldOp, Mutation } from '../../src/shared/sync/protocol.ts'
import { ID_LIMITS } from '../../src/shared/sync/limits.ts'
import { adminAccess, refuseIfLimited, type DeviceAccess, type Limiter } from '../api/access.ts'
import { useJsonErrors } from '../api/errors.ts'
import type { SyncDb } from '../db/open.ts'
import type { RefusalLog } from '../devices/refusals.ts'
import { hashSecret, newToken } from '../devices/secrets.ts'
import { pushMutations, serverClock } from '../sync/push.ts'

/** How often one address, and one link, may send an idea (per server process). */
export const IDEA_LINK_LIMITS = {
  perAddressPerHour: 20,
  perLinkPerHour: 120,
  /** Reading the link's label (the phone form opening). */
  lookupsPerMinute: 60,
  /** Links one tablet may make per hour. */
  createPerHour: 20,
}

const HOUR = 3_600_000
const MINUTE = 60_000

export interface IdeaLinkRouteOptions {
  db: SyncDb
  access: DeviceAccess
  adminLimiter: Limiter
  refusals: RefusalLog
  limits?: Partial<typeof IDEA_LINK_LIMITS>
}

export interface IdeaLinkView {
  id: string
  unitId: string
  boardId: string
  label: string
  createdAt: number
  revokedAt: number | null
  ideasReceived: number
  lastIdeaAt: number | null
}

const CreateSchema = z.strictObject({
  unitId: z.string().min(1).max(ID_LIMITS.chars),
  boardId: z.string().min(1).max(ID_LIMITS.chars),
  // The ward's name (as the admin or the tablet's set-up named it) or its board's.
  label: z.string().trim().min(1, 'Enter what the link is for').max(ORG_NAME_MAX),
})

// Loose bounds in UTF-16 units (an emoji takes two); validateIdea then counts characters
// against the same limits the tablet's form and the phone's counter use.
const IdeaSchema = z.strictObject({
  problem: z.string().max(IDEA_TEXT_MAX * 2),
  idea: z.string().max(IDEA_TEXT_MAX * 2),
  raisedBy: z
    .string()
    .max(LIMITS.person * 2)
    .optional(),
  wastes: z.array(z.string().max(WASTE_ID_MAX)).max(WASTES.length).optional(),
})

const TokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) })

const GONE_MESSAGE = 'This idea link has been switched off. Ask the ward for the new one.'
const UNKNOWN_MESSAGE = 'This idea link is not recognised. Check the address, or ask the ward for the poster.'

/**
 * Idea links: a ward's tablet makes one (device token), a phone with the link reads its
 * label and sends an idea (no enrolment, nothing read back), the admin lists and revokes
 * them. An idea arrives as a sync record in the ward's scope, so tablets pull it like any
 * other change. Free text with patient details is refused by the server, not only warned.
 */
export const ideaLinkRoutes: FastifyPluginAsync<IdeaLinkRouteOptions> = async (app, options) => {
  const { db, access } = options
  const limits = { ...IDEA_LINK_LIMITS, ...options.limits }
  useJsonErrors(app)

  const createLimiter = app.createRateLimit({
    max: limits.createPerHour,
    timeWindow: HOUR,
    keyGenerator: (request) => `idea-link-create:${access.deviceIdOf(request) ?? request.ip}`,
  })
  const lookupLimiter = app.createRateLimit({
    max: limits.lookupsPerMinute,
    timeWindow: MINUTE,
    keyGenerator: (request) => `idea-link-lookup:${request.ip}`,
  })
  const addressLimiter = app.createRateLimit({
    max: limits.perAddressPerHour,
    timeWindow: HOUR,
    keyGenerator: (request) => `idea-link-send:${request.ip}`,
  })
  const linkLimiter = app.createRateLimit({
    max: limits.perLinkPerHour,
    timeWindow: HOUR,
    keyGenerator: (request) => `idea-link-send:${(request.params as { token?: string }).token ?? ''}`,
  })

  // ── the ward's tablet makes a link ──────────────────────────────────────────────
  app.post('/idea-links', { onRequest: access.authenticate }, async (request, reply) => {
    if (await refuseIfLimited(createLimiter, request, reply)) return reply
    const parsed = CreateSchema.safeParse(request.body)
    if (!parsed.success) return reply.code(400).send(invalid(parsed.error))
    const { unitId, boardId, label } = parsed.data
    if (!(await access.isUnitScope(request, unitId)) || !(await access.mayWriteScope(request, unitId)))
      return reply
        .code(403)
        .send({ error: 'forbidden', message: 'This tablet cannot make an idea link for that ward.' })
    const token = newToken()
    const id = randomUUID()
    await db
      .insertInto('idea_links')
      .values({
        id,
        token_hash: hashSecret(token),
        unit_id: unitId,
        board_id: boardId,
        label,
        created_at: Date.now(),
        created_by_device: access.deviceIdOf(request) ?? null,
        revoked_at: null,
        last_idea_at: null,
      })
      .execute()
    return reply.code(201).send({ id, token, label })
  })

  // ── a phone with the link ───────────────────────────────────────────────────────
  async function linkOf(request: FastifyRequest, reply: FastifyReply) {
    const params = TokenParams.safeParse(request.params)
    if (!params.success) {
      await reply.code(404).send({ error: 'unknown-link', message: UNKNOWN_MESSAGE })
      return undefined
    }
    const link = await db
      .selectFrom('idea_links')
      .selectAll()
      .where('token_hash', '=', hashSecret(params.data.token))
      .executeTakeFirst()
    if (!link) {
      // The token itself is never logged: it is what lets a phone write to the ward.
      options.refusals.record({
        deviceId: null,
        ip: request.ip,
        method: request.method,
        url: request.routeOptions.url ?? '',
        route: request.routeOptions.url ?? '',
        reason: 'unknown idea link',
      })
      await reply.code(404).send({ error: 'unknown-link', message: UNKNOWN_MESSAGE })
      return undefined
    }
    if (link.revoked_at !== null) {
      await reply.code(410).send({ error: 'link-revoked', message: GONE_MESSAGE })
      return undefined
    }
    return link
  }

  app.get('/idea-links/:token', async (request, reply) => {
    if (await refuseIfLimited(lookupLimiter, request, reply)) return reply
    const link = await linkOf(request, reply)
    if (!link) return reply
    // The label the ward chose, and nothing else: the link reads nothing of the board.
    return { label: link.label }
  })

  app.post('/idea-links/:token/ideas', async (request, reply) => {
    if (await refuseIfLimited(addressLimiter, request, reply)) return reply
    if (await refuseIfLimited(linkLimiter, request, reply)) return reply
    const link = await linkOf(request, reply)
    if (!link) return reply
    const parsed = IdeaSchema.safeParse(request.body)
    if (!parsed.success) return reply.code(400).send(invalid(parsed.error))
    const input = { ...parsed.data, raisedBy: parsed.data.raisedBy?.trim() || null }
    const errors = validateIdea(input)
    if (Object.keys(errors).length > 0)
      return reply.code(422).send({ error: 'invalid-idea', message: Object.values(errors)[0], fields: errors })
    const patient = Object.entries({ problem: input.problem, idea: input.idea, raisedBy: input.raisedBy ?? '' })
      .map(([field, text]) => ({ field, finding: findLikelyPatientIdentifiers(text)[0] }))
      .filter((found) => found.finding !== undefined)
    if (patient.length > 0)
      return reply.code(422).send({
        error: 'patient-details',
        message: `This seems to include ${patient[0]!.finding!.message}. Ideas are seen by the whole ward: take out anything that could identify a patient and send it again.`,
        fields: Object.fromEntries(patient.map((found) => [found.field, found.finding!.message])),
      })

    const now = new Date()
    const by = input.raisedBy ?? 'Idea link'
    const record: Omit<Idea, 'id' | 'unitId'> = {
      boardId: link.board_id,
      ...newIdeaFields(input, now),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      updatedBy: by,
    }
    const fields: Record<string, FieldOp> = Object.fromEntries(
      Object.entries(record).map(([name, value]) => [name, { set: value as never }]),
    )
    const mutation: Mutation = {
      mutationId: randomUUID(),
      table: 'ideas',
      recordId: randomUUID(),
      scope: link.unit_id,
      hlc: serverClock().tick(),
      by,
      fields,
    }
    await pushMutations(db, [mutation], { deviceId: `idea-link:${link.id}`, now: now.getTime() })
    await db
      .updateTable('idea_links')
      .set((eb) => ({ ideas_received: eb('ideas_received', '+', 1), last_idea_at: now.getTime() }))
      .where('id', '=', link.id)
      .execute()
    return reply.code(201).send({ received: true })
  })

  // ── the improvement office ──────────────────────────────────────────────────────
  await app.register(async (admin) => {
    admin.addHook('onRequest', adminAccess(db, options.adminLimiter, options.refusals))
    admin.get('/admin/idea-links', async (): Promise<IdeaLinkView[]> => {
      const rows = await db.selectFrom('idea_links').selectAll().orderBy('created_at', 'desc').execute()
      return rows.map((row) => ({
        id: row.id,
        unitId: row.unit_id,
        boardId: row.board_id,
        label: row.label,
        createdAt: Number(row.created_at),
        revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
        ideasReceived: Number(row.ideas_received),
        lastIdeaAt: row.last_idea_at === null ? null : Number(row.last_idea_at),
      }))
    })
    admin.post('/admin/idea-links/:id/revoke', async (request, reply) => {
      const { id } = request.params as { id: string }
      const result = await db
        .updateTable('idea_links')
        .set({ revoked_at: Date.now() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) {
        const exists = await db.selectFrom('idea_links').select('id').where('id', '=', id).executeTakeFirst()
        if (!exists) return reply.code(404).send({ error: 'not-found', message: 'No such idea link.' })
      }
      return { id, revoked: true }
    })
  })
}

function invalid(error: z.ZodError) {
  return {
    error: 'invalid-payload',
    message: 'That was not accepted: some fields are missing or too long.',
    details: { issues: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) },
  }
}
