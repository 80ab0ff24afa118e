// `npm run admin -- <command>` (see server/admin/commands.ts). Opens the same database
// the server uses (DATABASE_URL, or the SQLite file in DATA_DIR), brings its schema up
// to date, runs one command and closes it. Safe while the server runs: SQLite waits
// for the server's writes (busy_timeout) and PostgreSQL is built for several clients.
import { fileURLToPath } from 'node:url'
import { runAdminCommand } from './admin/commands.ts'
import { databaseConfigFrom } from './db/config.ts'
import { migrateToLatest } from './db/migrate.ts'
import { openDatabase } from './db/open.ts'
import { databaseStartupError } from './startupErrors.ts'

const projectRoot = fileURLToPath(new URL('..', import.meta.url))

let exitCode = 1
let config
try {
  config = databaseConfigFrom(process.env, projectRoot)
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}
let db
try {
  db = openDatabase(config)
  await migrateToLatest(db)
  exitCode = await runAdminCommand(
    db,
    process.argv.slice(2),
    (line) => console.log(line),
    (line) => console.error(line),
  )
} catch (error) {
  console.error(databaseStartupError(error, config).message)
} finally {
  await db?.destroy()
}
process.exitCode = exitCode
