// A record of every refused device, sync or admin request (401/403), for the improvement
// office to see who is knocking: a stolen tablet that was revoked, a device reaching for a
// ward it was not enrolled for, a wrong admin token.
//
// A refusal must cost less than the request it refuses, or refusing becomes the attack: so
// refusals are counted in memory and written in the background (REFUSAL_LOG in limits.ts),
// repeats of one refusal adding to one row, and old rows are pruned.
import type { FastifyBaseLogger } from 'fastify'
import type { ExpressionBuilder } from 'kysely'
import type { SyncDb } from '../db/open.ts'
import type { Database } from '../db/schema.ts'
import { REFUSAL_LOG } from '../limits.ts'

export interface Refusal {
  deviceId: string | null
  ip: string
  method: string
  url: string
  /** The route's pattern ('/api/admin/devices/:id/revoke'), so repeats with different ids count together. */
  route: string
  reason: string
}

export interface RefusalView extends Omit<Refusal, 'route'> {
  id: number
  route: string | null
  /** The first time. */
  at: number
  /** The latest time. */
  lastAt: number
  count: number
}

export type RefusalLogSettings = { [K in keyof typeof REFUSAL_LOG]: number }

const URL_MAX = 500
const TEXT_MAX = 200
const REFUSALS_LISTED = 100
/** Stands in for the address when too many different refusals arrive between two writes. */
export const MANY_ADDRESSES = '(many addresses)'

interface Pending {
  refusal: Refusal
  count: number
  firstAt: number
  lastAt: number
}

/** Text from a request, as it may be stored: bounded, and without U+0000 (which PostgreSQL refuses). */
function storable(text: string, max = TEXT_MAX): string {
  // eslint-disable-next-line no-control-regex -- U+0000 is exactly what is removed
  return text.replace(/\u0000/g, '\\0').slice(0, max)
}

/**
 * Counts refusals and writes them in the background. `record` never waits for the database
 * and never throws; `flush` writes what is counted (also run on close). Several server
 * processes may each add to the same row or start their own: the counts still add up.
 */
export class RefusalLog {
  private pending = new Map<string, Pending>()
  private timer: NodeJS.Timeout | undefined
  private flushing: Promise<void> = Promise.resolve()
  private readonly settings: RefusalLogSettings

  constructor(
    private readonly db: SyncDb,
    private readonly log: FastifyBaseLogger,
    settings: Partial<RefusalLogSettings> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.settings = { ...REFUSAL_LOG, ...settings }
  }

  /** Starts writing every `flushEveryMs`. */
  start(): this {
    this.timer ??= setInterval(() => void this.flush(), this.settings.flushEveryMs)
    this.timer.unref()
    return this
  }

  /** Counts one refusal. The first of its kind since the last write is logged at warn; repeats only count. */
  record(refusal: Refusal): void {
    const at = this.now()
    let entry: Refusal = {
      ...refusal,
      ip: storable(refusal.ip),
      method: storable(refusal.method, 16),
      url: storable(refusal.url, URL_MAX),
      route: storable(refusal.route),
      reason: storable(refusal.reason),
    }
    let key = JSON.stringify([entry.deviceId, entry.ip, entry.method, entry.route, entry.reason])
    if (!this.pending.has(key) && this.pending.size >= this.settings.maxPending) {
      // Many addresses at once (a scan): count them together rather than hold each in memory.
      entry = { ...entry, deviceId: null, ip: MANY_ADDRESSES }
      key = JSON.stringify([null, MANY_ADDRESSES, entry.method, entry.route, entry.reason])
    }
    const known = this.pending.get(key)
    if (known) {
      known.count++
      known.lastAt = at
      known.refusal.url = entry.url
      return
    }
    this.log.warn({ refusal: entry }, 'request refused')
    this.pending.set(key, { refusal: entry, count: 1, firstAt: at, lastAt: at })
  }

  /** Writes what has been counted. Runs one write at a time; a failure is logged, never thrown. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write())
    return this.flushing
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.flush()
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return
    const batch = [...this.pending.values()]
    this.pending = new Map()
    let lost = 0
    for (const entry of batch) {
      try {
        await this.add(entry)
      } catch (error) {
        lost += entry.count
        if (lost === entry.count) this.log.error({ err: error }, 'could not store access refusals')
      }
    }
    if (lost > 0) this.log.error({ lost }, 'access refusals counted but not stored')
  }

  /** Adds to the row of the same refusal seen within `aggregateWithinMs`, or starts a row. */
  private async add({ refusal, count, firstAt, lastAt }: Pending): Promise<void> {
    const { deviceId, ip, method, url, route, reason } = refusal
    let query = this.db
      .selectFrom('access_refusals')
      .select('id')
      .where('ip', '=', ip)
      .where('method', '=', method)
      .where('route', '=', route)
      .where('reason', '=', reason)
      .where('last_at', '>=', lastAt - this.settings.aggregateWithinMs)
    query = deviceId === null ? query.where('device_id', 'is', null) : query.where('device_id', '=', deviceId)
    const row = await query.orderBy('id', 'desc').limit(1).executeTakeFirst()
    if (row) {
      await this.db
        .updateTable('access_refusals')
        .set((eb) => ({ count: eb('count', '+', count), last_at: lastAt, url }))
        .where('id', '=', row.id)
        .execute()
      return
    }
    await this.db
      .insertInto('access_refusals')
      .values({ at: firstAt, last_at: lastAt, count, device_id: deviceId, ip, method, url, route, reason })
      .execute()
  }
}

/** The refusals seen most recently, newest first. */
export async function listRefusals(db: SyncDb, limit = REFUSALS_LISTED): Promise<RefusalView[]> {
  const rows = await db
    .selectFrom('access_refusals')
    .selectAll()
    .orderBy((eb) => eb.fn.coalesce('last_at', 'at'), 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: Number(row.id),
    at: Number(row.at),
    lastAt: Number(row.last_at ?? row.at),
    count: Number(row.count),
    deviceId: row.device_id,
    ip: row.ip,
    method: row.method,
    url: row.url,
    route: row.route,
    reason: row.reason,
  }))
}

/**
 * Deletes rows last seen more than `keepMs` ago, then all but the `maxRows` seen most recently; returns
 * how many went. Run daily with the mutation-id pruning (server/sync/prune.ts).
 */
export async function pruneRefusals(
  db: SyncDb,
  now = Date.now(),
  { keepMs, maxRows }: Pick<RefusalLogSettings, 'keepMs' | 'maxRows'> = REFUSAL_LOG,
): Promise<number> {
  const old = await db
    .deleteFrom('access_refusals')
    .where((eb) => eb(eb.fn.coalesce('last_at', 'at'), '<', now - keepMs))
    .executeTakeFirst()
  const lastSeen = (eb: ExpressionBuilder<Database, 'access_refusals'>) => eb.fn.coalesce('last_at', 'at')
  const cutoff = await db
    .selectFrom('access_refusals')
    .select((eb) => lastSeen(eb).as('seen'))
    .orderBy(lastSeen, 'desc')
    .limit(1)
    .offset(maxRows)
    .executeTakeFirst()
  const excess = cutoff
    ? await db
        .deleteFrom('access_refusals')
        .where((eb) => eb(lastSeen(eb), '<=', Number(cutoff.seen)))
        .executeTakeFirst()
    : { numDeletedRows: 0n }
  return Number(old.numDeletedRows) + Number(excess.numDeletedRows)
}
