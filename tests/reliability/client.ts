// A tablet's side of the HTTP API, for the parts of the suite that drive a real server process.
import type { Mutation, ServerRecord } from '../../src/shared/sync/protocol.ts'
import { pushBody } from './org.ts'

export interface Reply {
  status: number
  body: unknown
}

/** Never throws: a connection refused or cut is status 0. */
export async function call(
  url: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 15_000,
): Promise<Reply> {
  try {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON (a proxy's error page, say): kept as text for the report.
    }
    return { status: res.status, body: parsed }
  } catch {
    // Refused, reset or timed out: the server is down or was killed mid-request.
    return { status: 0, body: undefined }
  }
}

export function push(url: string, token: string, mutations: readonly Mutation[]): Promise<Reply> {
  return call(url, token, 'POST', '/api/sync/push', pushBody(mutations))
}

/** Every record of `scope`, page by page; `duplicates` counts a record served twice. */
export async function pullAll(
  url: string,
  token: string,
  scope: string,
  limit = 500,
): Promise<{ records: ServerRecord[]; duplicates: number; failures: number }> {
  const seen = new Map<string, ServerRecord>()
  let duplicates = 0
  let failures = 0
  let after = 0
  for (;;) {
    const reply = await call(
      url,
      token,
      'GET',
      `/api/sync/pull?protocol=1&scope=${encodeURIComponent(scope)}&after=${after}&limit=${limit}`,
    )
    if (reply.status !== 200) {
      if (++failures > 50) throw new Error(`Pull of ${scope} kept failing (${reply.status})`)
      await new Promise((resolve) => setTimeout(resolve, 200))
      continue
    }
    const page = reply.body as { records: ServerRecord[]; cursor: number; hasMore: boolean }
    for (const record of page.records) {
      const key = `${record.table}/${record.id}`
      if (seen.has(key)) duplicates++
      seen.set(key, record)
    }
    after = page.cursor
    if (!page.hasMore) return { records: [...seen.values()], duplicates, failures }
  }
}

export interface EventStream {
  readonly pokes: number
  /** Resolves at the next poke (or after `timeoutMs`, false). */
  nextPoke(timeoutMs: number): Promise<boolean>
  readonly open: boolean
  close(): void
}

/** An event stream as a tablet holds one: counts pokes, and reports when it drops. */
export async function openEvents(url: string, token: string, scopes: readonly string[]): Promise<EventStream> {
  const controller = new AbortController()
  const query = scopes.map((scope) => `scope=${encodeURIComponent(scope)}`).join('&')
  const res = await fetch(`${url}/api/sync/events?${query}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  })
  if (res.status !== 200 || !res.body) throw new Error(`Event stream refused: ${res.status}`)
  let pokes = 0
  let open = true
  let waiters: (() => void)[] = []
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  void (async () => {
    let buffer = ''
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (event.startsWith('event: poke')) {
            pokes++
            for (const wake of waiters) wake()
            waiters = []
          }
        }
      }
    } catch {
      // Aborted by close(), or cut by the server: `open` says which matters.
    } finally {
      open = false
      for (const wake of waiters) wake()
    }
  })()
  return {
    get pokes() {
      return pokes
    },
    get open() {
      return open
    },
    nextPoke(timeoutMs) {
      const before = pokes
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs)
        waiters.push(() => {
          clearTimeout(timer)
          resolve(pokes > before)
        })
      })
    },
    close: () => controller.abort(),
  }
}
