// A catch-ball move as typed: checked against the terms on the table into the entry's text and terms. Apart
// from catchBall.ts, so the board's goals tile loads without the move form's checks.
import type { CatchBallKind, GoalTerms } from '../types'
import { LIMITS } from '../validation'
import { goalNumber, targetDayError } from './goalDraft'

export interface CatchBallInput {
  text: string
  /** As typed; only read for propose and counter. */
  target: string
  targetDay: string
}

export type CatchBallField = 'text' | 'target' | 'targetDay'

const TEXT_LABEL: Record<CatchBallKind, string> = {
  propose: 'why this goal matters',
  accept: 'a note',
  counter: 'your reasons for the change',
  question: 'your question',
  answer: 'your answer',
  agree: 'a note',
}

/** Whether a move must say something: a change needs its reasons, a question and an answer their words. */
export function textRequired(kind: CatchBallKind): boolean {
  return kind === 'counter' || kind === 'question' || kind === 'answer'
}

/** Check a move's input against the terms on the table now; the entry's text and terms when it is valid. */
export function validateCatchBall(
  kind: CatchBallKind,
  input: CatchBallInput,
  current: GoalTerms | null,
): { errors: Partial<Record<CatchBallField, string>>; text?: string; terms?: GoalTerms | null } {
  const errors: Partial<Record<CatchBallField, string>> = {}
  const text = input.text.trim()
  const label = TEXT_LABEL[kind]
  if (textRequired(kind) && !text) errors.text = `Enter ${label}`
  else if ([...text].length > LIMITS.comment)
    errors.text = `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${LIMITS.comment} characters or fewer (it has ${[...text].length})`
  if (kind !== 'propose' && kind !== 'counter')
    return Object.keys(errors).length ? { errors } : { errors, text, terms: null }
  const target = goalNumber(input.target, 'target')
  if (target.error) errors.target = target.error
  else if (target.value === null) errors.target = 'Enter the target'
  const dayError = targetDayError(input.targetDay)
  if (dayError) errors.targetDay = dayError
  else if (!input.targetDay) errors.targetDay = 'Enter the date the target is for'
  const terms: GoalTerms = { target: target.value, targetDay: input.targetDay || null }
  if (
    kind === 'counter' &&
    !errors.target &&
    !errors.targetDay &&
    current &&
    current.target === terms.target &&
    current.targetDay === terms.targetDay
  )
    errors.target = 'This is the target and date already proposed: change one, or ask a question instead'
  return Object.keys(errors).length ? { errors } : { errors, text, terms }
}
