import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import { isPostgres } from './open.ts'
import * as syncCore from './migrations/0001_sync_core.ts'
import * as devicesAndOrg from './migrations/0002_devices_and_org.ts'
import * as trustScopeKind from './migrations/0003_trust_scope_kind.ts'
import * as accessRefusalCounts from './migrations/0005_access_refusal_counts.ts'
import * as recordOwners from './migrations/0006_record_owners.ts'
import * as ideaLinks from './migrations/0007_idea_links.ts'
import * as scopeMarks from './migrations/0008_scope_marks.ts'
import * as leanPushTables from './migrations/0009_lean_push_tables.ts'

/**
 * Every migration, listed in code rather than found by scanning a folder, so a bundled
 * server carries them. Names sort in the order they run; never rename or edit one that
 * has shipped: add the next.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_sync_core': syncCore,
  '0002_devices_and_org': devicesAndOrg,
  '0003_trust_scope_kind': trustScopeKind,
  '0005_access_refusal_counts': accessRefusalCounts,
  '0006_record_owners': recordOwners,
  '0007_idea_links': ideaLinks,
  '0008_scope_marks': scopeMarks,
  '0009_lean_push_tables': leanPushTables,
}

const staticProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
}

/**
 * Brings the schema up to date. Safe to run on every start and from several processes at
 * once: Kysely's migrator takes a lock (an advisory lock on PostgreSQL) and skips what
 * has already run.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before, and regardless of, the current table types
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const schema = await postgresSchema(db)
  const migrator = new Migrator({ db, provider: staticProvider, migrationTableSchema: schema })
  let outcome = await migrator.migrateToLatest()
  // Kysely looks for its migration table by introspecting every schema of the database, by
  // name: a schema (or table) someone else drops at that moment fails the lookup with
  // "does not exist" though nothing of ours is missing. Ask again; it passes once the drop has
  // committed. Our own schema missing is a real error and is not retried.
  for (let attempt = 1; outcome.error && isOthersObjectDropped(outcome.error, schema) && attempt <= 5; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
    outcome = await migrator.migrateToLatest()
  }
  const { error, results } = outcome
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName
    throw new Error(
      `Database migration${failed ? ` ${failed}` : ''} failed: ${(error as Error).message ?? String(error)}`,
      { cause: error },
    )
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}

/**
 * On PostgreSQL the migrator must be told the schema: otherwise it takes a
 * kysely_migration table in any other schema of the database for its own.
 */
async function postgresSchema(db: Kysely<unknown>): Promise<string | undefined> {
  if (!isPostgres(db)) return undefined
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const schema = rows[0]?.schema
  if (!schema) throw new Error('PostgreSQL has no current schema: check the search_path of the DATABASE_URL user')
  return schema
}

/**
 * PostgreSQL's "schema does not exist" (3F000) or "relation does not exist" (42P01) naming an
 * object outside `ownSchema`: another connection dropped it while an introspection query read
 * the catalogue.
 */
export function isOthersObjectDropped(error: unknown, ownSchema: string | undefined): boolean {
  if (!ownSchema) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (code !== '3F000' && code !== '42P01') return false
  return typeof message === 'string' && !message.includes(`"${ownSchema}"`) && !message.includes(`"${ownSchema}.`)
}
