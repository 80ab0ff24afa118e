// The month view of a measure (the "safety cross"): UK weeks start on Monday, so the
// first row is padded with blanks up to the 1st, and the last row up to Sunday.
import { daysOfMonth, isDayKey, monthOf, weekdayIndex } from './dates'
import type { DayKey } from './types'

/** Weeks of `month` (YYYY-MM), Monday first; null where a cell is outside the month. */
export function monthGrid(month: string): (DayKey | null)[][] {
  const days = daysOfMonth(month)
  const cells: (DayKey | null)[] = [...Array<null>(weekdayIndex(days[0]!)).fill(null), ...days]
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (DayKey | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** Last day of a YYYY-MM month. */
export function monthEnd(month: string): DayKey {
  return daysOfMonth(month).at(-1)!
}

/** Values can only be recorded up to today, so the calendar stops at this month. */
export function canShowNextMonth(month: string, today: DayKey): boolean {
  return month < monthOf(today)
}

/** Why a day chosen on the board cannot be recorded, or undefined when it can. */
export function recordingDayError(day: string, today: DayKey): string | undefined {
  if (!day.trim()) return 'Enter the day you want to record'
  if (!isDayKey(day)) return 'Enter a real date, like 27/11/2026'
  if (day > today) return 'You cannot record a day in the future. Choose today or an earlier day.'
  return undefined
}
