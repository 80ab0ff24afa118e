// Is an improvement sustained? LIM certification asks for "meaningful, measurable and
// sustainable" improvement, and the app checks the last two from the measure itself
// rather than taking them on trust. The check reads the measure week by week (the trend
// screen's weekly series, docs/SPC.md "Weeks and months from days") and asks two things
// of the SPC engine (docs/SPC.md, "Sustained improvement"):
//
// 1. Measurable: with the limits fixed on the weeks BEFORE the change (the old level),
//    do the weeks after it show special-cause improvement (a shift, a trend, a week
//    beyond the old limits, two of three near a limit)? A change inside the old
//    common-cause variation is not evidence, however good two points look.
// 2. Sustainable: with the chart rebased at the change, is the new level better than the
//    old one, and do the last `sustainWeeks` weeks (the period the improvement office
//    sets, 12 by default) show no special cause of concern on either chart? A gain that
//    slides back shows as a concern and is "not held".
//
// It will not judge without enough data: 12 recorded weeks before the change (MDC asks
// for 15 to 20 points for stable limits; 12 weeks is the least that still gives a shift
// room to show), the whole sustain period passed, and at least three quarters of its
// weeks recorded. The week the change began is part before and part after, so it is
// shown but not judged. Pure: no Vue, no Dexie.
import { addDays, formatDay, weekStart } from '../dates'
import { computeSpc, isSpcError } from '../spc'
import type { SpcResult, SpcRule } from '../spc/types'
import { aggregateSeries, readingOf, type AggregatedPoint, type DayValue } from '../trends/aggregate'
import { formatReading } from '../trends/format'
import { isoWeekOf, isoWeekStart } from '../trends/periods'
import type { DayKey, Measure } from '../types'

export const DEFAULT_SUSTAIN_WEEKS = 12
/** How far back the old level is read. */
export const BASELINE_WEEKS_READ = 26
/** Fewer recorded weeks than this before the change: the old level is not known. */
export const MIN_BASELINE_WEEKS = 12
/** Share of the sustain period's weeks that must be recorded. */
export const MIN_RECORDED_SHARE = 0.75

export type SustainVerdict = 'sustained' | 'not-held' | 'no-improvement' | 'not-yet' | 'cannot-judge'

export interface SustainCheck {
  verdict: SustainVerdict
  /** One sentence for the colleague and the assessor. */
  headline: string
  /** The figures behind it, in words. */
  reasons: string[]
  changeDay: DayKey
  /** The first whole week after the change. */
  afterFromWeek: string
  /** Recorded, judged weeks before the change and since it. */
  weeksBefore: number
  weeksAfter: number
  /** Mean weekly reading before and after (the rebased chart's centre lines). */
  beforeLevel: number | null
  afterLevel: number | null
  /** When the sustain period will have passed, while it has not. */
  readyOn: DayKey | null
  /** The weekly series, and the chart with the limits fixed on the old level, to draw. */
  series: AggregatedPoint[]
  chart: SpcResult | null
}

export type SustainMeasure = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'unit' | 'target' | 'name'>

const RULE_ORDER: SpcRule[] = ['shift', 'beyond-limit', 'trend', 'two-of-three']
const RULE_TEXT: Record<SpcRule, string> = {
  shift: 'a run of weeks on the better side of the old average',
  'beyond-limit': 'weeks beyond the old limits',
  trend: 'a trend in the better direction',
  'two-of-three': 'weeks close to the old limit',
}

export function checkSustained(
  measure: SustainMeasure,
  entries: readonly DayValue[],
  changeDay: DayKey,
  today: DayKey,
  sustainWeeks = DEFAULT_SUSTAIN_WEEKS,
): SustainCheck {
  const reading = readingOf(measure, 'week')
  const changeWeek = isoWeekOf(changeDay)
  const afterFromWeek = weekStart(changeDay) === changeDay ? changeWeek : isoWeekOf(addDays(weekStart(changeDay), 7))
  const from = addDays(weekStart(changeDay), -BASELINE_WEEKS_READ * 7)
  const series = aggregateSeries(measure, entries, from, today, 'week').map((p) =>
    // Part before and part after the change: shown, never judged.
    p.period === changeWeek && changeWeek !== afterFromWeek ? { ...p, incomplete: true } : p,
  )
  const judged = (p: AggregatedPoint) => p.value !== null && !p.incomplete
  const before = series.filter((p) => p.period < changeWeek && judged(p))
  // Whole weeks since the change that are over (the current week is cut by today).
  const afterWeeks = series.filter((p) => p.period >= afterFromWeek && p.incompleteReason !== 'partial-range')
  const after = afterWeeks.filter(judged)
  const window = afterWeeks.slice(-sustainWeeks)
  const windowPeriods = new Set(window.map((p) => p.period))
  const show = (value: number | null) => formatReading(measure, reading.aggregation, value) || 'none'
  const base = {
    changeDay,
    afterFromWeek,
    weeksBefore: before.length,
    weeksAfter: after.length,
    beforeLevel: null as number | null,
    afterLevel: null as number | null,
    readyOn: null as DayKey | null,
    series,
    chart: null as SpcResult | null,
  }
  const verdict = (v: SustainVerdict, headline: string, reasons: string[] = [], extra: Partial<SustainCheck> = {}) => ({
    ...base,
    ...extra,
    verdict: v,
    headline,
    reasons,
  })

  if (reading.direction === 'neutral')
    return verdict(
      'cannot-judge',
      `${measure.name} has no direction of good, so an improvement cannot be told from a change.`,
      ['Set which way is better for the measure (higher or lower, or the good answer for yes/no).'],
    )
  if (before.length < MIN_BASELINE_WEEKS)
    return verdict(
      'cannot-judge',
      `The old level is not known: ${MIN_BASELINE_WEEKS} recorded weeks before the change are needed and ${before.length === 1 ? 'there is 1' : `there are ${before.length}`}.`,
      [
        `Weeks count when at least half their days are recorded. Add earlier values (Trends, "Import history") if the ward kept them elsewhere.`,
      ],
    )
  if (afterWeeks.length < sustainWeeks) {
    const readyOn = addDays(isoWeekStart(afterFromWeek), sustainWeeks * 7 - 1)
    return verdict(
      'not-yet',
      `Too soon to tell: ${sustainWeeks} whole weeks after the change are needed and ${afterWeeks.length} have passed. It can be checked on ${formatDay(readyOn)}.`,
      [],
      { readyOn },
    )
  }
  const recordedInWindow = window.filter(judged).length
  const needed = Math.ceil(sustainWeeks * MIN_RECORDED_SHARE)
  if (recordedInWindow < needed)
    return verdict(
      'cannot-judge',
      `Too many gaps: ${recordedInWindow} of the last ${sustainWeeks} weeks are recorded and at least ${needed} are needed.`,
      ['Weeks count when at least half their days are recorded.'],
    )

  const oldLevel = computeSpc(series, {
    direction: reading.direction,
    baseline: { fromPeriod: before[0]!.period, toPeriod: before[before.length - 1]!.period },
  })
  const rebased = computeSpc(series, { direction: reading.direction, rebaseAt: [afterFromWeek] })
  if (isSpcError(oldLevel) || isSpcError(rebased))
    return verdict('cannot-judge', (isSpcError(oldLevel) ? oldLevel : (rebased as { message: string })).message)

  const beforeLevel = rebased.segments[0]?.centre ?? null
  const afterLevel = rebased.segments[rebased.segments.length - 1]?.centre ?? null
  const extra = { beforeLevel, afterLevel, chart: oldLevel }
  const levels = `${reading.label}: ${show(beforeLevel)} before the change, ${show(afterLevel)} since.`
  const improvedRules = new Set(
    oldLevel.points.filter((p) => p.period >= afterFromWeek && p.variation === 'improvement').flatMap((p) => p.rules),
  )
  if (improvedRules.size === 0)
    return verdict(
      'no-improvement',
      'No measurable improvement yet: the weeks since the change stay within the old level’s common-cause variation.',
      [levels, 'A shift needs 7 weeks in a row on the better side of the old average, or weeks beyond the old limits.'],
      extra,
    )

  const better =
    beforeLevel !== null &&
    afterLevel !== null &&
    (reading.direction === 'higher' ? afterLevel > beforeLevel : afterLevel < beforeLevel)
  // Slipping back: a run or trend of concern at the new level, or a week worse than the
  // old limits. One week beyond the new level's own limits is not a slide: a low count
  // (0, 0, 1, 0, 2) has tight limits that a single bad week crosses.
  const inWindow = (p: { period: string; variation: string | null }) =>
    windowPeriods.has(p.period) && p.variation === 'concern'
  const concerns = [
    ...oldLevel.points.filter(inWindow),
    ...rebased.points.filter((p) => inWindow(p) && p.rules.some((r) => r === 'shift' || r === 'trend')),
  ]
  const outliers = rebased.points.filter((p) => inWindow(p) && !concerns.some((c) => c.period === p.period))
  const signal = `Against the old level the chart shows ${listText(RULE_ORDER.filter((r) => improvedRules.has(r)).map((r) => RULE_TEXT[r]))}.`
  if (!better || concerns.length > 0) {
    const weeks = [...new Set(concerns.map((p) => p.period))].sort()
    return verdict(
      'not-held',
      `The improvement showed but has not held over the last ${sustainWeeks} weeks.`,
      [
        levels,
        signal,
        ...(better ? [] : ['The level since the change is no better than the old one.']),
        ...(weeks.length
          ? [
              `Special cause of concern in the ${weeks.length === 1 ? 'week' : 'weeks'} beginning ${listText(weeks.map((w) => formatDay(isoWeekStart(w))))}: the measure is slipping back.`,
            ]
          : []),
      ],
      extra,
    )
  }
  return verdict(
    'sustained',
    `Sustained: ${measure.name} improved after the change and held for the last ${sustainWeeks} weeks.`,
    [
      levels,
      signal,
      outliers.length
        ? `No slide back in the last ${sustainWeeks} weeks; the ${outliers.length === 1 ? 'week' : 'weeks'} beginning ${listText(outliers.map((p) => formatDay(isoWeekStart(p.period))))} went beyond the new level's limits: worth a look.`
        : `No special cause of concern in the last ${sustainWeeks} weeks.`,
    ],
    extra,
  )
}

/** "a", "a and b", "a, b and c". */
function listText(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
