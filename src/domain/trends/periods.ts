// Periods for trend charts: a London day `YYYY-MM-DD`, an ISO week `YYYY-Www` (Monday to
// Sunday, numbered by the year its Thursday falls in, as the NHS and Excel's ISOWEEKNUM
// do) or a month `YYYY-MM`. Day keys are already London days, so no time zone is needed.
import { addDays, addMonths, daysBetween, formatDay, formatMonth, monthOf, weekStart } from '../dates'
import type { DayKey } from '../types'

export type Period = 'day' | 'week' | 'month'

export const PERIOD_LABEL: Record<Period, string> = { day: 'Daily', week: 'Weekly', month: 'Monthly' }

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

// A roll-up asks for the week of the same few hundred days thousands of times (every
// unit's every measure), so answers are remembered: a day's week never changes.
const WEEK_OF = new Map<DayKey, string>()

/** `2026-W48` for any day of that ISO week. */
export function isoWeekOf(day: DayKey): string {
  const known = WEEK_OF.get(day)
  if (known) return known
  const thursday = addDays(weekStart(day), 3)
  const year = thursday.slice(0, 4)
  const week = `${year}-W${pad(Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1)}`
  if (WEEK_OF.size > 20_000) WEEK_OF.clear()
  WEEK_OF.set(day, week)
  return week
}

/** The Monday an ISO week starts on (week 1 holds 4 January). */
export function isoWeekStart(week: string): DayKey {
  const [year, w] = week.split('-W') as [string, string]
  return addDays(weekStart(`${year}-01-04`), (Number(w) - 1) * 7)
}

export function periodOf(day: DayKey, period: Period): string {
  if (period === 'week') return isoWeekOf(day)
  if (period === 'month') return monthOf(day)
  return day
}

/** The first day of a period. */
export function periodStart(key: string, period: Period): DayKey {
  if (period === 'week') return isoWeekStart(key)
  if (period === 'month') return `${key}-01`
  return key
}

/** The last day of a period. */
export function periodEnd(key: string, period: Period): DayKey {
  if (period === 'week') return addDays(isoWeekStart(key), 6)
  if (period === 'month') return addDays(`${addMonths(key, 1)}-01`, -1)
  return key
}

export interface PeriodBounds {
  start: DayKey
  end: DayKey
  /** Days in the period: 1, 7, or 28 to 31. */
  days: number
}

// Asked for every period of every measure of a roll-up: remembered, as a week's days never change.
const BOUNDS = new Map<string, PeriodBounds>()

/** First and last day of a period and how many days it has. */
export function periodBounds(key: string, period: Period): PeriodBounds {
  const cacheKey = `${period}|${key}`
  const known = BOUNDS.get(cacheKey)
  if (known) return known
  const start = periodStart(key, period)
  const end = periodEnd(key, period)
  const bounds = { start, end, days: period === 'day' ? 1 : daysBetween(start, end) + 1 }
  if (BOUNDS.size > 20_000) BOUNDS.clear()
  BOUNDS.set(cacheKey, bounds)
  return bounds
}

function nextPeriod(key: string, period: Period): string {
  if (period === 'week') return isoWeekOf(addDays(isoWeekStart(key), 7))
  if (period === 'month') return addMonths(key, 1)
  return addDays(key, 1)
}

// The roll-up asks for the same range once per measure: remember the last few.
const BETWEEN = new Map<string, readonly string[]>()

/** Every period that touches the days `from`..`to`, oldest first (empty when from > to). */
export function periodsBetween(from: DayKey, to: DayKey, period: Period): string[] {
  if (from > to) return []
  const cacheKey = `${from}|${to}|${period}`
  const known = BETWEEN.get(cacheKey)
  if (known) return [...known]
  const last = periodOf(to, period)
  const out: string[] = []
  for (let key = periodOf(from, period); ; key = nextPeriod(key, period)) {
    out.push(key)
    if (key === last) break
  }
  if (BETWEEN.size > 50) BETWEEN.clear()
  BETWEEN.set(cacheKey, out)
  return [...out]
}

/** How people read a period: "26/11/2026", "w/c 23/11/2026", "November 2026". */
export function formatPeriod(key: string, period: Period): string {
  if (period === 'week') return `w/c ${formatDay(isoWeekStart(key))}`
  if (period === 'month') return formatMonth(key)
  return formatDay(key)
}

/** How many days of the period fall within `from`..`to`. */
export function daysInRange(key: string, period: Period, from: DayKey, to: DayKey): number {
  const start = periodStart(key, period) > from ? periodStart(key, period) : from
  const end = periodEnd(key, period) < to ? periodEnd(key, period) : to
  return Math.max(0, daysBetween(start, end) + 1)
}
