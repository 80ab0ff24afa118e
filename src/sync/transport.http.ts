// The sync endpoints over fetch. Replies are read tolerantly (a newer server may add
// fields) and checked against the protocol schemas; anything unusable is 'unavailable',
// a request that never got an answer is 'offline'.
import {
  PullResponseSchema, PushResponseSchema, SyncErrorSchema, syncError,
  type PullRequest, type PushRequest, type SyncErrorCode,
} from '@/shared/sync/protocol'
import type { z } from 'zod'
import { transportFailure, type SyncFailure, type SyncTransport } from './transport-types'

const TIMEOUT_MS = 30_000

/** Used when a reply carries no readable error body. */
const CODE_BY_STATUS: Record<number, SyncErrorCode> = { 401: 'unauthorised', 403: 'device-revoked', 413: 'too-large', 426: 'protocol-too-old', 429: 'rate-limited' }

export interface HttpTransportOptions {
  baseUrl?: string
  fetch?: typeof fetch
}

export function createHttpTransport({ baseUrl = '', fetch: fetchFn = (...args) => fetch(...args) }: HttpTransportOptions = {}): SyncTransport {
  async function call<T>(path: string, init: RequestInit, schema: z.ZodType<T>): Promise<T | SyncFailure> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
    let response: Response
    try {
      response = await fetchFn(`${baseUrl}${path}`, { ...init, signal: controller.signal, headers: { accept: 'application/json', ...init.headers } })
    } catch {
      return transportFailure('offline')
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
    if (response.ok) {
      const parsed = schema.safeParse(body)
      return parsed.success ? parsed.data : transportFailure('unavailable')
    }
    const error = SyncErrorSchema.safeParse(body)
    if (error.success) return error.data
    const code = CODE_BY_STATUS[response.status]
    return code ? syncError(code) : transportFailure('unavailable')
  }

  return {
    push: (request: PushRequest) =>
      call('/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) }, PushResponseSchema),
    pull: (request: PullRequest) => {
      const query = new URLSearchParams({ scope: request.scope, after: String(request.after), limit: String(request.limit), protocol: String(request.protocol) })
      return call(`/api/sync/pull?${query}`, { method: 'GET' }, PullResponseSchema)
    },
    events(scope, onPoke) {
      if (typeof EventSource === 'undefined') return () => undefined
      const source = new EventSource(`${baseUrl}/api/sync/events?${new URLSearchParams({ scope })}`)
      source.addEventListener('message', onPoke)
      source.addEventListener('poke', onPoke)
      return () => source.close()
    },
  }
}
