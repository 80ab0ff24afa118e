// The only module that knows IndexedDB's shape. Schema and migrations live here and
// nowhere else; stores and components go through `repo.ts`.
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie'
import { createClock } from '@/shared/sync/hlc'
import type { ServerRecord } from '@/shared/sync/protocol'
import type {
  Action,
  Board,
  ChecklistRun,
  ChecklistTemplate,
  ConceptEdit,
  Csu,
  DayEntry,
  Escalation,
  HistoryEntry,
  HuddleRecord,
  Idea,
  Measure,
  PdsaCycle,
  StepResult,
  SyncedTable,
  Trust,
  Unit,
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
  /** The change's sync timestamp, taken when it was saved, so a retry sends the same stamp. */
  hlc: string
  /** For declared text fields: what this tablet showed of the field when it was changed. */
  textBases?: Record<string, string>
}

/** A change the sync server refused, or this tablet found it could not send: set aside from the outbox
 * so it never holds up the rest, kept for staff to see, copy or discard in Settings ("could not be sent"). */
export interface NotSentEntry {
  mutationId: string
  entry: OutboxEntry
  /** The server's refusal code (protocol.ts REFUSAL_CODES), or 'invalid-on-tablet'. */
  error: string
  /** The server's own words, or the tablet's. */
  message: string
  /** When it was set aside (ISO instant). */
  setAsideAt: string
}

/** The last state of a synced record pulled from the server (what merges start from). */
export interface SyncStateRow extends ServerRecord {
  /** 1 while a text field shows versions that differ, so the conflict badge is an index count. */
  conflicted: 0 | 1
}

/** Meta keys the sync layer keeps. */
export const SYNC_META = {
  /** This device's clock: one row, so a save reads and writes it in one step. */
  device: 'sync.device',
  cursor: (scope: string) => `sync.cursor.${scope}`,
  /** Every pull cursor starts with this (a change of server resets them all). */
  cursorPrefix: 'sync.cursor.',
  /** This tablet's enrolment: device token, server id and the units it may sync. */
  enrolment: 'sync.enrolment',
} as const

export interface DeviceClockRow {
  /** The clock's node id: random, made once per device (per browser profile). */
  nodeId: string
  /** The greatest stamp issued or received (HybridClock.latest()). */
  latest?: string
  /** Server time minus device time, learned from the last response (ms). */
  offsetMs?: number
}

/** A random node id for this device's clock: short, because it travels in every stamp. */
export function newNodeId(): string {
  const bytes = new Uint8Array(10)
  crypto.getRandomValues(bytes)
  return `d${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`
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
  ideas!: EntityTable<Idea, 'id'>
  pdsaCycles!: EntityTable<PdsaCycle, 'id'>
  checklistTemplates!: EntityTable<ChecklistTemplate, 'id'>
  checklistRuns!: EntityTable<ChecklistRun, 'id'>
  stepResults!: EntityTable<StepResult, 'id'>
  conceptEdits!: EntityTable<ConceptEdit, 'id'>
  escalations!: EntityTable<Escalation, 'id'>
  history!: EntityTable<HistoryEntry, 'id'>
  outbox!: EntityTable<OutboxEntry, 'seq'>
  syncState!: Table<SyncStateRow, [string, string]>
  meta!: EntityTable<MetaRow, 'key'>
  notSent!: EntityTable<NotSentEntry, 'mutationId'>

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
    this.version(2)
      .stores({
        outbox: '++seq, &mutationId, table, [table+recordId]',
        syncState: '[table+id], scope, conflicted',
      })
      .upgrade(stampQueuedChanges)
    // Improvement ideas (issue 5): a new table only, so nothing stored needs changing.
    this.version(3).stores({
      ideas: 'id, boardId, unitId, status',
    })
    // PDSA cycles (issue 5), standard work (issue 4), the concept library's edits
    // (issue 6) and escalations (issue 8): new tables only, nothing stored changes.
    this.version(4).stores({
      pdsaCycles: 'id, ideaId, unitId',
      checklistTemplates: 'id, boardId, unitId',
      checklistRuns: 'id, templateId, [boardId+day], unitId',
      stepResults: 'id, runId, unitId',
      conceptEdits: 'id, unitId',
      escalations: 'id, boardId, unitId, status',
    })
    // Changes the server refused, set aside from the outbox: a new table only.
    this.version(5).stores({
      notSent: 'mutationId, setAsideAt',
    })
  }
}

/** Changes queued before version 2 get stamps in the order they were made, from a new node id. */
async function stampQueuedChanges(tx: Transaction): Promise<void> {
  const nodeId = newNodeId()
  const clock = createClock(nodeId)
  const entries = await tx.table<OutboxEntry, number>('outbox').orderBy('seq').toArray()
  for (const entry of entries) await tx.table('outbox').update(entry.seq!, { hlc: clock.tick() })
  const device: DeviceClockRow = { nodeId, ...(clock.latest() ? { latest: clock.latest() } : {}) }
  await tx.table<MetaRow, string>('meta').put({ key: SYNC_META.device, value: device })
}

/** The tables of the transaction the caller is running in (undefined outside one), so a
 * write nested in an older, narrower transaction can leave out what it may not touch. */
export function currentTransactionTables(): readonly string[] | undefined {
  return Dexie.currentTransaction?.storeNames
}

export const db = new HuddleDatabase()

/** Tests only: empty every table. */
export async function resetDatabase(): Promise<void> {
  await clearDatabase(db)
}

export async function clearDatabase(database: HuddleDatabase): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    await Promise.all(database.tables.map((t) => t.clear()))
  })
}
