// The goals store's commands: each checks what was typed and the move against the goal as this tablet holds
// it, then writes. Loaded by the first save (useGoalsStore's save, move, saveA3, review, setArchived), so the
// board's goals tile loads without them.
import { addCatchBall, proposeGoal, saveGoal, saveReview, setGoalArchived, updateGoal } from '@/db/goalWrites'
import { recordNow, updateRecord } from '@/db/repo'
import { londonDay } from '@/domain/dates'
import { InputError } from '@/domain/errors'
import { validateA3, type A3Draft } from '@/domain/goals/a3'
import { validateCatchBall, type CatchBallInput } from '@/domain/goals/catchBallInput'
import { validateGoalDraft, type GoalDraft, type GoalFormContext } from '@/domain/goals/goalDraft'
import { canCreateGoalIn, canEditGoal, canEditTerms, goalScopeOf, sideOf } from '@/domain/goals/goals'
import { validateGoalReview, type GoalReviewDraft } from '@/domain/goals/review'
import { newId } from '@/domain/ids'
import type { CatchBallEntry, CatchBallKind, Goal, GoalReview, GoalTier } from '@/domain/types'
import { GoalInputError, type GoalsContext } from './goals'

function parentTitlesOf(
  store: GoalsContext,
  ids: readonly string[],
  tier: GoalTier,
  ownerScopeId: string,
): Record<string, string> {
  const choices = store.parentChoices(tier, ownerScopeId)
  return Object.fromEntries(ids.map((id) => [id, choices.find((c) => c.id === id)?.title ?? '']))
}

/**
 * Save the goal form: a new goal of the actor's own tier, a goal proposed to a scope below (with the first
 * catch-ball entry), or the changes to an existing goal compared with the goal as the form showed it.
 */
export async function save(
  store: GoalsContext,
  draft: GoalDraft,
  target: { tier: GoalTier; ownerScopeId: string },
  context: Omit<GoalFormContext, 'tier' | 'parentIds'>,
  by: string,
  existing?: { goal: Goal; shown: GoalDraft },
  note = '',
): Promise<Goal> {
  const who = store.actor.value
  if (!who) throw new InputError('Choose a board first')
  const parentIds = store.parentChoices(target.tier, target.ownerScopeId).map((p) => p.id)
  const proposing = !existing && target.tier !== who.tier
  const { errors, fields } = validateGoalDraft(draft, { ...context, tier: target.tier, parentIds, proposing })
  if (!fields) throw new GoalInputError(errors)
  const parentTitles = parentTitlesOf(store, fields.parentGoalIds, target.tier, target.ownerScopeId)
  const now = await recordNow()
  if (existing) {
    const goal = existing.goal
    if (!canEditGoal(who, goal)) throw new InputError('Only the goal’s own tier changes it')
    const { fields: shown } = validateGoalDraft(existing.shown, { ...context, tier: goal.tier, parentIds })
    const changes: Partial<Goal> = {}
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
      if (JSON.stringify(fields[key]) !== JSON.stringify(shown?.[key]))
        (changes as Record<string, unknown>)[key] = fields[key]
    }
    if (!canEditTerms(who, goal)) {
      delete changes.target
      delete changes.targetDay
    }
    if (changes.parentGoalIds) changes.parentTitles = { ...goal.parentTitles, ...parentTitles }
    const saved = await updateGoal(goal.id, changes, by)
    if (!saved) throw new InputError('That goal is no longer on this tablet')
    await store.settled()
    return saved
  }
  if (!canCreateGoalIn(who, target.tier, target.ownerScopeId, store.orgView.value))
    throw new InputError('This board cannot set a goal there')
  const goal: Omit<Goal, 'createdAt' | 'updatedAt' | 'updatedBy'> = {
    id: newId(),
    unitId: goalScopeOf(target.tier, target.ownerScopeId),
    tier: target.tier,
    ownerScopeId: target.ownerScopeId,
    ...fields,
    parentTitles,
    proposedBy: proposing ? who.tier : null,
    archived: false,
  }
  let saved: Goal
  if (proposing) {
    const terms = { target: fields.target, targetDay: fields.targetDay }
    saved = (await proposeGoal(goal, { tier: who.tier, text: note.trim(), terms }, by, now)).goal
  } else saved = await saveGoal(goal, by, now)
  await store.settled()
  return saved
}

/** One catch-ball move by the board on screen's tier, checked against the thread as stored. */
export async function move(
  store: GoalsContext,
  goalId: string,
  kind: CatchBallKind,
  input: CatchBallInput,
  by: string,
): Promise<CatchBallEntry> {
  const who = store.actor.value
  const goal = store.goalById(goalId)
  if (!who || !goal) throw new InputError('That goal is no longer on this tablet')
  const side = sideOf(who, goal, store.orgView.value)
  if (!side) throw new InputError('Only the goal’s own tier and the tier above it take part in its catch-ball')
  const { errors, text, terms } = validateCatchBall(kind, input, store.termsOf(goal))
  if (text === undefined) throw new GoalInputError(errors)
  const saved = await addCatchBall(
    goalId,
    { kind, side, tier: who.tier, text, terms: terms ?? null },
    by,
    await recordNow(),
  )
  await store.settled()
  return saved
}

/** Save the A3's changed boxes (compared with the A3 as the form opened) and count a version. */
export async function saveA3(
  store: GoalsContext,
  goalId: string,
  draft: A3Draft,
  shown: A3Draft,
  by: string,
): Promise<Goal> {
  const goal = store.goalById(goalId)
  if (!goal || !store.actor.value || !canEditGoal(store.actor.value, goal))
    throw new InputError('Only the goal’s own tier writes its A3')
  const { errors, changes } = validateA3(draft, shown, goal.a3Version ?? 0)
  if (!changes) throw new GoalInputError(errors)
  if (changes.a3Version === (goal.a3Version ?? 0)) return goal
  const saved = await updateRecord<Goal>(
    'goals',
    goalId,
    (stored) => ({ ...changes, a3Version: (stored.a3Version ?? 0) + 1 }),
    by,
  )
  if (!saved) throw new InputError('That goal is no longer on this tablet')
  await store.settled()
  return saved
}

/** Save a month's review: the goal's own tier, checked against the goal as stored. */
export async function review(
  store: GoalsContext,
  goalId: string,
  month: string,
  draft: GoalReviewDraft,
  by: string,
): Promise<GoalReview> {
  const who = store.actor.value
  if (!who) throw new InputError('Choose a board first')
  const { errors, fields } = validateGoalReview(draft)
  if (!fields) throw new GoalInputError(errors)
  const saved = await saveReview(goalId, month, fields, who, londonDay(), by, await recordNow())
  await store.settled()
  return saved
}

/** Archive a goal or bring it back (the goal's own tier). */
export async function setArchived(store: GoalsContext, goalId: string, archived: boolean, by: string): Promise<Goal> {
  const who = store.actor.value
  if (!who) throw new InputError('Choose a board first')
  const saved = await setGoalArchived(goalId, archived, who, by)
  await store.settled()
  return saved
}
