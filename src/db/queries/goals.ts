// Strategy deployment, read live: the goals and catch-ball threads this tablet holds (its scopes decide
// which: a ward tablet its own goals and the trust's, a CSU tablet its own, its wards' and the trust's).
import type { Ref } from 'vue'
import type { CatchBallEntry, Goal } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface GoalsHeld {
  goals: Goal[]
  catchBall: CatchBallEntry[]
}

const NONE: GoalsHeld = { goals: [], catchBall: [] }

export function readGoalsHeld(): Promise<GoalsHeld> {
  return db.transaction('r', [db.goals, db.catchBall], async () => {
    const [goals, catchBall] = await Promise.all([db.goals.toArray(), db.catchBall.toArray()])
    return { goals, catchBall }
  })
}

/** Every goal and catch-ball entry held: nothing until `wanted` (most screens never show them). */
export function useGoalsHeld(wanted: Ref<boolean>) {
  return useLiveQuery(() => (wanted.value ? readGoalsHeld() : Promise.resolve(NONE)), NONE, wanted)
}

/** One goal's thread as stored now. */
export function readThread(goalId: string): Promise<CatchBallEntry[]> {
  return db.catchBall.where('goalId').equals(goalId).toArray()
}
