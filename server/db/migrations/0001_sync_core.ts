import type { Kysely } from 'kysely'
import { isPostgres } from '../open.ts'

// Migrations take Kysely<any>: they must keep working as the Database type moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? 'bigint' : 'integer'

  await db.schema
    .createTable('scopes')
    .addColumn('scope', 'text', (col) => col.primaryKey())
    .addColumn('seq', int64, (col) => col.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('records')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('tbl', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('seq', int64, (col) => col.notNull())
    .addColumn('fields', 'text', (col) => col.notNull())
    .addColumn('clocks', 'text', (col) => col.notNull())
    .addColumn('origins', 'text')
    .addColumn('conflicts', 'text')
    .addPrimaryKeyConstraint('records_pk', ['scope', 'tbl', 'id'])
    .execute()

  // The pull query's index. Unique: one sequence number is issued to one record write.
  await db.schema.createIndex('records_scope_seq').on('records').columns(['scope', 'seq']).unique().execute()

  await db.schema
    .createTable('applied_mutations')
    .addColumn('mutation_id', 'text', (col) => col.primaryKey())
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('device_id', 'text')
    .addColumn('applied_at', int64, (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('applied_mutations').execute()
  await db.schema.dropTable('records').execute()
  await db.schema.dropTable('scopes').execute()
}
