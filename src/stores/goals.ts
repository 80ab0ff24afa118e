import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, type ComputedRef } from 'vue'
import { useGoalsHeld } from '@/db/queries/goals'
import { FieldErrors } from '@/domain/errors'
// From their own modules, not the '@/domain/goals' index: the board's goals tile loads this store before its
// values show, and the index would bring every goal screen's rules (bowling chart, deployment tree, A3, review)
// along. The commands (goalCommands.ts: the checks and writes) are fetched by the first save.
import {
  canEditGoal,
  canEditTerms,
  goalOrder,
  sideOf,
  tierBelow,
  type GoalActor,
  type GoalOrg,
} from '@/domain/goals/goals'
import { goalTerms, orderedThread } from '@/domain/goals/catchBall'
import type { CatchBallEntry, Goal, GoalReview, GoalTerms, GoalTier } from '@/domain/types'
import { lazyCommands } from './lazyCommands'
import { useOrgStore } from './org'

/** What the commands need of the store. */
export interface GoalsContext {
  actor: ComputedRef<GoalActor | null>
  orgView: ComputedRef<GoalOrg>
  /** Resolves once the store's live read shows what was just written. */
  settled(): Promise<unknown>
  goalById(id: string): Goal | undefined
  termsOf(goal: Goal): GoalTerms
  parentChoices(tier: GoalTier, ownerScopeId: string): { id: string; title: string }[]
}

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

  // The commands (their checks and writes) load apart from the board's goals tile (lazyCommands).
  const context: GoalsContext = { actor, orgView, settled: () => live.settled(), goalById, termsOf, parentChoices }
  const { save, move, saveA3, review, setArchived } = lazyCommands(() => import('./goalCommands'), context, [
    'save',
    'move',
    'saveA3',
    'review',
    'setArchived',
  ])

  /** The months reviewed so far for a goal, by month. */
  function reviewsOf(goalId: string): Map<string, GoalReview> {
    return new Map((reviews.value.get(goalId) ?? []).map((r) => [r.month, r]))
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
