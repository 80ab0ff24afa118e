// Strategy deployment, read live: the goals and catch-ball threads this tablet holds (its scopes decide
// which: a ward tablet its own goals and the trust's, a CSU tablet its own, its wards' and the trust's),
// with the board measures the goals link.
import { computed, type Ref } from 'vue'
import type { DayValue } from '@/domain/trends/aggregate'
import type { CatchBallEntry, Goal, GoalReview, Measure } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface GoalsHeld {
  goals: Goal[]
  catchBall: CatchBallEntry[]
  /** Every month's review of the goals held. */
  reviews: GoalReview[]
  /** The measures the goals link, where this tablet holds them. */
  measures: Measure[]
}

const NONE: GoalsHeld = { goals: [], catchBall: [], reviews: [], measures: [] }

export function readGoalsHeld(): Promise<GoalsHeld> {
  return db.transaction('r', [db.goals, db.catchBall, db.goalReviews, db.measures], async () => {
    const [goals, catchBall, reviews] = await Promise.all([
      db.goals.toArray(),
      db.catchBall.toArray(),
      db.goalReviews.toArray(),
    ])
    const ids = [...new Set(goals.flatMap((g) => (g.measure?.kind === 'measure' ? [g.measure.measureId] : [])))]
    const measures = (await db.measures.bulkGet(ids)).filter((m): m is Measure => Boolean(m))
    return { goals, catchBall, reviews, measures }
  })
}

/** Every goal and catch-ball entry held: nothing until `wanted` (most screens never show them). */
export function useGoalsHeld(wanted: Ref<boolean>) {
  return useLiveQuery(() => (wanted.value ? readGoalsHeld() : Promise.resolve(NONE)), NONE, wanted)
}

/** The measures in use on the boards of one scope (a unit, CSU or trust): what a goal there may link. */
export function useMeasuresOfScope(scopeId: Ref<string | null>) {
  return useLiveQuery(
    async () =>
      scopeId.value
        ? (await db.measures.where('unitId').equals(scopeId.value).toArray())
            .filter((m) => !m.archived)
            .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        : [],
    [] as Measure[],
    scopeId,
  )
}

/** The day values of the measures goals link, over `range`, by measure: one read per measure by its index. */
export function useLinkedMeasureValues(measureIds: Ref<readonly string[]>, range: Ref<{ from: string; to: string }>) {
  const key = computed(() => `${measureIds.value.join(',')}|${range.value.from}|${range.value.to}`)
  return useLiveQuery(
    async () => {
      const byMeasure = new Map<string, DayValue[]>()
      const { from, to } = range.value
      for (const id of measureIds.value) {
        const rows = await db.entries.where('[measureId+day]').between([id, from], [id, to], true, true).toArray()
        byMeasure.set(
          id,
          rows.map((e) => ({ day: e.day, value: e.value })),
        )
      }
      return { to, byMeasure }
    },
    { to: '', byMeasure: new Map<string, DayValue[]>() },
    key,
  )
}
