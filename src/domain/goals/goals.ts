// Strategy deployment: a few trust goals, each CSU's goals serving them, each ward's serving its
// CSU's. Which tier may set, propose and edit which goal, where each goal is kept (its sync
// scope), and the goal form's rules. Pure: the organisation is passed in.
import { libraryScopeId } from '@/shared/sync/scopes'
import { isDayKey } from '../dates'
import { textLength } from '../ideas'
import type { CatchBallSide, Csu, Goal, GoalMeasure, GoalTier, Trust, Unit } from '../types'
import { LIMITS, parseNumber } from '../validation'

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
