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
  /** LIM concepts this step practises; missing on items saved before. */
  conceptIds?: string[]
}

export type AgendaKind =
  'safety' | 'measures' | 'plan' | 'actions' | 'ideas' | 'recognition' | 'notes' | 'escalations' | 'answers' | 'goals'

export interface Board extends RecordMeta {
  name: string
  categories: MeasureCategory[]
  agenda: AgendaItem[]
  /** Overall huddle length in minutes. */
  huddleMinutes: number
  /** When ideas count as stuck on this board; missing statuses use the defaults (ideas.ts). */
  ideaStuckDays?: IdeaStuckLimits
  /** The categories offered when escalating from this board; missing: the defaults (escalations.ts). */
  escalationCategories?: string[]
  /** Written criteria shown when escalating from this board: what the tier above wants sent. */
  escalationCriteria?: string
  /** The unit's shift times for standard work; missing means the defaults (standardWork/shifts.ts). */
  shifts?: ShiftTimes
  /** A CSU's or trust's own board only (no unit record): its quick name list (domain/people.ts). */
  people?: string[]
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
  /** Days from which the SPC limits are recalculated (a change was made), chosen on the trend screen. */
  rebaseDays?: DayKey[]
  /** Limits fixed on a baseline instead of moving with every value (null: they move). */
  baseline?: MeasureBaseline | null
  /** Why the limits were last recalculated, rebased or fixed: kept in the measure's history with who. */
  limitsReason?: string
}

/** Fix the SPC limits after the first N values, or over a chosen baseline period. */
export type MeasureBaseline = { kind: 'points'; points: number } | { kind: 'period'; from: DayKey; to: DayKey }

export type DayStatus = 'green' | 'amber' | 'red'

/** A yes/no answer is stored as a boolean, a day status as its colour, numbers as numbers. */
export type EntryValue = number | boolean | DayStatus

export interface DayEntry extends RecordMeta {
  measureId: string
  boardId: string
  day: DayKey
  value: EntryValue
  comment: string
  /** Set when the value came from a spreadsheet: the file's name and when it was imported.
   * Synced, so every tablet's history says the day was imported. */
  importedFrom?: string
  importedAt?: Instant
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

/** One notes step of a finished huddle (today's plan, recognition…), kept for the next day's huddle. */
export interface HuddleSection {
  kind: AgendaKind
  title: string
  text: string
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
  /** The notes steps, each apart (records saved before these were kept have only `notes`). */
  sections?: HuddleSection[]
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
  /** 'resolved': someone chose between text versions typed at the same time on different tablets.
   * 'imported': a day's value brought in from a spreadsheet. */
  kind: 'created' | 'updated' | 'archived' | 'restored' | 'deleted' | 'resolved' | 'imported'
  changes: FieldChange[]
  /** Made on another tablet and recorded here when this tablet pulled it. */
  fromOtherTablet?: boolean
}

export type SyncedTable =
  | 'units'
  | 'boards'
  | 'measures'
  | 'entries'
  | 'actions'
  | 'huddles'
  | 'ideas'
  | 'pdsaCycles'
  | 'checklistTemplates'
  | 'checklistRuns'
  | 'stepResults'
  | 'conceptEdits'
  | 'escalations'
  | 'goals'
  | 'catchBall'
  | 'goalReviews'
  | 'certSubmissions'
  | 'certEntries'
  | 'certCriteria'
  | 'certifications'
  | 'problemA3s'
  | 'practitioners'
  | 'conceptQuestions'
  | 'coachRosters'
  | 'coachRequests'
  | 'coachSessions'

// ——— Improvement ideas ———

/** The 8 wastes of lean thinking (names and ward hints in wastes.ts). */
export type WasteId =
  'defects' | 'overproduction' | 'waiting' | 'unused-talent' | 'transport' | 'inventory' | 'motion' | 'extra-processing'

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

/** One Plan-Do-Study-Act cycle of an idea: a record of its own, so cycles never fight
 * over the idea's record. */
export interface PdsaCycle extends RecordMeta {
  ideaId: string
  boardId: string
  /** 1 for the first cycle of the idea, and so on (shown as "Cycle 2"). */
  number: number
  /** Plan: the change to test, what we predict will happen, what we will measure. */
  change: string
  prediction: string
  measurePlan: string
  /** Do: what actually happened. */
  whatHappened: string
  /** Study: the result against the prediction. */
  study: string
  /** Act: adopt, adapt or abandon; null until decided. */
  decision: 'adopt' | 'adapt' | 'abandon' | null
  /** The days the test ran (end null while it runs). */
  startDay: DayKey | null
  endDay: DayKey | null
  conceptIds: string[]
}

// ——— Standard work ———

export type ShiftId = 'early' | 'late' | 'night'

/** A shift's London wall-clock times, `HH:MM`; an end at or before the start crosses midnight. */
export interface ShiftTime {
  start: string
  end: string
}

export type ShiftTimes = Record<ShiftId, ShiftTime>

/** When a checklist falls due. Times are Europe/London wall-clock `HH:MM`. */
export type ChecklistFrequency =
  | { kind: 'every-shift'; shifts: ShiftId[] }
  | { kind: 'daily'; dueBy: string }
  | { kind: 'weekly'; days: number[]; dueBy: string }
  | { kind: 'on-demand' }

export interface ChecklistStep {
  /** Stable across versions, so results and links follow a step that was reworded. */
  id: string
  text: string
  /** The key point: why the step matters, or how to do it well; '' for none. */
  keyPoint: string
  expectedMinutes: number | null
  conceptIds: string[]
}

/**
 * A standard work checklist. Editing it makes a new version (`version` + 1); each run
 * keeps a copy of the steps it followed. Trust-wide templates live in the library scope
 * (shared/sync/scopes.ts) and a unit adopts one by copying it (`adoptedFromId`).
 */
export interface ChecklistTemplate extends RecordMeta {
  /** null for a trust-wide template. */
  boardId: string | null
  title: string
  purpose: string
  /** Who it is for, as people say it: "Nurse in charge", "Ward manager". */
  forRole: string
  frequency: ChecklistFrequency
  steps: ChecklistStep[]
  conceptIds: string[]
  version: number
  /** Leader standard work is shown apart from the team's checklists. */
  leaderStandardWork: boolean
  /** A kamishibai card: drawn at random for a leader to check on a round. */
  auditCard: boolean
  retired: boolean
  /** When it was retired: adherence stops counting its slots from then. */
  retiredAt?: Instant | null
  adoptedFromId: string | null
}

/** One time a checklist was done (or is being done). Step results are records of their
 * own (`stepResults`), so two tablets ticking different steps both keep their ticks. */
export interface ChecklistRun extends RecordMeta {
  templateId: string
  boardId: string
  templateVersion: number
  /** The template as it was when the run started: title and steps. */
  title: string
  steps: ChecklistStep[]
  /** The due slot this run fulfils, e.g. `2026-11-26/early`; null for on-demand runs. */
  slot: string | null
  /** The London day the slot belongs to (a night shift belongs to the day it starts). */
  day: DayKey
  dueAt: Instant | null
  startedAt: Instant
  completedAt: Instant | null
  completedBy: string
}

export type StepOutcome = 'done' | 'not-done' | 'not-applicable'

/** One step's result in one run; id is `${runId}:${stepId}`, so two tablets meet on one record. */
export interface StepResult extends RecordMeta {
  runId: string
  stepId: string
  outcome: StepOutcome
  /** Required for 'not-done'; '' otherwise. */
  reason: string
  /** The action or idea the miss was turned into, if any. */
  actionId: string | null
  ideaId: string | null
}

// ——— The concept library's local edits ———

/** A link to a local resource (intranet page, video). Only http(s) addresses. */
export interface ConceptResource {
  title: string
  url: string
}

/**
 * The improvement office's version of a concept, kept in the trust's library scope.
 * For a built-in concept, `id` is the concept id and any field left null falls back to
 * the built-in text; a trust-specific concept has `builtIn: false` and all its text.
 */
export interface ConceptEdit extends RecordMeta {
  builtIn: boolean
  name: string | null
  summary: string | null
  /** The page's sections by name (what, why, try, pitfalls); a missing one falls back. */
  sections: Record<string, string>
  group: string | null
  relatedIds: string[] | null
  resources: ConceptResource[]
  retired: boolean
  /** When the improvement office retired it (null while in use; may be missing on older edits). */
  retiredAt?: Instant | null
  /** The built-in text version this edit was made against (the built-in text is versioned). */
  baseVersion: number
}

// ——— Tiered escalation ———

export type EscalationTier = 'unit' | 'csu' | 'trust'

export type EscalationStatus = 'raised' | 'accepted' | 'answered' | 'returned' | 'withdrawn' | 'closed'

/**
 * Something a tier could not solve, sent up. Kept in the raising unit's scope, so the
 * ward always sees its own escalations and a CSU or trust device (whose scope holds the
 * CSU's units) sees every escalation from below; nothing reaches another CSU.
 */
export interface Escalation extends RecordMeta {
  /** The board it was raised from. */
  boardId: string
  /** The tier it currently sits with. */
  tier: EscalationTier
  title: string
  reason: string
  category: string
  status: EscalationStatus
  raisedBy: string
  raisedAt: Instant
  /** What it came from, if anything. */
  source: { table: 'actions' | 'measures' | 'ideas'; id: string; day?: DayKey } | null
  owner: string
  answer: string
  answeredBy: string
  answeredAt: Instant | null
  closedAt: Instant | null
  /** When it reached the tier that holds it now: how long it has waited there. */
  tierSince: Instant
  /** Who last moved it (accepted, returned, withdrew, closed…) and when. */
  statusBy: string
  statusAt: Instant
}

// ——— Strategy deployment (hoshin kanri) ———

/** The tier a goal belongs to: the trust's true north, a CSU's goals, a ward's or department's. */
export type GoalTier = 'trust' | 'csu' | 'unit'

/** How a goal is measured: one board measure, or the roll-up of the measures of the goals below it. */
export type GoalMeasure = { kind: 'measure'; measureId: string; boardId: string } | { kind: 'roll-up' }

/**
 * A goal at one tier, linked up to the goals it serves. Kept in its tier's scope: a trust goal in the
 * trust library (every device reads it, the improvement office writes it), a CSU goal in the CSU's
 * scope, a ward goal in the unit's. A goal the tier above proposed is agreed by catch-ball
 * (`catchBall` records in the same scope, which both tiers may write); its target and date are then
 * the latest terms on the thread (domain/goals/catchBall.ts).
 */
export interface Goal extends RecordMeta {
  tier: GoalTier
  /** The trust, CSU or unit whose goal it is (a trust goal is stored in the library scope). */
  ownerScopeId: string
  /** Trust goals only: a true north goal or a breakthrough objective for the year. */
  kind: 'true-north' | 'breakthrough' | 'goal'
  /** The goals of the tier above this one serves (none for a trust goal). */
  parentGoalIds: string[]
  /** The parents' titles when they were linked: a ward tablet cannot read its CSU's goals. */
  parentTitles: Record<string, string>
  title: string
  owner: string
  measure: GoalMeasure | null
  /** Which way is better for the measure, for plan against actual. */
  direction: 'higher' | 'lower'
  baseline: number | null
  target: number | null
  targetDay: DayKey | null
  conceptIds: string[]
  /** The tier above that proposed it (catch-ball), or null when its own tier set it. */
  proposedBy: GoalTier | null
  archived: boolean
  /** The goal's A3 (domain/goals/a3.ts): one text field per box, missing until first written. */
  a3Background?: string
  a3CurrentCondition?: string
  a3TargetCondition?: string
  a3Analysis?: string
  a3Countermeasures?: string
  a3Plan?: string
  a3FollowUp?: string
  /** Counts the A3's saves: 0 or missing before the first. */
  a3Version?: number
}

export type CatchBallKind = 'propose' | 'accept' | 'counter' | 'question' | 'answer' | 'agree'

/** Which side of the catch-ball wrote an entry: the tier that proposed the goal, or the tier it was proposed to. */
export type CatchBallSide = 'upper' | 'lower'

/** The target and date put on the table by a proposal or a counter-proposal. */
export interface GoalTerms {
  target: number | null
  targetDay: DayKey | null
}

/** One entry of a goal's catch-ball thread: a record of its own, so both tiers' entries made offline survive. */
export interface CatchBallEntry extends RecordMeta {
  goalId: string
  kind: CatchBallKind
  side: CatchBallSide
  /** The tier that wrote it. */
  tier: GoalTier
  /** The reason for a counter-proposal, a question, an answer, or a note with an acceptance. */
  text: string
  /** Propose and counter only. */
  terms: GoalTerms | null
  /** Who wrote it, and when (the corrected clock): the thread is read in this order. */
  author: string
  at: Instant
}

/** Where a goal's countermeasures stand in a month of its review. */
export type CountermeasureStatus = 'not-started' | 'on-track' | 'at-risk' | 'done'

/**
 * One month of a goal's review: a short commentary and where the countermeasures stand, beside the bowling
 * chart's plan and actual. Kept in the goal's scope with id `goalId_month` (domain/goals/review.ts).
 */
export interface GoalReview extends RecordMeta {
  goalId: string
  /** `YYYY-MM`. */
  month: string
  commentary: string
  status: CountermeasureStatus
}

// ——— LIM certification by demonstrated improvement (docs/CERTIFICATION.md) ———

/** Which of the app's own checks informs a criterion: the measure shows an improvement, or it has held. */
export type CertCheck = 'measurable' | 'sustainable'

export interface CertCriterion {
  id: string
  name: string
  /** What the office looks for, in plain English: shown to the colleague and the assessor. */
  description: string
  /** The app check that must support "met"; null when only the assessor judges it. */
  check: CertCheck | null
}

/** The improvement office's criteria, one record per trust in the library scope. */
export interface CertCriteria extends RecordMeta {
  criteria: CertCriterion[]
  /** How many weeks after the change the measure must hold (the sustain check's period). */
  sustainWeeks: number
}

/** An improvement put forward for certification: kept in the ward's scope (docs/CERTIFICATION.md). */
export interface CertSubmission extends RecordMeta {
  ideaId: string
  boardId: string
  /** The idea and its problem as they read when it was put forward. */
  title: string
  problem: string
  /** The colleague, or the team, in the names they chose. */
  names: string[]
  measureId: string
  measureName: string
  /** The day the change began (implemented, or the first PDSA cycle's start). */
  changeDay: DayKey
  pdsaCycleIds: string[]
  conceptIds: string[]
  /** In their own words; improved after feedback and sent again. */
  reflection: string
  /** Their local leader, who endorses it. */
  sponsor: string
  /** Whether their names may be shown trust-wide once certified. */
  consentToShare: boolean
}

export type CertEntryKind = 'submit' | 'endorse' | 'assess' | 'resubmit' | 'withdraw'
export type CertRole = 'colleague' | 'sponsor' | 'office'
export type CertDecision = 'met' | 'not-yet'

export interface CertCriterionDecision {
  criterionId: string
  /** The criterion's name when it was decided (the office may rename it later). */
  name: string
  decision: CertDecision
  /** Required for "not yet": what would get it there. */
  feedback: string
}

/** One entry of a submission's thread, in the submission's scope: a record of its own, so entries made on
 * different tablets offline all survive; the state is worked out from them (domain/certification/thread.ts). */
export interface CertEntry extends RecordMeta {
  submissionId: string
  kind: CertEntryKind
  role: CertRole
  author: string
  /** The writer's corrected clock: the thread is read in this order. */
  at: Instant
  /** The sponsor's endorsement, the assessor's overall note, or what changed on resubmission. */
  text: string
  /** Submit and resubmit: the reflection as sent, so the thread keeps every version. */
  reflection: string | null
  /** Assess only. */
  decisions: CertCriterionDecision[] | null
  outcome: 'certified' | 'not-yet' | null
  /** Assess only: the sustain check as the assessor saw it. */
  evidence: { verdict: string; headline: string; sustainWeeks: number } | null
}

/** A certified improvement, shared trust-wide in the library scope (names only with consent). */
export interface Certification extends RecordMeta {
  submissionId: string
  /** The ward the improvement was made on, and its CSU. */
  submissionUnitId: string
  unitName: string
  csuId: string
  csuName: string
  ideaId: string
  title: string
  problem: string
  /** Empty when they did not agree to share their names. */
  names: string[]
  teamSize: number
  measureName: string
  /** The sustain check's headline and levels when it was certified. */
  headline: string
  levels: string
  conceptIds: string[]
  sustainWeeks: number
  certifiedAt: Instant
  certifiedBy: string
}

// ——— Problem-solving A3 ———

/** What a problem-solving A3 is about: an idea, or an escalation. */
export type ProblemA3SubjectTable = 'ideas' | 'escalations'

/** One countermeasure on a problem-solving A3: what, who, by when, and the board action it became, if any. */
export interface Countermeasure {
  id: string
  text: string
  owner: string
  dueDay: DayKey | null
  actionId: string | null
}

/**
 * A problem-solving A3 for one idea or escalation (domain/problemA3.ts), kept in the subject's scope and
 * with an id made from it, so two tablets starting one offline write the same record. Every box, each step
 * of the 5 whys and each fishbone category is a declared text field of its own: two people editing
 * different parts offline both keep theirs, and one part typed twice keeps both versions to choose from.
 */
export interface ProblemA3 extends RecordMeta {
  subjectTable: ProblemA3SubjectTable
  subjectId: string
  /** The subject's board: countermeasures become actions on it. */
  boardId: string
  /** The problem in a line. */
  title: string
  background?: string
  currentCondition?: string
  /** The board measure the current condition is read from (its SPC chart is embedded). */
  measureId: string | null
  /** The 5 whys: the question asked at each step ('' reads "Why?") and the answer found. */
  why1?: string
  why2?: string
  why3?: string
  why4?: string
  why5?: string
  because1?: string
  because2?: string
  because3?: string
  because4?: string
  because5?: string
  /** The fishbone: each category's causes, one a line. */
  causesPeople?: string
  causesMethods?: string
  causesEquipment?: string
  causesMaterials?: string
  causesEnvironment?: string
  causesMeasurement?: string
  targetCondition?: string
  countermeasures: Countermeasure[]
  followUp?: string
  /** Counts the saves: 1 after the first. */
  version: number
}

// ——— Learning together and coaching (docs/CERTIFICATION.md, "Learning together" and "Coaching") ———

/** One piece of work a listed colleague practised concepts through: a certified improvement or an implemented idea. */
export interface PractisedWork {
  ideaId: string
  title: string
  kind: 'certified' | 'implemented'
  conceptIds: string[]
  /** When it was certified or implemented. */
  day: DayKey
}

/**
 * A colleague's choice to be listed on concept pages as someone who practised them, so others can ask them.
 * In the trust library, one per person and ward (`practitionerId`); "no" keeps the record with nothing listed.
 */
export interface PractitionerListing extends RecordMeta {
  person: string
  homeUnitId: string
  homeUnitName: string
  listed: boolean
  work: PractisedWork[]
}

/** A question to a listed colleague about a concept, or an answer in its thread: in the trust library. */
export interface ConceptQuestion extends RecordMeta {
  kind: 'question' | 'answer'
  /** The question's id (a question's own id). */
  threadId: string
  conceptId: string
  /** The listing of the person asked. */
  practitionerId: string
  /** The person asked, as listed. */
  to: string
  text: string
  author: string
  /** The ward (or CSU, or the office) of the tablet it was written on. */
  authorPlace: string
  at: Instant
}

/** The coaches of one CSU, kept by the improvement office in the trust library (id `coaches-<csuId>`). */
export interface CoachRoster extends RecordMeta {
  csuId: string
  coaches: string[]
}

export type CoachRequestState = 'open' | 'taken' | 'done'
export type CoachRequestAbout = 'board' | 'idea' | 'concepts'

/** A request for a coach, in the scope of the board it is about (the ward's, the CSU's or the trust's). */
export interface CoachRequest extends RecordMeta {
  /** Asked by a team, or offered by a coach or the office from the coverage view. */
  origin: 'asked' | 'offered'
  about: CoachRequestAbout
  boardId: string | null
  ideaId: string | null
  /** What it is about, as it read when asked: the board's, idea's or concepts' name. */
  subject: string
  text: string
  /** The CSU whose coaches may take it; null on a trust board (any coach). */
  csuId: string | null
  place: string
  askedBy: string
  askedAt: Instant
  state: CoachRequestState
  takenBy: string | null
  takenAt: Instant | null
  doneAt: Instant | null
}

/** One coaching session logged against a request, in the request's scope. No patient details. */
export interface CoachSession extends RecordMeta {
  requestId: string
  day: DayKey
  notes: string
  coach: string
}
