import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app.ts'
import { cacheControlFor } from '../../server/cacheControl.ts'
import { publicUrl, readConfig } from '../../server/config.ts'

const INDEX = '<!doctype html><title>LIM Huddle</title><div id="app"></div>'
const files: Record<string, string> = {
  'index.html': INDEX,
  'sw.js': 'self.addEventListener("install", () => {})',
  'registerSW.js': '/* register */',
  'manifest.webmanifest': '{"name":"LIM Huddle"}',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'assets/index-B2x8nvfy.js': 'console.log("app")',
  'assets/index-CFAQCF16.css': 'body{}',
  'assets/images/nhsuk-icon-arrow-right.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
}

let dist: string
let app: FastifyInstance

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'lim-huddle-dist-'))
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, name)), { recursive: true })
    writeFileSync(join(dist, name), body)
  }
  app = await buildApp({ distDir: dist, version: '9.8.7' })
})

afterAll(async () => {
  await app.close()
  rmSync(dist, { recursive: true, force: true })
})

describe('GET /api/health', () => {
  it('reports ok and the version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(res.json()).toEqual({ ok: true, version: '9.8.7' })
  })
})

describe('SPA fallback', () => {
  it.each(['/', '/board', '/board/huddle', '/setup?from=link', '/no/such/screen'])(
    'serves index.html for %s',
    async (url) => {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/text\/html/)
      expect(res.body).toBe(INDEX)
      expect(res.headers['cache-control']).toBe('no-cache')
    },
  )

  it.each(['/api/nothing', '/api', '/api/sync/unknown?x=1'])('answers %s with a JSON 404, not the app', async (url) => {
    const res = await app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(res.json()).toMatchObject({ error: 'Not found' })
  })

  it.each(['/assets/index-OLDHASH1.js', '/missing.png', '/icons/nope.png'])(
    'answers a missing file %s with 404 rather than HTML',
    async (url) => {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(404)
      expect(res.body).not.toContain('<div id="app">')
    },
  )

  it('does not answer a POST to an unknown page with the app', async () => {
    const res = await app.inject({ method: 'POST', url: '/board', payload: {} })
    expect(res.statusCode).toBe(404)
  })
})

describe('cache headers', () => {
  it.each([
    ['/index.html', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/registerSW.js', 'no-cache'],
    ['/manifest.webmanifest', 'no-cache'],
    ['/favicon.svg', 'no-cache'],
    ['/assets/images/nhsuk-icon-arrow-right.svg', 'no-cache'],
    ['/assets/index-B2x8nvfy.js', 'public, max-age=31536000, immutable'],
    ['/assets/index-CFAQCF16.css', 'public, max-age=31536000, immutable'],
  ])('%s → %s', async (url, expected) => {
    const res = await app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe(expected)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it.each([
    ['/assets/HuddleView-C7cltbfk.js', true],
    ['/assets/workbox-window.prod.es5-BIl4cyR9.js', true],
    ['/assets/images/nhsuk-icon-arrow-up-circle.svg', false],
    ['/assets/logo.svg', false],
    ['/workbox-2fbc6a65.js', false],
    ['/sw.js', false],
  ])('cacheControlFor(%s) is immutable: %s', (path, immutable) => {
    expect(cacheControlFor(path) === 'public, max-age=31536000, immutable').toBe(immutable)
  })
})

describe('config', () => {
  it('listens on loopback port 8080 unless told otherwise', () => {
    const config = readConfig({})
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080 })
    expect(config.distDir).toMatch(/dist$/)
  })

  it('takes HOST and PORT from the environment', () => {
    expect(readConfig({ HOST: '0.0.0.0', PORT: '4173' })).toMatchObject({ host: '0.0.0.0', port: 4173 })
  })

  it('rejects a PORT that is not a port number', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/)
  })

  it.each([
    ['127.0.0.1', 8080, 'http://localhost:8080'],
    ['0.0.0.0', 4173, 'http://localhost:4173'],
    ['10.1.2.3', 8080, 'http://10.1.2.3:8080'],
  ])('publicUrl(%s, %i) is %s', (host, port, url) => {
    expect(publicUrl(host, port)).toBe(url)
  })
})
