import type { CatchBallEntry, CatchBallKind, CatchBallSide, Goal, GoalTerms } from '@/domain/types'

export const org = {
  trusts: [{ id: 'trust1', name: 'Northfield' }],
  csus: [
    { id: 'medicine', trustId: 'trust1', name: 'Medicine' },
    { id: 'surgery', trustId: 'trust1', name: 'Surgery' },
  ],
  units: [
    { id: 'ward7', csuId: 'medicine', name: 'Ward 7' },
    { id: 'ward9', csuId: 'medicine', name: 'Ward 9' },
    { id: 'theatres', csuId: 'surgery', name: 'Theatres' },
  ],
}

const at = '2026-12-01T09:00:00.000Z'

export function goal(over: Partial<Goal> = {}): Goal {
  return {
    id: 'g1',
    unitId: 'medicine',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Sam',
    tier: 'csu',
    ownerScopeId: 'medicine',
    kind: 'goal',
    parentGoalIds: ['t1'],
    parentTitles: { t1: 'No avoidable harm' },
    title: 'Fewer falls with harm',
    owner: 'Priya',
    measure: null,
    direction: 'lower',
    baseline: 12,
    target: 8,
    targetDay: '2027-03-31',
    conceptIds: [],
    proposedBy: 'trust',
    archived: false,
    ...over,
  }
}

let n = 0
/** An entry `minutes` after 09:00 on 01/12/2026. */
export function entry(
  kind: CatchBallKind,
  side: CatchBallSide,
  minutes: number,
  terms: GoalTerms | null = null,
  text = '',
): CatchBallEntry {
  n += 1
  const when = new Date(Date.parse(at) + minutes * 60_000).toISOString()
  return {
    id: `e${String(n).padStart(4, '0')}`,
    unitId: 'medicine',
    createdAt: when,
    updatedAt: when,
    updatedBy: 'Sam',
    goalId: 'g1',
    kind,
    side,
    tier: side === 'upper' ? 'trust' : 'csu',
    text,
    terms,
    author: 'Sam',
    at: when,
  }
}

export const T85: GoalTerms = { target: 85, targetDay: '2027-03-31' }
export const T80: GoalTerms = { target: 80, targetDay: '2027-03-31' }
