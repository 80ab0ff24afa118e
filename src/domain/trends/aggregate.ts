// Day values of a measure → one value per period, ready for the SPC engine.
// The choices (docs/SPC.md, "Weeks and months from days"; the trend screen's "How this is
// counted" line says them too):
// - count, yes/no, day status: a RATE over the days recorded, put on the scale of a whole
//   period: per week (× 7) and per 30 days (months differ in length, so February is not
//   lower by having fewer days). A fully recorded week is exactly its sum;
// - number: the mean of the days recorded;
// - percentage: the mean of the daily percentages. Measures hold no numerator and
//   denominator, so a day with 3 of 4 and a day with 90 of 100 weigh the same;
// - yes/no counts the "bad" days (the answer that is not the good one), so fewer is
//   better; with no good answer set, the "yes" days, read as neutral;
// - day status (safety cross): the red days, fewer is better.
// A period is INCOMPLETE (charted hollow, left out of limits and rules) when the chosen
// dates cover only part of it, or, for rates, when fewer than half of its days are recorded
// (a rate from one or two days would be a guess). Days with no entry are gaps, never
// zeros; a period with no entry at all is a gap too. A value that is not a number (bad
// synced data) is passed on as NaN, so the engine explains the problem in plain English
// instead of the chart quietly hiding a day.
import type { SpcDirection, SpcInputPoint } from '../spc/types'
import type { DayKey, EntryValue, Measure } from '../types'
import { exactSum } from '../spc/limits'
import { periodBounds, periodOf, periodsBetween, type Period } from './periods'

export type Aggregation = 'sum' | 'mean'

export interface MeasureReading {
  aggregation: Aggregation
  direction: SpcDirection
  /** What a charted value means, e.g. "Red days" or "Mean of daily percentages". */
  label: string
}

type ReadMeasure = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'unit' | 'target'>

/** The length a rate is put on: a week is 7 days; months are put on 30 days. */
export const RATE_DAYS: Record<Period, number> = { day: 1, week: 7, month: 30 }

export function readingOf(measure: ReadMeasure, period: Period): MeasureReading {
  // Averages are per period; summed readings are rates on a 7- or 30-day scale.
  const per = period === 'day' ? '' : ` per ${period}`
  const perRate = period === 'month' ? ' per 30 days' : per
  switch (measure.type) {
    case 'count':
      return {
        aggregation: 'sum',
        direction: measure.direction,
        label: `${capital(measure.unit || 'count')}${perRate}`,
      }
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
      if (!measure.goodAnswer) return { aggregation: 'sum', direction: 'neutral', label: `Days answered yes${perRate}` }
      return {
        aggregation: 'sum',
        direction: 'lower',
        label: `Days answered ${measure.goodAnswer === 'yes' ? 'no' : 'yes'}${perRate}`,
      }
    case 'daystatus':
      return { aggregation: 'sum', direction: 'lower', label: `Red days${perRate}` }
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

export interface DayValue {
  day: DayKey
  value: EntryValue | unknown
}

/** A period's value and how much of it was seen. */
export interface AggregatedPoint extends SpcInputPoint {
  /** Days of the period with an entry (within the chosen dates). */
  recordedDays: number
  /** Days in the period. */
  periodDays: number
  /** Why the period is left out of the limits and rules, when it is. */
  incompleteReason?: 'partial-range' | 'few-days'
}

/** Why a period is not judged, in words for the chart's table. */
export function incompleteText(point: AggregatedPoint): string {
  if (point.incompleteReason === 'partial-range') return 'Incomplete: only partly inside the chosen dates'
  if (point.incompleteReason === 'few-days')
    return `Incomplete: ${point.recordedDays} of ${point.periodDays} days recorded`
  return ''
}

/** Figures behind each week or month that was not fully seen, for the table and CSV:
 * "5 of 7 days recorded (a rate over those days)", or why it is incomplete. */
export function seriesDetails(series: readonly AggregatedPoint[], aggregation: Aggregation): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of series) {
    if (p.value === null || p.periodDays === 1) continue
    if (p.incompleteReason) out[p.period] = incompleteText(p)
    else if (p.recordedDays < p.periodDays)
      out[p.period] =
        `${p.recordedDays} of ${p.periodDays} days recorded${aggregation === 'sum' ? ' (a rate over those days)' : ''}`
  }
  return out
}

/** The measure's series over every period touching `from`..`to`, oldest first. Only days
 * within `from`..`to` count; a period the dates cut is incomplete. */
export function aggregateSeries(
  measure: ReadMeasure,
  entries: readonly DayValue[],
  from: DayKey,
  to: DayKey,
  period: Period,
): AggregatedPoint[] {
  const buckets = new Map<string, number[]>()
  for (const entry of entries) {
    if (entry.day < from || entry.day > to) continue
    const key = periodOf(entry.day, period)
    const list = buckets.get(key)
    const reading = dayReading(measure, entry.value)
    if (list) list.push(reading)
    else buckets.set(key, [reading])
  }
  const { aggregation } = readingOf(measure, period)
  return periodsBetween(from, to, period).map((key) => {
    const { start, end, days: periodDays } = periodBounds(key, period)
    const values = buckets.get(key)
    const recordedDays = values?.length ?? 0
    const partial = start < from || end > to
    const point: AggregatedPoint = { period: key, value: null, recordedDays, periodDays }
    if (!values?.length) return point
    const total = exactSum(values)
    if (aggregation === 'mean') point.value = total / recordedDays
    else point.value = recordedDays === RATE_DAYS[period] ? total : (total * RATE_DAYS[period]) / recordedDays
    if (partial) return { ...point, incomplete: true, incompleteReason: 'partial-range' }
    if (aggregation === 'sum' && recordedDays * 2 < periodDays)
      return { ...point, incomplete: true, incompleteReason: 'few-days' }
    return point
  })
}

/**
 * The target on the chart's scale. Averaged measures keep their daily target. A count's
 * daily target becomes a rate: 7 × per week, 30 × per 30 days. Yes/no and day-status
 * readings have no target.
 */
export function targetFor(measure: ReadMeasure, period: Period): number | null {
  const target = measure.target ?? null
  if (target === null || !Number.isFinite(target)) return null
  if (measure.type === 'number' || measure.type === 'percentage') return target
  if (measure.type !== 'count') return null
  if (period === 'day') return target
  return target * RATE_DAYS[period]
}

/** Rebase days as the periods they fall in (sorted, no repeats). */
export function rebasePeriods(days: readonly DayKey[] | undefined, period: Period): string[] {
  return [...new Set((days ?? []).map((day) => periodOf(day, period)))].sort()
}
