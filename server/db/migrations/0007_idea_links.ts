import type { Kysely } from 'kysely'
import { isPostgres } from '../open.ts'

// Migrations take Kysely<any>: they must keep working as the Database type moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Idea links: a ward's public address for logging an idea from any phone, without
 * enrolment. Only the token's hash is kept; a revoked link stays listed (revoked_at).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? 'bigint' : 'integer'
  await db.schema
    .createTable('idea_links')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('unit_id', 'text', (col) => col.notNull())
    .addColumn('board_id', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('created_at', int64, (col) => col.notNull())
    .addColumn('created_by_device', 'text')
    .addColumn('revoked_at', int64)
    .addColumn('ideas_received', int64, (col) => col.notNull().defaultTo(0))
    .addColumn('last_idea_at', int64)
    .execute()
  await db.schema.createIndex('idea_links_unit').on('idea_links').column('unit_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idea_links').execute()
}
