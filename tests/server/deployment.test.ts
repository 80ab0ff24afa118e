// Running in a hospital: behind a reverse proxy (per-address limits per client, not per
// hospital), with request timeouts (a trickled body cannot hold a connection), and with
// security headers on every response.
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { parseTrustProxy } from '../../server/config.ts'
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../server/securityHeaders.ts'
import { BACKENDS } from './backends.ts'
import { enrolTablet, makeOrg } from './devices.fixtures.ts'
import { useTestServer } from './hooks.ts'

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.0/8, loopback', ['10.0.0.0/8', 'loopback']],
    ['fd00::/8,::1', ['fd00::/8', '::1']],
  ])('%j is %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected)
  })

  it.each(['1', 'proxy.internal', '10.0.0.300', '10.0.0.0/33', '10.0.0.0/8/1', 'yes'])('refuses %j', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/^TRUST_PROXY must be/)
  })
})

const enrolAttempt = (clientAddress: string) => ({
  method: 'POST' as const,
  url: '/api/enrol',
  // Every request reaches the server from the proxy; the proxy says who the client is.
  remoteAddress: '127.0.0.1',
  headers: { 'x-forwarded-for': clientAddress },
  payload: { code: 'AAAA-BBBB-CCCC', deviceName: 'Guessing tablet' },
})

describe.each(BACKENDS)('behind a reverse proxy on %s', (backend) => {
  const limits = { enrolPerMinute: 3 }
  const trusted = useTestServer(
    backend,
    { devices: { limits, refusalLog: { flushEveryMs: 20 } } },
    { trustProxy: ['127.0.0.1'] },
  )
  const untrusted = useTestServer(backend, { devices: { limits } })

  it('limits enrolment per client when the proxy is trusted: one guessing tablet does not lock out the ward', async () => {
    const app = trusted().server.app
    for (let i = 0; i < 3; i++) expect((await app.inject(enrolAttempt('10.20.0.7'))).statusCode).toBe(400)
    expect((await app.inject(enrolAttempt('10.20.0.7'))).statusCode).toBe(429)
    // Another tablet on the ward, through the same proxy.
    expect((await app.inject(enrolAttempt('10.20.0.8'))).statusCode).toBe(400)
  })

  it('without TRUST_PROXY every client behind the proxy shares one limit (why the setting exists)', async () => {
    const app = untrusted().server.app
    for (let i = 0; i < 3; i++) expect((await app.inject(enrolAttempt('10.20.0.7'))).statusCode).toBe(400)
    expect((await app.inject(enrolAttempt('10.20.0.8'))).statusCode).toBe(429)
  })

  it('logs the client address, not the proxy, for a refused request', async () => {
    const { test, server } = trusted()
    const org = await makeOrg(test.db)
    await enrolTablet(test.db, 'unit', org.unitA.id)
    await server.app.inject({
      method: 'GET',
      url: '/api/device',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '10.20.0.9', authorization: 'Bearer not-a-token' },
    })
    // Written in the background: wait for it.
    const deadline = Date.now() + 3_000
    let found: { ip: string } | undefined
    while (!found && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      found = await test.db.selectFrom('access_refusals').select('ip').where('ip', '=', '10.20.0.9').executeTakeFirst()
    }
    expect(found).toEqual({ ip: '10.20.0.9' })
  })
})

/** Connects, sends `head` and then one byte of the body every `everyMs`; resolves with what the server said and when it hung up. */
function trickle(port: number, head: string, bodyBytes: number, everyMs: number) {
  return new Promise<{ answer: string; closedAfterMs: number }>((resolve, reject) => {
    const started = Date.now()
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    let sent = 0
    const timer = setInterval(() => {
      if (sent < bodyBytes && !socket.destroyed) {
        socket.write('x')
        sent++
      }
    }, everyMs)
    socket.on('connect', () => socket.write(head))
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearInterval(timer)
      resolve({ answer, closedAfterMs: Date.now() - started })
    })
    setTimeout(() => {
      clearInterval(timer)
      socket.destroy()
      reject(new Error(`The server kept a trickling connection open for 10 s (it said: ${answer || 'nothing'})`))
    }, 10_000)
  })
}

describe('request timeouts', () => {
  const running = useTestServer(
    'sqlite',
    { devices: {} },
    { timeouts: { requestMs: 800, headersMs: 500, checkEveryMs: 100 } },
  )

  async function listening(): Promise<number> {
    const app = running().server.app
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    return typeof address === 'object' && address ? address.port : 0
  }

  it('answers 408 and hangs up on a body sent a byte at a time', async () => {
    const port = await listening()
    const { answer, closedAfterMs } = await trickle(
      port,
      'POST /api/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      1000,
      100,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    expect(closedAfterMs).toBeLessThan(3_000)
  })

  it('hangs up on headers sent a byte at a time', async () => {
    const port = await listening()
    const { closedAfterMs } = await trickle(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n', 1000, 100)
    expect(closedAfterMs).toBeLessThan(3_000)
  })
})

describe.each(BACKENDS)('security headers on %s', (backend) => {
  const running = useTestServer(backend, { devices: {} }, { trustProxy: ['127.0.0.1'] })
  const get = (url: string, headers: Record<string, string> = {}) =>
    running().server.app.inject({ method: 'GET', url, remoteAddress: '127.0.0.1', headers })

  it.each([
    '/',
    '/admin',
    '/api/health',
    '/api/ready',
    '/api/sync/pull?protocol=1&scope=x',
    '/api/admin/org',
    '/nope.js',
  ])('GET %s carries the strict CSP, frame-ancestors none, no referrer, nosniff', async (url) => {
    const res = await get(url)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name], name).toBe(value)
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    // Plain HTTP: HSTS would be ignored, and must not be sent.
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  it('adds HSTS when a trusted TLS-terminating proxy says the request came over HTTPS', async () => {
    const res = await get('/api/health', { 'x-forwarded-proto': 'https' })
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000')
  })

  it('sends the headers on an event stream too', async () => {
    const { test, server } = running()
    const org = await makeOrg(test.db)
    const { token } = await enrolTablet(test.db, 'unit', org.unitA.id)
    if (!server.app.server.listening) await server.app.listen({ port: 0, host: '127.0.0.1' })
    const address = server.app.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const controller = new AbortController()
    const res = await fetch(`http://127.0.0.1:${port}/api/sync/events?scope=${org.unitA.id}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    })
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    controller.abort()
  })
})
