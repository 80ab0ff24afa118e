// The monthly review's bowling chart: for each month from when a goal was set to its target date, the
// plan (a straight path from the baseline to the target) against the actual (the mean of the measure's
// daily readings that month), and whether the month met its plan in the goal's direction.
import { addMonths, londonDay, monthOf } from '../dates'
import { dayReading, type DayValue } from '../trends/aggregate'
import type { DayKey, Goal, Measure } from '../types'

export interface BowlingMonth {
  /** `YYYY-MM`. */
  month: string
  plan: number | null
  actual: number | null
  /** Days with a value that month. */
  days: number
  /** null when the month has no plan or no value yet. */
  met: boolean | null
}

/** The longest a chart runs: a year's deployment and a little over. */
export const BOWLING_MAX_MONTHS = 15

/** The months a goal's chart and review run over: from when it was set to its target date (or to this month
 * when it has none, or one before it was set), 15 at most. */
export function bowlingMonths(goal: Pick<Goal, 'targetDay' | 'createdAt'>, today: DayKey): string[] {
  const start = monthOf(londonDay(new Date(goal.createdAt)))
  const end = goal.targetDay && goal.targetDay.slice(0, 7) >= start ? monthOf(goal.targetDay) : monthOf(today)
  const months: string[] = []
  for (let m = start; m <= end && months.length < BOWLING_MAX_MONTHS; m = addMonths(m, 1)) months.push(m)
  return months
}

export function bowlingChart(
  goal: Pick<Goal, 'baseline' | 'target' | 'targetDay' | 'direction' | 'createdAt'>,
  measure: Pick<Measure, 'type' | 'goodAnswer'>,
  values: readonly DayValue[],
  today: DayKey,
): BowlingMonth[] {
  const months = bowlingMonths(goal, today)
  const n = months.length
  const stepped = goal.baseline !== null && goal.target !== null
  return months.map((month, i) => {
    const plan = stepped ? round(goal.baseline! + ((goal.target! - goal.baseline!) * (i + 1)) / n) : goal.target
    const readings = values
      .filter((v) => monthOf(v.day) === month && v.day <= today)
      .map((v) => dayReading(measure, v.value))
      .filter((r) => Number.isFinite(r))
    const actual = readings.length ? round(readings.reduce((a, b) => a + b, 0) / readings.length) : null
    const met = plan === null || actual === null ? null : goal.direction === 'lower' ? actual <= plan : actual >= plan
    return { month, plan, actual, days: readings.length, met }
  })
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
