import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../open.ts'

// Migrations take Kysely<any>: they must keep working as the Database type moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The organisation (trust → CSU → unit), enrolment codes, enrolled devices, server
 * settings and the log of refused requests. Times are ms since the epoch; secrets are
 * stored only as SHA-256 hashes (see server/devices/secrets.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db)
  const int64 = postgres ? 'bigint' : 'integer'

  await db.schema
    .createTable('org_trusts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', int64, (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('org_csus')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('trust_id', 'text', (col) => col.notNull().references('org_trusts.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', int64, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('org_csus_trust').on('org_csus').column('trust_id').execute()

  await db.schema
    .createTable('org_units')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('csu_id', 'text', (col) => col.notNull().references('org_csus.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('ward', 'department')`))
    .addColumn('created_at', int64, (col) => col.notNull())
    .execute()
  await db.schema.createIndex('org_units_csu').on('org_units').column('csu_id').execute()

  await db.schema
    .createTable('enrolment_codes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('code_hash', 'text', (col) => col.notNull().unique())
    .addColumn('scope_kind', 'text', (col) => col.notNull().check(sql`scope_kind in ('unit', 'csu')`))
    .addColumn('scope_id', 'text', (col) => col.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', int64, (col) => col.notNull())
    .addColumn('expires_at', int64, (col) => col.notNull())
    .addColumn('used_at', int64)
    .addColumn('used_by_device', 'text')
    .addColumn('revoked_at', int64)
    .execute()

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('scope_kind', 'text', (col) => col.notNull().check(sql`scope_kind in ('unit', 'csu')`))
    .addColumn('scope_id', 'text', (col) => col.notNull())
    .addColumn('enrolled_at', int64, (col) => col.notNull())
    .addColumn('revoked_at', int64)
    .addColumn('last_seen_at', int64)
    .addColumn('last_sync_at', int64)
    .addColumn('pending_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('oldest_pending_at', int64)
    .execute()

  await db.schema
    .createTable('server_settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('access_refusals')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (col) =>
      postgres ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('at', int64, (col) => col.notNull())
    .addColumn('device_id', 'text')
    .addColumn('ip', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .execute()

  // Pruning deletes by age (server/sync/prune.ts).
  await db.schema.createIndex('applied_mutations_applied_at').on('applied_mutations').column('applied_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applied_mutations_applied_at').execute()
  for (const table of [
    'access_refusals',
    'server_settings',
    'devices',
    'enrolment_codes',
    'org_units',
    'org_csus',
    'org_trusts',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
