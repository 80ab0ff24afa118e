// The goal form: what was typed, checked (a goal's title, owner, parents, measure, numbers and date) into the
// fields to store. Apart from goals.ts, so the board's goals tile loads without the form's checks.
import { isDayKey } from '../dates'
import { textLength } from '../ideas'
import type { Goal, GoalMeasure, GoalTier } from '../types'
import { LIMITS, parseNumber } from '../validation'

export interface GoalDraft {
  title: string
  owner: string
  kind: Goal['kind']
  parentGoalIds: string[]
  /** '' for none yet, 'roll-up', or a measure id. */
  measure: string
  direction: Goal['direction']
  baseline: string
  target: string
  /** YYYY-MM-DD, or '' for none yet. */
  targetDay: string
  conceptIds: string[]
}

export type GoalField = 'title' | 'owner' | 'parentGoalIds' | 'measure' | 'baseline' | 'target' | 'targetDay'

export interface GoalFormContext {
  tier: GoalTier
  /** The board measures that may be linked, with the board each is on. */
  measures: readonly { id: string; boardId: string }[]
  /** The parent goals that may be linked (the tier above's), by id. */
  parentIds: readonly string[]
  /** Proposed to the tier below: the target and date are the proposal, so both are needed. */
  proposing?: boolean
}

export type GoalFields = Pick<
  Goal,
  | 'title'
  | 'owner'
  | 'kind'
  | 'parentGoalIds'
  | 'measure'
  | 'direction'
  | 'baseline'
  | 'target'
  | 'targetDay'
  | 'conceptIds'
>

function textError(label: string, value: string, max: number, required: boolean): string | undefined {
  const trimmed = value.trim()
  if (required && !trimmed) return `Enter ${label}`
  const length = textLength(trimmed)
  if (length > max)
    return `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${max} characters or fewer (it has ${length})`
  return undefined
}

/** A typed number, '' for none; an error in words when it is not a number or too large. */
export function goalNumber(text: string, label: string): { value: number | null; error?: string } {
  if (!text.trim()) return { value: null }
  const value = parseNumber(text)
  if (value === null) return { value: null, error: `Enter the ${label} as a number, like 85 or 2.5` }
  if (Math.abs(value) > LIMITS.number) return { value: null, error: `The ${label} is too large` }
  return { value }
}

export function targetDayError(day: string): string | undefined {
  if (day && !isDayKey(day)) return 'Enter a real date, like 31/03/2027'
  return undefined
}

/** Check the goal form; the fields to store when it is valid. */
export function validateGoalDraft(
  draft: GoalDraft,
  context: GoalFormContext,
): { errors: Partial<Record<GoalField, string>>; fields?: GoalFields } {
  const errors: Partial<Record<GoalField, string>> = {}
  const title = textError('the goal', draft.title, LIMITS.title, true)
  if (title) errors.title = title
  const owner = textError('who owns the goal', draft.owner, LIMITS.person, true)
  if (owner) errors.owner = owner
  const parents = [...new Set(draft.parentGoalIds)]
  if (context.tier !== 'trust') {
    if (parents.length === 0)
      errors.parentGoalIds =
        context.tier === 'csu' ? 'Choose the trust goal this serves' : 'Choose the CSU goal this serves'
    else if (parents.some((id) => !context.parentIds.includes(id)))
      errors.parentGoalIds = 'A goal it served is no longer there: choose again'
  }
  let measure: GoalMeasure | null = null
  if (draft.measure === 'roll-up') {
    if (context.tier === 'unit') errors.measure = 'A ward goal uses one of its board measures'
    else measure = { kind: 'roll-up' }
  } else if (draft.measure) {
    const found = context.measures.find((m) => m.id === draft.measure)
    if (!found) errors.measure = 'That measure is no longer on the board: choose another'
    else measure = { kind: 'measure', measureId: found.id, boardId: found.boardId }
  }
  const baseline = goalNumber(draft.baseline, 'baseline')
  if (baseline.error) errors.baseline = baseline.error
  const target = goalNumber(draft.target, 'target')
  if (target.error) errors.target = target.error
  if (!target.error && target.value === null && context.proposing) errors.target = 'Enter the target you propose'
  const day =
    targetDayError(draft.targetDay) ??
    (context.proposing && !draft.targetDay ? 'Enter the date the target is for' : undefined)
  if (day) errors.targetDay = day
  if (Object.keys(errors).length > 0) return { errors }
  return {
    errors,
    fields: {
      title: draft.title.trim(),
      owner: draft.owner.trim(),
      kind: context.tier === 'trust' ? draft.kind : 'goal',
      parentGoalIds: context.tier === 'trust' ? [] : parents,
      measure,
      direction: draft.direction,
      baseline: baseline.value,
      target: target.value,
      targetDay: draft.targetDay || null,
      conceptIds: [...new Set(draft.conceptIds)],
    },
  }
}

/** The form's starting values for a goal (or a new one). */
export function goalDraftOf(goal: Goal | undefined, parentGoalIds: string[] = []): GoalDraft {
  return {
    title: goal?.title ?? '',
    owner: goal?.owner ?? '',
    kind: goal?.kind ?? 'true-north',
    parentGoalIds: goal ? [...goal.parentGoalIds] : parentGoalIds,
    measure: goal?.measure ? (goal.measure.kind === 'roll-up' ? 'roll-up' : goal.measure.measureId) : '',
    direction: goal?.direction ?? 'higher',
    baseline: goal?.baseline === null || goal?.baseline === undefined ? '' : String(goal.baseline),
    target: goal?.target === null || goal?.target === undefined ? '' : String(goal.target),
    targetDay: goal?.targetDay ?? '',
    conceptIds: goal ? [...goal.conceptIds] : [],
  }
}
