import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../open.ts'

// Migrations take Kysely<any>: they must keep working as the Database type moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Enrolment codes and devices may be for a whole trust (the improvement office's own
 * tablets), not only a unit or a CSU: the scope_kind check of both tables allows 'trust'.
 * PostgreSQL swaps the check constraint; SQLite cannot alter one, so each table is
 * rebuilt with the new check and its rows copied across, in the migration's transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await replaceScopeKindCheck(db, ['unit', 'csu', 'trust'])
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('enrolment_codes').where('scope_kind', '=', 'trust').execute()
  await db.deleteFrom('devices').where('scope_kind', '=', 'trust').execute()
  await replaceScopeKindCheck(db, ['unit', 'csu'])
}

const TABLES = ['enrolment_codes', 'devices'] as const

async function replaceScopeKindCheck(db: Kysely<any>, kinds: readonly string[]): Promise<void> {
  const allowed = sql.join(kinds.map((kind) => sql.lit(kind)))
  if (isPostgres(db)) {
    for (const table of TABLES) {
      // Named by PostgreSQL when 0002 declared it inline: found by what it checks.
      const { rows } = await sql<{ name: string }>`
        select conname as name from pg_constraint
        where conrelid = ${sql.lit(table)}::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%scope_kind%'`.execute(
        db,
      )
      for (const { name } of rows)
        await sql`alter table ${sql.table(table)} drop constraint ${sql.id(name)}`.execute(db)
      await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_scope_kind_check`)} check (scope_kind in (${allowed}))`.execute(
        db,
      )
    }
    return
  }
  for (const table of TABLES) {
    const { rows } = await sql<{
      sql: string
    }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db)
    const create = rows[0]?.sql
    if (!create) throw new Error(`Table ${table} is missing`)
    const rebuilt = create.replace(
      /check\s*\(\s*"?scope_kind"?\s+in\s*\([^)]*\)\s*\)/i,
      `check (scope_kind in (${kinds.map((kind) => `'${kind}'`).join(', ')}))`,
    )
    if (rebuilt === create) throw new Error(`Could not find the scope_kind check of ${table}`)
    const next = `${table}_next`
    await sql.raw(rebuilt.replace(/^create table\s+"?[a-z_]+"?/i, `create table "${next}"`)).execute(db)
    await sql`insert into ${sql.table(next)} select * from ${sql.table(table)}`.execute(db)
    await sql`drop table ${sql.table(table)}`.execute(db)
    await sql`alter table ${sql.table(next)} rename to ${sql.table(table)}`.execute(db)
  }
}
