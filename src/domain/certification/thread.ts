// A submission's thread: put forward (submit), endorsed by the sponsor, assessed by the improvement
// office (certified, or "not yet" with feedback per criterion), improved and sent again (resubmit), or
// withdrawn. Each entry is its own record, so entries made on different tablets offline all survive;
// the state is worked out from the entries in time order, never stored, so every tablet holding the
// same entries shows the same state. Who may do what is by role: the colleague and their sponsor on a
// ward (or CSU) tablet, the improvement office on a trust tablet. Pure: no Vue, no Dexie.
import type { CertCriterion, CertCriterionDecision, CertEntry, CertEntryKind, CertRole, CertSubmission } from '../types'
import type { Errors } from '../validation'
import { checkSupport } from './criteria'
import { ENDORSEMENT_MAX, sameName } from './submission'
import type { SustainCheck } from './sustained'

export type CertState = 'awaiting-sponsor' | 'awaiting-assessment' | 'not-yet' | 'certified' | 'withdrawn'

export const CERT_STATE_LABEL: Record<CertState, string> = {
  'awaiting-sponsor': 'Waiting for the sponsor',
  'awaiting-assessment': 'Waiting for the improvement office',
  'not-yet': 'Not yet',
  certified: 'Certified',
  withdrawn: 'Withdrawn',
}

export const CERT_ENTRY_LABEL: Record<CertEntryKind, string> = {
  submit: 'Put forward',
  endorse: 'Endorsed',
  assess: 'Assessed',
  resubmit: 'Sent again',
  withdraw: 'Withdrawn',
}

export const FEEDBACK_MAX = 1000

export interface CertThreadState {
  /** null: no submit entry on this tablet yet. */
  state: CertState | null
  /** The sponsor's endorsement, once given. */
  endorsement: CertEntry | null
  /** The latest assessment that counted. */
  assessment: CertEntry | null
  /** 1 for the first time it was put forward, 2 after one resubmission, and so on. */
  round: number
  /** Entries that crossed a certification (made on a tablet that had not yet seen it, or that the certifying
   * tablet had not seen) and so count for nothing: a withdrawal, another assessor's "not yet", a resubmission. */
  crossed: CertEntry[]
}

/** The thread in the order it happened (the writers' corrected clocks, then id, so every tablet agrees). */
export function orderedEntries(entries: readonly CertEntry[]): CertEntry[] {
  return [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
}

/** Whether `kind` by `role` is a move from `state` (null: nothing submitted yet). */
function fits(state: CertState | null, kind: CertEntryKind, role: CertRole): boolean {
  switch (kind) {
    case 'submit':
      return state === null && role === 'colleague'
    case 'endorse':
      return state === 'awaiting-sponsor' && role === 'sponsor'
    case 'assess':
      return state === 'awaiting-assessment' && role === 'office'
    case 'resubmit':
      return state === 'not-yet' && role === 'colleague'
    case 'withdraw':
      return state !== null && state !== 'certified' && state !== 'withdrawn' && role === 'colleague'
  }
}

/**
 * The state of a thread. Every entry is read in time order and one that was not a move from the state
 * at its time counts for nothing (two tablets' entries made offline may cross: a second sponsor's
 * endorsement, an assessment of a thread that has moved on), so every tablet shows the same state.
 *
 * One merge rule overrides time order: a certification stands over whatever it crossed. Each move is
 * checked against the thread on the tablet that makes it, so a certifying assessment and a withdrawal (or
 * another assessor's "not yet") in one thread were made without either tablet seeing the other, whatever
 * their clocks say. Time order alone would let a ward's clock decide, and the office has by then already
 * shared the certified improvement in the trust library, which the ward cannot change and other wards
 * cannot see past: "withdrawn" on the ward with the improvement listed on every other tablet. So the
 * certifying assessment counts when it would have been a move from the state before the entry it
 * crossed, and that entry (and any later one) is kept in `crossed` for the screen to explain.
 */
export function certThreadState(entries: readonly CertEntry[]): CertThreadState {
  const ordered = orderedEntries(entries)
  const plain = replay(ordered)
  if (plain.state === 'certified' || !ordered.some(isCertifying)) return plain
  // A certifying assessment that did not count: the office certified without seeing a withdrawal (the
  // withdrawal may have come first by the clocks, even before the sponsor's endorsement reached it).
  const withdrawals = ordered.filter((e) => e.kind === 'withdraw')
  const without = replay(ordered.filter((e) => e.kind !== 'withdraw'))
  if (without.state !== 'certified') return plain
  return { ...without, crossed: orderedEntries([...without.crossed, ...withdrawals]) }
}

function replay(ordered: readonly CertEntry[]): CertThreadState {
  let state: CertState | null = null
  let endorsement: CertEntry | null = null
  let assessment: CertEntry | null = null
  let round = 0
  const crossed: CertEntry[] = []
  // The move that left "waiting for the office", while no move has counted since: a certification made
  // from that state crossed it (another assessor's "not yet", a withdrawal).
  let leftAwaiting: CertEntry | null = null
  for (const entry of ordered) {
    if (!fits(state, entry.kind, entry.role)) {
      if (isCertifying(entry) && leftAwaiting && state !== 'certified') {
        crossed.push(leftAwaiting)
        state = 'certified'
        assessment = entry
        leftAwaiting = null
      } else if (state === 'certified' && entry.kind !== 'submit' && entry.kind !== 'endorse') crossed.push(entry)
      continue
    }
    leftAwaiting = state === 'awaiting-assessment' ? entry : null
    switch (entry.kind) {
      case 'submit':
        state = 'awaiting-sponsor'
        round = 1
        break
      case 'endorse':
        state = 'awaiting-assessment'
        endorsement = entry
        break
      case 'assess':
        state = entry.outcome === 'certified' ? 'certified' : 'not-yet'
        assessment = entry
        break
      case 'resubmit':
        // The sponsor's endorsement stands: the improvement is the same, the account of it better.
        state = 'awaiting-assessment'
        round++
        break
      case 'withdraw':
        state = 'withdrawn'
        break
    }
  }
  return { state, endorsement, assessment, round, crossed }
}

const isCertifying = (entry: CertEntry) =>
  entry.kind === 'assess' && entry.role === 'office' && entry.outcome === 'certified'

/** The colleague's withdrawal that crossed the certification, if any: the screen says it did not count. */
export function crossedWithdrawal(thread: Pick<CertThreadState, 'crossed' | 'state'>): CertEntry | null {
  return thread.state === 'certified' ? (thread.crossed.find((e) => e.kind === 'withdraw') ?? null) : null
}

/** What one role may do next on a thread. */
export function allowedCertMoves(entries: readonly CertEntry[], role: CertRole): CertEntryKind[] {
  const { state } = certThreadState(entries)
  return (['submit', 'endorse', 'assess', 'resubmit', 'withdraw'] as const).filter((k) => fits(state, k, role))
}

const REFUSED: Record<CertEntryKind, string> = {
  submit: 'This improvement has already been put forward',
  endorse: 'Only the sponsor can endorse it, while it waits for their endorsement',
  assess: 'Only the improvement office can assess it, once the sponsor has endorsed it',
  resubmit: 'It can be sent again only after the improvement office said "not yet"',
  withdraw: 'Only the people who put it forward can withdraw it, before it is certified',
}

/**
 * Why a move is refused, in words for the person making it; null when it may go ahead. Checked when the
 * move is made, against the thread as stored in the same transaction as the write. The sponsor endorses
 * under the name the submission gives (a shared tablet has no accounts: the name picked is who is acting).
 */
export function certMoveRefusal(
  submission: Pick<CertSubmission, 'sponsor' | 'names'>,
  entries: readonly CertEntry[],
  kind: CertEntryKind,
  role: CertRole,
  by: string,
): string | null {
  const { state } = certThreadState(entries)
  if (!fits(state, kind, role)) {
    if (state === 'certified') return 'It has already been certified'
    if (state === 'withdrawn') return 'It was withdrawn'
    return REFUSED[kind]
  }
  if (kind === 'endorse' && !sameName(by, submission.sponsor))
    return `${submission.sponsor} is named as the sponsor: only they can endorse it`
  return null
}

export function endorsementError(text: string): string | undefined {
  const trimmed = text.trim()
  if (!trimmed) return 'Say in a sentence or two why you back this improvement'
  if (trimmed.length > ENDORSEMENT_MAX) return `Your endorsement must be ${ENDORSEMENT_MAX} characters or fewer`
  return undefined
}

export interface DecisionInput {
  criterionId: string
  decision: 'met' | 'not-yet' | ''
  feedback: string
}

/**
 * The assessor's decisions, checked: one per criterion; "not yet" says what would get it there; a
 * criterion that names an app check can be "met" only when the check supports it (the improvement is
 * shown by the measure, not only asserted). Field keys are `decision-<criterionId>` and `feedback-<criterionId>`.
 */
export function validateAssessment(
  criteria: readonly CertCriterion[],
  input: readonly DecisionInput[],
  sustain: SustainCheck | null,
): Errors {
  const errors: Errors = {}
  const byId = new Map(input.map((d) => [d.criterionId, d]))
  for (const c of criteria) {
    const d = byId.get(c.id)
    const feedback = d?.feedback.trim() ?? ''
    if (!d || (d.decision !== 'met' && d.decision !== 'not-yet'))
      errors[`decision-${c.id}`] = `Choose whether "${c.name}" is met or not yet`
    else if (d.decision === 'not-yet' && !feedback) errors[`feedback-${c.id}`] = `Say what would get "${c.name}" there`
    else if (d.decision === 'met' && c.check && !checkSupport(c.check, sustain).supports)
      errors[`decision-${c.id}`] =
        `"${c.name}" cannot be met yet: ${checkSupport(c.check, sustain).text} Choose "Not yet" and say what would get it there`
    if (feedback.length > FEEDBACK_MAX)
      errors[`feedback-${c.id}`] =
        `Feedback on "${c.name}" must be ${FEEDBACK_MAX.toLocaleString('en-GB')} characters or fewer`
  }
  return errors
}

/** The decisions to store, in the criteria's order, with each criterion's name as it reads now. */
export function decisionsFrom(
  criteria: readonly CertCriterion[],
  input: readonly DecisionInput[],
): CertCriterionDecision[] {
  const byId = new Map(input.map((d) => [d.criterionId, d]))
  return criteria.map((c) => {
    const d = byId.get(c.id)
    return {
      criterionId: c.id,
      name: c.name,
      decision: d?.decision === 'met' ? 'met' : 'not-yet',
      feedback: d?.feedback.trim() ?? '',
    }
  })
}

/** Certified when every criterion is met; otherwise "not yet". */
export function outcomeOf(decisions: readonly CertCriterionDecision[]): 'certified' | 'not-yet' {
  return decisions.length > 0 && decisions.every((d) => d.decision === 'met') ? 'certified' : 'not-yet'
}
