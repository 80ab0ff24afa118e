import type { ServerRecord } from '../../src/shared/sync/protocol.ts'
import type { SyncDb } from '../db/open.ts'
import { fromRow } from './records.ts'

export interface PullPage {
  records: ServerRecord[]
  /** Pass as `after` next time: the last sequence number in this page (or `after` when it is empty). */
  cursor: number
  hasMore: boolean
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
  return { records, cursor: last ? last.seq : after, hasMore }
}

/** The scope's last sequence number (0 before anything was pushed to it). */
export async function currentSeq(db: SyncDb, scope: string): Promise<number> {
  const row = await db.selectFrom('scopes').select('seq').where('scope', '=', scope).executeTakeFirst()
  return row ? Number(row.seq) : 0
}
