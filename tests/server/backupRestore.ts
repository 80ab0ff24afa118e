// The README's backup and restore procedure, run against a test database: SQLite's online
// `.backup` (copied back over the data file while the server is stopped), PostgreSQL's
// `pg_dump -Fc` and `pg_restore --clean`. Restoring swaps `test.db` for a fresh pool, as a
// server started after the restore would open.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '../../server/db/open.ts'
import { TEST_DATABASE_URL, type TestDatabase } from './backends.ts'

export interface Backup {
  file: string
  /** Removes the backup file. */
  discard(): void
}

export async function backUp(test: TestDatabase): Promise<Backup> {
  const dir = mkdtempSync(join(tmpdir(), 'lim-huddle-backup-'))
  const file = join(dir, test.backend === 'sqlite' ? 'backup.sqlite' : 'backup.dump')
  if (test.config.dialect === 'sqlite') {
    // What `sqlite3 data/lim-huddle.sqlite ".backup backup.sqlite"` does, on the server's own connection.
    await sql`vacuum into ${file}`.execute(test.db)
  } else {
    execFileSync('pg_dump', ['-Fc', '-n', test.config.schema!, '-f', file, TEST_DATABASE_URL])
  }
  return { file, discard: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Call with the server stopped: puts the backup back and reopens `test.db` on it. */
export async function restore(test: TestDatabase, backup: Backup): Promise<void> {
  await test.db.destroy()
  if (test.config.dialect === 'sqlite') {
    const file = test.config.filename
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
    copyFileSync(backup.file, file)
  } else {
    execFileSync('pg_restore', ['--clean', '--if-exists', '-d', TEST_DATABASE_URL, backup.file])
  }
  test.db = openDatabase(test.config)
}
