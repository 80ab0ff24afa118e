import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../open.ts'

// Migrations take Kysely<any>: they must keep working as the Database type moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * SQLite only: the three tables every push writes a row to besides `records` become WITHOUT ROWID tables, and
 * `applied_mutations` loses its `applied_at` index (docs/SYNC.md "The push path").
 *
 * Each has a text primary key (`applied_mutations.mutation_id`, `record_owners (tbl, id)`, `scope_marks (scope,
 * seq_to)`). As rowid tables, every row was written twice, once in the table and once in its primary key's index;
 * without a rowid the row lives in the key's own B-tree. The `applied_at` index served only the daily prune, which
 * now reads the whole table once a day instead of every push writing an index entry per change. Together a push
 * of 100 new changes writes about 44 WAL pages instead of 53.
 *
 * SQLite cannot change a table to WITHOUT ROWID: each is created anew, its rows copied, the old one dropped and the
 * new one renamed, in one transaction (Kysely runs SQLite migrations outside one). A table already without a rowid
 * is left alone, so a migration interrupted between its commit and Kysely's record of it runs again harmlessly.
 *
 * PostgreSQL has no rowid (a table is a heap with its key index either way), and its prune keeps its index: a
 * delete there scans no whole table to forget one day.
 */
const LEAN_TABLES = {
  applied_mutations: `create table "applied_mutations_next" ("mutation_id" text primary key, "scope" text not null,
    "device_id" text, "applied_at" integer not null) without rowid`,
  record_owners: `create table "record_owners_next" ("tbl" text not null, "id" text not null, "scope" text not null,
    constraint "record_owners_pk" primary key ("tbl", "id")) without rowid`,
  scope_marks: `create table "scope_marks_next" ("scope" text not null, "seq_to" integer not null, "mark" text not null,
    "made_at" integer not null, constraint "scope_marks_pk" primary key ("scope", "seq_to")) without rowid`,
} as const

/** As 0001, 0006 and 0008 made them. */
const ROWID_TABLES: Record<keyof typeof LEAN_TABLES, string> = {
  applied_mutations: `create table "applied_mutations_next" ("mutation_id" text primary key, "scope" text not null,
    "device_id" text, "applied_at" integer not null)`,
  record_owners: `create table "record_owners_next" ("tbl" text not null, "id" text not null, "scope" text not null,
    constraint "record_owners_pk" primary key ("tbl", "id"))`,
  scope_marks: `create table "scope_marks_next" ("scope" text not null, "seq_to" integer not null, "mark" text not null,
    "made_at" integer not null, constraint "scope_marks_pk" primary key ("scope", "seq_to"))`,
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return
  await inTransaction(db, async () => {
    for (const [table, create] of entries(LEAN_TABLES)) {
      if (await withoutRowid(db, table)) continue
      await rebuild(db, table, create)
    }
  })
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return
  await inTransaction(db, async () => {
    for (const [table, create] of entries(ROWID_TABLES)) {
      if (!(await withoutRowid(db, table))) continue
      await rebuild(db, table, create)
    }
    await sql`create index if not exists "applied_mutations_applied_at" on "applied_mutations" ("applied_at")`.execute(
      db,
    )
  })
}

const entries = (tables: Record<keyof typeof LEAN_TABLES, string>) =>
  Object.entries(tables) as [keyof typeof LEAN_TABLES, string][]

async function withoutRowid(db: Kysely<any>, table: string): Promise<boolean> {
  const { rows } = await sql<{
    sql: string
  }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db)
  const create = rows[0]?.sql
  if (!create) throw new Error(`Table ${table} is missing`)
  return /\)\s*without\s+rowid\s*$/i.test(create)
}

const COLUMNS: Record<keyof typeof LEAN_TABLES, readonly string[]> = {
  applied_mutations: ['mutation_id', 'scope', 'device_id', 'applied_at'],
  record_owners: ['tbl', 'id', 'scope'],
  scope_marks: ['scope', 'seq_to', 'mark', 'made_at'],
}

/** Copies `table` into the table `create` makes (`<table>_next`), drops it (and its indexes), renames the copy. */
async function rebuild(db: Kysely<any>, table: keyof typeof LEAN_TABLES, create: string): Promise<void> {
  const next = `${table}_next`
  const columns = sql.join(COLUMNS[table].map((column) => sql.ref(column)))
  await sql.raw(create).execute(db)
  await sql`insert into ${sql.table(next)} (${columns}) select ${columns} from ${sql.table(table)}`.execute(db)
  await sql`drop table ${sql.table(table)}`.execute(db)
  await sql`alter table ${sql.table(next)} rename to ${sql.table(table)}`.execute(db)
}

async function inTransaction(db: Kysely<any>, work: () => Promise<void>): Promise<void> {
  await sql`begin immediate`.execute(db)
  try {
    await work()
    await sql`commit`.execute(db)
  } catch (error) {
    await sql`rollback`.execute(db)
    throw error
  }
}
