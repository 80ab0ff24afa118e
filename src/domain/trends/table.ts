// The chart as rows: the table alternative for screen readers and the CSV export read
// the same rows, so what is heard, saved and seen always agree.
import type { CsvCell } from '../csv'
import type { SpcResult, SpcRule } from '../spc/types'
import type { TrendAnnotation } from './annotations'
import { POINT_TEXT, formatLimit } from './format'
import { formatDay } from '../dates'
import { formatPeriod, periodStart, type Period } from './periods'

const RULE_TEXT: Record<SpcRule, string> = {
  'beyond-limit': 'Beyond a limit',
  shift: 'Run on one side of the centre',
  trend: 'Run rising or falling',
  'two-of-three': 'Two of three near a limit',
}

export interface TrendRow {
  period: string
  periodText: string
  value: number | null
  valueText: string
  centre: string
  lower: string
  upper: string
  /** The same lines as numbers (rounded to 4 places), for spreadsheets. */
  numbers: { centre: number | null; lower: number | null; upper: number | null }
  reading: string
  rules: string
  /** Rebases, ideas implemented and PDSA cycles in this period. */
  events: string
  /** Figures behind the value, e.g. "4 of 5" (practice series). */
  detail: string
}

export function trendRows(
  result: SpcResult,
  period: Period,
  formatValue: (value: number | null) => string,
  annotations: readonly TrendAnnotation[] = [],
  rebaseAt: readonly string[] = [],
  details: Readonly<Record<string, string>> = {},
): TrendRow[] {
  return result.points.map((point, index) => {
    const segment = result.segments[point.segment]
    const baseline = segment?.baseline
    const events = [
      ...(rebaseAt.includes(point.period) && index > 0 ? ['Limits recalculated from here'] : []),
      ...(baseline && point.period >= baseline.fromPeriod && point.period <= baseline.toPeriod
        ? ['Baseline (limits fixed on these)']
        : []),
      ...annotations
        .filter(
          (a) =>
            a.period <= point.period && a.endPeriod >= point.period && (a.kind === 'pdsa' || a.period === point.period),
        )
        .map((a) => a.label),
    ]
    return {
      period: point.period,
      periodText: formatPeriod(point.period, period),
      value: point.value,
      valueText: point.value === null ? 'Not recorded' : formatValue(point.value),
      centre: formatLimit(segment?.centre ?? null),
      lower: formatLimit(segment?.lowerLimit ?? null),
      upper: formatLimit(segment?.upperLimit ?? null),
      numbers: { centre: round(segment?.centre), lower: round(segment?.lowerLimit), upper: round(segment?.upperLimit) },
      reading: point.incomplete ? 'Incomplete (not judged)' : point.variation ? POINT_TEXT[point.variation] : '',
      rules: point.rules.map((r) => RULE_TEXT[r]).join('; '),
      events: events.join('; '),
      detail: details[point.period] ?? '',
    }
  })
}

function round(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value * 10_000) / 10_000
}

export function trendCsv(
  rows: readonly TrendRow[],
  period: Period,
  valueLabel: string,
  centreLabel: string,
): CsvCell[][] {
  const hasDetail = rows.some((r) => r.detail)
  return [
    [
      'Period',
      'Starts',
      valueLabel,
      ...(hasDetail ? ['Figures'] : []),
      centreLabel,
      'Lower limit',
      'Upper limit',
      'Reading',
      'Special-cause rules',
      'Events',
    ],
    ...rows.map((r) => [
      r.periodText,
      formatDay(periodStart(r.period, period)),
      r.value,
      ...(hasDetail ? [r.detail] : []),
      r.numbers.centre,
      r.numbers.lower,
      r.numbers.upper,
      r.reading,
      r.rules,
      r.events,
    ]),
  ]
}
