import { describe, expect, it } from 'vitest'
import { buildDemoTrust } from '@/domain/demo'
import { allowedMoves, orderedThread, threadState } from '@/domain/goals'
import { findLikelyPatientIdentifiers } from '@/domain/pii'
import { LIMITS } from '@/domain/validation'

const demo = buildDemoTrust('2026-11-26')

describe('the demo trust’s goals', () => {
  it('links every goal to goals that exist at the tier above, and ward goals to measures on their board', () => {
    const ids = new Set(demo.goals.map((g) => g.id))
    for (const goal of demo.goals) {
      expect(goal.title.length).toBeLessThanOrEqual(LIMITS.title)
      for (const parent of goal.parentGoalIds) {
        expect(ids.has(parent)).toBe(true)
        const above = demo.goals.find((g) => g.id === parent)!
        expect(above.tier).toBe(goal.tier === 'unit' ? 'csu' : 'trust')
        expect(goal.parentTitles[parent]).toBe(above.title)
      }
      if (goal.measure?.kind === 'measure') {
        const link = goal.measure
        expect(demo.measures.find((m) => m.id === link.measureId)).toMatchObject({
          unitId: goal.ownerScopeId,
          boardId: link.boardId,
        })
      }
    }
    expect(new Set(demo.goals.map((g) => g.tier))).toEqual(new Set(['trust', 'csu', 'unit']))
    expect(demo.goals.find((g) => g.tier === 'trust')!.unitId).toBe('library-demo-trust')
  })

  it('has threads in every state, each move allowed when it was made', () => {
    const stateOf = (id: string) => threadState(demo.catchBall.filter((e) => e.goalId === id)).state
    expect(stateOf('demo-goal-csu-falls')).toBe('agreed')
    expect(stateOf('demo-goal-csu-obs')).toBe('in-discussion')
    expect(stateOf('demo-goal-ward-1-falls')).toBe('agreed')
    expect(stateOf('demo-goal-ward-2-obs')).toBe('proposed')
    for (const goal of demo.goals) {
      const thread = orderedThread(demo.catchBall.filter((e) => e.goalId === goal.id))
      expect(thread.length > 0).toBe(goal.proposedBy !== null)
      thread.forEach((entry, i) => {
        expect(entry.unitId).toBe(goal.unitId)
        expect(allowedMoves(thread.slice(0, i), entry.side)).toContain(entry.kind)
      })
    }
  })

  it('says nothing that could identify a patient', () => {
    const words = [...demo.goals.map((g) => g.title), ...demo.catchBall.map((e) => e.text)].filter(Boolean)
    for (const text of words) expect(findLikelyPatientIdentifiers(text)).toEqual([])
  })
})
