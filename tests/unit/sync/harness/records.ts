// Records and outbox entries the real-server sync tests build: an action as a store would save it, and an
// outbox entry put straight into a tablet's database (a forged change, or one the server must refuse).
import type { OutboxEntry } from '@/db/db'
import type { Action } from '@/domain/types'
import { formatHlc } from '@/shared/sync/hlc'

export type NewRecord<T> = Omit<T, 'createdAt' | 'updatedAt' | 'updatedBy'>

export function newAction(id: string, unitId: string, over: Partial<Action> = {}): NewRecord<Action> {
  return {
    id,
    unitId,
    boardId: 'board-1',
    title: 'Fix the sluice door',
    owner: 'Sam',
    dueDay: null,
    status: 'open',
    measureId: null,
    measureDay: null,
    conceptIds: [],
    closedAt: null,
    ...over,
  }
}

/** An outbox entry as if a tablet had saved it, stamped `aheadMs` ahead of now (default: now). */
export function outboxEntry(over: Partial<OutboxEntry> & { aheadMs?: number } = {}): OutboxEntry {
  const { aheadMs = 0, ...rest } = over
  return {
    mutationId: crypto.randomUUID(),
    table: 'units',
    recordId: 'x',
    unitId: 'x',
    op: 'put',
    fields: { name: 'Renamed' },
    at: new Date().toISOString(),
    by: 'Sam',
    hlc: formatHlc({ wallMs: Date.now() + aheadMs, counter: 0, nodeId: 'forger' }),
    ...rest,
  }
}

/** What a forging tablet puts straight into its outbox: a change to `recordId` in its own scope, with a stamp
 * just inside the allowed skew, so it would win any last-writer-wins contest it were let into. */
export function forgedEntry(
  table: OutboxEntry['table'],
  recordId: string,
  unitId: string,
  fields: Record<string, unknown>,
): OutboxEntry {
  return outboxEntry({ table, recordId, unitId, fields, by: 'Forger', aheadMs: 59_000 })
}
