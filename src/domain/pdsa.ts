// Plan-Do-Study-Act cycles of an idea: what a cycle must say, which step it is at, and
// the day the change was first tried (the "change date" its measure is compared
// around). Small tests of change, one after another, are how LIM teams learn, so a
// cycle may be saved at any step: a Plan alone is a good start. Pure: no Vue, no Dexie.
import { isDayKey } from './dates'
import { IDEA_TEXT_MAX, textLength } from './ideas'
import type { DayKey, PdsaCycle } from './types'
import type { Errors } from './validation'

export type PdsaDecision = NonNullable<PdsaCycle['decision']>

export const PDSA_DECISIONS: readonly { id: PdsaDecision; label: string; hint: string }[] = [
  { id: 'adopt', label: 'Adopt', hint: 'It worked: make it how we work now' },
  { id: 'adapt', label: 'Adapt', hint: 'Change something and test again in a new cycle' },
  { id: 'abandon', label: 'Abandon', hint: 'It did not help: stop, and say what we learned' },
]

export const PDSA_DECISION_LABEL: Record<PdsaDecision, string> = { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon' }

/** The text and days of a cycle as typed; days are '' when not given. */
export interface PdsaInput {
  change: string
  prediction: string
  measurePlan: string
  whatHappened: string
  study: string
  decision: PdsaDecision | null
  startDay: string
  endDay: string
  conceptIds: string[]
}

export type PdsaField =
  'change' | 'prediction' | 'measurePlan' | 'whatHappened' | 'study' | 'decision' | 'startDay' | 'endDay'

const LABELS: Record<'change' | 'prediction' | 'measurePlan' | 'whatHappened' | 'study', string> = {
  change: 'the change you will test',
  prediction: 'your prediction',
  measurePlan: 'what you will measure',
  whatHappened: 'what happened',
  study: 'the result against the prediction',
}

export function emptyPdsaInput(): PdsaInput {
  return {
    change: '',
    prediction: '',
    measurePlan: '',
    whatHappened: '',
    study: '',
    decision: null,
    startDay: '',
    endDay: '',
    conceptIds: [],
  }
}

export function pdsaInputOf(cycle: PdsaCycle): PdsaInput {
  return {
    change: cycle.change,
    prediction: cycle.prediction,
    measurePlan: cycle.measurePlan,
    whatHappened: cycle.whatHappened,
    study: cycle.study,
    decision: cycle.decision,
    startDay: cycle.startDay ?? '',
    endDay: cycle.endDay ?? '',
    conceptIds: [...cycle.conceptIds],
  }
}

/**
 * The rules: the change is always needed (a cycle tests something); every text fits;
 * days are real days, the end not before the start nor in the future; a decision
 * (Act) comes after the Study, so it needs the result written down first.
 */
export function validatePdsa(input: PdsaInput, today: DayKey): Errors<PdsaField> {
  const errors: Errors<PdsaField> = {}
  for (const field of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
    const length = textLength(input[field].trim())
    if (length > IDEA_TEXT_MAX)
      errors[field] =
        `${capitalise(LABELS[field])} must be ${IDEA_TEXT_MAX.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')})`
  }
  if (!input.change.trim()) errors.change = 'Enter the change you will test'
  if (input.startDay && !isDayKey(input.startDay)) errors.startDay = 'Enter a real start date, or leave it blank'
  if (input.endDay && !isDayKey(input.endDay)) errors.endDay = 'Enter a real end date, or leave it blank'
  else if (input.endDay && !input.startDay) errors.endDay = 'Enter the start date as well as the end date'
  else if (input.endDay && input.startDay && input.endDay < input.startDay)
    errors.endDay = 'The end date must be the same as or after the start date'
  else if (input.endDay && input.endDay > today)
    errors.endDay = 'The end date cannot be in the future: leave it blank while the test runs'
  if (input.decision && !input.study.trim())
    errors.decision = 'Write the result against the prediction (Study) before deciding what to do'
  return errors
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}

/** The stored fields of a cycle from what was typed (the caller adds id, unit, idea, board). */
export function pdsaFields(
  input: PdsaInput,
): Pick<
  PdsaCycle,
  'change' | 'prediction' | 'measurePlan' | 'whatHappened' | 'study' | 'decision' | 'startDay' | 'endDay' | 'conceptIds'
> {
  return {
    change: input.change.trim(),
    prediction: input.prediction.trim(),
    measurePlan: input.measurePlan.trim(),
    whatHappened: input.whatHappened.trim(),
    study: input.study.trim(),
    decision: input.decision,
    startDay: input.startDay || null,
    endDay: input.endDay || null,
    conceptIds: [...new Set(input.conceptIds)],
  }
}

/** The number the next cycle of an idea gets: one more than the highest so far. Two
 * tablets adding a cycle at once may both pick the same number; both cycles are kept
 * (they are separate records) and sortCycles keeps their order stable. */
export function nextCycleNumber(cycles: readonly Pick<PdsaCycle, 'number'>[]): number {
  return cycles.reduce((max, c) => Math.max(max, c.number), 0) + 1
}

export function sortCycles<T extends Pick<PdsaCycle, 'number' | 'createdAt'>>(cycles: readonly T[]): T[] {
  return [...cycles].sort((a, b) => a.number - b.number || a.createdAt.localeCompare(b.createdAt))
}

export type PdsaStage = 'do' | 'study' | 'act' | 'done'

/** The step a cycle is waiting for: Do once planned, Study once done, and so on. */
export function pdsaStage(cycle: Pick<PdsaCycle, 'whatHappened' | 'study' | 'decision'>): PdsaStage {
  if (cycle.decision) return 'done'
  if (cycle.study.trim()) return 'act'
  if (cycle.whatHappened.trim()) return 'study'
  return 'do'
}

export const PDSA_STAGE_TEXT: Record<PdsaStage, string> = {
  do: 'Next: Do – try it and note what happened',
  study: 'Next: Study – compare the result with the prediction',
  act: 'Next: Act – adopt, adapt or abandon',
  done: 'Decided',
}

/** The first day any cycle of the idea started, or null when none has a start day. */
export function firstStartDay(cycles: readonly Pick<PdsaCycle, 'startDay'>[]): DayKey | null {
  return (
    cycles
      .map((c) => c.startDay)
      .filter((d): d is DayKey => !!d)
      .sort()[0] ?? null
  )
}
