import type { ServerResponse } from 'node:http'
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import { z } from 'zod'
import {
  checkProtocol,
  MIN_SUPPORTED_PROTOCOL,
  parsePullRequest,
  parsePushBatch,
  parsePushRequest,
  PER_MUTATION_OUTCOMES_SINCE,
  PROTOCOL_VERSION,
  refusal,
  RESTORE_SAFE_SINCE,
  PUSH_MAX_BYTES,
  SYNC_ERROR_STATUS,
  syncError,
  type Mutation,
  type PullResponse,
  type PushResponse,
  type Refusal,
  type SyncErrorCode,
} from '../../src/shared/sync/protocol.ts'
import type { SyncDb } from '../db/open.ts'
import { EVENT_STREAM_LIMITS } from '../limits.ts'
import { ID_LIMITS } from '../../src/shared/sync/limits.ts'
import { isOpenLibraryWrite } from '../../src/shared/sync/scopes.ts'
import type { ScopeNotifier } from '../sync/notifier.ts'
import { countAfter, currentSeq, knowsCursor, pullRecords } from '../sync/pull.ts'
import { ForbiddenRecordError, pushMutations } from '../sync/push.ts'

export interface SyncRouteOptions {
  db: SyncDb
  notifier: ScopeNotifier
  /** Largest push body in bytes (default: the shared batch limit plus room for the envelope). */
  bodyLimit?: number
  /** Runs first on every sync route, before the body is read: where device tokens are checked. */
  authenticate?: onRequestAsyncHookHandler
  /** Whether the request's device may read `scope` (pull, events). */
  mayUseScope?: (request: FastifyRequest, scope: string) => boolean | Promise<boolean>
  /** Whether it may change `scope` (push); default: whatever it may read. */
  mayWriteScope?: (request: FastifyRequest, scope: string) => boolean | Promise<boolean>
  /** Whether `scope` is a unit's (a `units` record may live nowhere else); default: any scope. */
  isUnitScope?: (request: FastifyRequest, scope: string) => boolean | Promise<boolean>
  /** The device recorded with each applied mutation (default: the `deviceId` the push names). */
  deviceIdOf?: (request: FastifyRequest) => string | undefined
  /** Sent with every pull page, so a tablet can tell this server from another one. */
  serverId?: string
  /** Told after a pull page that reaches the end (`hasMore: false`). A push records the device's "last synced"
   * itself, in its own transaction (`deviceIdOf`). */
  onSynced?: (request: FastifyRequest) => Promise<void> | void
  /** Told of every forbidden-scope refusal, with the reason, for the access log. */
  onRefused?: (request: FastifyRequest, reason: string) => Promise<void> | void
  /** Told when an event stream opens, with a way to end it (a revoked device); returns what to call when it closes. */
  onStream?: (request: FastifyRequest, end: () => void) => () => void
  /** Comment lines keep idle event streams open through proxies. */
  heartbeatMs?: number
  /** Refuse a change naming a record id another scope owns (docs/SYNC.md "Identity"). Default: on whenever
   * devices authenticate, which server/main.ts always has. */
  idsOwnedByScope?: boolean
}

/** splitIntoBatches keeps a batch's mutations under PUSH_MAX_BYTES; the envelope adds a little. */
export const SYNC_BODY_LIMIT = PUSH_MAX_BYTES + 64 * 1024
const SSE_HEARTBEAT_MS = 25_000
/** How soon a browser's EventSource reconnects after the stream drops. */
export const SSE_RETRY_MS = 2_000

// Without `authenticate` and `mayUseScope` every caller may read and change every scope:
// only tests of the push and pull core build the app like that. server/main.ts always
// turns device tokens on (server/api/devices.ts supplies these hooks).
const anyScope = () => true

const EventsQuerySchema = z.strictObject({
  scope: z.union([
    z.string().min(1).max(ID_LIMITS.chars),
    z.array(z.string().min(1).max(ID_LIMITS.chars)).min(1).max(EVENT_STREAM_LIMITS.scopesPerStream),
  ]),
  protocol: z.coerce.number().int().optional(),
})

function sendError(reply: FastifyReply, code: SyncErrorCode, details?: unknown, status = SYNC_ERROR_STATUS[code]) {
  return reply.code(status).send(syncError(code, details))
}

/**
 * The sync API: POST /sync/push, GET /sync/pull, and
 * GET /sync/events (server-sent events: `event: poke` with data {scope, seq} when a
 * scope's sequence advances, one on connect, and a comment heartbeat).
 */
export const syncRoutes: FastifyPluginAsync<SyncRouteOptions> = async (app, options) => {
  const { db, notifier } = options
  const mayUseScope = options.mayUseScope ?? anyScope
  const mayWriteScope = options.mayWriteScope ?? mayUseScope
  const isUnitScope = options.isUnitScope ?? anyScope
  // onRequest, so a request without a valid token is refused before its body is read.
  const onRequest = options.authenticate ? [options.authenticate] : []
  const heartbeatMs = options.heartbeatMs ?? SSE_HEARTBEAT_MS
  const ownIds = options.idsOwnedByScope ?? options.authenticate !== undefined
  const bodyLimit = options.bodyLimit ?? SYNC_BODY_LIMIT
  const streams = new Set<ServerResponse>()

  async function refusedScope(
    request: FastifyRequest,
    reply: FastifyReply,
    scopes: Iterable<string>,
    allowed = mayUseScope,
  ): Promise<boolean> {
    for (const scope of scopes) {
      if (await allowed(request, scope)) continue
      request.log.warn({ scope, url: request.url }, 'sync request refused: scope not allowed for this device')
      await options.onRefused?.(request, `forbidden-scope: ${scope}`)
      await sendError(reply, 'forbidden-scope', { scope })
      return true
    }
    return false
  }

  /** A unit is its own scope: a `units` record anywhere else could rename another ward on every tablet that
   * pulls it, and one in a CSU's or trust's scope would show that CSU or trust as a ward. */
  async function misplacedUnitRecord(request: FastifyRequest, mutation: Mutation): Promise<boolean> {
    if (mutation.table !== 'units') return false
    return mutation.recordId !== mutation.scope || !(await isUnitScope(request, mutation.scope))
  }

  async function refusedUnitRecord(
    request: FastifyRequest,
    reply: FastifyReply,
    mutations: readonly Mutation[],
  ): Promise<boolean> {
    let misplaced: Mutation | undefined
    for (const mutation of mutations) {
      if (await misplacedUnitRecord(request, mutation)) {
        misplaced = mutation
        break
      }
    }
    if (!misplaced) return false
    request.log.warn(
      { scope: misplaced.scope, recordId: misplaced.recordId },
      'sync request refused: a unit record outside its own scope',
    )
    await options.onRefused?.(request, `forbidden-scope: units/${misplaced.recordId} in ${misplaced.scope}`)
    await sendError(reply, 'forbidden-scope', { scope: misplaced.scope, table: 'units', recordId: misplaced.recordId })
    return true
  }

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500
    if (status === 413) return sendError(reply, 'too-large', { maxBytes: bodyLimit })
    if (status >= 400 && status < 500) {
      return sendError(reply, 'invalid-payload', { issues: [{ path: '', message: error.message }] }, status)
    }
    request.log.error(error)
    return reply.code(500).send({
      error: 'server-error',
      message:
        'The sync server had a problem and saved nothing from this request. Your changes are kept on this tablet and will be sent again.',
    })
  })

  app.post('/sync/push', { bodyLimit, onRequest }, async (request, reply) => {
    const version = Number((request.body as { protocol?: unknown } | null)?.protocol)
    if (version >= PER_MUTATION_OUTCOMES_SINCE) return pushOneByOne(request, reply)
    const parsed = parsePushRequest(request.body)
    if (!parsed.ok) return reply.code(parsed.status).send(parsed.error)
    const { protocol, deviceId, mutations } = parsed.value
    // A scope the device may only read (its trust's library) is refused like one it cannot see:
    // the whole push, nothing applied. Tablets never send such changes (docs/SYNC.md).
    if (await refusedScope(request, reply, new Set(mutations.map((mutation) => mutation.scope)), mayWriteScope))
      return reply
    if (await refusedUnitRecord(request, reply, mutations)) return reply
    let result: Awaited<ReturnType<typeof pushMutations>>
    try {
      result = await pushMutations(db, mutations, {
        deviceId: options.deviceIdOf?.(request) ?? deviceId,
        syncedDeviceId: options.deviceIdOf?.(request),
        now: Date.now(),
        ownIds,
      })
    } catch (error) {
      if (!(error instanceof ForbiddenRecordError)) throw error
      const { scope, table, recordId } = error.mutation
      request.log.warn({ scope, table, recordId }, 'sync request refused: a record id of another scope')
      await options.onRefused?.(request, `forbidden-record: ${table}/${recordId} in ${scope}`)
      return sendError(reply, 'forbidden-scope', { scope, table, recordId })
    }
    // Answered in the client's protocol version: the server speaks the current one and the one before.
    const response: PushResponse = { protocol, accepted: result.accepted, serverTime: Date.now() }
    if (result.clockSkewMs !== undefined) response.clockSkewMs = result.clockSkewMs
    return response
  })

  /** Protocol 2: each change is applied or refused on its own, so one bad change never holds up the rest. */
  async function pushOneByOne(request: FastifyRequest, reply: FastifyReply) {
    const parsed = parsePushBatch(request.body)
    if (!parsed.ok) return reply.code(parsed.status).send(parsed.error)
    const { protocol, deviceId } = parsed.value.request
    const refused: Refusal[] = [...parsed.value.refused]
    const writable = new Map<string, boolean>()
    const told = new Set<string>()
    // The few tables every device of the trust writes in its library (OPEN_LIBRARY_TABLES) need only that
    // the device reads the library; every other change needs a scope it may write.
    const lookUp = async (mutation: Mutation, key: string): Promise<boolean> => {
      const allowed = key.startsWith('open:')
        ? await mayUseScope(request, mutation.scope)
        : await mayWriteScope(request, mutation.scope)
      writable.set(key, allowed)
      return allowed
    }
    const mutations: Mutation[] = []
    for (const mutation of parsed.value.request.mutations) {
      const key = isOpenLibraryWrite(mutation.scope, mutation.table) ? `open:${mutation.scope}` : mutation.scope
      // Awaited only for a scope not yet asked about: a push of a hundred changes to one scope asks once, and the
      // others wait for nothing (an await per change cost a promise and a turn of the microtask queue each).
      const allowed = writable.get(key) ?? (await lookUp(mutation, key))
      if (!allowed && !told.has(key)) {
        told.add(key)
        request.log.warn(
          { scope: mutation.scope, url: request.url },
          'sync changes refused: scope not allowed for this device',
        )
        await options.onRefused?.(request, `forbidden-scope: ${mutation.scope}`)
      }
      if (!allowed) refused.push(refusal(mutation.mutationId, 'forbidden-scope'))
      else if (mutation.table === 'units' && (await misplacedUnitRecord(request, mutation))) {
        await options.onRefused?.(request, `forbidden-scope: units/${mutation.recordId} in ${mutation.scope}`)
        refused.push(refusal(mutation.mutationId, 'forbidden-scope'))
      } else mutations.push(mutation)
    }
    const result = await pushMutations(db, mutations, {
      deviceId: options.deviceIdOf?.(request) ?? deviceId,
      syncedDeviceId: options.deviceIdOf?.(request),
      now: Date.now(),
      refuseOneByOne: true,
      refuseHeadless: protocol >= RESTORE_SAFE_SINCE,
      ownIds,
    })
    refused.push(...result.refused)
    for (const forged of result.refused.filter((r) => r.error === 'forbidden-record')) {
      await options.onRefused?.(request, `forbidden-record: ${JSON.stringify(forged.details)}`)
    }
    const response: PushResponse = { protocol, accepted: result.accepted, refused, serverTime: Date.now() }
    if (result.clockSkewMs !== undefined) response.clockSkewMs = result.clockSkewMs
    if (result.missing.length > 0) response.missing = result.missing
    if (protocol >= RESTORE_SAFE_SINCE && Object.keys(result.marks).length > 0) response.marks = result.marks
    return response
  }

  app.get('/sync/pull', { onRequest }, async (request, reply) => {
    const parsed = parsePullRequest(request.query)
    if (!parsed.ok) return reply.code(parsed.status).send(parsed.error)
    const { protocol, scope, after, limit, mark, pushed } = parsed.value
    if (await refusedScope(request, reply, [scope])) return reply
    if (protocol >= RESTORE_SAFE_SINCE && !(await knowsCursor(db, scope, after, mark, pushed))) {
      request.log.warn({ scope, after }, 'a tablet is ahead of this server (restored from a backup?): it starts again')
      const restart: PullResponse = {
        protocol,
        scope,
        records: [],
        cursor: 0,
        hasMore: true,
        serverTime: Date.now(),
        restart: true,
      }
      if (options.serverId) restart.serverId = options.serverId
      return restart
    }
    const page = await pullRecords(db, scope, after, limit)
    // Counted only when more pages follow: a last page is all that remains.
    const remaining = page.hasMore ? await countAfter(db, scope, after) : page.records.length
    const response: PullResponse = { protocol, scope, ...page, remaining, serverTime: Date.now() }
    // Older tablets never send a mark back; they are not told one.
    if (protocol < RESTORE_SAFE_SINCE) delete response.mark
    if (options.serverId) response.serverId = options.serverId
    if (!page.hasMore) await options.onSynced?.(request)
    return response
  })

  app.get('/sync/events', { onRequest }, async (request, reply) => {
    const parsed = EventsQuerySchema.safeParse(request.query)
    if (!parsed.success) {
      return sendError(reply, 'invalid-payload', {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      })
    }
    const { protocol } = parsed.data
    if (protocol !== undefined && checkProtocol(protocol) !== 'ok') {
      const code = checkProtocol(protocol) === 'too-old' ? 'protocol-too-old' : 'protocol-too-new'
      return sendError(reply, code, { protocol, supported: [MIN_SUPPORTED_PROTOCOL, PROTOCOL_VERSION] })
    }
    const scopes = [...new Set(typeof parsed.data.scope === 'string' ? [parsed.data.scope] : parsed.data.scope)]
    if (await refusedScope(request, reply, scopes)) return reply

    reply.hijack()
    const res = reply.raw
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise hold pokes back in a buffer.
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    })
    res.write(`retry: ${SSE_RETRY_MS}\n\n`)
    streams.add(res)
    const forgetStream = options.onStream?.(request, () => res.end())

    const lastSent = new Map<string, number>()
    const poke = (scope: string, seq: number) => {
      if (res.writableEnded || res.destroyed || seq <= (lastSent.get(scope) ?? -1)) return
      lastSent.set(scope, seq)
      res.write(`event: poke\ndata: ${JSON.stringify({ scope, seq })}\n\n`)
    }
    // Subscribe before reading the current sequence, so nothing committed in between is missed.
    const unsubscribes = scopes.map((scope) => notifier.subscribe(scope, (seq) => poke(scope, seq)))
    const heartbeat = setInterval(() => {
      if (!res.writableEnded) res.write(': heartbeat\n\n')
    }, heartbeatMs)
    res.on('close', () => {
      clearInterval(heartbeat)
      for (const unsubscribe of unsubscribes) unsubscribe()
      streams.delete(res)
      forgetStream?.()
    })
    try {
      for (const scope of scopes) poke(scope, await currentSeq(db, scope))
    } catch (error) {
      request.log.error(error)
      res.end()
    }
  })

  // Open event streams would otherwise keep the server from closing.
  app.addHook('preClose', async () => {
    for (const res of streams) res.end()
  })
}
