// Catch-ball: the tier above proposes a goal's target and date to the tier below; the tier below
// accepts, counter-proposes with its reasons, or asks; the thread goes back and forth until the side
// that did not put the terms on the table agrees to them. Each entry is its own record, so entries
// both tiers write offline all survive; the thread's state is worked out from the entries in time
// order, never stored, so every tablet that holds the same entries shows the same state. A move as typed is
// checked in catchBallInput.ts.
import { formatDay } from '../dates'
import type { CatchBallEntry, CatchBallKind, CatchBallSide, Goal, GoalTerms, GoalTier } from '../types'

export type GoalState = 'proposed' | 'in-discussion' | 'agreed'

export const GOAL_STATE_LABEL: Record<GoalState, string> = {
  proposed: 'Proposed',
  'in-discussion': 'In discussion',
  agreed: 'Agreed',
}

export const CATCH_BALL_LABEL: Record<CatchBallKind, string> = {
  propose: 'Proposed',
  accept: 'Accepted',
  counter: 'Proposed a change',
  question: 'Asked',
  answer: 'Answered',
  agree: 'Agreed',
}

/** What each move is called on its button. */
export const CATCH_BALL_ACTION: Record<CatchBallKind, string> = {
  propose: 'Propose',
  accept: 'Accept',
  counter: 'Propose a change',
  question: 'Ask a question',
  answer: 'Answer',
  agree: 'Agree',
}

export interface ThreadState {
  /** null: nothing proposed yet (a goal its own tier set has no catch-ball). */
  state: GoalState | null
  /** The terms on the table now, and which side put them there. */
  terms: GoalTerms | null
  termsBy: CatchBallSide | null
  /** Questions not yet answered, oldest first. */
  openQuestions: CatchBallEntry[]
  /** When it was last agreed, if it is agreed now. */
  agreedAt: string | null
}

/** The thread in the order it happened (the writers' corrected clocks, then id, so every tablet agrees). */
export function orderedThread(entries: readonly CatchBallEntry[]): CatchBallEntry[] {
  return [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
}

/**
 * The state of a thread. Moves are checked when they are made (`allowedMoves`); here every entry counts,
 * in time order, because two tablets' entries made offline may arrive in any order and both must show
 * the same state: an acceptance counts only when the other side put the terms on the table.
 */
export function threadState(entries: readonly CatchBallEntry[]): ThreadState {
  let state: GoalState | null = null
  let terms: GoalTerms | null = null
  let termsBy: CatchBallSide | null = null
  let agreedAt: string | null = null
  const open: CatchBallEntry[] = []
  for (const entry of orderedThread(entries)) {
    switch (entry.kind) {
      case 'propose':
      case 'counter':
        if (entry.terms) {
          terms = entry.terms
          termsBy = entry.side
        }
        state = entry.kind === 'propose' && state === null ? 'proposed' : 'in-discussion'
        agreedAt = null
        break
      case 'question':
        open.push(entry)
        if (state === 'proposed') state = 'in-discussion'
        break
      case 'answer': {
        const answered = open.findIndex((q) => q.side !== entry.side)
        if (answered >= 0) open.splice(answered, 1)
        if (state === 'proposed') state = 'in-discussion'
        break
      }
      case 'accept':
      case 'agree':
        if (state !== null && state !== 'agreed' && termsBy !== null && termsBy !== entry.side) {
          state = 'agreed'
          agreedAt = entry.at
        }
        break
    }
  }
  return { state, terms, termsBy, openQuestions: open, agreedAt }
}

/**
 * What one side may do next on a thread. The upper side proposes (once, to start it) and agrees to the
 * lower side's counter-proposal; the lower side accepts the upper side's terms. Either side may propose
 * a change (also after agreement: a target revised in the year goes round again), ask, and answer the
 * other side's open question.
 */
export function allowedMoves(entries: readonly CatchBallEntry[], side: CatchBallSide): CatchBallKind[] {
  const { state, termsBy, openQuestions } = threadState(entries)
  if (state === null) return side === 'upper' ? ['propose'] : []
  const moves: CatchBallKind[] = []
  const open = state !== 'agreed'
  if (open && termsBy !== side) moves.push(side === 'lower' ? 'accept' : 'agree')
  moves.push('counter', 'question')
  if (openQuestions.some((q) => q.side !== side)) moves.push('answer')
  return moves
}

/** Why a move cannot be made on the thread as stored now (another tablet moved it on), or undefined. */
export function catchBallRefusal(entries: readonly CatchBallEntry[], kind: CatchBallKind, side: CatchBallSide) {
  if (allowedMoves(entries, side).includes(kind)) return undefined
  const { state } = threadState(entries)
  const now = state ? `it is now “${GOAL_STATE_LABEL[state]}”` : 'nothing has been proposed yet'
  return `You cannot ${CATCH_BALL_ACTION[kind].toLowerCase()} here: ${now}. What you typed is kept.`
}

/** The fields of a new entry. */
export function catchBallFields(
  goal: Pick<Goal, 'id'>,
  kind: CatchBallKind,
  side: CatchBallSide,
  tier: GoalTier,
  text: string,
  terms: GoalTerms | null,
  author: string,
  now: Date,
): Omit<CatchBallEntry, 'id' | 'unitId' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  return { goalId: goal.id, kind, side, tier, text, terms, author, at: now.toISOString() }
}

/** The target and date a goal stands at: the latest terms on its thread, or its own when it has none. */
export function goalTerms(goal: Pick<Goal, 'target' | 'targetDay'>, entries: readonly CatchBallEntry[]): GoalTerms {
  return threadState(entries).terms ?? { target: goal.target, targetDay: goal.targetDay }
}

/** "85 by 31/03/2027", "85", "no target yet". */
export function termsText(terms: GoalTerms | null, unit = ''): string {
  if (!terms || terms.target === null) return 'no target yet'
  const value = `${terms.target.toLocaleString('en-GB')}${unit}`
  return terms.targetDay ? `${value} by ${formatDay(terms.targetDay)}` : value
}
