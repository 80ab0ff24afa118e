// Starting the server: every step either works or throws a StartupError naming the file or
// setting to fix (main.ts prints it as one line). Tests start and stop it in-process.
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.ts'
import { publicUrl, readConfig, type ServerConfig } from './config.ts'
import { openCheckedDatabase } from './db/check.ts'
import { describeDatabase } from './db/config.ts'
import type { SyncDb } from './db/open.ts'
import { ensureAdminToken } from './devices/settings.ts'
import { firstLine, StartupError } from './startupErrors.ts'
import { createScopeNotifier, type ScopeNotifier } from './sync/notifier.ts'
import { schedulePruning } from './sync/prune.ts'

export interface Running {
  app: FastifyInstance
  db: SyncDb
  notifier: ScopeNotifier
  stopPruning: () => void
}

function checkBuilt(config: ServerConfig): void {
  if (existsSync(join(config.distDir, 'index.html'))) return
  const shown = relative(process.cwd(), config.distDir)
  throw new StartupError(
    `No built app in ${shown.startsWith('..') ? config.distDir : shown}/. Run \`npm run build\` first (or set DIST_DIR).`,
  )
}

/** Reads the settings from `env`, opens and checks the database, and listens. */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = console.log,
): Promise<Running> {
  let config: ServerConfig
  try {
    config = readConfig(env)
  } catch (error) {
    // The message names the setting (PORT, DATABASE_URL, TRUST_PROXY…).
    throw new StartupError(firstLine(error))
  }
  checkBuilt(config)

  const { db, migrated } = await openCheckedDatabase(config.database)
  let notifier: ScopeNotifier | undefined
  try {
    if (migrated.length > 0) print(`Database updated: ${migrated.join(', ')}`)
    const adminToken = await ensureAdminToken(db)
    // Only its hash is stored, so this is the one time it can be shown: shown at once,
    // before anything else can fail.
    if (adminToken) {
      print(`Admin token (shown once, keep it safe): ${adminToken}`)
      print('To make a new one (the old one then stops working): npm run admin -- new-admin-token')
    }
    notifier = await createScopeNotifier(db, config.database).catch((error: unknown) => {
      throw new StartupError(
        `Could not listen for changes on the sync database (${describeDatabase(config.database)}): ${firstLine(error)}`,
      )
    })
    const app = await buildApp({
      distDir: config.distDir,
      version: config.version,
      logger: { level: env.LOG_LEVEL ?? 'warn' },
      trustProxy: config.trustProxy,
      // Device tokens are always required here; only tests build the sync routes without them.
      sync: { db, notifier, devices: {} },
    })
    await app.listen({ host: config.host, port: config.port }).catch(async (error: unknown) => {
      await app.close()
      throw new StartupError(
        `Could not start LIM Huddle on ${config.host}:${config.port} (HOST, PORT): ${firstLine(error)}`,
      )
    })

    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    print(
      `LIM Huddle on ${publicUrl(config.host, port)}${config.host === '0.0.0.0' ? " (and on this machine's network address)" : ''}`,
    )
    print(`Sync data: ${describeDatabase(config.database)}`)
    return { app, db, notifier, stopPruning: schedulePruning(db) }
  } catch (error) {
    // Close what opened; the message printed is the failure's, whatever closing says.
    await notifier?.close().catch(() => undefined)
    await db.destroy().catch(() => undefined)
    throw error
  }
}

/** Stops taking requests, lets pushes in flight commit, then closes the database cleanly (SQLite checkpoints its WAL). */
export async function stopServer({ app, db, notifier, stopPruning }: Running): Promise<void> {
  stopPruning()
  await app.close()
  await notifier.close()
  await db.destroy()
}
