// Readiness, as opposed to liveness: /api/health answers while the process runs; /api/ready
// answers only when the sync database does. A load balancer or monitor should route and
// alert on /api/ready: a server whose database is gone (damaged file, PostgreSQL down) is
// alive but every pull and push would fail.
import { READINESS } from './limits.ts'
import type { SyncDb } from './db/open.ts'

export type Readiness = { ready: true } | { ready: false; reason: string }

/** Reads a row from two of the tables every request uses: a missing table or a dead connection shows. */
async function touch(db: SyncDb): Promise<void> {
  await db.selectFrom('server_settings').select('key').limit(1).execute()
  await db.selectFrom('scopes').select('seq').limit(1).execute()
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * A readiness check for `db`: at most one database round trip per `cacheMs`, however often
 * it is probed, and a database that hangs counts as not ready after `timeoutMs`.
 */
export function databaseReadiness(
  db: SyncDb,
  { cacheMs = READINESS.cacheMs, timeoutMs = READINESS.timeoutMs, now = () => Date.now() } = {},
): () => Promise<Readiness> {
  let last: { at: number; result: Promise<Readiness> } | undefined
  return () => {
    if (last && now() - last.at < cacheMs) return last.result
    const result = withTimeout(touch(db), timeoutMs).then(
      (): Readiness => ({ ready: true }),
      (error: Error): Readiness => ({ ready: false, reason: error.message }),
    )
    last = { at: now(), result }
    return result
  }
}
