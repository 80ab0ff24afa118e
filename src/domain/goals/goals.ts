// Strategy deployment: a few trust goals, each CSU's goals serving them, each ward's serving its
// CSU's. Which tier may set, propose and edit which goal, where each goal is kept (its sync
// scope); the goal form's rules are in goalDraft.ts. Pure: the organisation is passed in.
import { libraryScopeId } from '@/shared/sync/scopes'
import type { CatchBallSide, Csu, Goal, GoalTier, Trust, Unit } from '../types'

export const GOAL_TIER_LABEL: Record<GoalTier, string> = { trust: 'Trust', csu: 'CSU', unit: 'Ward' }

export const GOAL_KIND_LABEL: Record<Goal['kind'], string> = {
  'true-north': 'True north',
  breakthrough: 'Breakthrough objective',
  goal: 'Goal',
}

/** A tier sets only a few goals: more than this and none gets the attention a goal needs. */
export const MAX_GOALS_PER_SCOPE = 12

/** The organisation as far as goals need it: which CSU a unit is in, which trust a CSU. */
export interface GoalOrg {
  units: readonly Pick<Unit, 'id' | 'csuId' | 'name'>[]
  csus: readonly Pick<Csu, 'id' | 'trustId' | 'name'>[]
  trusts: readonly Pick<Trust, 'id' | 'name'>[]
}

/** Who is acting: the tier of the board on screen and its scope (a unit, CSU or trust id). */
export interface GoalActor {
  tier: GoalTier
  scopeId: string
}

export function tierAbove(tier: GoalTier): GoalTier | null {
  return tier === 'unit' ? 'csu' : tier === 'csu' ? 'trust' : null
}

export function tierBelow(tier: GoalTier): GoalTier | null {
  return tier === 'trust' ? 'csu' : tier === 'csu' ? 'unit' : null
}

/** The sync scope a goal is kept in: the trust library for the trust's (every tablet of the trust reads it). */
export function goalScopeOf(tier: GoalTier, ownerScopeId: string): string {
  return tier === 'trust' ? libraryScopeId(ownerScopeId) : ownerScopeId
}

/** The scope directly above an owner: a unit's CSU, a CSU's trust; undefined at the top or when unknown. */
export function scopeAbove(tier: GoalTier, ownerScopeId: string, org: GoalOrg): string | undefined {
  if (tier === 'unit') return org.units.find((u) => u.id === ownerScopeId)?.csuId
  if (tier === 'csu') return org.csus.find((c) => c.id === ownerScopeId)?.trustId
  return undefined
}

/** The scopes directly below an actor: a trust's CSUs, a CSU's units. */
export function scopesBelow(actor: GoalActor, org: GoalOrg): { id: string; name: string }[] {
  if (actor.tier === 'trust') return org.csus.filter((c) => c.trustId === actor.scopeId)
  if (actor.tier === 'csu') return org.units.filter((u) => u.csuId === actor.scopeId)
  return []
}

/**
 * Which side of a goal's catch-ball the actor is on: 'lower' for the tier whose goal it is, 'upper' for the
 * tier directly above it (the one that proposes), null for anyone else (they may read it, not answer it).
 */
export function sideOf(
  actor: GoalActor,
  goal: Pick<Goal, 'tier' | 'ownerScopeId'>,
  org: GoalOrg,
): CatchBallSide | null {
  if (actor.tier === goal.tier && actor.scopeId === goal.ownerScopeId) return 'lower'
  if (tierAbove(goal.tier) === actor.tier && scopeAbove(goal.tier, goal.ownerScopeId, org) === actor.scopeId)
    return 'upper'
  return null
}

/** The owning tier edits its goal: title, owner, measure, baseline, concepts. */
export function canEditGoal(actor: GoalActor, goal: Pick<Goal, 'tier' | 'ownerScopeId'>): boolean {
  return actor.tier === goal.tier && actor.scopeId === goal.ownerScopeId
}

/** The target and date: set directly only on a goal its own tier set; a proposed goal's go through catch-ball. */
export function canEditTerms(actor: GoalActor, goal: Pick<Goal, 'tier' | 'ownerScopeId' | 'proposedBy'>): boolean {
  return canEditGoal(actor, goal) && goal.proposedBy === null
}

/** Where a new goal may go: the actor's own scope (set), or a scope directly below it (proposed by catch-ball). */
export function canCreateGoalIn(actor: GoalActor, tier: GoalTier, ownerScopeId: string, org: GoalOrg): boolean {
  if (tier === actor.tier) return ownerScopeId === actor.scopeId
  return tierBelow(actor.tier) === tier && scopesBelow(actor, org).some((s) => s.id === ownerScopeId)
}

/** A goal's parents as this tablet can name them: the live title where it holds the parent, else the one kept. */
export function parentNames(goal: Pick<Goal, 'parentGoalIds' | 'parentTitles'>, held: readonly Goal[]): string[] {
  return goal.parentGoalIds.map(
    (id) => held.find((g) => g.id === id)?.title ?? goal.parentTitles[id] ?? 'A goal this tablet does not hold',
  )
}

/** Goals in the order a board shows them: trust kinds first (true north, then breakthrough), then title. */
export function goalOrder(a: Goal, b: Goal): number {
  const rank = (g: Goal) => (g.kind === 'true-north' ? 0 : g.kind === 'breakthrough' ? 1 : 2)
  return rank(a) - rank(b) || a.title.localeCompare(b.title, 'en-GB') || a.id.localeCompare(b.id)
}
