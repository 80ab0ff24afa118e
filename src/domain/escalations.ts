// Tiered escalations: what a ward could not solve goes up to its CSU, and from there to
// the trust, and the answer comes back down. Tiered huddles die when escalations vanish,
// so the rules here make every step explicit: who may move an escalation, from which
// status, and what must be written. Pure: no Vue, no Dexie.
import { nextTier } from './escalationStatus'
import { textLength } from './ideas'
import type { Board, Escalation, EscalationStatus, EscalationTier, Instant } from './types'
import { LIMITS } from './validation'

// What the board's escalations tile needs, in a module of its own so the board loads without the rest.
export { ANSWERED_STATUSES, nextTier, oldestFirst, OPEN_STATUSES, waitingFor } from './escalationStatus'

export const ESCALATION_REASON_MAX = 500
export const ESCALATION_ANSWER_MAX = 2000
/** A board's own escalation category names, and its written criteria for escalating. */
export const ESCALATION_CATEGORY_MAX = 60
export const ESCALATION_CRITERIA_MAX = 2000

export const DEFAULT_ESCALATION_CATEGORIES: readonly string[] = [
  'Safety risk',
  'Staffing',
  'Equipment or estates',
  'Flow or beds',
  'Other',
]

export const DEFAULT_ESCALATION_CRITERIA =
  'Escalate what the team cannot solve itself today: a risk to patient or staff safety, staffing below a safe level, ' +
  'broken equipment or estates problems, or a flow problem that needs beds or help from elsewhere. Say what you have tried.'

export const TIER_LABEL: Record<EscalationTier, string> = { unit: 'Ward', csu: 'CSU', trust: 'Trust' }

export const STATUS_LABEL: Record<EscalationStatus, string> = {
  raised: 'Waiting to be picked up',
  accepted: 'Accepted',
  answered: 'Answered',
  returned: 'Returned with advice',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
}

export type EscalationMove = 'accept' | 'answer' | 'return' | 'reEscalate' | 'withdraw' | 'close'

/** Who may make a move: the tier holding the escalation, or the unit (or CSU) that raised it. */
export type MoveSide = 'holder' | 'raiser'

/** The allowed transitions: a move not listed from a status is refused. */
export const TRANSITIONS: Record<
  EscalationMove,
  { from: readonly EscalationStatus[]; to: EscalationStatus; side: MoveSide }
> = {
  accept: { from: ['raised'], to: 'accepted', side: 'holder' },
  answer: { from: ['accepted'], to: 'answered', side: 'holder' },
  return: { from: ['raised', 'accepted'], to: 'returned', side: 'holder' },
  reEscalate: { from: ['accepted'], to: 'raised', side: 'holder' },
  withdraw: { from: ['raised'], to: 'withdrawn', side: 'raiser' },
  close: { from: ['answered', 'returned'], to: 'closed', side: 'raiser' },
}

const MOVE_LABEL: Record<EscalationMove, string> = {
  accept: 'accept',
  answer: 'answer',
  return: 'return',
  reEscalate: 'pass on',
  withdraw: 'withdraw',
  close: 'close',
}

export function canMove(status: EscalationStatus, move: EscalationMove, tier: EscalationTier = 'csu'): boolean {
  if (!TRANSITIONS[move].from.includes(status)) return false
  return move !== 'reEscalate' || nextTier(tier) !== null
}

/** The categories a board offers: its own list, or the defaults. */
export function categoriesOf(board: Pick<Board, 'escalationCategories'> | null | undefined): string[] {
  const own = (board?.escalationCategories ?? []).map((c) => c.trim()).filter(Boolean)
  return own.length ? own : [...DEFAULT_ESCALATION_CATEGORIES]
}

export function criteriaOf(board: Pick<Board, 'escalationCriteria'> | null | undefined): string {
  return board?.escalationCriteria?.trim() || DEFAULT_ESCALATION_CRITERIA
}

function textError(label: string, text: string, max: number, required: boolean): string | undefined {
  const trimmed = text.trim()
  if (required && !trimmed) return `Enter ${label}`
  const length = textLength(trimmed)
  if (length > max)
    return `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')})`
  return undefined
}

export interface EscalationInput {
  title: string
  reason: string
  category: string
}

export type EscalationField = 'title' | 'reason' | 'category'

export function validateEscalation(input: EscalationInput): Partial<Record<EscalationField, string>> {
  const errors: Partial<Record<EscalationField, string>> = {}
  const title = textError('what needs escalating', input.title, LIMITS.title, true)
  const reason = textError('why the team cannot solve this itself', input.reason, ESCALATION_REASON_MAX, true)
  if (title) errors.title = title
  if (reason) errors.reason = reason
  if (!input.category.trim()) errors.category = 'Choose a category'
  return errors
}

/** What a move needs written: an owner to accept, an answer to answer, advice to return. */
export function validateMove(move: EscalationMove, text: string): string | undefined {
  if (move === 'accept') return textError('who owns this', text, LIMITS.person, true)
  if (move === 'answer') return textError('the answer', text, ESCALATION_ANSWER_MAX, true)
  if (move === 'return') return textError('your advice', text, ESCALATION_ANSWER_MAX, true)
  return undefined
}

/** A new escalation's fields, raised from a board at `fromTier`. */
export function newEscalationFields(
  input: EscalationInput,
  fromTier: EscalationTier,
  by: string,
  source: Escalation['source'],
  now: Date,
) {
  const at = now.toISOString()
  return {
    title: input.title.trim(),
    reason: input.reason.trim(),
    category: input.category.trim(),
    tier: nextTier(fromTier) ?? 'trust',
    status: 'raised' as const,
    raisedBy: by,
    raisedAt: at,
    source,
    owner: '',
    answer: '',
    answeredBy: '',
    answeredAt: null,
    closedAt: null,
    tierSince: at,
    statusBy: by,
    statusAt: at,
  }
}

/** The fields a move changes. `text` is the owner (accept), answer, or advice (return). */
export function moveFields(
  current: Escalation,
  move: EscalationMove,
  text: string,
  by: string,
  now: Date,
): Partial<Escalation> {
  const at: Instant = now.toISOString()
  const base = { status: TRANSITIONS[move].to, statusBy: by, statusAt: at }
  switch (move) {
    case 'accept':
      return { ...base, owner: text.trim() }
    case 'answer':
    case 'return':
      return { ...base, answer: text.trim(), answeredBy: by, answeredAt: at }
    case 'reEscalate':
      return { ...base, tier: nextTier(current.tier) ?? current.tier, owner: '', tierSince: at }
    case 'close':
      return { ...base, closedAt: at }
    case 'withdraw':
      return base
  }
}

/**
 * Why a move cannot be made on the escalation as stored now, in words staff read, or
 * undefined when it can. The usual cause is a change made on another tablet meanwhile
 * (e.g. the ward withdrew it while the CSU typed an answer): the message says who and
 * when, and the screen keeps what was typed.
 */
export function refusal(
  stored: Escalation,
  move: EscalationMove,
  raiserName: string,
  formatTime: (at: Instant) => string,
): string | undefined {
  if (canMove(stored.status, move, stored.tier)) return undefined
  const when = formatTime(stored.statusAt)
  const who = stored.status === 'withdrawn' || stored.status === 'closed' ? raiserName : stored.statusBy || raiserName
  const kept = move === 'answer' || move === 'return' ? '; your answer is kept below' : ''
  if (stored.status === 'withdrawn') return `This escalation was withdrawn by ${who} at ${when}${kept}`
  if (stored.status === 'closed') return `This escalation was closed by ${who} at ${when}${kept}`
  if (move === 'reEscalate' && nextTier(stored.tier) === null)
    return 'This escalation is already with the trust, the highest tier'
  return `This escalation is now “${STATUS_LABEL[stored.status]}” (changed by ${who} at ${when}), so you cannot ${MOVE_LABEL[move]} it${kept}`
}

type EscalationSource = NonNullable<Escalation['source']>

/**
 * The escalation made from an item (an action, an idea, a measure's day), unless it was
 * withdrawn: an item is escalated once, and shows where that escalation is instead of
 * offering Escalate again.
 */
export function escalationOfSource(list: readonly Escalation[], source: EscalationSource): Escalation | undefined {
  return list
    .filter(
      (e) =>
        e.status !== 'withdrawn' &&
        e.source?.table === source.table &&
        e.source.id === source.id &&
        (e.source.day ?? null) === (source.day ?? null),
    )
    .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id))[0]
}

const HOLDER_NAME: Record<EscalationTier, string> = { unit: 'the ward', csu: 'the CSU', trust: 'the trust' }

/** Where an item's escalation is, in words: "Escalated to the CSU: accepted by Jo Bloggs". */
export function escalatedWords(e: Escalation): string {
  const where = e.tier === 'csu' ? 'Escalated to the CSU' : `Escalated, now with ${HOLDER_NAME[e.tier]}`
  const state: Record<EscalationStatus, string> = {
    raised: 'waiting to be picked up',
    accepted: e.owner ? `accepted by ${e.owner}` : 'accepted',
    answered: 'answered, to confirm at the huddle',
    returned: 'returned with advice, to confirm at the huddle',
    withdrawn: 'withdrawn',
    closed: 'closed',
  }
  return `${where}: ${state[e.status]}`
}
