// The SPC engine: XmR charts as NHS England's "Making Data Count" (MDC) and
// NHSRplotthedots define them, and a run-chart alternative. Pure and synchronous; bad
// input comes back as an SpcError, never a throw. Every rule and choice: docs/SPC.md.
import { reportFault } from '../faults'
import { assuranceIcon, classify, variationIcon } from './classify'
import { mean, median, movingRanges, xmrLimits } from './limits'
import { DEFAULT_SPC_RULES, resolveRules } from './options'
import { beyondLimitRule, emptySignals, shiftRule, trendRule, twoOfThreeRule, type Signals } from './rules'
import { runsTest } from './runChart'
import { splitSegments } from './segments'
import type {
  SpcBaseline,
  SpcError,
  SpcInputPoint,
  SpcOptions,
  SpcPointResult,
  SpcResult,
  SpcRuleOptions,
  SpcSegment,
} from './types'
import { periodText, validateOptions, validateSeries } from './validate'

export { DEFAULT_SPC_RULES }
export type * from './types'

export function isSpcError(value: SpcResult | SpcError): value is SpcError {
  return 'error' in value && value.error === true
}

export function computeSpc(series: readonly SpcInputPoint[], options: SpcOptions): SpcResult | SpcError {
  try {
    const points = validateSeries(series)
    if (!Array.isArray(points)) return points
    const optionsError = validateOptions(options, points[0]!.period)
    if (optionsError) return optionsError
    const rules = resolveRules(options)
    if ('error' in rules) return rules
    return compute(points, options, rules)
  } catch (error) {
    // Defensive: the checks above should make this unreachable, but a screen must never break.
    // Reported, so a bug here still reaches the tablet's problem log.
    reportFault(error, 'trend chart')
    return { error: true, message: 'The chart could not be worked out from these values.' }
  }
}

function compute(points: readonly SpcInputPoint[], options: SpcOptions, rules: SpcRuleOptions): SpcResult {
  const chart = options.chart ?? 'xmr'
  const notes: string[] = []
  // An incomplete period is judged as a gap (no limits, rules or moving ranges touch it)
  // and shown with its value.
  const judged = points.map((p) => (p.incomplete ? { period: p.period, value: null } : p))
  const ranges = splitSegments(judged, options.rebaseAt ?? [], notes)
  const results: SpcPointResult[] = []
  const segments: SpcSegment[] = []
  ranges.forEach((range, index) => {
    const slice = judged.slice(range.start, range.end)
    const { segment, signals } =
      chart === 'run' ? runSegment(slice, rules, notes) : xmrSegment(slice, rules, notes, options.baseline)
    segments.push(segment)
    let k = 0
    slice.forEach((p, offset) => {
      const shown = points[range.start + offset]!
      if (shown.incomplete) {
        const base = { period: p.period, value: shown.value, segment: index, rules: [], variation: null, side: null }
        results.push({ ...base, incomplete: true })
        return
      }
      if (p.value === null) {
        results.push({ period: p.period, value: null, segment: index, rules: [], variation: null, side: null })
        return
      }
      const own = signals ? (signals[k] ?? []) : null
      k += 1
      if (own === null) {
        results.push({ period: p.period, value: p.value, segment: index, rules: [], variation: null, side: null })
        return
      }
      const c = classify(own, options.direction)
      results.push({
        period: p.period,
        value: p.value,
        segment: index,
        rules: c.rules,
        variation: c.variation,
        side: c.side,
      })
    })
  })
  const left = points.filter((p) => p.incomplete && p.value !== null).map((p) => periodText(p.period))
  if (left.length)
    notes.push(
      `${listText(left)} ${left.length === 1 ? 'is' : 'are'} incomplete (shown hollow) and left out of the limits and rules.`,
    )
  const latest = segments[segments.length - 1]
  return {
    chart,
    points: results,
    segments,
    variation: variationIcon(results),
    assurance: chart === 'xmr' ? assuranceIcon(options.direction, options.target, latest) : 'none',
    notes: [...new Set(notes)],
  }
}

function listText(items: readonly string[]): string {
  if (items.length <= 3)
    return items.length === 1
      ? capitalise(items[0]!)
      : capitalise(`${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`)
  return capitalise(`${items.slice(0, 2).join(', ')} and ${items.length - 2} more periods`)
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

const countOf = (n: number): string => (n === 1 ? '1 value' : `${n} values`)

/** Where a segment's data starts: its first recorded period, not a leading gap. */
const firstRecorded = (slice: readonly SpcInputPoint[]): string =>
  (slice.find((p) => p.value !== null) ?? slice[0]!).period

const recordedOf = (slice: readonly SpcInputPoint[]): number[] =>
  slice.filter((p) => p.value !== null).map((p) => p.value as number)

function baseSegment(slice: readonly SpcInputPoint[], centre: number, n: number): SpcSegment {
  return {
    fromPeriod: slice[0]!.period,
    toPeriod: slice[slice.length - 1]!.period,
    centre,
    upperLimit: null,
    lowerLimit: null,
    trial: false,
    pointCount: n,
    meanMovingRange: null,
  }
}

/** One XmR segment: limits and the four rules, or (too few points) the mean only, with
 * every point left unjudged (variation null) and a note. */
/** The part of a segment its limits come from: the first N recorded values, or those in
 * the baseline periods; null (all of it) when there is no baseline, when the segment has
 * no more than N values (limits move until N are in) or fewer than 2 in the period. */
function baselineSlice(slice: readonly SpcInputPoint[], baseline: SpcBaseline | undefined): SpcInputPoint[] | null {
  if (!baseline) return null
  if ('points' in baseline) {
    let seen = 0
    const last = slice.findIndex((p) => p.value !== null && (seen += 1) === baseline.points)
    return last < 0 || recordedOf(slice.slice(last + 1)).length === 0 ? null : slice.slice(0, last + 1)
  }
  const inside = slice.filter((p) => p.period >= baseline.fromPeriod && p.period <= baseline.toPeriod)
  return recordedOf(inside).length >= 2 ? inside : null
}

function xmrSegment(
  slice: readonly SpcInputPoint[],
  rules: SpcRuleOptions,
  notes: string[],
  baseline?: SpcBaseline,
): { segment: SpcSegment; signals: Signals | null } {
  const values = recordedOf(slice)
  const base = baselineSlice(slice, baseline)
  const basis = base ?? slice
  const n = recordedOf(basis).length
  const from = periodText(firstRecorded(slice))
  if (base) {
    notes.push(
      `The limits from ${from} are fixed on the baseline ${periodText(firstRecorded(base))} to ${periodText(base[base.length - 1]!.period)} (${countOf(n)}); later values are judged against them.`,
    )
  }
  if (n < rules.minimumPoints) {
    notes.push(
      `Only ${countOf(n)} from ${from}: process limits need at least ${rules.minimumPoints}, so no points are flagged yet. A run chart suits a short series.`,
    )
    return { segment: { ...baseSegment(slice, mean(values), values.length), runs: null }, signals: null }
  }
  if (movingRanges(basis.map((p) => p.value)).length === 0) {
    // No two neighbouring periods are both recorded (e.g. a Mon/Wed/Fri audit on a daily
    // chart): the spread cannot be measured, so there are no limits and no assurance.
    notes.push(
      `No two neighbouring values from ${from} are both recorded, so the spread cannot be measured: no limits are drawn and only runs and trends are checked. A weekly or monthly view suits this measure.`,
    )
    const signals = emptySignals(values.length)
    const centre = mean(values)
    shiftRule(values, centre, rules.shiftLength, rules.pointOnCentreLine, signals)
    trendRule(values, rules.trendLength, rules.trendTies, signals)
    return { segment: { ...baseSegment(slice, centre, values.length), runs: null }, signals }
  }
  const limits = xmrLimits(
    basis.map((p) => p.value),
    rules.screenMovingRangeOutliers,
  )
  const trial = n < rules.trialLimitsUntil
  if (trial)
    notes.push(
      `The limits from ${from} rest on ${countOf(n)}; they are a trial until there are ${rules.trialLimitsUntil}.`,
    )
  const signals = emptySignals(values.length)
  if (limits.meanMovingRange > 0) {
    beyondLimitRule(values, limits.upper, limits.lower, signals)
    twoOfThreeRule(values, limits, rules.twoOfThreeIncludesBeyondLimit, signals)
  } else {
    // No spread between neighbouring values: the limits sit on the mean, and a point
    // beyond them would only show that the spread could not be measured.
    const baseValues = recordedOf(basis)
    notes.push(
      baseValues.every((v) => v === baseValues[0])
        ? `Every value from ${from} is the same: there is no variation to judge.`
        : `Neighbouring values from ${from} never differ, so the spread cannot be measured; only runs and trends are checked.`,
    )
  }
  shiftRule(values, limits.mean, rules.shiftLength, rules.pointOnCentreLine, signals)
  trendRule(values, rules.trendLength, rules.trendTies, signals)
  return {
    segment: {
      ...baseSegment(slice, limits.mean, values.length),
      upperLimit: limits.upper,
      lowerLimit: limits.lower,
      trial,
      meanMovingRange: limits.meanMovingRange,
      runs: null,
      baseline: base
        ? { fromPeriod: firstRecorded(base), toPeriod: base[base.length - 1]!.period, pointCount: n }
        : null,
    },
    signals,
  }
}

/** One run-chart segment: the median, the IHI shift and trend rules and the runs test. */
function runSegment(
  slice: readonly SpcInputPoint[],
  rules: SpcRuleOptions,
  notes: string[],
): { segment: SpcSegment; signals: Signals } {
  const values = recordedOf(slice)
  const centre = median(values)
  const signals = emptySignals(values.length)
  shiftRule(values, centre, rules.runChartShiftLength, rules.pointOnCentreLine, signals)
  trendRule(values, rules.runChartTrendLength, rules.trendTies, signals)
  const runs = runsTest(values, centre)
  const from = periodText(firstRecorded(slice))
  if (runs.signal === 'too-few')
    notes.push(`Too few runs from ${from} (${runs.runs}; at least ${runs.lower} expected): a sign of a shift.`)
  if (runs.signal === 'too-many')
    notes.push(
      `Too many runs from ${from} (${runs.runs}; at most ${runs.upper} expected): the data may be mixed or alternating.`,
    )
  if (runs.lower === null)
    notes.push(`The runs test needs at least 10 values off the median (there are ${runs.useful} from ${from}).`)
  return { segment: { ...baseSegment(slice, centre, values.length), runs }, signals }
}
