import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import { repoFor } from '@/db/repo'
import type { Action } from '@/domain/types'
import { deviceCredentials, saveEnrolment } from '@/sync/enrolment'
import { DEFAULT_RETRY_MS, REFUSED_RETRY_MS } from '@/sync/events.http'
import { SseParser, type ServerSentEvent } from '@/sync/sse'
import { createHttpTransport } from '@/sync/transport.http'
import { INVALID_CODE_MESSAGE, type EnrolResponse } from '@/sync/transport-types'
import { action } from './tablets'

const enrolled: EnrolResponse = {
  deviceId: 'device-1',
  token: 'secret-token',
  serverId: 'server-1',
  scope: { kind: 'unit', id: 'unit-7', name: 'Ward 7' },
  trust: { id: 'trust-1', name: 'Northfield' },
  csu: { id: 'csu-1', trustId: 'trust-1', name: 'Medicine' },
  units: [{ id: 'unit-7', csuId: 'csu-1', name: 'Ward 7', kind: 'ward' }],
}
const pullReply = { protocol: 1, scope: 'unit-7', records: [], cursor: 0, hasMore: false, serverTime: 1 }

interface Sent {
  url: string
  headers: Record<string, string>
  body?: unknown
}

function recordingFetch(reply: (url: string) => Response) {
  const sent: Sent[] = []
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    sent.push({
      url,
      headers: { ...(init.headers as Record<string, string>) },
      ...(init.body ? { body: JSON.parse(String(init.body)) } : {}),
    })
    return reply(url)
  })
  return { sent, fetch: fetch as unknown as typeof globalThis.fetch }
}

beforeEach(async () => {
  await resetDatabase()
})

describe('device requests', () => {
  it('carry the enrolment token and the outbox summary of the enrolled units, read from IndexedDB', async () => {
    await saveEnrolment(db, enrolled, "Ward 7 nurses' station")
    const repo = repoFor(db)
    await repo.saveRecord<Action>(
      'actions',
      action({ id: 'a1', unitId: 'unit-7' }),
      'Sam',
      undefined,
      new Date('2026-11-26T08:00:00Z'),
    )
    await repo.saveRecord<Action>(
      'actions',
      action({ id: 'a2', unitId: 'unit-7' }),
      'Sam',
      undefined,
      new Date('2026-11-26T09:00:00Z'),
    )
    await repo.saveRecord<Action>(
      'actions',
      action({ id: 'a3', unitId: 'not-enrolled' }),
      'Sam',
      undefined,
      new Date('2026-11-25T09:00:00Z'),
    )
    const { sent, fetch } = recordingFetch(
      (url) =>
        new Response(
          JSON.stringify(url.includes('/pull') ? pullReply : { ...enrolled, name: "Ward 7 nurses' station" }),
        ),
    )
    const transport = createHttpTransport({ fetch })

    await transport.pull({ protocol: 1, scope: 'unit-7', after: 0, limit: 10 })
    await expect(transport.deviceInfo()).resolves.toMatchObject({
      deviceId: 'device-1',
      name: "Ward 7 nurses' station",
    })
    for (const request of sent) {
      expect(request.headers.authorization).toBe('Bearer secret-token')
      expect(request.headers['x-lim-outbox']).toBe(`2,${Date.parse('2026-11-26T08:00:00Z')}`)
    }
    expect(sent.map((s) => s.url)).toEqual(['/api/sync/pull?scope=unit-7&after=0&limit=10&protocol=1', '/api/device'])
  })

  it('go without a token, saying nothing is waiting, before enrolment', async () => {
    expect(await deviceCredentials(db)).toEqual({ pendingCount: 0, oldestPendingMs: 0 })
    const { sent, fetch } = recordingFetch(
      () => new Response(JSON.stringify({ error: 'unauthorised', message: 'Not set up' }), { status: 401 }),
    )
    await expect(createHttpTransport({ fetch }).deviceInfo()).resolves.toMatchObject({ error: 'unauthorised' })
    expect(sent[0]!.headers.authorization).toBeUndefined()
    expect(sent[0]!.headers['x-lim-outbox']).toBe('0,0')
  })

  it('use the credentials getter passed in', async () => {
    const { sent, fetch } = recordingFetch(
      () => new Response(JSON.stringify({ protocol: 1, accepted: [], serverTime: 1 })),
    )
    const transport = createHttpTransport({
      fetch,
      credentials: async () => ({ token: 'abc', pendingCount: 4, oldestPendingMs: 1234 }),
    })
    await transport.push({ protocol: 1, mutations: [] as never })
    expect(sent[0]!.headers).toMatchObject({
      authorization: 'Bearer abc',
      'x-lim-outbox': '4,1234',
      'content-type': 'application/json',
    })
  })

  it('turn a device info reply of the wrong shape into "unavailable"', async () => {
    const { fetch } = recordingFetch(() => new Response(JSON.stringify({ deviceId: 'd' })))
    await expect(createHttpTransport({ fetch }).deviceInfo()).resolves.toMatchObject({ error: 'unavailable' })
  })
})

describe('enrol', () => {
  it('sends the code without dashes or spaces, in capitals, and no token', async () => {
    const { sent, fetch } = recordingFetch(
      () => new Response(JSON.stringify({ ...enrolled, extra: 'ignored' }), { status: 201 }),
    )
    const result = await createHttpTransport({ fetch }).enrol(' abcd-efgh jkmn ', ' Ward 7 station ')
    expect(result).toEqual(enrolled)
    expect(sent[0]).toMatchObject({ url: '/api/enrol', body: { code: 'ABCDEFGHJKMN', deviceName: 'Ward 7 station' } })
    expect(sent[0]!.headers.authorization).toBeUndefined()
  })

  it.each([
    ['an invalid code', 400, { error: 'invalid-code', message: INVALID_CODE_MESSAGE }, 'invalid-code', /not valid/],
    ['too many tries', 429, { error: 'rate-limited', message: 'busy' }, 'rate-limited', /Wait a minute/],
    [
      'a name the server refuses',
      400,
      { error: 'invalid-payload', message: 'Bad', details: [] },
      'invalid-payload',
      /80 characters/,
    ],
    ['an older server without enrolment', 404, { error: 'Not found' }, 'unavailable', /not available/],
  ])('answers %s with a plain-English value, never throwing', async (_name, status, body, error, message) => {
    const { fetch } = recordingFetch(() => new Response(JSON.stringify(body), { status }))
    const result = await createHttpTransport({ fetch }).enrol('ABCD-EFGH-JKMN', 'Tablet')
    expect(result).toMatchObject({ error, message: expect.stringMatching(message) })
  })

  it('is offline when the request never gets an answer', async () => {
    const transport = createHttpTransport({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) })
    await expect(transport.enrol('ABCD', 'Tablet')).resolves.toMatchObject({ error: 'offline' })
  })
})

describe('the server-sent events parser', () => {
  function parse(chunks: string[]) {
    const events: ServerSentEvent[] = []
    const retries: number[] = []
    const parser = new SseParser(
      (e) => events.push(e),
      (ms) => retries.push(ms),
    )
    chunks.forEach((chunk) => parser.push(chunk))
    return { events, retries }
  }

  it('reads pokes, retry times and comments, however the stream is cut into chunks', () => {
    const stream =
      'retry: 2000\n\n: heartbeat\n\nevent: poke\ndata: {"scope":"unit-7","seq":3}\n\nevent: poke\r\ndata: {"scope":"unit-7","seq":4}\r\n\r\n'
    const whole = parse([stream])
    expect(whole.retries).toEqual([2000])
    expect(whole.events).toEqual([
      { event: 'poke', data: '{"scope":"unit-7","seq":3}' },
      { event: 'poke', data: '{"scope":"unit-7","seq":4}' },
    ])
    const split = [...stream].map((char) => char)
    expect(parse(split)).toEqual(whole)
  })

  it('joins data lines, defaults the event name, and ignores a retry that is not a number', () => {
    expect(parse(['data: one\ndata:two\n\nretry: soon\nevent: poke\n\n'])).toEqual({
      events: [{ event: 'message', data: 'one\ntwo' }],
      retries: [],
    })
  })

  it('holds back an event until its blank line arrives', () => {
    expect(parse(['event: poke\ndata: 1\n']).events).toEqual([])
  })
})

describe('live events over fetch', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function streamOf(text: string, keepOpen = false) {
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text))
        if (!keepOpen) controller.close()
      },
    })
  }

  const credentials = async () => ({ token: 'secret-token', pendingCount: 1, oldestPendingMs: 5 })

  it('sends the token, calls back for each poke, reconnects after the retry time and stops when unsubscribed', async () => {
    const { sent, fetch } = recordingFetch(
      () =>
        new Response(streamOf('retry: 3000\n\nevent: poke\ndata: {"scope":"unit-7","seq":12}\n\n'), {
          headers: { 'content-type': 'text/event-stream' },
        }),
    )
    const onPoke = vi.fn()
    const stop = createHttpTransport({ fetch, credentials, baseUrl: 'https://huddle.example' }).events(
      ['unit-7'],
      onPoke,
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(onPoke).toHaveBeenCalledTimes(1)
    // The poke says which scope reached which sequence, so the tablet pulls only that scope.
    expect(onPoke).toHaveBeenCalledWith({ scope: 'unit-7', seq: 12 })
    expect(sent[0]).toMatchObject({
      url: 'https://huddle.example/api/sync/events?scope=unit-7',
      headers: { authorization: 'Bearer secret-token', 'x-lim-outbox': '1,5' },
    })

    await vi.advanceTimersByTimeAsync(2_999)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toHaveLength(2)
    expect(onPoke).toHaveBeenCalledTimes(2)

    stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toHaveLength(2)
  })

  it('backs off while the server cannot be reached, and waits much longer when it refuses', async () => {
    let answer: 'down' | 'refused' = 'down'
    const sent: number[] = []
    const fetch = (async () => {
      sent.push(Date.now())
      if (answer === 'down') throw new TypeError('Failed to fetch')
      return new Response(JSON.stringify({ error: 'forbidden-scope', message: 'no' }), { status: 403 })
    }) as unknown as typeof globalThis.fetch
    const transport = createHttpTransport({ fetch, credentials })
    const stop = transport.events(['unit-7'], () => undefined)
    await vi.advanceTimersByTimeAsync(0)
    // Random jitter adds up to a quarter: the gaps still grow.
    await vi.advanceTimersByTimeAsync(DEFAULT_RETRY_MS * 1.25 + 4_000 * 1.25 + 8_000 * 1.25)
    expect(sent.length).toBe(4)
    const gaps = sent.slice(1).map((t, i) => t - sent[i]!)
    expect(gaps[0]).toBeGreaterThanOrEqual(DEFAULT_RETRY_MS)
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * DEFAULT_RETRY_MS)
    expect(gaps[2]).toBeGreaterThanOrEqual(4 * DEFAULT_RETRY_MS)

    answer = 'refused'
    // The next attempt (16 to 20 s later) is refused.
    await vi.advanceTimersByTimeAsync(20_000)
    const refusedAt = sent.length
    expect(refusedAt).toBe(5)
    await vi.advanceTimersByTimeAsync(sent.at(-1)! + REFUSED_RETRY_MS - 1 - Date.now())
    expect(sent.length).toBe(refusedAt)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent.length).toBe(refusedAt + 1)
    stop()
  })

  it('does not connect at all before the tablet is enrolled', async () => {
    const { sent, fetch } = recordingFetch(() => new Response(''))
    const stop = createHttpTransport({
      fetch,
      credentials: async () => ({ pendingCount: 0, oldestPendingMs: 0 }),
    }).events(['unit-7'], () => undefined)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toEqual([])
    stop()
  })

  it('aborts an open stream when unsubscribed', async () => {
    let signal: AbortSignal | undefined
    const fetch = (async (_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined
      return new Response(streamOf('event: poke\ndata: {}\n\n', true))
    }) as unknown as typeof globalThis.fetch
    const onPoke = vi.fn()
    const stop = createHttpTransport({ fetch, credentials }).events(['unit-7'], onPoke)
    await vi.advanceTimersByTimeAsync(0)
    // A poke whose data does not say which scope still prompts sync (a round of every scope).
    expect(onPoke).toHaveBeenCalledExactlyOnceWith(undefined)
    stop()
    expect(signal?.aborted).toBe(true)
  })
})
