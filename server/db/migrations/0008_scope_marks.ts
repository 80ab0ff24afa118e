import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { isPostgres } from '../open.ts'

// Migrations take Kysely<any>: they must keep working as the Database type moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A random mark for each run of sequence numbers one push wrote in a scope (docs/SYNC.md "Restore"). A
 * tablet keeps the mark of the run its cursor is in and sends it with its next pull; a server restored from
 * a backup has lost that run (or issued the same numbers again under other marks), so it tells the tablet to
 * pull the scope again and send what the server no longer has. Every scope starts with one mark for what it
 * already holds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const int64 = isPostgres(db) ? 'bigint' : 'integer'
  await db.schema
    .createTable('scope_marks')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('seq_to', int64, (col) => col.notNull())
    .addColumn('mark', 'text', (col) => col.notNull())
    .addColumn('made_at', int64, (col) => col.notNull())
    .addPrimaryKeyConstraint('scope_marks_pk', ['scope', 'seq_to'])
    .execute()
  const scopes = (await db.selectFrom('scopes').select(['scope', 'seq']).execute()) as { scope: string; seq: number }[]
  const now = Date.now()
  for (let i = 0; i < scopes.length; i += 500) {
    const part = scopes.slice(i, i + 500).filter((row) => Number(row.seq) > 0)
    if (part.length === 0) continue
    await db
      .insertInto('scope_marks')
      .values(part.map((row) => ({ scope: row.scope, seq_to: row.seq, mark: newMark(), made_at: now })))
      .execute()
  }
}

export function newMark(): string {
  return randomBytes(9).toString('base64url')
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scope_marks').execute()
}
