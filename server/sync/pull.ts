import type { ServerRecord } from '../../src/shared/sync/protocol.ts'
import type { SyncDb } from '../db/open.ts'
import { fromRow } from './records.ts'

export interface PullPage {
  records: ServerRecord[]
  /** Pass as `after` next time: the last sequence number in this page (or `after` when it is empty). */
  cursor: number
  hasMore: boolean
  /** The mark of the push that wrote `cursor` (none before anything was written). */
  mark?: string
}

/** Whether a tablet's cursor is in this server's history: the push that wrote `after` is still here under the
 * mark the tablet was given. A server restored from a backup has lost that push, or issued `after` again
 * under another mark. With no mark (a tablet that last pulled before marks), only a cursor above the scope's
 * last sequence number shows it. */
export async function knowsCursor(
  db: SyncDb,
  scope: string,
  after: number,
  mark: string | undefined,
  /** `seq.mark` of the tablet's last acknowledged push there, which its cursor has not reached yet. */
  pushed?: string,
): Promise<boolean> {
  if (pushed !== undefined) {
    const [seq, pushedMark] = pushed.split('.') as [string, string]
    if ((await markOf(db, scope, Number(seq))) !== pushedMark) return false
  }
  if (after === 0) return true
  if (mark === undefined) return after <= (await currentSeq(db, scope))
  return (await markOf(db, scope, after)) === mark
}

async function markOf(db: SyncDb, scope: string, seq: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('scope_marks')
    .select('mark')
    .where('scope', '=', scope)
    .where('seq_to', '>=', seq)
    .orderBy('seq_to')
    .limit(1)
    .executeTakeFirst()
  return row?.mark
}

/**
 * The latest state of every record in `scope` that changed after sequence `after`, in
 * sequence order. One statement, so one snapshot: with writers taking sequence numbers
 * under the scope lock (push.ts), every row below the highest one seen is already
 * visible, and the cursor never passes a row still being written.
 */
export async function pullRecords(db: SyncDb, scope: string, after: number, limit: number): Promise<PullPage> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('scope', '=', scope)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute()
  const hasMore = rows.length > limit
  const records = rows.slice(0, limit).map(fromRow)
  const last = records[records.length - 1]
  const cursor = last ? last.seq : after
  // Read after the records: the push that wrote `cursor` committed its mark with it.
  const mark = cursor > 0 ? await markOf(db, scope, cursor) : undefined
  return { records, cursor, hasMore, ...(mark === undefined ? {} : { mark }) }
}

/** How many records of `scope` changed after `after`: what a pull from there has to go ("n of N records"). */
export async function countAfter(db: SyncDb, scope: string, after: number): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where('scope', '=', scope)
    .where('seq', '>', after)
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}

/** The scope's last sequence number (0 before anything was pushed to it). */
export async function currentSeq(db: SyncDb, scope: string): Promise<number> {
  const row = await db.selectFrom('scopes').select('seq').where('scope', '=', scope).executeTakeFirst()
  return row ? Number(row.seq) : 0
}
