// Day values of a measure → one value per period, ready for the SPC engine.
// The choices (documented in the trend screen's "How this is counted" line):
// - count: summed over the period;
// - number: the mean of the days recorded;
// - percentage: the mean of the daily percentages. Measures hold no numerator and
//   denominator, so a day with 3 of 4 and a day with 90 of 100 weigh the same;
// - yes/no: the number of "bad" days (the answer that is not the good one), so fewer is
//   better; with no good answer set, the number of "yes" days, read as neutral;
// - day status (safety cross): the number of red days, fewer is better.
// Days with no entry are gaps, never zeros; a period with no entry at all is a gap too.
// A value that is not a number (bad synced data) is passed on as NaN, so the engine
// explains the problem in plain English instead of the chart quietly hiding a day.
import type { SpcDirection, SpcInputPoint } from '../spc/types'
import type { DayKey, EntryValue, Measure } from '../types'
import { periodEnd, periodOf, periodStart, periodsBetween, type Period } from './periods'

export type Aggregation = 'sum' | 'mean'

export interface MeasureReading {
  aggregation: Aggregation
  direction: SpcDirection
  /** What a charted value means, e.g. "Red days" or "Mean of daily percentages". */
  label: string
}

type ReadMeasure = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'unit' | 'target'>

export function readingOf(measure: ReadMeasure, period: Period): MeasureReading {
  const per = period === 'day' ? '' : ` per ${period}`
  switch (measure.type) {
    case 'count':
      return { aggregation: 'sum', direction: measure.direction, label: `${capital(measure.unit || 'count')}${per}` }
    case 'number':
      return {
        aggregation: 'mean',
        direction: measure.direction,
        label: period === 'day' ? capital(measure.unit || 'value') : `Mean ${measure.unit || 'value'}${per}`,
      }
    case 'percentage':
      return {
        aggregation: 'mean',
        direction: measure.direction,
        label: period === 'day' ? 'Percentage' : `Mean of daily percentages${per}`,
      }
    case 'yesno':
      if (!measure.goodAnswer) return { aggregation: 'sum', direction: 'neutral', label: `Days answered yes${per}` }
      return {
        aggregation: 'sum',
        direction: 'lower',
        label: `Days answered ${measure.goodAnswer === 'yes' ? 'no' : 'yes'}${per}`,
      }
    case 'daystatus':
      return { aggregation: 'sum', direction: 'lower', label: `Red days${per}` }
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** One day's value as a number (NaN when the stored value is not what the type expects). */
export function dayReading(measure: Pick<Measure, 'type' | 'goodAnswer'>, value: EntryValue | unknown): number {
  switch (measure.type) {
    case 'yesno':
      if (typeof value !== 'boolean') return Number.NaN
      if (!measure.goodAnswer) return value ? 1 : 0
      return value === (measure.goodAnswer === 'yes') ? 0 : 1
    case 'daystatus':
      if (value === 'red') return 1
      return value === 'green' || value === 'amber' ? 0 : Number.NaN
    default:
      return typeof value === 'number' ? value : Number.NaN
  }
}

/** Widen a range to whole periods, so the first and last week are not half-counted. */
export function wholePeriods(from: DayKey, to: DayKey, period: Period): { from: DayKey; to: DayKey } {
  return { from: periodStart(periodOf(from, period), period), to: periodEnd(periodOf(to, period), period) }
}

export interface DayValue {
  day: DayKey
  value: EntryValue | unknown
}

/** The measure's series over whole periods covering `from`..`to`, oldest first. */
export function aggregateSeries(
  measure: ReadMeasure,
  entries: readonly DayValue[],
  from: DayKey,
  to: DayKey,
  period: Period,
): SpcInputPoint[] {
  const range = wholePeriods(from, to, period)
  const buckets = new Map<string, number[]>()
  for (const entry of entries) {
    if (entry.day < range.from || entry.day > range.to) continue
    const key = periodOf(entry.day, period)
    const list = buckets.get(key)
    const reading = dayReading(measure, entry.value)
    if (list) list.push(reading)
    else buckets.set(key, [reading])
  }
  const { aggregation } = readingOf(measure, period)
  return periodsBetween(range.from, range.to, period).map((key) => {
    const values = buckets.get(key)
    if (!values?.length) return { period: key, value: null }
    const total = values.reduce((sum, v) => sum + v, 0)
    return { period: key, value: aggregation === 'sum' ? total : total / values.length }
  })
}

/**
 * The target on the chart's scale. Averaged measures keep their daily target. A summed
 * count's daily target becomes 7 × per week; per month only a target of 0 carries over
 * (months differ in length). Yes/no and day-status readings have no target.
 */
export function targetFor(measure: ReadMeasure, period: Period): number | null {
  const target = measure.target ?? null
  if (target === null || !Number.isFinite(target)) return null
  if (measure.type === 'number' || measure.type === 'percentage') return target
  if (measure.type !== 'count') return null
  if (period === 'day') return target
  if (period === 'week') return target * 7
  return target === 0 ? 0 : null
}

/** Rebase days as the periods they fall in (sorted, no repeats). */
export function rebasePeriods(days: readonly DayKey[] | undefined, period: Period): string[] {
  return [...new Set((days ?? []).map((day) => periodOf(day, period)))].sort()
}
