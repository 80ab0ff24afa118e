// The monthly review of a goal, beside its bowling chart: for each month a short commentary and where the
// countermeasures stand. One record per goal and month, kept in the goal's scope, with an id made of both,
// so the same month written on two tablets offline merges into one record (the commentary keeps both
// versions to choose from; the status is the later). Only the goal's own tier writes it, as it edits the
// goal. Archiving and unarchiving a goal follow the same rule.
import { textLength } from '../ideas'
import type { CatchBallEntry, CountermeasureStatus, Goal, GoalReview } from '../types'
import { threadState } from './catchBall'
import { canEditGoal, type GoalActor } from './goals'
import { REVIEW_COMMENTARY_MAX } from './limits'

export { REVIEW_COMMENTARY_MAX }

export const COUNTERMEASURE_STATUSES: readonly CountermeasureStatus[] = ['not-started', 'on-track', 'at-risk', 'done']

export const COUNTERMEASURE_STATUS_LABEL: Record<CountermeasureStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  done: 'Done',
}

/** Each status has a shape of its own, so it reads without colour. */
export const COUNTERMEASURE_STATUS_ICON: Record<CountermeasureStatus, 'minus' | 'chevron-right' | 'warning' | 'tick'> =
  {
    'not-started': 'minus',
    'on-track': 'chevron-right',
    'at-risk': 'warning',
    done: 'tick',
  }

/** One record per goal and month: the same id on every tablet. */
export function goalReviewId(goalId: string, month: string): string {
  return `${goalId}_${month}`
}

export interface GoalReviewDraft {
  commentary: string
  status: CountermeasureStatus | ''
}

export type GoalReviewField = 'commentary' | 'status' | 'month'

/**
 * Why the actor may not write a month's review, or null when it may: only the goal's own tier, not on an
 * archived goal, and only for a month the review covers (the bowling chart's months up to this one).
 */
export function reviewRefusal(
  actor: GoalActor | null,
  goal: Pick<Goal, 'tier' | 'ownerScopeId' | 'archived'>,
  month: string,
  months: readonly string[],
  thisMonth: string,
): string | null {
  if (!actor || !canEditGoal(actor, goal)) return 'Only the goal’s own tier writes its monthly review'
  if (goal.archived) return 'The goal is archived: bring it back to review it'
  if (!months.includes(month)) return 'That month is outside the goal’s review'
  if (month > thisMonth) return 'A month is reviewed once it has started'
  return null
}

/** Check a month's review; the fields to store when it is valid. */
export function validateGoalReview(draft: GoalReviewDraft): {
  errors: Partial<Record<GoalReviewField, string>>
  fields?: Pick<GoalReview, 'commentary' | 'status'>
} {
  const errors: Partial<Record<GoalReviewField, string>> = {}
  const commentary = draft.commentary.trim()
  const length = textLength(commentary)
  if (!commentary) errors.commentary = 'Enter a short commentary on the month'
  else if (length > REVIEW_COMMENTARY_MAX)
    errors.commentary = `The commentary must be ${REVIEW_COMMENTARY_MAX} characters or fewer (it has ${length})`
  if (!draft.status || !COUNTERMEASURE_STATUSES.includes(draft.status))
    errors.status = 'Choose where the countermeasures stand'
  if (Object.keys(errors).length || !draft.status) return { errors }
  return { errors, fields: { commentary, status: draft.status } }
}

/** The form's starting values for a month: what is stored, or nothing yet. */
export function goalReviewDraftOf(review: Pick<GoalReview, 'commentary' | 'status'> | undefined): GoalReviewDraft {
  return { commentary: review?.commentary ?? '', status: review?.status ?? '' }
}

/**
 * Why the actor may not archive (or bring back) a goal, or null when it may. The goal's own tier decides; a
 * goal whose catch-ball is still open is answered there rather than archived, so a proposal from the tier
 * above is never dropped without a reply.
 */
export function archiveRefusal(
  actor: GoalActor | null,
  goal: Pick<Goal, 'tier' | 'ownerScopeId' | 'archived'>,
  archive: boolean,
  thread: readonly CatchBallEntry[],
): string | null {
  if (!actor || !canEditGoal(actor, goal)) return 'Only the goal’s own tier archives it or brings it back'
  if (archive && goal.archived) return 'The goal is archived already'
  if (!archive && !goal.archived) return 'The goal is not archived'
  const state = threadState(thread).state
  if (archive && state !== null && state !== 'agreed')
    return 'The goal is still in catch-ball: answer the tier above first'
  return null
}

/**
 * The month a huddle looks at: this month while the goal's review runs, its last month once the target date
 * has passed, nothing before the goal was set.
 */
export function huddleMonth<M extends { month: string }>(chart: readonly M[], thisMonth: string): M | undefined {
  const current = chart.find((m) => m.month === thisMonth)
  if (current) return current
  const last = chart[chart.length - 1]
  return last && last.month < thisMonth ? last : undefined
}
