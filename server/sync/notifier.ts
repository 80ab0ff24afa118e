import pg from 'pg'
import type { DatabaseConfig } from '../db/config.ts'
import { isPostgres, pgClientConfig, type SyncDb } from '../db/open.ts'
import { onCommit, SCOPE_CHANNEL } from './push.ts'

export type ScopeListener = (seq: number) => void

/**
 * Tells live connections that a scope's sequence may have advanced, whichever process
 * made the change. A listener can be told the same sequence number more than once and
 * acts only when it goes up; a missed call costs only latency, because tablets also
 * pull on start, on reconnect and periodically.
 */
export interface ScopeNotifier {
  subscribe(scope: string, listener: ScopeListener): () => void
  close(): Promise<void>
}

/** Changes this process commits poke at once (`onCommit`); the poll only finds those of another process (the
 * CLI, a second server on the same file), which should still show on the tablets within about 2 s. Each poll is
 * one indexed read of the watched scopes' rows. */
const SQLITE_POLL_MS = 250
const RECONNECT_MIN_MS = 500
const RECONNECT_MAX_MS = 30_000

class Listeners {
  readonly byScope = new Map<string, Set<ScopeListener>>()

  add(scope: string, listener: ScopeListener): () => void {
    const set = this.byScope.get(scope) ?? new Set<ScopeListener>()
    set.add(listener)
    this.byScope.set(scope, set)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.byScope.get(scope) === set) this.byScope.delete(scope)
    }
  }

  emit(scope: string, seq: number): void {
    for (const listener of [...(this.byScope.get(scope) ?? [])]) {
      try {
        listener(seq)
      } catch (error) {
        console.warn(`A sync listener for ${scope} failed: ${(error as Error).message}`)
      }
    }
  }

  scopes(): string[] {
    return [...this.byScope.keys()]
  }
}

/** Reads the watched scopes' sequence numbers and tells their listeners. */
async function pollScopes(db: SyncDb, listeners: Listeners): Promise<void> {
  const scopes = listeners.scopes()
  if (scopes.length === 0) return
  const rows = await db.selectFrom('scopes').select(['scope', 'seq']).where('scope', 'in', scopes).execute()
  for (const row of rows) listeners.emit(row.scope, Number(row.seq))
}

/** Every push this process commits, told to the listeners of the scopes it advanced as soon as it commits. */
function pokeOnCommit(db: SyncDb, listeners: Listeners): () => void {
  return onCommit(db, (advanced) => {
    for (const [scope, seq] of Object.entries(advanced)) listeners.emit(scope, seq)
  })
}

/** SQLite: this process's pushes poke on commit; any other process may write the file too, so poll
 * `scopes.seq` while anyone is listening. */
function createPollingNotifier(db: SyncDb, intervalMs = SQLITE_POLL_MS): ScopeNotifier {
  const listeners = new Listeners()
  const stopHearing = pokeOnCommit(db, listeners)
  let polling = false
  const timer = setInterval(() => {
    if (polling) return
    polling = true
    pollScopes(db, listeners)
      .catch((error: Error) => console.warn(`Could not check for sync changes: ${error.message}`))
      .finally(() => {
        polling = false
      })
  }, intervalMs)
  timer.unref()
  return {
    subscribe: (scope, listener) => listeners.add(scope, listener),
    close: async () => {
      clearInterval(timer)
      stopHearing()
    },
  }
}

/**
 * PostgreSQL: pushes call pg_notify inside their transaction, so every process hears of
 * every commit through LISTEN on one dedicated connection. If that connection drops, it
 * reconnects and re-reads the watched scopes, so a notification lost meanwhile only
 * delays the poke.
 */
async function createPostgresNotifier(
  db: SyncDb,
  config: Extract<DatabaseConfig, { dialect: 'postgres' }>,
): Promise<ScopeNotifier> {
  const listeners = new Listeners()
  let client: pg.Client | undefined
  let schema: string | undefined
  let closed = false
  let retryMs = RECONNECT_MIN_MS
  let retryTimer: NodeJS.Timeout | undefined
  // This process's own commits need not wait for NOTIFY to come back over the LISTEN connection.
  const stopHearing = pokeOnCommit(db, listeners)

  function onNotification(message: pg.Notification): void {
    if (message.channel !== SCOPE_CHANNEL || !message.payload) return
    try {
      const payload = JSON.parse(message.payload) as { schema?: unknown; scope?: unknown; seq?: unknown }
      if (payload.schema !== schema || typeof payload.scope !== 'string') return
      listeners.emit(payload.scope, Number(payload.seq))
    } catch {
      // Another program's message on our channel: not ours to act on.
    }
  }

  async function connect(): Promise<void> {
    // Named, so an operator (or a test) can find this connection in pg_stat_activity.
    const next = new pg.Client({ ...pgClientConfig(config), application_name: listenerName(config) })
    next.on('notification', onNotification)
    next.on('error', () => reconnectSoon(next))
    next.on('end', () => reconnectSoon(next))
    await next.connect()
    try {
      const { rows } = await next.query<{ schema: string }>('select current_schema() as schema')
      schema = rows[0]?.schema
      await next.query(`LISTEN ${SCOPE_CHANNEL}`)
    } catch (error) {
      await next.end().catch(() => undefined)
      throw error
    }
    client = next
    retryMs = RECONNECT_MIN_MS
  }

  function reconnectSoon(failed: pg.Client): void {
    if (closed || client !== failed) return
    client = undefined
    failed.removeAllListeners('end')
    void failed.end().catch(() => undefined)
    scheduleReconnect()
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer) return
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      connect()
        .then(() => pollScopes(db, listeners))
        .catch((error: Error) => {
          console.warn(`Live sync updates paused (PostgreSQL LISTEN): ${error.message}; retrying`)
          retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS)
          scheduleReconnect()
        })
    }, retryMs)
    retryTimer.unref()
  }

  await connect()
  return {
    subscribe: (scope, listener) => listeners.add(scope, listener),
    async close() {
      closed = true
      stopHearing()
      if (retryTimer) clearTimeout(retryTimer)
      const current = client
      client = undefined
      await current?.end()
    },
  }
}

export function listenerName(config: Extract<DatabaseConfig, { dialect: 'postgres' }>): string {
  return `lim-huddle-listen${config.schema ? ` ${config.schema}` : ''}`
}

export interface NotifierOptions {
  /** SQLite: how often to look for other processes' changes (tests). */
  pollMs?: number
}

export async function createScopeNotifier(
  db: SyncDb,
  config: DatabaseConfig,
  options: NotifierOptions = {},
): Promise<ScopeNotifier> {
  if (config.dialect === 'postgres') {
    if (!isPostgres(db)) throw new Error('The database is not the PostgreSQL one the notifier was configured for')
    return createPostgresNotifier(db, config)
  }
  return createPollingNotifier(db, options.pollMs)
}
