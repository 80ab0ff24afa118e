// Input checks: bad input is answered with a plain-English SpcError, never a throw.
// The series is sorted by period (a copy), so callers may pass rows in any order.
import { addDays, formatDay, formatMonth, isDayKey, weekStart } from '../dates'
import type { SpcError, SpcInputPoint, SpcOptions } from './types'

/** Values beyond this size are almost certainly a typing or unit error (and would lose
 * precision in the moving ranges), so they are refused. */
const MAX_ABS_VALUE = 1e12

const PERIOD_KINDS: readonly [string, (period: string) => boolean][] = [
  ['day', isDayKey],
  ['week', (p) => /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(p)],
  ['month', (p) => /^\d{4}-(0[1-9]|1[0-2])$/.test(p)],
]

const fail = (message: string): SpcError => ({ error: true, message })

function periodKind(period: unknown): string | null {
  if (typeof period !== 'string') return null
  return PERIOD_KINDS.find(([, matches]) => matches(period))?.[0] ?? null
}

/** A period as people read it in a sentence: 26/11/2026, "week beginning 23/11/2026"
 * (the Monday of the ISO week: week 1 holds 4 January), "November 2026". Anything else
 * is returned unchanged, so a bad key is still shown as it was given. */
export function periodText(period: string): string {
  const kind = periodKind(period)
  if (kind === 'day') return formatDay(period)
  if (kind === 'month') return formatMonth(period)
  if (kind === 'week')
    return `week beginning ${formatDay(addDays(weekStart(`${period.slice(0, 4)}-01-04`), (Number(period.slice(6)) - 1) * 7))}`
  return period
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`
  return String(value)
}

/** A checked, sorted copy of the series, or why it cannot be charted. */
export function validateSeries(series: unknown): SpcInputPoint[] | SpcError {
  if (!Array.isArray(series)) return fail('There is no series of values to chart.')
  let kind: string | null = null
  const points: SpcInputPoint[] = []
  for (const raw of series as unknown[]) {
    const row = (raw ?? {}) as { period?: unknown; value?: unknown; incomplete?: unknown }
    const thisKind = periodKind(row.period)
    if (thisKind === null) return fail(`"${String(row.period)}" is not a day, week or month the chart understands.`)
    if (kind !== null && thisKind !== kind)
      return fail('The series mixes days, weeks and months; chart one kind at a time.')
    kind = thisKind
    const period = row.period as string
    const value = row.value === undefined ? null : row.value
    if (value !== null) {
      const when = periodText(period)
      if (typeof value !== 'number')
        return fail(`The value for ${when} is ${describeValue(value)}, which is not a number.`)
      if (Number.isNaN(value)) return fail(`The value for ${when} is not a number.`)
      if (!Number.isFinite(value)) return fail(`The value for ${when} is infinite; enter the real figure.`)
      if (Math.abs(value) > MAX_ABS_VALUE)
        return fail(`The value for ${when} is too large to chart (more than a million million).`)
    }
    points.push(row.incomplete === true ? { period, value, incomplete: true } : { period, value })
  }
  points.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  for (let i = 1; i < points.length; i += 1) {
    if (points[i]!.period === points[i - 1]!.period)
      return fail(`${periodText(points[i]!.period)} appears twice; each period needs one value.`)
  }
  const recorded = points.filter((p) => p.value !== null).length
  if (recorded === 0) return fail('Nothing has been recorded yet, so there is nothing to chart.')
  if (recorded === 1) return fail('Only one value has been recorded; a chart needs at least two.')
  const judged = points.filter((p) => p.value !== null && !p.incomplete).length
  if (judged < 2)
    return fail(
      `Only ${judged === 0 ? 'incomplete periods have' : 'one complete period has'} values; a chart needs at least two complete periods.`,
    )
  return points
}

/** Checks the parts of the options that are not rule choices (see options.ts). */
export function validateOptions(options: SpcOptions, firstPeriod: string): SpcError | null {
  if (options === null || typeof options !== 'object') return fail('The chart settings are missing.')
  if (!['higher', 'lower', 'neutral'].includes(options.direction)) {
    return fail('Say which way is good for this measure: higher, lower, or neither.')
  }
  const target = options.target
  if (target !== undefined && target !== null) {
    if (typeof target !== 'number' || !Number.isFinite(target) || Math.abs(target) > MAX_ABS_VALUE) {
      return fail('The target must be an ordinary number.')
    }
  }
  if (options.chart !== undefined && options.chart !== 'xmr' && options.chart !== 'run') {
    return fail('The chart must be an XmR (SPC) chart or a run chart.')
  }
  const kind = periodKind(firstPeriod)
  const baseline = options.baseline
  if (baseline !== undefined) {
    if ('points' in baseline) {
      if (!Number.isInteger(baseline.points) || baseline.points < 2)
        return fail('The baseline must be a whole number of values, at least 2.')
    } else if (periodKind(baseline.fromPeriod) !== kind || periodKind(baseline.toPeriod) !== kind) {
      return fail('The baseline is not the same kind of period as the series.')
    } else if (baseline.fromPeriod > baseline.toPeriod) {
      return fail('The baseline must start on or before the period it ends.')
    }
  }
  for (const at of options.rebaseAt ?? []) {
    if (periodKind(at) !== kind) {
      const when = periodKind(at) === null ? `"${String(at)}"` : periodText(at)
      return fail(`The rebase date ${when} is not the same kind of period as the series.`)
    }
  }
  return null
}
