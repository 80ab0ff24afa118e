// The only module that knows IndexedDB's shape. Schema and migrations live here and
// nowhere else; stores and components go through `repo.ts`.
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie'
import { legacySlotRunId, slotRunId, stepResultId } from '@/domain/standardWork/ids'
import { createClock } from '@/shared/sync/hlc'
import type { JsonValue } from '@/shared/sync/json'
import type { ServerRecord } from '@/shared/sync/protocol'
import { isSyncedTable, SYNCED_TABLES } from '@/shared/sync/tables'
import { syncStateRowOf, type AppRow } from './syncStateRow'
import type {
  Action,
  Board,
  ChecklistRun,
  CatchBallEntry,
  CertCriteria,
  CertEntry,
  Certification,
  CertSubmission,
  CoachRequest,
  CoachRoster,
  CoachSession,
  ConceptQuestion,
  PractitionerListing,
  ChecklistTemplate,
  ConceptEdit,
  Csu,
  DayEntry,
  Escalation,
  Goal,
  GoalReview,
  HistoryEntry,
  HuddleRecord,
  Idea,
  Measure,
  PdsaCycle,
  ProblemA3,
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
  /** Part of a record sent again whole because the server no longer held it (restored from a backup): not a
   * change made here, dropped unsent once a pull shows the server has it (sync/resend.ts). */
  resend?: true
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

/** The last state of a synced record pulled from the server (what merges start from), stored beside its app
 * row without a second copy of its values (`syncStateRow.ts` `syncStateRowOf`, `syncRecords.ts` `syncRecordOf`). */
export interface SyncStateRow {
  table: string
  id: string
  scope: string
  seq: number
  /** Each stamp with the fields whose current value it stamped (one change's fields share one stamp). */
  stamps: Record<string, string[]>
  /** The values the app row does not show: all of them when there is none (deleted), else those that differ. */
  values: Record<string, JsonValue>
  origins?: ServerRecord['origins']
  conflicts?: ServerRecord['conflicts']
  /** 1 while a text field shows versions that differ, so the conflict badge is an index count; absent otherwise,
   * so the index holds only the conflicted rows (a pulled record writes no index entry for it). */
  conflicted?: 1
}

/** The states of records a pull brought in bulk that had none here, one row per pulled page and scope
 * (`syncStates.ts`): looked up through the multi-entry index of their keys. */
export interface SyncStatePack {
  id?: number
  scope: string
  /** `table\u0000id` of each state in `rows` (syncStates.ts `keyOf`), the index a record's state is found by. */
  keys: string[]
  rows: SyncStateRow[]
}

/** How versions 2 to 7 stored a record's merge state: a whole copy of the server's record. */
interface WholeSyncStateRow extends ServerRecord {
  conflicted: 0 | 1
}

/** Meta keys the sync layer keeps. */
export const SYNC_META = {
  /** This device's clock: one row, so a save reads and writes it in one step. */
  device: 'sync.device',
  cursor: (scope: string) => `sync.cursor.${scope}`,
  /** The server's mark for the cursor (docs/SYNC.md "Restore"), sent back with the next pull. */
  mark: (scope: string) => `sync.mark.${scope}`,
  markPrefix: 'sync.mark.',
  /** `{ seq, mark }` of this tablet's last acknowledged push to the scope, until a pull reaches it. */
  pushed: (scope: string) => `sync.pushed.${scope}`,
  pushedPrefix: 'sync.pushed.',
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
  goals!: EntityTable<Goal, 'id'>
  catchBall!: EntityTable<CatchBallEntry, 'id'>
  goalReviews!: EntityTable<GoalReview, 'id'>
  certSubmissions!: EntityTable<CertSubmission, 'id'>
  certEntries!: EntityTable<CertEntry, 'id'>
  certCriteria!: EntityTable<CertCriteria, 'id'>
  certifications!: EntityTable<Certification, 'id'>
  problemA3s!: EntityTable<ProblemA3, 'id'>
  practitioners!: EntityTable<PractitionerListing, 'id'>
  conceptQuestions!: EntityTable<ConceptQuestion, 'id'>
  coachRosters!: EntityTable<CoachRoster, 'id'>
  coachRequests!: EntityTable<CoachRequest, 'id'>
  coachSessions!: EntityTable<CoachSession, 'id'>
  history!: EntityTable<HistoryEntry, 'id'>
  outbox!: EntityTable<OutboxEntry, 'seq'>
  syncState!: Table<SyncStateRow, [string, string]>
  syncStatePacks!: Table<SyncStatePack, number>
  meta!: EntityTable<MetaRow, 'key'>
  notSent!: EntityTable<NotSentEntry, 'mutationId'>
  keptRecords!: Table<ServerRecord, [string, string]>

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
    // Improvement ideas: a new table only, so nothing stored needs changing.
    this.version(3).stores({
      ideas: 'id, boardId, unitId, status',
    })
    // PDSA cycles, standard work, the concept library's edits and escalations: new
    // tables only, nothing stored changes.
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
    // Slot runs (and their step results) get ids that name the unit.
    this.version(6).stores({}).upgrade(nameUnitsInSlotRunIds)
    // Pulled records of tables this version does not know, kept until an update knows them (a new table only).
    this.version(7).stores({ keptRecords: '[table+id], scope' })
    // Strategy deployment: goals at each tier and their catch-ball threads (new tables only).
    this.version(8).stores({ goals: 'id, unitId, ownerScopeId', catchBall: 'id, goalId, unitId' })
    // LIM certification: submissions and their threads in the ward's scope, the office's criteria and the
    // certified improvements in the trust library (new tables only; docs/CERTIFICATION.md).
    this.version(9).stores({
      certSubmissions: 'id, unitId, ideaId',
      certEntries: 'id, submissionId, unitId',
      certCriteria: 'id, unitId',
      certifications: 'id, unitId, submissionId, csuId',
    })
    // The sync state stops holding a second copy of every value: the app rows hold them.
    this.version(10).stores({}).upgrade(storeStampsNotValues)
    // A goal's monthly review, one record per goal and month in the goal's scope (a new table only).
    this.version(11).stores({ goalReviews: 'id, goalId, unitId' })
    // Problem-solving A3s for ideas and escalations, one per subject (a new table only).
    this.version(12).stores({ problemA3s: 'id, unitId, boardId' })
    // Learning together (colleagues listed by their own choice, questions to them) in the trust library, and
    // coaching (the office's coaches per CSU there; requests and sessions in the board's scope): new tables only.
    this.version(13).stores({
      practitioners: 'id, unitId',
      conceptQuestions: 'id, threadId, conceptId, unitId',
      coachRosters: 'id, unitId',
      coachRequests: 'id, unitId, ideaId, boardId',
      coachSessions: 'id, requestId, unitId',
    })
    // A pulled page's new states as one row (syncStates.ts): a new table only, every state stored stays a row.
    this.version(14).stores({ syncStatePacks: '++id, scope, *keys' })
  }
}

/** Rewrites every sync state row from a whole copy of the record to stamps and the values its app row does not
 * show, read against the app rows as they are (so unsent changes shown there keep the server's values beside them). */
async function storeStampsNotValues(tx: Transaction): Promise<void> {
  const syncState = tx.table<WholeSyncStateRow | SyncStateRow, [string, string]>('syncState')
  const rows = (await syncState.toArray()).filter((row): row is WholeSyncStateRow => 'fields' in row)
  const byTable = new Map<string, WholeSyncStateRow[]>()
  for (const row of rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row])
  for (const [table, tableRows] of byTable) {
    const appRows: (AppRow | undefined)[] = isSyncedTable(SYNCED_TABLES, table)
      ? await tx.table(table).bulkGet(tableRows.map((row) => row.id))
      : tableRows.map(() => undefined)
    const next = tableRows.map(({ seq, conflicted: _conflicted, ...record }, i) =>
      syncStateRowOf(record, seq, appRows[i]),
    )
    await syncState.bulkPut(next)
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

/**
 * A checklist run for a due slot used to be `template_day_slot` on every unit, so on CSU and trust tablets two
 * wards running one trust-wide checklist overwrote each other's run. Such runs (and their step results,
 * `runId:stepId`, and history) move to the id that names the unit, nothing dropped. The server still holds the
 * old ids, so for each renamed record the outbox gets the whole record under its new id and a tombstone for the
 * old one (in its own scope, which the server lets that scope change), replacing any unsent change to the old id.
 */
async function nameUnitsInSlotRunIds(tx: Transaction): Promise<void> {
  const runs = tx.table<ChecklistRun, string>('checklistRuns')
  const results = tx.table<StepResult, string>('stepResults')
  const outbox = tx.table<OutboxEntry, number>('outbox')
  const meta = tx.table<MetaRow, string>('meta')
  const stored = (await meta.get(SYNC_META.device))?.value as DeviceClockRow | undefined
  const nodeId = stored?.nodeId ?? newNodeId()
  const clock = createClock(nodeId, Date.now, stored?.latest)
  const at = new Date().toISOString()
  const renames: { table: 'checklistRuns' | 'stepResults'; from: ChecklistRun | StepResult; to: string }[] = []
  for (const run of await runs.toArray()) {
    if (!run.slot || run.id !== legacySlotRunId(run.templateId, run.slot)) continue
    const runId = slotRunId(run.templateId, run.slot, run.unitId)
    renames.push({ table: 'checklistRuns', from: run, to: runId })
    for (const result of await results.where('runId').equals(run.id).toArray()) {
      renames.push({ table: 'stepResults', from: { ...result, runId }, to: stepResultId(runId, result.stepId) })
    }
  }
  if (renames.length === 0) return
  for (const { table, from, to } of renames) {
    const { id: oldId, ...fields } = from
    await tx.table(table).delete(oldId)
    await tx.table(table).put({ ...from, id: to })
    await tx.table('history').where('[table+recordId]').equals([table, oldId]).modify({ recordId: to })
    await outbox.where('[table+recordId]').equals([table, oldId]).delete()
    const entry = (recordId: string, values: Record<string, unknown>): OutboxEntry => ({
      mutationId: crypto.randomUUID(),
      table,
      recordId,
      unitId: from.unitId,
      op: 'put',
      fields: values,
      at,
      by: from.updatedBy,
      hlc: clock.tick(),
    })
    const { unitId: _unitId, ...values } = fields
    await outbox.add(entry(to, values))
    await outbox.add(entry(oldId, { deleted: true }))
  }
  const device: DeviceClockRow = { ...stored, nodeId, ...(clock.latest() ? { latest: clock.latest() } : {}) }
  await meta.put({ key: SYNC_META.device, value: device })
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

/**
 * Tests only: a new, empty database. Dexie's live-query cache can outlive `resetDatabase`: a
 * query a later test repeats with the same arguments was answered with rows an earlier test
 * stored and cleared. Deleting the database and opening it again wipes that cache too.
 */
export async function recreateDatabase(): Promise<void> {
  db.close()
  await db.delete()
  await db.open()
}

export async function clearDatabase(database: HuddleDatabase): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    await Promise.all(database.tables.map((t) => t.clear()))
  })
}
