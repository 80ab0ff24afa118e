import { sql, type Kysely } from 'kysely'

// Migrations take Kysely<any>: they must keep working as the Database type moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Which scope a record id belongs to, per table: the first scope that stored it. A push naming a
 * (table, id) owned by another scope is refused (docs/SYNC.md "Identity"), so one ward can never
 * replace another ward's or the library's record on the tablets that read both. Seeded from the
 * records already stored; an id already stored in several scopes (checklist runs of one trust
 * checklist slot, before run ids named the unit) stays writable in each scope that holds it.
 * (Numbered 0006: 0005 had shipped before it, and migrations only run in order.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_owners')
    .addColumn('tbl', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('scope', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('record_owners_pk', ['tbl', 'id'])
    .execute()
  await sql`insert into record_owners (tbl, id, scope) select tbl, id, min(scope) from records group by tbl, id`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_owners').execute()
}
