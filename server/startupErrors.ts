// What the person starting the server reads when it cannot start: one plain line that names
// the file or the setting to fix, never a stack trace. Every start-up step throws a
// StartupError, or an error these functions turn into one.
import { dirname } from 'node:path'
import type { DatabaseConfig } from './db/config.ts'
import { describeDatabase } from './db/config.ts'

/** A start-up failure already worded for the operator. */
export class StartupError extends Error {
  override name = 'StartupError'
}

/** The error's code, or its cause's (a failed migration wraps the driver's error). */
function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 3; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown }
    if (typeof code === 'string') return code
    current = cause
  }
  return undefined
}

/** The first line of an error's message: driver messages sometimes carry more. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return (message.split('\n')[0] ?? '').trim() || 'unknown error'
}

/** Why the SQLite file (or its folder) cannot be used, naming the file and DATA_DIR. */
function sqliteStartupError(error: unknown, filename: string): StartupError {
  if (error instanceof StartupError) return error
  const code = codeOf(error) ?? ''
  const reason = firstLine(error)
  const folder = dirname(filename)
  if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'].includes(code)) {
    return new StartupError(
      `The data folder ${folder} cannot be created or written (${reason}). Set DATA_DIR to a folder the server's user can write to.`,
    )
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new StartupError(
      `The disk holding ${filename} is full (${reason}). Free some space, or set DATA_DIR elsewhere.`,
    )
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StartupError(
      `The SQLite file ${filename} is read-only (${reason}). Make it, and its folder ${folder} (DATA_DIR), writable by the server's user.`,
    )
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StartupError(
      `The SQLite file ${filename} cannot be opened (${reason}). Check that the server's user can write to it and to its folder ${folder} (DATA_DIR).`,
    )
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StartupError(
      `The SQLite file ${filename} is damaged or is not a LIM Huddle database (${reason}). Restore it from a backup, or move it aside to start with an empty one.`,
    )
  }
  return new StartupError(`Could not use the SQLite file ${filename} (DATA_DIR): ${reason}`)
}

/** Why PostgreSQL cannot be used, naming DATABASE_URL (without its password). */
function postgresStartupError(error: unknown, config: Extract<DatabaseConfig, { dialect: 'postgres' }>): StartupError {
  if (error instanceof StartupError) return error
  return new StartupError(
    `Could not use the database in DATABASE_URL (${describeDatabase(config)}): ${firstLine(error)}`,
  )
}

export function databaseStartupError(error: unknown, config: DatabaseConfig): StartupError {
  return config.dialect === 'sqlite' ? sqliteStartupError(error, config.filename) : postgresStartupError(error, config)
}
