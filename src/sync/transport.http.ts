// The sync endpoints over fetch. Replies are read tolerantly (a newer server may add
// fields) and checked against the protocol schemas; anything unusable is 'unavailable',
// a request that never got an answer is 'offline'. Every device request carries the
// enrolment's token and the `x-lim-outbox` summary the admin screen shows.
import { z } from 'zod'
import { db } from '@/db/db'
import {
  parsePullResponse,
  PushResponseSchema,
  SYNC_ERROR_CODES,
  SyncErrorSchema,
  syncError,
  type PullRequest,
  type PushRequest,
  type SyncErrorCode,
} from '@/shared/sync/protocol'
import { deviceCredentials, outboxHeader, type DeviceCredentials } from './enrolment'
import { openEventStream } from './events.http'
import {
  DeviceInfoSchema,
  ENROL_INVALID_MESSAGE,
  ENROL_RATE_LIMITED_MESSAGE,
  EnrolResponseSchema,
  invalidCode,
  transportFailure,
  type EnrolFailure,
  type SyncFailure,
  type SyncTransport,
} from './transport-types'
import { normaliseCode } from '@/shared/enrolmentCode'

const TIMEOUT_MS = 30_000

/** Used when a reply carries no readable error body. */
const CODE_BY_STATUS: Record<number, SyncErrorCode> = {
  401: 'unauthorised',
  403: 'device-revoked',
  413: 'too-large',
  426: 'protocol-too-old',
  429: 'rate-limited',
}

const EnrolErrorSchema = z.object({ error: z.enum([...SYNC_ERROR_CODES, 'invalid-code']), message: z.string() })

export interface HttpTransportOptions {
  baseUrl?: string
  fetch?: typeof fetch
  /** The device token and outbox summary for each request (default: this tablet's enrolment in IndexedDB). */
  credentials?: () => Promise<DeviceCredentials>
}

type Reply = { ok: true; status: number; body: unknown } | { ok: false; failure: SyncFailure }

export function createHttpTransport({
  baseUrl = '',
  fetch: fetchFn = (...args) => fetch(...args),
  credentials = () => deviceCredentials(db),
}: HttpTransportOptions = {}): SyncTransport {
  async function deviceHeaders(): Promise<Record<string, string>> {
    const current = await credentials().catch((): DeviceCredentials => ({ pendingCount: 0, oldestPendingMs: 0 }))
    return {
      'x-lim-outbox': outboxHeader(current),
      ...(current.token ? { authorization: `Bearer ${current.token}` } : {}),
    }
  }

  async function request(path: string, init: RequestInit, asDevice: boolean): Promise<Reply> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
    let response: Response
    try {
      // The credentials are read before anything is awaited: a pull asked for while a page is stored must read
      // them before that page's transaction opens (whenEnrolled.ts says why).
      const headers = {
        accept: 'application/json',
        ...(asDevice ? await deviceHeaders() : {}),
        ...(init.headers as Record<string, string> | undefined),
      }
      response = await fetchFn(`${baseUrl}${path}`, { ...init, signal: controller.signal, headers })
    } catch {
      return { ok: false, failure: transportFailure('offline') }
    } finally {
      clearTimeout(timer)
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      // A proxy's HTML page or an empty body: the status may still say what happened.
      body = undefined
    }
    return { ok: true, status: response.status, body }
  }

  function failureOf(status: number, body: unknown): SyncFailure {
    const error = SyncErrorSchema.safeParse(body)
    if (error.success) return error.data
    const code = CODE_BY_STATUS[status]
    return code ? syncError(code) : transportFailure('unavailable')
  }

  async function call<T>(
    path: string,
    init: RequestInit,
    schema: z.ZodType<T> | ((body: unknown) => T | undefined),
  ): Promise<T | SyncFailure> {
    const reply = await request(path, init, true)
    if (!reply.ok) return reply.failure
    if (reply.status >= 200 && reply.status < 300) {
      if (typeof schema === 'function') return schema(reply.body) ?? transportFailure('unavailable')
      const parsed = schema.safeParse(reply.body)
      return parsed.success ? parsed.data : transportFailure('unavailable')
    }
    return failureOf(reply.status, reply.body)
  }

  async function enrol(code: string, deviceName: string) {
    const body = JSON.stringify({ code: normaliseCode(code), deviceName: deviceName.trim() })
    const reply = await request(
      '/api/enrol',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      false,
    )
    if (!reply.ok) return reply.failure
    if (reply.status >= 200 && reply.status < 300) {
      const parsed = EnrolResponseSchema.safeParse(reply.body)
      return parsed.success ? parsed.data : transportFailure('unavailable')
    }
    const error = EnrolErrorSchema.safeParse(reply.body)
    if (error.success && error.data.error === 'invalid-code')
      return invalidCode(error.data.message) satisfies EnrolFailure
    if (reply.status === 429) return { ...syncError('rate-limited'), message: ENROL_RATE_LIMITED_MESSAGE }
    if (error.success && error.data.error === 'invalid-payload')
      return { ...syncError('invalid-payload'), message: ENROL_INVALID_MESSAGE }
    return failureOf(reply.status, reply.body)
  }

  return {
    push: (request: PushRequest) =>
      call(
        '/api/sync/push',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
        PushResponseSchema,
      ),
    pull: (request: PullRequest) => {
      const query = new URLSearchParams({
        scope: request.scope,
        after: String(request.after),
        limit: String(request.limit),
        protocol: String(request.protocol),
        ...(request.mark === undefined ? {} : { mark: request.mark }),
        ...(request.pushed === undefined ? {} : { pushed: request.pushed }),
      })
      return call(`/api/sync/pull?${query}`, { method: 'GET' }, parsePullResponse)
    },
    enrol,
    deviceInfo: () => call('/api/device', { method: 'GET' }, DeviceInfoSchema),
    events: (scopes, onPoke) =>
      openEventStream({
        url: `${baseUrl}/api/sync/events?${new URLSearchParams(scopes.map((scope) => ['scope', scope]))}`,
        fetch: fetchFn,
        headers: deviceHeaders,
        onPoke,
      }),
  }
}
