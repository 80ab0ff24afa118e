import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useGoalsHeld } from '@/db/queries/goals'
import { recordNow, updateRecord } from '@/db/repo'
import { FieldErrors, InputError } from '@/domain/errors'
// From their own modules, not the '@/domain/goals' index: the board's goals tile loads this store before its
// values show, and the index would bring every goal screen's rules (bowling chart, deployment tree, A3, review)
// along. What only a save needs (the writes, the A3 and review checks) is fetched by the save itself.
import type { A3Draft } from '@/domain/goals/a3'
import {
  canCreateGoalIn,
  canEditGoal,
  canEditTerms,
  goalOrder,
  goalScopeOf,
  sideOf,
  tierBelow,
  validateGoalDraft,
  type GoalActor,
  type GoalDraft,
  type GoalFormContext,
  type GoalOrg,
} from '@/domain/goals/goals'
import { goalTerms, orderedThread, validateCatchBall, type CatchBallInput } from '@/domain/goals/catchBall'
import type { GoalReviewDraft } from '@/domain/goals/review'
import { newId } from '@/domain/ids'
import { londonDay } from '@/domain/dates'
import type { CatchBallEntry, CatchBallKind, Goal, GoalReview, GoalTerms, GoalTier } from '@/domain/types'
import { useOrgStore } from './org'

/** The form's errors, field by field: the screen puts each beside its field. */
export class GoalInputError extends FieldErrors {
  constructor(errors: Partial<Record<string, string>>) {
    super(errors, 'Check the goal')
  }
}

/** Goals and catch-ball threads this tablet holds, and the moves of the tier whose board is on screen. */
export const useGoalsStore = defineStore('goals', () => {
  const org = useOrgStore()
  const wanted = ref(false)
  const live = useGoalsHeld(wanted)
  const goals = computed(() => live.data.value.goals.filter((g) => !g.archived).sort(goalOrder))
  /** The archived goals too, for the screens whose "Show archived" is on (kept for this visit only). */
  const showArchived = ref(false)
  const allGoals = computed(() => [...live.data.value.goals].sort(goalOrder))
  const archivedCount = computed(() => allGoals.value.filter((g) => g.archived).length)
  const shownGoals = computed(() => (showArchived.value ? allGoals.value : goals.value))
  const reviews = computed(() => {
    const byGoal = new Map<string, GoalReview[]>()
    for (const review of live.data.value.reviews)
      byGoal.set(review.goalId, [...(byGoal.get(review.goalId) ?? []), review])
    return byGoal
  })
  const loaded = computed(() => wanted.value && live.loaded.value)
  const threads = computed(() => {
    const byGoal = new Map<string, CatchBallEntry[]>()
    for (const entry of live.data.value.catchBall)
      byGoal.set(entry.goalId, [...(byGoal.get(entry.goalId) ?? []), entry])
    for (const [id, list] of byGoal) byGoal.set(id, orderedThread(list))
    return byGoal
  })

  const orgView = computed<GoalOrg>(() => ({ units: org.units, csus: org.csus, trusts: org.trusts }))
  /** The tier of the board on screen acts: a ward's, a CSU's or the trust's. */
  const actor = computed<GoalActor | null>(() =>
    org.currentBoard ? { tier: org.currentTier, scopeId: org.currentBoard.unitId } : null,
  )

  async function load() {
    wanted.value = true
    await live.settled()
  }

  function threadOf(goalId: string): CatchBallEntry[] {
    return threads.value.get(goalId) ?? []
  }

  function goalById(id: string): Goal | undefined {
    return live.data.value.goals.find((g) => g.id === id)
  }

  /** The board measure a goal links, where this tablet holds it. */
  function measureOf(goal: Goal) {
    const link = goal.measure
    return link?.kind === 'measure' ? live.data.value.measures.find((m) => m.id === link.measureId) : undefined
  }

  function termsOf(goal: Goal): GoalTerms {
    return goalTerms(goal, threadOf(goal.id))
  }

  function sideFor(goal: Goal) {
    return actor.value ? sideOf(actor.value, goal, orgView.value) : null
  }

  function mayEdit(goal: Goal): boolean {
    return Boolean(actor.value && canEditGoal(actor.value, goal))
  }

  function mayEditTerms(goal: Goal): boolean {
    return Boolean(actor.value && canEditTerms(actor.value, goal))
  }

  /** The goals a goal of `tier` may serve: the tier above's, as this tablet knows them. A ward tablet does not
   * hold its CSU's goals, so it offers those its own goals already serve (kept with their titles). */
  function parentChoices(tier: GoalTier, ownerScopeId: string): { id: string; title: string }[] {
    if (tier === 'trust') return []
    const aboveTier: GoalTier = tier === 'unit' ? 'csu' : 'trust'
    const above =
      tier === 'unit'
        ? org.units.find((u) => u.id === ownerScopeId)?.csuId
        : org.csus.find((c) => c.id === ownerScopeId)?.trustId
    const held = goals.value.filter((g) => g.tier === aboveTier && g.ownerScopeId === above)
    const known = new Map(held.map((g) => [g.id, g.title]))
    for (const g of goals.value)
      if (g.tier === tier && g.ownerScopeId === ownerScopeId)
        for (const id of g.parentGoalIds) if (!known.has(id) && g.parentTitles[id]) known.set(id, g.parentTitles[id]!)
    return [...known].map(([id, title]) => ({ id, title }))
  }

  function parentTitlesOf(ids: readonly string[], tier: GoalTier, ownerScopeId: string): Record<string, string> {
    const choices = parentChoices(tier, ownerScopeId)
    return Object.fromEntries(ids.map((id) => [id, choices.find((c) => c.id === id)?.title ?? '']))
  }

  /**
   * Save the goal form: a new goal of the actor's own tier, a goal proposed to a scope below (with the first
   * catch-ball entry), or the changes to an existing goal compared with the goal as the form showed it.
   */
  async function save(
    draft: GoalDraft,
    target: { tier: GoalTier; ownerScopeId: string },
    context: Omit<GoalFormContext, 'tier' | 'parentIds'>,
    by: string,
    existing?: { goal: Goal; shown: GoalDraft },
    note = '',
  ): Promise<Goal> {
    const who = actor.value
    if (!who) throw new InputError('Choose a board first')
    const parentIds = parentChoices(target.tier, target.ownerScopeId).map((p) => p.id)
    const proposing = !existing && target.tier !== who.tier
    const { errors, fields } = validateGoalDraft(draft, { ...context, tier: target.tier, parentIds, proposing })
    if (!fields) throw new GoalInputError(errors)
    const parentTitles = parentTitlesOf(fields.parentGoalIds, target.tier, target.ownerScopeId)
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
      const { updateGoal } = await import('@/db/goalWrites')
      const saved = await updateGoal(goal.id, changes, by)
      if (!saved) throw new InputError('That goal is no longer on this tablet')
      await live.settled()
      return saved
    }
    if (!canCreateGoalIn(who, target.tier, target.ownerScopeId, orgView.value))
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
    const { proposeGoal, saveGoal } = await import('@/db/goalWrites')
    let saved: Goal
    if (proposing) {
      const terms = { target: fields.target, targetDay: fields.targetDay }
      saved = (await proposeGoal(goal, { tier: who.tier, text: note.trim(), terms }, by, now)).goal
    } else saved = await saveGoal(goal, by, now)
    await live.settled()
    return saved
  }

  /** One catch-ball move by the board on screen's tier, checked against the thread as stored. */
  async function move(goalId: string, kind: CatchBallKind, input: CatchBallInput, by: string): Promise<CatchBallEntry> {
    const who = actor.value
    const goal = goalById(goalId)
    if (!who || !goal) throw new InputError('That goal is no longer on this tablet')
    const side = sideOf(who, goal, orgView.value)
    if (!side) throw new InputError('Only the goal’s own tier and the tier above it take part in its catch-ball')
    const { errors, text, terms } = validateCatchBall(kind, input, termsOf(goal))
    if (text === undefined) throw new GoalInputError(errors)
    const { addCatchBall } = await import('@/db/goalWrites')
    const saved = await addCatchBall(
      goalId,
      { kind, side, tier: who.tier, text, terms: terms ?? null },
      by,
      await recordNow(),
    )
    await live.settled()
    return saved
  }

  /** Save the A3's changed boxes (compared with the A3 as the form opened) and count a version. */
  async function saveA3(goalId: string, draft: A3Draft, shown: A3Draft, by: string): Promise<Goal> {
    const goal = goalById(goalId)
    if (!goal || !actor.value || !canEditGoal(actor.value, goal))
      throw new InputError('Only the goal’s own tier writes its A3')
    const { validateA3 } = await import('@/domain/goals/a3')
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
    await live.settled()
    return saved
  }

  /** The months reviewed so far for a goal, by month. */
  function reviewsOf(goalId: string): Map<string, GoalReview> {
    return new Map((reviews.value.get(goalId) ?? []).map((r) => [r.month, r]))
  }

  /** Save a month's review: the goal's own tier, checked against the goal as stored. */
  async function review(goalId: string, month: string, draft: GoalReviewDraft, by: string): Promise<GoalReview> {
    const who = actor.value
    if (!who) throw new InputError('Choose a board first')
    const [{ validateGoalReview }, { saveReview }] = await Promise.all([
      import('@/domain/goals/review'),
      import('@/db/goalWrites'),
    ])
    const { errors, fields } = validateGoalReview(draft)
    if (!fields) throw new GoalInputError(errors)
    const saved = await saveReview(goalId, month, fields, who, londonDay(), by, await recordNow())
    await live.settled()
    return saved
  }

  /** Archive a goal or bring it back (the goal's own tier). */
  async function setArchived(goalId: string, archived: boolean, by: string): Promise<Goal> {
    const who = actor.value
    if (!who) throw new InputError('Choose a board first')
    const { setGoalArchived } = await import('@/db/goalWrites')
    const saved = await setGoalArchived(goalId, archived, who, by)
    await live.settled()
    return saved
  }

  /** Scopes the actor may propose goals to: a trust's CSUs, a CSU's wards. */
  const proposeTo = computed(() => {
    const who = actor.value
    if (!who || !tierBelow(who.tier)) return []
    return who.tier === 'trust'
      ? org.csus
          .filter((c) => c.trustId === who.scopeId)
          .map((c) => ({ id: c.id, name: org.scopeName(c.id) ?? c.name }))
      : org.units.filter((u) => u.csuId === who.scopeId).map((u) => ({ id: u.id, name: u.name }))
  })

  return {
    goals,
    allGoals,
    shownGoals,
    showArchived,
    archivedCount,
    loaded,
    threads,
    orgView,
    actor,
    proposeTo,
    load,
    threadOf,
    goalById,
    termsOf,
    measureOf,
    sideFor,
    mayEdit,
    mayEditTerms,
    parentChoices,
    save,
    move,
    saveA3,
    reviewsOf,
    review,
    setArchived,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useGoalsStore, import.meta.hot))
