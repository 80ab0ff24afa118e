// Fixed limits ("baselines"): MDC practice is to set limits from a baseline and then watch
// for change, rather than letting every new point (special causes included) move them.
// Two ways, per measure: fix after the first N values (NHSRplotthedots' fix_after_n_points)
// or over a chosen baseline period (qicharts2's freeze). docs/SPC.md, "Baselines".
import { formatDay, isDayKey } from '../dates'
import type { SpcBaseline } from '../spc/types'
import type { MeasureBaseline } from '../types'
import { periodOf, type Period } from './periods'

export const BASELINE_MIN_POINTS = 13
export const BASELINE_MAX_POINTS = 500

/** A plain-English problem with a baseline, or null when it can be saved. */
export function baselineProblem(baseline: MeasureBaseline | null): string | null {
  if (baseline === null) return null
  if (baseline.kind === 'points') {
    const n = baseline.points
    if (!Number.isInteger(n) || n < BASELINE_MIN_POINTS || n > BASELINE_MAX_POINTS)
      return `Fix the limits after ${BASELINE_MIN_POINTS} to ${BASELINE_MAX_POINTS} values (at least ${BASELINE_MIN_POINTS}, as limits need)`
    return null
  }
  if (!isDayKey(baseline.from)) return 'Enter the first day of the baseline, for example 01/03/2026'
  if (!isDayKey(baseline.to)) return 'Enter the last day of the baseline, for example 31/08/2026'
  if (baseline.from > baseline.to) return 'The baseline must start on or before the day it ends'
  return null
}

/** The measure's baseline as the engine's option for a chart by `period`. */
export function baselineOption(baseline: MeasureBaseline | null | undefined, period: Period): SpcBaseline | undefined {
  if (!baseline || baselineProblem(baseline)) return undefined
  if (baseline.kind === 'points') return { points: baseline.points }
  return { fromPeriod: periodOf(baseline.from, period), toPeriod: periodOf(baseline.to, period) }
}

/** "limits fixed after the first 20 values", "baseline 01/03/2026 to 31/08/2026". */
export function baselineText(baseline: unknown): string {
  const b = baseline as Partial<MeasureBaseline> | null
  if (!b || typeof b !== 'object') return 'limits that move with every value'
  if (b.kind === 'points') return `limits fixed after the first ${String(b.points)} values`
  if (b.kind === 'period' && typeof b.from === 'string' && typeof b.to === 'string')
    return `limits fixed on the baseline ${formatDay(b.from)} to ${formatDay(b.to)}`
  return 'limits that move with every value'
}
