// The unit's shift pattern: early, late and night, each with London wall-clock start
// and end times. A shift whose end is at or before its start crosses midnight (the
// night) and belongs to the day it starts. Shifts may touch (one ends as the next
// starts) but not overlap, so every moment of the day belongs to at most one shift.
import { tzOffset } from '@date-fns/tz'
import { addDays, TIME_ZONE } from '../dates'
import type { DayKey, ShiftId, ShiftTime, ShiftTimes } from '../types'

export type { ShiftTime, ShiftTimes }

export const SHIFT_IDS: readonly ShiftId[] = ['early', 'late', 'night']

export const SHIFT_LABEL: Record<ShiftId, string> = { early: 'Early', late: 'Late', night: 'Night' }

export const DEFAULT_SHIFTS: ShiftTimes = {
  early: { start: '07:00', end: '14:30' },
  late: { start: '14:30', end: '22:00' },
  night: { start: '22:00', end: '07:00' },
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/
const DAY_MINUTES = 24 * 60

/** Minutes after midnight of `HH:MM`, or null when it is not a real time. */
export function clockMinutes(text: string): number | null {
  const m = CLOCK.exec(text.trim())
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** The shift pattern of a board, falling back to the defaults. */
export function shiftsOf(board?: { shifts?: ShiftTimes } | null): ShiftTimes {
  return board?.shifts ?? DEFAULT_SHIFTS
}

/** The instant a London wall-clock time happens on `day`, the same on every device
 * whatever its own time zone (nothing here reads the device's zone):
 * - a time that happens twice, when the clocks go back (01:30 on the last Sunday of
 *   October), is its FIRST occurrence, still in summer time (00:30 UTC);
 * - a time skipped by the clocks going forward (01:30 on the last Sunday of March)
 *   becomes the hour after (02:30 BST, 01:30 UTC). */
export function londonInstant(day: DayKey, clock: string): Date {
  const minutes = clockMinutes(clock)
  if (minutes === null) throw new RangeError(`Not a time: ${clock}`)
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const hour = Math.floor(minutes / 60)
  const minute = minutes % 60
  // Time-zone arithmetic is the slow part of a due list. On a day whose offset from UTC
  // is the same as the day before's, every wall-clock time has that offset; only the two
  // days a year the clocks change need the full calculation.
  const offset = noonOffset(day)
  const wall = Date.UTC(y, m - 1, d, hour, minute)
  const before = noonOffset(addDays(day, -1))
  if (offset === before) return new Date(wall - offset)
  // A change day: read the wall time with the offset in force before the change; if London
  // was on that offset then, that is the (first) occurrence. Otherwise with the offset
  // after; if neither holds, the time was skipped and the offset before moves it on.
  for (const candidate of [before, offset]) {
    if (offsetAt(wall - candidate) === candidate) return new Date(wall - candidate)
  }
  return new Date(wall - before)
}

/** London's offset from UTC (ms) at an instant, from the time-zone database (Intl), not the device. */
function offsetAt(instant: number): number {
  return tzOffset(TIME_ZONE, new Date(instant)) * 60_000
}

/** London's offset from UTC (ms) at noon on `day`, worked out once per day (a bounded cache). */
function noonOffset(day: DayKey): number {
  let offset = offsets.get(day)
  if (offset === undefined) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number]
    // 12:00 UTC is 12:00 or 13:00 in London: past either clock change (01:00 UTC).
    offset = offsetAt(Date.UTC(y, m - 1, d, 12))
    if (offsets.size > 5_000) offsets.clear()
    offsets.set(day, offset)
  }
  return offset
}

const offsets = new Map<string, number>()

/** When a shift that starts on `day` begins and ends (the end may be the next day). */
export function shiftWindow(day: DayKey, time: ShiftTime): { start: Date; end: Date } {
  const crosses = clockMinutes(time.end)! <= clockMinutes(time.start)!
  return { start: londonInstant(day, time.start), end: londonInstant(crosses ? addDays(day, 1) : day, time.end) }
}

/** Minute ranges on a 48-hour line, so a night shift is one range. */
function range(time: ShiftTime): [number, number] {
  const start = clockMinutes(time.start)!
  const end = clockMinutes(time.end)!
  return [start, end <= start ? end + DAY_MINUTES : end]
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  // Compare b as it is, a day earlier and a day later: ranges live on a circle.
  return [-DAY_MINUTES, 0, DAY_MINUTES].some((shift) => a[0] < b[1] + shift && b[0] + shift < a[1])
}

export type ShiftErrors = Partial<Record<`${ShiftId}-start` | `${ShiftId}-end` | 'overlap', string>>

/** Plain-English problems with a shift pattern, keyed by field; empty when it is fine. */
export function validateShifts(shifts: ShiftTimes): ShiftErrors {
  const errors: ShiftErrors = {}
  for (const id of SHIFT_IDS) {
    const time = shifts[id]
    if (clockMinutes(time.start) === null)
      errors[`${id}-start`] = `Enter the ${id} shift's start time as hours and minutes, like 07:00`
    if (clockMinutes(time.end) === null)
      errors[`${id}-end`] = `Enter the ${id} shift's end time as hours and minutes, like 14:30`
    else if (time.start.trim() === time.end.trim())
      errors[`${id}-end`] = `The ${id} shift must end at a different time from when it starts`
  }
  if (Object.keys(errors).length > 0) return errors
  for (let i = 0; i < SHIFT_IDS.length; i++) {
    for (let j = i + 1; j < SHIFT_IDS.length; j++) {
      const a = SHIFT_IDS[i]!
      const b = SHIFT_IDS[j]!
      if (overlaps(range(shifts[a]), range(shifts[b]))) {
        errors.overlap = `The ${a} shift (${shifts[a].start}–${shifts[a].end}) and the ${b} shift (${shifts[b].start}–${shifts[b].end}) overlap. Shifts may meet, but one must end before the next starts.`
        return errors
      }
    }
  }
  return errors
}

/** The shift pattern as typed, trimmed. */
export function normaliseShifts(shifts: ShiftTimes): ShiftTimes {
  const trim = (t: ShiftTime) => ({ start: t.start.trim(), end: t.end.trim() })
  return { early: trim(shifts.early), late: trim(shifts.late), night: trim(shifts.night) }
}
