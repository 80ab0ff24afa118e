import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { COMPRESSION_THRESHOLD_BYTES } from '../../server/compression.ts'
import { pushMutations } from '../../server/sync/push.ts'
import { BACKENDS, newScope } from './backends.ts'
import { mutation, pushBody } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

// A script as Vite emits it: big enough to compress, and text that compresses well.
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i} * 2;`).join('\n')
const INDEX = `<!doctype html><title>LIM Huddle</title><div id="app"></div>${'<!-- padding -->'.repeat(100)}`
const TINY_STYLE = 'body{margin:0}'
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8')
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8')
  return body.toString('utf8')
}

describe.each(BACKENDS)('response compression on %s', (backend) => {
  const running = useTestServer(backend)
  const app = () => running().server.app
  const get = (url: string, acceptEncoding?: string) =>
    app().inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })

  beforeAll(() => {
    const dist = running().server.distDir
    mkdirSync(join(dist, 'assets'), { recursive: true })
    writeFileSync(join(dist, 'index.html'), INDEX)
    writeFileSync(join(dist, 'assets/index-B2x8nvfy.js'), SCRIPT)
    writeFileSync(join(dist, 'assets/index-CFAQCF16.css'), TINY_STYLE)
    writeFileSync(join(dist, 'assets/icon-D3x8nvfy.png'), PNG)
  })

  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['gzip;q=1, br;q=0', 'gzip'],
  ])('answers Accept-Encoding "%s" with %s and Vary: Accept-Encoding', async (accept, expected) => {
    const res = await get('/assets/index-B2x8nvfy.js', accept)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe(expected)
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i)
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 3)
    expect(decode(expected, res.rawPayload)).toBe(SCRIPT)
    // The file keeps its cache header: compression changes the bytes sent, not how long they may be kept.
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it.each([undefined, 'identity', 'deflate'])('sends the file as it is for Accept-Encoding %s', async (accept) => {
    const res = await get('/assets/index-B2x8nvfy.js', accept)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body).toBe(SCRIPT)
  })

  it.each(['/', '/board/huddle'])('compresses the app page the SPA fallback serves for %s', async (url) => {
    const res = await get(url, 'br, gzip')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.headers['content-encoding']).toBe('br')
    expect(decode('br', res.rawPayload)).toBe(INDEX)
  })

  it('leaves images alone: they are compressed already', async () => {
    const res = await get('/assets/icon-D3x8nvfy.png', 'br, gzip')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.rawPayload.equals(PNG)).toBe(true)
  })

  it('leaves a response under the threshold alone', async () => {
    const res = await get('/api/health', 'br, gzip')
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.json()).toMatchObject({ ok: true })
  })

  it('compresses a pull page of the API', async () => {
    const scope = newScope()
    const long = 'A long note about the ward. '.repeat(20)
    const pushed = await app().inject({
      method: 'POST',
      url: '/api/sync/push',
      payload: pushBody(Array.from({ length: 10 }, (_, i) => mutation(scope, `a${i}`, { title: { set: long } }))),
    })
    expect(pushed.statusCode).toBe(200)
    const res = await get(`/api/sync/pull?protocol=1&scope=${scope}&after=0`, 'gzip')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i)
    expect(res.headers['cache-control']).toBe('no-store')
    const page = JSON.parse(decode('gzip', res.rawPayload)) as { records: unknown[] }
    expect(page.records).toHaveLength(10)
  })

  describe('the sync events stream', () => {
    let base = ''
    beforeAll(async () => {
      await app().listen({ host: '127.0.0.1', port: 0 })
      const address = app().server.address()
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    })

    it('is never compressed, so each poke reaches the tablet as it is written', async () => {
      const scope = newScope()
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        const req = httpRequest(`${base}/api/sync/events?protocol=1&scope=${scope}`, {
          headers: { 'accept-encoding': 'br, gzip' },
        })
        req.on('response', resolve).on('error', reject).end()
      })
      try {
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
        expect(res.headers['content-encoding']).toBeUndefined()
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        const seen = async (needle: string) => {
          const started = Date.now()
          while (!text.includes(needle)) {
            if (Date.now() - started > 3_000) throw new Error(`No "${needle}" in the stream; so far: ${text}`)
            await new Promise((resolve) => setTimeout(resolve, 20))
          }
        }
        await seen(`data: {"scope":"${scope}","seq":0}`)
        await pushMutations(running().test.db, [mutation(scope, 'a', { title: { set: 'now' } })])
        await seen(`data: {"scope":"${scope}","seq":1}`)
      } finally {
        res.destroy()
      }
    })
  })
})
