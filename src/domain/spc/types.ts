// The SPC engine's contract: what goes in, what comes out. Pure data, no UI.
// The engine (index.ts) follows NHS England's "Making Data Count" (MDC) and the NHS-R
// community's NHSRplotthedots; every rule and choice is documented in docs/SPC.md.

/** One point of a series: a period (a day `YYYY-MM-DD`, a week `2026-W48` or a month
 * `2026-11`) and its value; null where nothing was recorded (a gap, never a zero). */
export interface SpcInputPoint {
  period: string
  value: number | null
  /** Shown but not judged: the period is only partly covered (a typed range cuts it, or
   * too few of its days were recorded), so it is left out of the limits and every rule. */
  incomplete?: boolean
}

/** Which way is good: the measure's direction ('neutral': no direction). */
export type SpcDirection = 'higher' | 'lower' | 'neutral'

export type SpcChartKind = 'xmr' | 'run'

export interface SpcOptions {
  direction: SpcDirection
  /** A target makes the assurance icon possible; null or missing: no assurance. */
  target?: number | null
  /** Periods from which the limits are recalculated (e.g. when an idea was implemented). */
  rebaseAt?: readonly string[]
  chart?: SpcChartKind
  /** Where the references differ, an explicit choice; each defaults to what MDC does today. */
  rules?: Partial<SpcRuleOptions>
  /** Fix each segment's limits on a baseline instead of all its values (docs/SPC.md, "Baselines"). */
  baseline?: SpcBaseline
}

/** The first N recorded values of each segment (NHSRplotthedots' fix_after_n_points), or
 * the values within a span of periods (qicharts2's freeze). */
export type SpcBaseline = { points: number } | { fromPeriod: string; toPeriod: string }

export interface SpcRuleOptions {
  /** Points in a run on one side of the centre line that count as a shift. MDC: 7. */
  shiftLength: number
  /** Points all rising or all falling that count as a trend. MDC: 7. */
  trendLength: number
  /** Screen moving-range outliers (above 3.267 × mean moving range) before computing limits. */
  screenMovingRangeOutliers: boolean
  /** Whether points beyond a limit count towards "two of three near a limit". */
  twoOfThreeIncludesBeyondLimit: boolean
  /** Fewer points than this: no limits at all, only the data (and a run chart if asked). */
  minimumPoints: number
  /** Limits are "trial" (shown, but marked as likely to change) until this many points. */
  trialLimitsUntil: number
  /** A point exactly on the centre line: 'ignore' (neither breaks nor adds to a run; MDC)
   * or 'breaks' (ends the run; what NHSRplotthedots does). */
  pointOnCentreLine: 'ignore' | 'breaks'
  /** Two equal values in a row inside a trend: 'ignore' (neither add to nor break it; the
   * NHS Institute's run and control chart guide, IHI) or 'breaks' (NHSRplotthedots). */
  trendTies: 'ignore' | 'breaks'
  /** Run chart: points in a run on one side of the median that count as a shift (IHI: 6). */
  runChartShiftLength: number
  /** Run chart: points all rising or all falling that count as a trend (IHI: 5). */
  runChartTrendLength: number
}

export type SpcRule = 'beyond-limit' | 'shift' | 'trend' | 'two-of-three'

/** How a point reads, given the measure's direction of good. */
export type PointVariation = 'common-cause' | 'improvement' | 'concern' | 'neutral-special'

export interface SpcPointResult {
  period: string
  value: number | null
  /** Index of the segment (between rebases) the point belongs to. */
  segment: number
  /** Rules this point is part of (empty for common cause or a gap). */
  rules: SpcRule[]
  variation: PointVariation | null
  /** Which side of the centre line a special cause sits (for the icon's H/L). */
  side: 'high' | 'low' | null
  /** Left out of the limits and rules (see SpcInputPoint); variation is then null. */
  incomplete?: boolean
}

export interface SpcSegment {
  fromPeriod: string
  toPeriod: string
  /** Centre line: the mean (XmR) or the median (run chart). */
  centre: number
  /** XmR only; null on a run chart or with too few points. */
  upperLimit: number | null
  lowerLimit: number | null
  /** Limits from fewer points than `trialLimitsUntil`. */
  trial: boolean
  pointCount: number
  meanMovingRange: number | null
  /** Run chart only: the runs test of the segment (null on an XmR chart). */
  runs?: SpcRunsTest | null
  /** When the limits are fixed on a baseline: its first and last period and its values. */
  baseline?: { fromPeriod: string; toPeriod: string; pointCount: number } | null
}

/** The run chart's "too few / too many runs" test (IHI run-chart rules; see runChart.ts). */
export interface SpcRunsTest {
  /** Points not on the median (the "useful observations"). */
  useful: number
  runs: number
  /** Expected range of runs for this many useful points; null below 10 useful points. */
  lower: number | null
  upper: number | null
  signal: 'too-few' | 'too-many' | null
}

/** MDC's variation icon for the latest point. */
export type VariationIcon =
  | 'common-cause'
  | 'improvement-high'
  | 'improvement-low'
  | 'concern-high'
  | 'concern-low'
  | 'neutral-high'
  | 'neutral-low'
  | 'none'

/** MDC's assurance icon: is the target consistently met? */
export type AssuranceIcon = 'pass' | 'fail' | 'hit-and-miss' | 'none'

export interface SpcResult {
  chart: SpcChartKind
  points: SpcPointResult[]
  segments: SpcSegment[]
  variation: VariationIcon
  assurance: AssuranceIcon
  /** Plain-English notes for people: "Only 8 points: these limits are a trial." */
  notes: string[]
}

/** Bad input is a value, not a throw: the screens show `message` and nothing breaks. */
export interface SpcError {
  error: true
  message: string
}
