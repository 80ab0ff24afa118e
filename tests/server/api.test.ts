import { describe, expect, it } from 'vitest'
import { RECORD_LIMITS } from '../../src/shared/sync/limits.ts'
import {
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  SYNC_ERROR_MESSAGES,
} from '../../src/shared/sync/protocol.ts'
import { SYNC_BODY_LIMIT } from '../../server/api/sync.ts'
import { currentSeq } from '../../server/sync/pull.ts'
import { BACKENDS, newScope } from './backends.ts'
import { useTestServer } from './hooks.ts'
import { mutation, pushBody, pushBodyV2, stamp } from './fixtures.ts'

describe.each(BACKENDS)('sync API on %s', (backend) => {
  const running = useTestServer(backend)
  const db = () => running().test.db

  const push = (payload: unknown) =>
    running().server.app.inject({ method: 'POST', url: '/api/sync/push', payload: payload as object })
  const pull = (query: string) => running().server.app.inject({ method: 'GET', url: `/api/sync/pull?${query}` })

  it('accepts a push and serves it back through pull', async () => {
    const scope = newScope()
    const changes = [
      mutation(scope, 'a1', { title: { set: 'Restock' } }),
      mutation(scope, 'a2', { title: { set: 'Audit' } }),
    ]
    const pushed = await push(pushBody(changes))
    expect(pushed.statusCode).toBe(200)
    expect(pushed.headers['cache-control']).toBe('no-store')
    const body = PushResponseSchema.parse(pushed.json())
    expect(body).toMatchObject({ protocol: 1, accepted: changes.map((m) => m.mutationId) })
    expect(Math.abs(body.serverTime - Date.now())).toBeLessThan(5_000)
    expect(body.clockSkewMs).toBeUndefined()

    const pulled = await pull(`protocol=1&scope=${scope}&after=0&limit=1`)
    expect(pulled.statusCode).toBe(200)
    const page = PullResponseSchema.parse(pulled.json())
    expect(page).toMatchObject({ protocol: 1, scope, cursor: 1, hasMore: true })
    expect(page.records.map((r) => r.fields.title)).toEqual(['Restock'])
    const rest = PullResponseSchema.parse((await pull(`protocol=1&scope=${scope}&after=${page.cursor}`)).json())
    expect(rest).toMatchObject({ cursor: 2, hasMore: false })
  })

  it('accepts the same batch again without applying it twice', async () => {
    const scope = newScope()
    const batch = pushBody([mutation(scope, 'a1', { title: { set: 'Once' } })])
    expect((await push(batch)).json().accepted).toHaveLength(1)
    expect((await push(batch)).json().accepted).toHaveLength(1)
    expect(await currentSeq(db(), scope)).toBe(1)
  })

  it('tells a device whose clock is far ahead, and stores the change under server time', async () => {
    const scope = newScope()
    const res = await push(
      pushBody([
        mutation(scope, 'a1', { status: { set: 'done' } }, { hlc: stamp('fastTablet', Date.now() + 3 * 60 * 60_000) }),
      ]),
    )
    expect(res.json().clockSkewMs).toBeGreaterThan(3 * 60 * 60_000 - 10_000)
    const [record] = PullResponseSchema.parse((await pull(`protocol=1&scope=${scope}`)).json()).records
    expect(record?.clocks.status).not.toContain('fastTablet')
  })

  it.each([
    ['push', 0, 426, 'protocol-too-old'],
    ['push', PROTOCOL_VERSION + 1, 400, 'protocol-too-new'],
    ['pull', 0, 426, 'protocol-too-old'],
    ['pull', PROTOCOL_VERSION + 1, 400, 'protocol-too-new'],
  ] as const)('answers a %s in protocol %i with %i %s and applies nothing', async (route, protocol, status, error) => {
    const scope = newScope()
    const res =
      route === 'push'
        ? await push(pushBody([mutation(scope, 'a1', { title: { set: 'x' } })], { protocol }))
        : await pull(`protocol=${protocol}&scope=${scope}`)
    expect(res.statusCode).toBe(status)
    expect(res.json()).toMatchObject({ error, message: SYNC_ERROR_MESSAGES[error] })
    expect(await currentSeq(db(), scope)).toBe(0)
  })

  it('protocol 2 answers change by change: a change it cannot read or store is refused alone, the rest applied', async () => {
    const scope = newScope()
    const fields = (from: number, count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${from + i}`, { set: i }]))
    expect((await push(pushBodyV2([mutation(scope, 'full', fields(0, 60))]))).statusCode).toBe(200)
    expect(
      (await push(pushBodyV2([mutation(scope, 'full', fields(60, RECORD_LIMITS.fieldsPerRecord - 60))]))).statusCode,
    ).toBe(200)
    const good = mutation(scope, 'a1', { title: { set: 'kept' } })
    const unreadable = { ...mutation(scope, 'a2', { title: { set: 'x' } }), table: 'nonsense' }
    const tooBig = mutation(scope, 'full', fields(500, 1))
    const res = await push(pushBodyV2([unreadable, good, tooBig]))
    expect(res.statusCode).toBe(200)
    const body = PushResponseSchema.parse(res.json())
    expect(body.accepted).toEqual([good.mutationId])
    expect(body.refused?.map((r) => [r.mutationId, r.error])).toEqual([
      [unreadable.mutationId, 'invalid-mutation'],
      [tooBig.mutationId, 'record-too-large'],
    ])
    expect(body.refused?.every((r) => r.message.length > 20)).toBe(true)
    const records = PullResponseSchema.parse((await pull(`protocol=2&scope=${scope}`)).json()).records
    expect(records.find((r) => r.id === 'a1')?.fields.title).toBe('kept')
    expect(Object.keys(records.find((r) => r.id === 'full')!.fields)).not.toContain('f500')
    // A refused change was never applied: sent again, it is refused again, never "accepted".
    const again = PushResponseSchema.parse((await push(pushBodyV2([tooBig]))).json())
    expect(again).toMatchObject({
      accepted: [],
      refused: [{ mutationId: tooBig.mutationId, error: 'record-too-large' }],
    })
  })

  it('protocol 2 still refuses the whole push when a change has no readable id', async () => {
    const scope = newScope()
    const res = await push(pushBodyV2([mutation(scope, 'a1', { title: { set: 'x' } }), { table: 'actions' }]))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid-payload' })
    expect(await currentSeq(db(), scope)).toBe(0)
  })

  it('tells an old app to update in plain English', async () => {
    const res = await push({ protocol: 0, mutations: [{ an: 'old shape' }] })
    expect(res.statusCode).toBe(426)
    expect(res.json().message).toMatch(/needs the latest version of LIM Huddle\. Tap Update now\./)
  })

  it('refuses a body over the limit with 413 and a JSON error, applying nothing', async () => {
    const scope = newScope()
    const padding = 'x'.repeat(9_000)
    const count = Math.ceil(SYNC_BODY_LIMIT / padding.length) + 1
    const mutations = Array.from({ length: count }, (_, i) => mutation(scope, `a${i}`, { title: { set: padding } }))
    const res = await push(pushBody(mutations))
    expect(res.statusCode).toBe(413)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(res.json()).toMatchObject({
      error: 'too-large',
      message: SYNC_ERROR_MESSAGES['too-large'],
      details: { maxBytes: SYNC_BODY_LIMIT },
    })
    expect(await currentSeq(db(), scope)).toBe(0)
  })

  it.each([
    ['an unknown field on a mutation', (m: object) => ({ ...m, colour: 'red' }), 'mutations.1'],
    [
      'an unknown operation on a field',
      (m: object) => ({ ...m, fields: { title: { set: 'x', replace: true } } }),
      'mutations.1.fields.title',
    ],
    ['a table that does not sync', (m: object) => ({ ...m, table: 'secrets' }), 'mutations.1.table'],
    ['a stamp that is not an HLC', (m: object) => ({ ...m, hlc: '2024-01-01T00:00:00Z' }), 'mutations.1.hlc'],
    ['a mutation id that is not a UUID', (m: object) => ({ ...m, mutationId: 'one' }), 'mutations.1.mutationId'],
  ])('refuses a batch with %s, says where, and applies none of it', async (_what, spoil, path) => {
    const scope = newScope()
    const good = mutation(scope, 'good', { title: { set: 'fine' } })
    const res = await push(pushBody([good, spoil(mutation(scope, 'bad', { title: { set: 'x' } }))]))
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body).toMatchObject({ error: 'invalid-payload', message: SYNC_ERROR_MESSAGES['invalid-payload'] })
    expect(body.details.issues.map((issue: { path: string }) => issue.path)).toContainEqual(
      expect.stringContaining(path),
    )
    expect(await currentSeq(db(), scope)).toBe(0)
  })

  it('refuses an unknown top-level field', async () => {
    const res = await push(pushBody([mutation(newScope(), 'a', { title: { set: 'x' } })], { priority: 'high' }))
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toBe('invalid-payload')
  })

  it('answers a body that is not JSON with a JSON 400', async () => {
    const res = await running().server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { 'content-type': 'application/json' },
      payload: '{"protocol":1,',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid-payload' })
  })

  it.each([
    ['an unknown parameter', 'protocol=1&scope=w&colour=red'],
    ['a limit over 1000', 'protocol=1&scope=w&limit=5000'],
    ['a negative cursor', 'protocol=1&scope=w&after=-1'],
    ['no scope', 'protocol=1'],
  ])('refuses a pull with %s', async (_what, query) => {
    const res = await pull(query)
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toBe('invalid-payload')
  })
})

describe('sync API access hooks', () => {
  const forbidden = newScope()
  const running = useTestServer('sqlite', {
    authenticate: async (request, reply) => {
      if (request.headers.authorization !== 'Bearer tablet')
        await reply.code(401).send({ error: 'unauthorised', message: 'No token' })
    },
    mayUseScope: (_request, scope) => scope !== forbidden,
  })
  const db = () => running().test.db

  const headers = { authorization: 'Bearer tablet' }

  it('runs the authenticate hook before every sync route', async () => {
    for (const [method, url] of [
      ['POST', '/api/sync/push'],
      ['GET', '/api/sync/pull?protocol=1&scope=a'],
      ['GET', '/api/sync/events?scope=a'],
    ] as const) {
      const res = await running().server.app.inject({
        method,
        url,
        payload: method === 'POST' ? pushBody([]) : undefined,
      })
      expect(res.statusCode, url).toBe(401)
    }
  })

  it('refuses a batch touching a scope the device may not use, applying none of it', async () => {
    const allowed = newScope()
    const res = await running().server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers,
      payload: pushBody([
        mutation(allowed, 'a', { title: { set: 'x' } }),
        mutation(forbidden, 'b', { title: { set: 'y' } }),
      ]),
    })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ error: 'forbidden-scope', details: { scope: forbidden } })
    expect(await currentSeq(db(), allowed)).toBe(0)
  })

  it.each([`/api/sync/pull?protocol=1&scope=${forbidden}`, `/api/sync/events?scope=${forbidden}`])(
    'refuses %s',
    async (url) => {
      const res = await running().server.app.inject({ method: 'GET', url, headers })
      expect(res.statusCode).toBe(403)
      expect(res.json().error).toBe('forbidden-scope')
    },
  )
})
