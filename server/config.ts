import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { databaseConfigFrom, type DatabaseConfig } from './db/config.ts'

export interface ServerConfig {
  host: string
  port: number
  distDir: string
  version: string
  database: DatabaseConfig
}

const projectRoot = fileURLToPath(new URL('..', import.meta.url))

/** Reads HOST, PORT, DIST_DIR, and DATABASE_URL or DATA_DIR. Loopback unless HOST says otherwise, so a laptop
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
  }
}

/** The address people should type: loopback and "all interfaces" both mean this machine. */
export function publicUrl(host: string, port: number): string {
  const local = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' || host === 'localhost'
  return `http://${local ? 'localhost' : host}:${port}`
}
