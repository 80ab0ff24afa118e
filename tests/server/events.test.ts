import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { listenerName } from '../../server/sync/notifier.ts'
import { pushMutations } from '../../server/sync/push.ts'
import {
  BACKENDS,
  newScope,
  openTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './backends.ts'
import { mutation } from './fixtures.ts'

interface Poke {
  scope: string
  seq: number
}

/** Reads a server-sent-events stream over real HTTP, collecting pokes and comment lines. */
async function openEvents(base: string, query: string) {
  const abort = new AbortController()
  const res = await fetch(`${base}/api/sync/events?${query}`, { signal: abort.signal })
  const pokes: Poke[] = []
  const comments: string[] = []
  let ended = false
  const reading = (async () => {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (event.startsWith(':')) comments.push(event)
          else if (event.startsWith('event: poke\n'))
            pokes.push(JSON.parse(event.split('\ndata: ')[1] as string) as Poke)
        }
      }
    } catch {
      // Aborted by the test.
    }
    ended = true
  })()
  async function waitFor<T>(check: () => T | undefined, timeoutMs = 3_000): Promise<T> {
    const started = Date.now()
    for (;;) {
      const found = check()
      if (found !== undefined) return found
      if (Date.now() - started > timeoutMs) throw new Error(`Timed out; pokes so far: ${JSON.stringify(pokes)}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return {
    res,
    pokes,
    comments,
    waitFor,
    isEnded: () => ended,
    close: async () => {
      abort.abort()
      await reading
    },
  }
}

describe.each(BACKENDS)('live pokes on %s', (backend) => {
  let test: TestDatabase | undefined
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    await test?.close()
    server = undefined
    test = undefined
  })

  async function start(heartbeatMs?: number) {
    test = await openTestDatabase(backend)
    server = await startTestServer(test, heartbeatMs ? { heartbeatMs } : {})
    return `http://127.0.0.1:${await listen(server)}`
  }

  async function listen(running: TestServer): Promise<number> {
    await running.app.listen({ host: '127.0.0.1', port: 0 })
    const address = running.app.server.address()
    return typeof address === 'object' && address ? address.port : 0
  }

  it('pokes on connect with the current sequence, then within 2 seconds of a push from any process', async () => {
    const base = await start()
    const scope = newScope()
    const quiet = newScope()
    await pushMutations(test!.db, [mutation(scope, 'a', { title: { set: 'before' } })])
    const events = await openEvents(base, `scope=${scope}&scope=${quiet}&protocol=1`)
    try {
      expect(events.res.headers.get('content-type')).toMatch(/^text\/event-stream/)
      await events.waitFor(() => (events.pokes.length >= 2 ? true : undefined))
      expect(events.pokes).toEqual(
        expect.arrayContaining([
          { scope, seq: 1 },
          { scope: quiet, seq: 0 },
        ]),
      )

      // Written through another connection pool, as another server process would.
      const pushedAt = Date.now()
      await pushMutations(test!.openAnother(), [
        mutation(scope, 'b', { title: { set: 'after' } }),
        mutation(scope, 'c', { title: { set: 'after' } }),
      ])
      const poke = await events.waitFor(() => events.pokes.find((p) => p.scope === scope && p.seq === 3))
      expect(poke).toEqual({ scope, seq: 3 })
      expect(Date.now() - pushedAt).toBeLessThan(2_000)
      expect(events.pokes.filter((p) => p.scope === quiet)).toEqual([{ scope: quiet, seq: 0 }])
    } finally {
      await events.close()
    }
  })

  it('still pokes after the database connection it listens on was dropped', async () => {
    const base = await start()
    const scope = newScope()
    const events = await openEvents(base, `scope=${scope}`)
    try {
      await events.waitFor(() => events.pokes[0])
      if (test!.config.dialect === 'postgres') {
        const { rows } = await sql<{
          ended: boolean
        }>`select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = ${listenerName(test!.config)}`.execute(
          test!.db,
        )
        expect(rows).toEqual([{ ended: true }])
      }
      await pushMutations(test!.openAnother(), [mutation(scope, 'a', { title: { set: 'while reconnecting' } })])
      expect(await events.waitFor(() => events.pokes.find((p) => p.seq === 1))).toEqual({ scope, seq: 1 })
    } finally {
      await events.close()
    }
  })

  it('sends comment heartbeats to keep the stream open', async () => {
    const base = await start(50)
    const events = await openEvents(base, `scope=${newScope()}`)
    try {
      await events.waitFor(() => (events.comments.length >= 2 ? true : undefined))
      expect(events.comments[0]).toBe(': heartbeat')
    } finally {
      await events.close()
    }
  })

  it('ends open streams when the server closes', async () => {
    const base = await start()
    const events = await openEvents(base, `scope=${newScope()}`)
    await events.waitFor(() => events.pokes[0])
    await server!.close()
    server = undefined
    await events.waitFor(() => (events.isEnded() ? true : undefined))
    await events.close()
  })

  it.each([
    ['a protocol that is too old', 'scope=a&protocol=0', 426],
    ['no scope', 'protocol=1', 400],
    ['an unknown parameter', 'scope=a&since=4', 400],
  ])('refuses %s', async (_what, query, status) => {
    const base = await start()
    const res = await fetch(`${base}/api/sync/events?${query}`)
    expect(res.status).toBe(status)
    expect((await res.json()).error).toMatch(/^(invalid-payload|protocol-too-old)$/)
  })
})
