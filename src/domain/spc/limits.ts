// XmR process limits, as MDC and NHSRplotthedots compute them.
//
// - Centre line: the mean of the recorded values (compensated sum, 12 significant figures).
// - Moving range: |x[i] − x[i−1]| for each pair of NEIGHBOURING rows that are both
//   recorded. A gap (null) has no moving range on either side of it: a range is never
//   taken across a gap, because the change over two periods is not a one-period change.
//   (NHSRplotthedots does the same: R's diff() gives NA next to a missing value and the
//   mean moving range drops NAs.)
// - Optional screening (off by default, as the MDC Excel tool; NHSRplotthedots' default
//   is on): moving ranges STRICTLY above 3.267 × the mean moving range are left out and
//   the mean moving range is recomputed once. Strictly above, so that a flat series (all
//   ranges 0) keeps its ranges rather than dropping them all.
// - Process limits: mean ± 2.66 × mean moving range (2.66 = 3 / d2, d2 = 1.128).
// - "Near a limit" (two sigma): mean ± (2/3 × 2.66) × mean moving range.

const LIMIT_FACTOR = 2.66
const NEAR_LIMIT_FACTOR = (2 / 3) * LIMIT_FACTOR
/** Upper range limit of a moving-range chart: D4 for n = 2. */
const MOVING_RANGE_SCREEN_FACTOR = 3.267

export interface XmrLimits {
  mean: number
  meanMovingRange: number
  upper: number
  lower: number
  nearUpper: number
  nearLower: number
}

/** Neumaier's compensated sum: the rounding lost at each addition is carried, so the
 * sum of a long series of decimals is as exact as one floating-point number allows. */
export function exactSum(values: readonly number[]): number {
  let sum = 0
  let carried = 0
  for (const v of values) {
    const next = sum + v
    carried += Math.abs(sum) >= Math.abs(v) ? sum - next + v : v - next + sum
    sum = next
  }
  return sum + carried
}

/** A computed line to 12 significant figures. Values are entered with a few decimals, so
 * this only removes binary noise: a mean of exactly 92.4 is 92.4, not 92.39999999999999,
 * and a value on the mean is on it (docs/SPC.md, "Ties"). */
export function tidy(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value
}

export function mean(values: readonly number[]): number {
  return tidy(exactSum(values) / values.length)
}

/** Moving ranges between neighbouring recorded rows; never across a gap. */
export function movingRanges(values: readonly (number | null)[]): number[] {
  const ranges: number[] = []
  for (let i = 1; i < values.length; i += 1) {
    const a = values[i - 1]
    const b = values[i]
    if (a !== null && a !== undefined && b !== null && b !== undefined) ranges.push(Math.abs(b - a))
  }
  return ranges
}

/** Mean moving range, optionally screened; 0 when no two neighbouring rows are recorded. */
export function meanMovingRange(values: readonly (number | null)[], screen: boolean): number {
  const ranges = movingRanges(values)
  if (ranges.length === 0) return 0
  const first = mean(ranges)
  if (!screen) return first
  const kept = ranges.filter((r) => r <= MOVING_RANGE_SCREEN_FACTOR * first)
  return kept.length === 0 ? first : mean(kept)
}

/** Limits of one segment; `values` in period order, gaps as null, at least one recorded. */
export function xmrLimits(values: readonly (number | null)[], screen: boolean): XmrLimits {
  const recorded = values.filter((v): v is number => v !== null)
  const centre = mean(recorded)
  const mr = meanMovingRange(values, screen)
  return {
    mean: centre,
    meanMovingRange: mr,
    upper: tidy(centre + LIMIT_FACTOR * mr),
    lower: tidy(centre - LIMIT_FACTOR * mr),
    nearUpper: tidy(centre + NEAR_LIMIT_FACTOR * mr),
    nearLower: tidy(centre - NEAR_LIMIT_FACTOR * mr),
  }
}

/** The median (run charts). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
