// Did the change make a difference? An idea linked to one of the board's measures shows
// that measure over the weeks before and after the change date, side by side, with the
// days compared stated so nobody over-reads a short or patchy run. This is a plain
// comparison of two windows, not a trend chart: the SPC charts show whether a shift is
// real. Pure: no Vue, no Dexie.
import { addDays, formatDay, londonDay } from './dates'
import { firstStartDay } from './pdsa'
import type { DayKey, DayStatus, EntryValue, Idea, MeasureType, PdsaCycle } from './types'

export const COMPARE_WEEKS = 4

export interface WindowSummary {
  /** First and last day of the window (the after window stops at today). */
  from: DayKey
  to: DayKey
  /** Days in the window, and days on which a value was recorded. */
  days: number
  recorded: number
  /** Numbers and percentages: the mean of the recorded values; counts: also their total. */
  mean: number | null
  total: number | null
  /** Yes/no measures: days answered yes. Day-status measures: days of each colour. */
  yes: number | null
  statuses: Record<DayStatus, number> | null
}

export interface BeforeAfter {
  changeDay: DayKey
  before: WindowSummary
  /** Null while the change date is still ahead. */
  after: WindowSummary | null
}

/** The day the change began: when the idea was implemented, or else when its first PDSA
 * cycle started; null when neither is known yet. */
export function changeDayOf(
  idea: Pick<Idea, 'implementedAt'>,
  cycles: readonly Pick<PdsaCycle, 'startDay'>[],
): DayKey | null {
  return idea.implementedAt ? londonDay(new Date(idea.implementedAt)) : firstStartDay(cycles)
}

function summarise(
  type: MeasureType,
  values: ReadonlyMap<DayKey, EntryValue>,
  from: DayKey,
  to: DayKey,
): WindowSummary {
  const found: EntryValue[] = []
  let days = 0
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days++
    const value = values.get(day)
    if (value !== undefined) found.push(value)
  }
  const numbers = found.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  const numeric = type === 'count' || type === 'number' || type === 'percentage'
  const sum = numbers.reduce((a, b) => a + b, 0)
  const statuses = { green: 0, amber: 0, red: 0 }
  for (const v of found) if (v === 'green' || v === 'amber' || v === 'red') statuses[v]++
  return {
    from,
    to,
    days,
    recorded: found.length,
    mean: numeric && numbers.length ? sum / numbers.length : null,
    total: type === 'count' && numbers.length ? sum : null,
    yes: type === 'yesno' ? found.filter((v) => v === true).length : null,
    statuses: type === 'daystatus' ? statuses : null,
  }
}

/**
 * The `weeks` before the change day (not counting it) and the `weeks` from it on,
 * the after window cut short at today.
 */
export function beforeAfter(
  type: MeasureType,
  entries: readonly { day: DayKey; value: EntryValue }[],
  changeDay: DayKey,
  today: DayKey,
  weeks = COMPARE_WEEKS,
): BeforeAfter {
  const values = new Map(entries.map((e) => [e.day, e.value]))
  const span = weeks * 7
  const before = summarise(type, values, addDays(changeDay, -span), addDays(changeDay, -1))
  const lastAfter = addDays(changeDay, span - 1)
  const after = changeDay > today ? null : summarise(type, values, changeDay, lastAfter < today ? lastAfter : today)
  return { changeDay, before, after }
}

/** The days to read from storage for a comparison around `changeDay`. */
export function compareRange(changeDay: DayKey, weeks = COMPARE_WEEKS): { from: DayKey; to: DayKey } {
  return { from: addDays(changeDay, -weeks * 7), to: addDays(changeDay, weeks * 7 - 1) }
}

function round(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 1 })
}

/** The window in words: "Average 3.2 a day (total 45) on 14 of 28 days, 01/10/2026 to 28/10/2026". */
export function windowText(summary: WindowSummary, unit: string): string {
  const over = `on ${summary.recorded} of ${summary.days} days, ${formatDay(summary.from)} to ${formatDay(summary.to)}`
  if (summary.recorded === 0)
    return `No values recorded (${summary.days} days, ${formatDay(summary.from)} to ${formatDay(summary.to)})`
  const suffix = unit ? ` ${unit}` : ''
  if (summary.yes !== null) return `Yes on ${summary.yes} of ${summary.recorded} days recorded (${over})`
  if (summary.statuses)
    return `Green ${summary.statuses.green}, amber ${summary.statuses.amber}, red ${summary.statuses.red} (${over})`
  if (summary.mean === null) return `Recorded ${over}`
  const total = summary.total !== null ? `, total ${round(summary.total)}${suffix}` : ''
  return `Average ${round(summary.mean)}${suffix} a day${total} (${over})`
}
