import type { SyncDb } from '../db/open.ts'
import { pruneRefusals } from '../devices/refusals.ts'
import { APPLIED_MUTATIONS_KEEP_MS, PRUNE_EVERY_MS } from '../limits.ts'

export { APPLIED_MUTATIONS_KEEP_MS, PRUNE_EVERY_MS }

/**
 * How long a mutation id is remembered. `applied_mutations` exists so that a push retried
 * after a lost response applies nothing twice; forgetting old ids keeps it from growing
 * for ever. Forgetting after 90 days is safe because of how merging works: a tablet's
 * retried mutation is the same `set` with the same stamp, and re-applying it changes
 * nothing (docs/SYNC.md, merge rules 1 and 4: an equal stamp is the same write, a later
 * write still wins, a text version already kept or knowingly replaced is ignored). So a
 * forgotten id that arrives again applies as a no-op.
 *
 * Only counter increments (`inc`) would count twice, and no table declares a counter
 * field today (src/shared/sync/tables.ts). A table that adds one must keep its mutation
 * ids for as long as a tablet may hold an unacknowledged push.
 *
 * One narrow case is not a no-op: a change the server re-stamped because the tablet's
 * clock was over 60 s fast gets a fresh server stamp again when retried, so it counts as
 * new. That takes a tablet that lost the answer to a push, then made no successful push
 * for 90 days, with its clock that far out.
 */

/** Forgets mutation ids applied more than `keepMs` before `now`; returns how many. */
export async function pruneAppliedMutations(
  db: SyncDb,
  now = Date.now(),
  keepMs = APPLIED_MUTATIONS_KEEP_MS,
): Promise<number> {
  const result = await db
    .deleteFrom('applied_mutations')
    .where('applied_at', '<', now - keepMs)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Prunes old mutation ids and old access refusals now, then once a day until the returned function is called. */
export function schedulePruning(
  db: SyncDb,
  {
    everyMs = PRUNE_EVERY_MS,
    onError = (what: string, error: Error) => console.warn(`Could not prune ${what}: ${error.message}`),
  } = {},
): () => void {
  const run = () => {
    pruneAppliedMutations(db).catch((error: Error) => onError('old mutation ids', error))
    pruneRefusals(db).catch((error: Error) => onError('old access refusals', error))
  }
  run()
  const timer = setInterval(run, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
