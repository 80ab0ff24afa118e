// Default date ranges for trend charts. Enough points for stable limits (MDC asks for
// 15 to 20), ending with the last complete week or month so a half-finished period
// never reads as a drop in a summed count.
import { addDays, addMonths, isDayKey, monthOf, weekStart } from '../dates'
import type { DayKey } from '../types'
import { periodOf, periodStart, type Period } from './periods'
import { DAILY_CHART_DAYS } from './tileIconRange'

export interface DayRange {
  from: DayKey
  to: DayKey
}

const DEFAULT_POINTS: Record<Period, number> = { day: DAILY_CHART_DAYS, week: 26, month: 24 }

/** The last `points` complete periods before today's (days: up to and including today). */
export function defaultRange(period: Period, today: DayKey, points = DEFAULT_POINTS[period]): DayRange {
  if (period === 'day') return { from: addDays(today, 1 - points), to: today }
  if (period === 'week') {
    const monday = weekStart(today)
    return { from: addDays(monday, -7 * points), to: addDays(monday, -1) }
  }
  const month = monthOf(today)
  return { from: `${addMonths(month, -points)}-01`, to: addDays(`${month}-01`, -1) }
}

/** Longest range a chart will draw: ten years of days. */
const MAX_RANGE_DAYS = 3660

/** A plain-English problem with a typed range, or null when it can be charted. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isDayKey(from)) return 'Enter a start date, for example 01/09/2026'
  if (!isDayKey(to)) return 'Enter an end date, for example 30/11/2026'
  if (from > to) return 'The start date must be on or before the end date'
  if (addDays(from, MAX_RANGE_DAYS) < to) return 'Choose a range of ten years or less'
  return null
}

/** The default range, starting where the data starts when that is later: a chart of a
 * measure begun six weeks ago shows six weeks, not twenty empty weeks the mean line crosses. */
export function defaultRangeFrom(
  period: Period,
  today: DayKey,
  dataStart: DayKey | null,
  points = DEFAULT_POINTS[period],
): DayRange {
  const range = defaultRange(period, today, points)
  if (!dataStart || dataStart <= range.from) return range
  const start = periodStart(periodOf(dataStart, period), period)
  return { from: start > range.to ? range.from : start, to: range.to }
}
