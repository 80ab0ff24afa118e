import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../open.ts'

// Migrations take Kysely<any>: they must keep working as the Database type moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The refusal log counts repeats instead of writing a row per refused request: a row is one
 * kind of refusal (device, address, method, route, reason) seen `count` times from `at` to
 * `last_at`. Existing rows are one refusal each. Indexed by `last_at`, which pruning and the
 * admin list read. (Numbered 0005: 0004 is left to the sync protocol's own migration.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? 'bigint' : 'integer'
  await db.schema
    .alterTable('access_refusals')
    .addColumn('count', int64, (col) => col.notNull().defaultTo(1))
    .execute()
  await db.schema.alterTable('access_refusals').addColumn('last_at', int64).execute()
  await db.schema.alterTable('access_refusals').addColumn('route', 'text').execute()
  await db
    .updateTable('access_refusals')
    .set({ last_at: sql.ref('at') })
    .execute()
  await db.schema.createIndex('access_refusals_last_at').on('access_refusals').column('last_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('access_refusals_last_at').execute()
  for (const column of ['route', 'last_at', 'count']) {
    await db.schema.alterTable('access_refusals').dropColumn(column).execute()
  }
}
