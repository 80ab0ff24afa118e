// The only module that knows IndexedDB's shape. Schema and migrations live here and
// nowhere else; stores and components go through `repo.ts`.
import Dexie, { type EntityTable } from 'dexie'
import type {
  Action, Board, Csu, DayEntry, HistoryEntry, HuddleRecord, Measure, SyncedTable, Trust, Unit,
} from '@/domain/types'

export const DB_NAME = 'lim-huddle'

/** A local change waiting to be sent to the sync server (written by `repo.ts` in the
 * same transaction as the change itself, so nothing can be saved without it). */
export interface OutboxEntry {
  seq?: number
  mutationId: string
  table: SyncedTable
  recordId: string
  unitId: string
  op: 'put'
  /** The fields this change set, with their new values. */
  fields: Record<string, unknown>
  at: string
  by: string
}

export interface MetaRow {
  key: string
  value: unknown
}

export class HuddleDatabase extends Dexie {
  trusts!: EntityTable<Trust, 'id'>
  csus!: EntityTable<Csu, 'id'>
  units!: EntityTable<Unit, 'id'>
  boards!: EntityTable<Board, 'id'>
  measures!: EntityTable<Measure, 'id'>
  entries!: EntityTable<DayEntry, 'id'>
  actions!: EntityTable<Action, 'id'>
  huddles!: EntityTable<HuddleRecord, 'id'>
  history!: EntityTable<HistoryEntry, 'id'>
  outbox!: EntityTable<OutboxEntry, 'seq'>
  meta!: EntityTable<MetaRow, 'key'>

  constructor(name = DB_NAME) {
    super(name)
    this.version(1).stores({
      trusts: 'id',
      csus: 'id, trustId',
      units: 'id, csuId',
      boards: 'id, unitId',
      measures: 'id, boardId, unitId',
      entries: 'id, [measureId+day], [boardId+day], unitId',
      actions: 'id, boardId, unitId',
      huddles: 'id, [boardId+day], unitId',
      history: 'id, [table+recordId], unitId',
      outbox: '++seq, &mutationId, table',
      meta: 'key',
    })
  }
}

export const db = new HuddleDatabase()

/** Tests only: empty every table. */
export async function resetDatabase(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()))
  })
}
