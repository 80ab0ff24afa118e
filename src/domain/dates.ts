// Day arithmetic for a UK hospital. A "day" is a Europe/London calendar day stored as
// `YYYY-MM-DD`; instants are UTC. A huddle at 00:30 BST (23:30 UTC the evening before)
// belongs to the London day, which is why every conversion goes through `londonDay`.
import type { DayKey } from './types'

export const TIME_ZONE = 'Europe/London'
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/
// The browser's own time-zone data, as every other London time here uses (no date library
// on the start path). Parts, not the formatted string, so no locale decides the order.
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The Europe/London calendar day that contains `instant`. */
export function londonDay(instant: Date = new Date()): DayKey {
  const parts = LONDON_DATE.formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`
}

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isDayKey(value: string): boolean {
  const m = DAY_KEY.exec(value)
  if (!m) return false
  const [, y, mo, d] = m.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

// Date-only values carry no time zone, so their arithmetic is done in UTC where every
// day is 24 hours long; that keeps BST changes out of "yesterday" and "next month".
function toUtc(day: DayKey): Date {
  if (!isDayKey(day)) throw new RangeError(`Not a day: ${day}`)
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d))
}

function fromUtc(date: Date): DayKey {
  return date.toISOString().slice(0, 10)
}

export function addDays(day: DayKey, days: number): DayKey {
  const date = toUtc(day)
  date.setUTCDate(date.getUTCDate() + days)
  return fromUtc(date)
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: DayKey, b: DayKey): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000)
}

/** The `count` days ending with `last`, oldest first. */
export function lastDays(last: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1))
}

/** `YYYY-MM` of a day. */
export function monthOf(day: DayKey): string {
  return day.slice(0, 7)
}

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const date = new Date(Date.UTC(y, m - 1 + months, 1))
  return date.toISOString().slice(0, 7)
}

/** Every day of a `YYYY-MM` month. */
export function daysOfMonth(month: string): DayKey[] {
  const first = `${month}-01`
  const days: DayKey[] = []
  for (let day = first; monthOf(day) === month; day = addDays(day, 1)) days.push(day)
  return days
}

/** 0 = Monday … 6 = Sunday (UK weeks start on Monday). */
export function weekdayIndex(day: DayKey): number {
  return (toUtc(day).getUTCDay() + 6) % 7
}

/** The Monday of the week containing `day`. */
export function weekStart(day: DayKey): DayKey {
  return addDays(day, -weekdayIndex(day))
}

/** dd/mm/yyyy, the UK way. */
export function formatDay(day: DayKey): string {
  const [y, m, d] = day.split('-')
  return `${d}/${m}/${y}`
}

const LONG_DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const MONTH_NAME = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** e.g. "Thursday, 26 November 2026", for headings and screen readers. */
export function formatDayLong(day: DayKey): string {
  return LONG_DAY.format(toUtc(day))
}

export function formatMonth(month: string): string {
  return MONTH_NAME.format(toUtc(`${month}-01`))
}

const CLOCK = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: TIME_ZONE,
})

/** "26/11/2026 07:42" in London time: for audit trails and printouts. Built from the
 * day and clock formats so it never picks up the comma Intl puts between them. */
export function formatInstant(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  return `${formatDay(londonDay(date))} ${formatClock(date)}`
}

/** HH:mm in London time. */
export function formatClock(instant: string | Date): string {
  return CLOCK.format(typeof instant === 'string' ? new Date(instant) : instant)
}

/** Parse a UK date typed as d/m/yyyy (or already YYYY-MM-DD) into a day key, or null. */
export function parseUkDate(text: string): DayKey | null {
  const trimmed = text.trim()
  if (isDayKey(trimmed)) return trimmed
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed)
  if (!m) return null
  const day = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  return isDayKey(day) ? day : null
}

/** "4 min 05 s" style durations for huddle timers and records. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '−' : ''
  const s = Math.abs(Math.round(totalSeconds))
  const minutes = Math.floor(s / 60)
  const seconds = s % 60
  return `${sign}${minutes}:${String(seconds).padStart(2, '0')}`
}
