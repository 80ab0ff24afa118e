import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildApp } from './app.ts'
import { publicUrl, readConfig } from './config.ts'
import { describeDatabase } from './db/config.ts'
import { migrateToLatest } from './db/migrate.ts'
import { openDatabase } from './db/open.ts'
import { ensureAdminToken } from './devices/settings.ts'
import { createScopeNotifier, type ScopeNotifier } from './sync/notifier.ts'
import { schedulePruning } from './sync/prune.ts'

const config = readConfig()

if (!existsSync(join(config.distDir, 'index.html'))) {
  const shown = relative(process.cwd(), config.distDir)
  console.error(`No built app in ${shown.startsWith('..') ? config.distDir : shown}/. Run \`npm run build\` first.`)
  process.exit(1)
}

const db = openDatabase(config.database)
let notifier: ScopeNotifier
try {
  const ran = await migrateToLatest(db)
  if (ran.length > 0) console.log(`Database updated: ${ran.join(', ')}`)
  const adminToken = await ensureAdminToken(db)
  // Only its hash is stored, so this is the one time it can be shown: shown at once,
  // before anything else can fail.
  if (adminToken) {
    console.log(`Admin token (shown once, keep it safe): ${adminToken}`)
    console.log('To make a new one (the old one then stops working): npm run admin -- new-admin-token')
  }
  notifier = await createScopeNotifier(db, config.database)
} catch (error) {
  console.error(`Could not open the sync database (${describeDatabase(config.database)}): ${(error as Error).message}`)
  await db.destroy().catch(() => undefined)
  process.exit(1)
}

const app = await buildApp({
  distDir: config.distDir,
  version: config.version,
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  // Device tokens are always required here; only tests build the sync routes without them.
  sync: { db, notifier, devices: {} },
})
const stopPruning = schedulePruning(db)

try {
  await app.listen({ host: config.host, port: config.port })
} catch (error) {
  console.error(`Could not start LIM Huddle on ${config.host}:${config.port}: ${(error as Error).message}`)
  process.exit(1)
}

const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.port
console.log(
  `LIM Huddle on ${publicUrl(config.host, port)}${config.host === '0.0.0.0' ? " (and on this machine's network address)" : ''}`,
)
console.log(`Sync data: ${describeDatabase(config.database)}`)

// Stop taking requests, let pushes in flight commit, then close the database cleanly
// (SQLite checkpoints its WAL on close).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopPruning()
    void app
      .close()
      .then(() => notifier.close())
      .then(() => db.destroy())
      .then(
        () => process.exit(0),
        (error: Error) => {
          console.error(`Error while stopping: ${error.message}`)
          process.exit(1)
        },
      )
  })
}
