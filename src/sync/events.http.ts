// Live "pokes" from GET /api/sync/events, read with fetch and a streaming body because
// EventSource cannot send the device token. Pokes only prompt a pull, so this never
// needs to be perfect: it reconnects after the server's `retry:` time, backs off while
// the server cannot be reached, waits much longer when the server refuses (a tablet
// not enrolled for that unit, or removed), and stops for good when unsubscribed.
import { SseParser } from './sse'
import type { ScopePoke } from './transport-types'

/** Until the server says otherwise (the `retry:` line it sends first). */
export const DEFAULT_RETRY_MS = 2_000
/** The longest wait between attempts while the server is unreachable. */
const MAX_BACKOFF_MS = 60_000
/** A refused stream (401/403/404/426) is tried again this rarely: sync rounds report why. */
export const REFUSED_RETRY_MS = 5 * 60_000

export interface EventStreamOptions {
  url: string
  fetch: typeof fetch
  /** Fresh headers for each connection (the token may change after enrolment). */
  headers: () => Promise<Record<string, string>>
  /** The poke's scope and new sequence; undefined when its data cannot be read (any scope may have changed). */
  onPoke: (poke: ScopePoke | undefined) => void
  /** Tests: spread of the back-off, 0..1 (default random, so tablets do not reconnect in step). */
  jitter?: () => number
}

/** `{"scope":"…","seq":12}`, as the server sends it; anything else says only that something changed. */
export function pokeOf(data: string): ScopePoke | undefined {
  try {
    const value = JSON.parse(data) as { scope?: unknown; seq?: unknown }
    if (typeof value.scope === 'string' && typeof value.seq === 'number' && Number.isSafeInteger(value.seq))
      return { scope: value.scope, seq: value.seq }
  } catch {
    // Not JSON: still a poke.
  }
  return undefined
}

/** Opens the stream and keeps it open. Returns the function that closes it for good. */
export function openEventStream({
  url,
  fetch: fetchFn,
  headers,
  onPoke,
  jitter = Math.random,
}: EventStreamOptions): () => void {
  let stopped = false
  let controller: AbortController | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let retryMs = DEFAULT_RETRY_MS
  let failures = 0

  const backoff = () => {
    failures += 1
    const base = Math.min(MAX_BACKOFF_MS, retryMs * 2 ** (failures - 1))
    return Math.round(base * (1 + 0.25 * jitter()))
  }

  async function connect(): Promise<number> {
    controller = new AbortController()
    const init = await headers()
    if (stopped) return 0
    if (!init.authorization) return REFUSED_RETRY_MS
    const response = await fetchFn(url, {
      headers: { accept: 'text/event-stream', ...init },
      signal: controller.signal,
      cache: 'no-store',
    })
    if ([401, 403, 404, 426].includes(response.status)) return REFUSED_RETRY_MS
    if (!response.ok || !response.body) return backoff()
    failures = 0
    const parser = new SseParser(
      (event) => {
        if (event.event === 'poke' || event.event === 'message') onPoke(pokeOf(event.data))
      },
      (ms) => (retryMs = ms),
    )
    const reader = response.body.getReader()
    const decoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parser.push(decoder.decode(value, { stream: true }))
    }
    // The server closed the stream (a restart, or this device was removed): come back
    // after the time it asked for; a refusal then waits longer.
    return retryMs
  }

  function schedule(delay: number) {
    if (stopped) return
    timer = setTimeout(() => void run(), delay)
  }

  async function run() {
    let delay: number
    try {
      delay = await connect()
    } catch {
      // Network gone, or aborted by unsubscribe (then `stopped` ends it below).
      delay = backoff()
    }
    schedule(delay)
  }

  void run()
  return () => {
    stopped = true
    clearTimeout(timer)
    controller?.abort()
  }
}
