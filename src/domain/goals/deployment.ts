// The deployment tree: trust goals, the CSU goals serving each, the ward goals serving those, so a
// manager sees which wards carry each trust goal and where nobody has taken a goal up. A tablet holds
// only its scopes' goals: a ward tablet does not hold its CSU's, so a ward goal's CSU parent appears by
// the title kept on the ward goal, and gaps are called out only at tiers whose goals the tablet can see.
import type { Goal, GoalTier } from '../types'
import { goalOrder } from './goals'

export interface DeploymentNode {
  /** The goal's id (or, for a parent this tablet does not hold, the parent's id). */
  id: string
  title: string
  tier: GoalTier
  /** null for a parent known only by the title kept on a goal below it. */
  goal: Goal | null
  children: DeploymentNode[]
  /** Why this goal is a gap, in words; null when it is served (or the tablet cannot see the tier below). */
  gap: string | null
}

export interface DeploymentView {
  /** The trust's goals, each with what serves it. */
  roots: DeploymentNode[]
  /** Goals of the CSU this tablet does not hold (a ward tablet), with the ward goals serving each. */
  heldBelow: DeploymentNode[]
}

/** Which tiers' goals this tablet holds: a trust tablet all, a CSU tablet its own and its wards', a ward its own. */
export function seesTiers(tier: GoalTier): { csu: boolean; unit: boolean } {
  return { csu: tier !== 'unit', unit: true }
}

/**
 * The tree of the goals held. Archived goals are left out unless `withArchived` (the "Show archived" toggle);
 * shown, they never count as serving a goal, and are never a gap themselves.
 */
export function deploymentTree(goals: readonly Goal[], viewer: GoalTier, withArchived = false): DeploymentView {
  const live = goals.filter((g) => withArchived || !g.archived)
  const sees = seesTiers(viewer)
  const served = (children: readonly DeploymentNode[]) => children.some((c) => !c.goal?.archived)
  const of = (tier: GoalTier) => live.filter((g) => g.tier === tier).sort(goalOrder)
  const serving = (tier: GoalTier, parentId: string) => of(tier).filter((g) => g.parentGoalIds.includes(parentId))
  const wardNode = (g: Goal): DeploymentNode => ({
    id: g.id,
    title: g.title,
    tier: 'unit',
    goal: g,
    children: [],
    gap: null,
  })
  const csuNode = (g: Goal): DeploymentNode => {
    const children = serving('unit', g.id).map(wardNode)
    return {
      id: g.id,
      title: g.title,
      tier: 'csu',
      goal: g,
      children,
      gap: !served(children) && !g.archived && sees.unit ? 'No ward supports this goal yet' : null,
    }
  }
  const roots = of('trust').map((g): DeploymentNode => {
    const children = serving('csu', g.id).map(csuNode)
    const gap =
      served(children) || g.archived || !sees.csu
        ? null
        : viewer === 'csu'
          ? 'Our CSU has not taken this goal up yet'
          : 'No CSU has taken this goal up yet'
    return { id: g.id, title: g.title, tier: 'trust', goal: g, children, gap }
  })
  const held = new Set(live.map((g) => g.id))
  const unheld = new Map<string, DeploymentNode>()
  for (const g of of('unit')) {
    for (const parent of g.parentGoalIds) {
      if (held.has(parent)) continue
      const node = unheld.get(parent) ?? {
        id: parent,
        title: g.parentTitles[parent] || 'A CSU goal',
        tier: 'csu' as const,
        goal: null,
        children: [],
        gap: null,
      }
      node.children.push(wardNode(g))
      unheld.set(parent, node)
    }
  }
  return { roots, heldBelow: [...unheld.values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB')) }
}

/** Every goal in a tree with a board measure linked, for reading their values once. */
export function linkedMeasureIds(view: DeploymentView): string[] {
  const ids = new Set<string>()
  const walk = (node: DeploymentNode) => {
    if (node.goal?.measure?.kind === 'measure') ids.add(node.goal.measure.measureId)
    node.children.forEach(walk)
  }
  ;[...view.roots, ...view.heldBelow].forEach(walk)
  return [...ids].sort()
}
