// Domain types shared by the app and (later) the sync server. Framework-free: no Vue,
// no Dexie, no DOM. Every synced record carries an id, the unit it belongs to (its
// sync scope) and who last changed it, so the sync layer can treat all tables alike.

/** A calendar day in Europe/London, as `YYYY-MM-DD`. Never a midnight `Date`. */
export type DayKey = string
/** An instant, as a UTC ISO-8601 string. */
export type Instant = string

export interface RecordMeta {
  id: string
  /** Sync scope: the unit (ward/department) the record belongs to. */
  unitId: string
  createdAt: Instant
  updatedAt: Instant
  /** The name picked on the tablet when the change was made. */
  updatedBy: string
}

export interface Trust {
  id: string
  name: string
  createdAt: Instant
}

export interface Csu {
  id: string
  trustId: string
  name: string
  createdAt: Instant
}

export type UnitKind = 'ward' | 'department'

export interface Unit extends Omit<RecordMeta, 'unitId'> {
  unitId: string // equals id: a unit is its own scope
  csuId: string
  name: string
  kind: UnitKind
  /** The unit's quick name list for the "who is doing this" picker. */
  people: string[]
}

export interface MeasureCategory {
  id: string
  name: string
}

export interface AgendaItem {
  id: string
  title: string
  /** Time box in seconds. */
  seconds: number
  /** What the huddle screen shows for this step. */
  kind: AgendaKind
}

export type AgendaKind = 'safety' | 'measures' | 'plan' | 'actions' | 'ideas' | 'recognition' | 'notes'

export interface Board extends RecordMeta {
  name: string
  categories: MeasureCategory[]
  agenda: AgendaItem[]
  /** Overall huddle length in minutes. */
  huddleMinutes: number
  /** When ideas count as stuck on this board; missing statuses use the defaults (ideas.ts). */
  ideaStuckDays?: IdeaStuckLimits
}

export type MeasureType = 'yesno' | 'count' | 'number' | 'percentage' | 'daystatus'

/** Which way is good. 'neutral' means no direction (shown without RAG). */
export type Direction = 'higher' | 'lower' | 'neutral'

/**
 * RAG thresholds for numeric measures, read in the measure's direction of good:
 * with 'higher', green when value >= green and red when value < red; with 'lower',
 * green when value <= green and red when value > red; amber in between.
 */
export interface RagThresholds {
  green: number
  red: number
}

export interface Measure extends RecordMeta {
  boardId: string
  categoryId: string
  name: string
  type: MeasureType
  /** Display unit, e.g. "falls", "%", "beds". */
  unit: string
  direction: Direction
  /** For yes/no measures: which answer is good (e.g. "Any falls?" → no). */
  goodAnswer?: 'yes' | 'no'
  target?: number | null
  thresholds?: RagThresholds | null
  description: string
  conceptIds: string[]
  /** Position within the board (fractional, so reordering touches one record). */
  order: number
  archived: boolean
}

export type DayStatus = 'green' | 'amber' | 'red'

/** A yes/no answer is stored as a boolean, a day status as its colour, numbers as numbers. */
export type EntryValue = number | boolean | DayStatus

export interface DayEntry extends RecordMeta {
  measureId: string
  boardId: string
  day: DayKey
  value: EntryValue
  comment: string
}

export type ActionStatus = 'open' | 'done' | 'cancelled'

export interface Action extends RecordMeta {
  boardId: string
  title: string
  owner: string
  dueDay: DayKey | null
  status: ActionStatus
  measureId: string | null
  /** The measure's day the action was raised from, if any. */
  measureDay: DayKey | null
  conceptIds: string[]
  closedAt: Instant | null
}

export interface HuddleItemTiming {
  agendaItemId: string
  title: string
  seconds: number
  timeBoxSeconds: number
}

export interface HuddleRecord extends RecordMeta {
  boardId: string
  day: DayKey
  startedAt: Instant
  endedAt: Instant
  durationSeconds: number
  attendance: number
  facilitator: string
  notes: string
  timings: HuddleItemTiming[]
}

export interface FieldChange {
  field: string
  from: unknown
  to: unknown
}

/** Append-only audit trail: who changed what and when. */
export interface HistoryEntry {
  id: string
  unitId: string
  table: SyncedTable
  recordId: string
  at: Instant
  /** Who made the change; '' when a change pulled from another tablet cannot be attributed. */
  by: string
  /** 'resolved': someone chose between text versions typed at the same time on different tablets. */
  kind: 'created' | 'updated' | 'archived' | 'restored' | 'deleted' | 'resolved'
  changes: FieldChange[]
  /** Made on another tablet and recorded here when this tablet pulled it. */
  fromOtherTablet?: boolean
}

export type SyncedTable = 'units' | 'boards' | 'measures' | 'entries' | 'actions' | 'huddles' | 'ideas'

// ——— Improvement ideas (issue 5) ———

/** The 8 wastes of lean thinking (names and ward hints in wastes.ts). */
export type WasteId =
  | 'defects' | 'overproduction' | 'waiting' | 'unused-talent' | 'transport' | 'inventory' | 'motion' | 'extra-processing'

/** Where an idea is on the idea board. 'not-progressed' always has a reason everyone can read. */
export type IdeaStatus = 'new' | 'review' | 'testing' | 'implemented' | 'sustained' | 'not-progressed'

/** Effort and impact for the PICK grid (possible, implement, challenge, kill). */
export type IdeaLevel = 'low' | 'high'

/** Days an idea may sit in a status before it is flagged as stuck; null: never flagged. */
export type IdeaStuckLimits = Partial<Record<IdeaStatus, number | null>>

/**
 * An everyday improvement idea. PDSA cycles will be records of their own (one table,
 * keyed by ideaId), so several cycles per idea never fight over one record; the measure
 * link and implementedAt are here already for the before/after chart and "You said,
 * we did".
 */
export interface Idea extends RecordMeta {
  boardId: string
  problem: string
  idea: string
  /** Expected benefit; '' when none was given. */
  benefit: string
  wastes: WasteId[]
  /** Who raised it; null when they chose to stay anonymous. */
  raisedBy: string | null
  status: IdeaStatus
  /** When it entered its current status: how long it has sat there. */
  statusChangedAt: Instant
  /** Why it is not going ahead; '' unless status is 'not-progressed'. */
  notProgressedReason: string
  /** When it was first implemented (kept when it moves on to sustained), else null. */
  implementedAt: Instant | null
  /** Who is taking it forward, and the senior person backing it; '' for nobody yet. */
  owner: string
  sponsor: string
  effort: IdeaLevel | null
  impact: IdeaLevel | null
  measureId: string | null
  conceptIds: string[]
}
