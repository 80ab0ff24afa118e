// The choices where the SPC references differ, and their defaults. Each default is what
// NHS England's "Making Data Count" (MDC) single-chart tool does today; docs/SPC.md gives
// the source of each one.
import type { SpcError, SpcOptions, SpcRuleOptions } from './types'

export const DEFAULT_SPC_RULES: Readonly<SpcRuleOptions> = Object.freeze({
  // MDC: "7 or more consecutive points above or below the mean". The MDC Excel tool also
  // offers 6; NHSRplotthedots uses 7 (issue #202 there).
  shiftLength: 7,
  // MDC: "7 or more consecutive points all increasing or all decreasing".
  trendLength: 7,
  // The MDC Excel tool does not screen moving ranges; NHSRplotthedots does by default
  // (its `screen_outliers = TRUE`, issue #90 there says this departs from the Excel tool).
  screenMovingRangeOutliers: false,
  // Since MDC's late-2023 change (NHSRplotthedots issue #194), every point beyond two
  // sigma counts, including points beyond a process limit.
  twoOfThreeIncludesBeyondLimit: true,
  // The MDC single-chart tool shows limits and icons from 13 points (issue #194 there).
  minimumPoints: 13,
  // Limits from fewer than 20 points are shown but marked as a trial (they will move).
  trialLimitsUntil: 20,
  // MDC (as the issue reads it; also the IHI rule for the median): a point on the mean
  // neither breaks nor adds to a run. NHSRplotthedots' code lets it break the run.
  pointOnCentreLine: 'ignore',
  // NHS guidance (the NHS Institute's "A guide to creating and interpreting run and control
  // charts", p. 24, cited in NHSRplotthedots PR #24): a repeated value neither adds to nor
  // breaks a trend. NHSRplotthedots' code lets it break the trend.
  trendTies: 'ignore',
  // Run-chart rules of the IHI (Perla, Provost & Murray 2011): 6-point shift, 5-point trend.
  runChartShiftLength: 6,
  runChartTrendLength: 5,
})

const LENGTH_LIMITS: Record<
  'shiftLength' | 'trendLength' | 'runChartShiftLength' | 'runChartTrendLength',
  [number, number]
> = {
  shiftLength: [5, 12],
  trendLength: [5, 12],
  runChartShiftLength: [5, 12],
  runChartTrendLength: [4, 12],
}

const LENGTH_NAMES: Record<keyof typeof LENGTH_LIMITS, string> = {
  shiftLength: 'The run length',
  trendLength: 'The trend length',
  runChartShiftLength: 'The run-chart shift length',
  runChartTrendLength: 'The run-chart trend length',
}

const fail = (message: string): SpcError => ({ error: true, message })
const isWhole = (n: unknown, lo: number, hi: number): boolean =>
  typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi

/** Merge the caller's rule choices over the defaults and check each one. */
export function resolveRules(options: SpcOptions): SpcRuleOptions | SpcError {
  const rules: SpcRuleOptions = { ...DEFAULT_SPC_RULES, ...(options.rules ?? {}) }
  for (const key of Object.keys(LENGTH_LIMITS) as (keyof typeof LENGTH_LIMITS)[]) {
    const [lo, hi] = LENGTH_LIMITS[key]
    if (!isWhole(rules[key], lo, hi)) return fail(`${LENGTH_NAMES[key]} must be a whole number from ${lo} to ${hi}.`)
  }
  if (!isWhole(rules.minimumPoints, 2, 1000))
    return fail('The minimum number of points must be a whole number from 2 to 1000.')
  if (!isWhole(rules.trialLimitsUntil, rules.minimumPoints, 1000)) {
    return fail('Trial limits must end at or after the minimum number of points (and at most 1000).')
  }
  if (
    typeof rules.screenMovingRangeOutliers !== 'boolean' ||
    typeof rules.twoOfThreeIncludesBeyondLimit !== 'boolean'
  ) {
    return fail('The moving-range screening and two-of-three choices must each be yes or no.')
  }
  if (rules.pointOnCentreLine !== 'ignore' && rules.pointOnCentreLine !== 'breaks') {
    return fail('A point on the centre line must either be ignored or break a run.')
  }
  if (rules.trendTies !== 'ignore' && rules.trendTies !== 'breaks') {
    return fail('A repeated value in a trend must either be ignored or break the trend.')
  }
  return rules
}
