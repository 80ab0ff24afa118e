import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { databaseConfigFrom, type DatabaseConfig } from './db/config.ts'

export interface ServerConfig {
  host: string
  port: number
  distDir: string
  version: string
  database: DatabaseConfig
  /** Which proxies in front may say who the client is (X-Forwarded-For, X-Forwarded-Proto): see `parseTrustProxy`. */
  trustProxy: TrustProxy
}

/** Fastify's `trustProxy`: off, every proxy, or the proxies' addresses and ranges. */
export type TrustProxy = boolean | string[]

/** Names proxy-addr understands for address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true
  const [address, bits, extra] = entry.split('/')
  if (extra !== undefined || !address) return false
  const family = isIP(address)
  if (family === 0) return false
  if (bits === undefined) return true
  const max = family === 4 ? 32 : 128
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max
}

/**
 * TRUST_PROXY: unset (or "false") trusts no proxy, so every request's address is the one
 * that connected; behind a reverse proxy that is the proxy's, and per-address limits then
 * apply to the whole hospital at once. Set it to the proxy's address(es) or range(s),
 * comma-separated ("10.0.0.5", "10.0.0.0/8,loopback"): X-Forwarded-For is then believed
 * only from them. "true" believes any client: only for a server no one can reach except
 * through the proxy. (A count of proxies is not offered: it cannot tell the proxy from a
 * client that writes its own X-Forwarded-For, and Fastify refuses it for that reason.)
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim()
  if (text === '' || text === 'false') return false
  if (text === 'true') return true
  const entries = text.split(',').map((entry) => entry.trim())
  const bad = entries.find((entry) => !isAddressOrRange(entry))
  if (bad !== undefined) {
    throw new Error(
      `TRUST_PROXY must be the reverse proxy's address or range (e.g. 10.0.0.5 or 10.0.0.0/8, comma-separated), true or false, not "${bad}"`,
    )
  }
  return entries
}

const projectRoot = fileURLToPath(new URL('..', import.meta.url))

/** Reads HOST, PORT, DIST_DIR, TRUST_PROXY, and DATABASE_URL or DATA_DIR. Loopback unless HOST says otherwise, so a laptop
 * running `npm start` is not exposed on the ward network by accident. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`)
  }
  const pkg = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string }
  return {
    host: env.HOST || '127.0.0.1',
    port,
    distDir: resolve(projectRoot, env.DIST_DIR || 'dist'),
    version: pkg.version,
    database: databaseConfigFrom(env, projectRoot),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  }
}

/** The address people should type: loopback and "all interfaces" both mean this machine. */
export function publicUrl(host: string, port: number): string {
  const local = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' || host === 'localhost'
  return `http://${local ? 'localhost' : host}:${port}`
}
