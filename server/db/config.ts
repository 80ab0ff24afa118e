import { resolve } from 'node:path'

/** Where the sync data lives: an embedded SQLite file, or a PostgreSQL server shared by several processes. */
export type DatabaseConfig =
  | { dialect: 'sqlite'; filename: string }
  | {
      dialect: 'postgres'
      connectionString: string
      /** Tables live in this schema (search_path). Tests use one schema per run; production leaves it unset. */
      schema?: string
      /** Connections per process. */
      poolSize?: number
      /** How the connections are named in pg_stat_activity (default `POSTGRES_APPLICATION_NAME`). */
      applicationName?: string
    }

export const SQLITE_FILENAME = 'lim-huddle.sqlite'
export const POSTGRES_APPLICATION_NAME = 'lim-huddle'

const POSTGRES_URL = /^postgres(ql)?:\/\//
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * DATABASE_URL=postgres://… selects PostgreSQL; otherwise the SQLite file lives in
 * DATA_DIR (default ./data, relative to the project).
 */
export function databaseConfigFrom(env: NodeJS.ProcessEnv, projectRoot: string): DatabaseConfig {
  const url = env.DATABASE_URL?.trim()
  if (url) {
    if (!POSTGRES_URL.test(url)) {
      throw new Error('DATABASE_URL must start with postgres:// (leave it unset to use the SQLite file in DATA_DIR)')
    }
    return { dialect: 'postgres', connectionString: url }
  }
  return { dialect: 'sqlite', filename: resolve(projectRoot, env.DATA_DIR || 'data', SQLITE_FILENAME) }
}

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Not a usable schema name: ${JSON.stringify(schema)}`)
  return schema
}

/** For start-up messages: where the data is, without the password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.dialect === 'sqlite') return `SQLite file ${config.filename}`
  try {
    const url = new URL(config.connectionString)
    const where = `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
    return `PostgreSQL ${where}${config.schema ? ` (schema ${config.schema})` : ''}`
  } catch {
    return 'PostgreSQL'
  }
}
