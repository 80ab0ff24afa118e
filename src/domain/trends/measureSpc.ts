// One measure, one range, one period → the series, the engine's options and its answer.
// Shared by the roll-up (many measures) and the trend screen (one).
import { computeSpc, isSpcError } from '../spc'
import type { SpcChartKind, SpcError, SpcInputPoint, SpcOptions, SpcResult } from '../spc/types'
import type { DayKey, Measure } from '../types'
import {
  aggregateSeries,
  rebasePeriods,
  readingOf,
  targetFor,
  type AggregatedPoint,
  type DayValue,
  type MeasureReading,
} from './aggregate'
import { baselineOption } from './baseline'
import { boundNotes, readingBounds, type ReadingBounds } from './bounds'
import type { Period } from './periods'

export interface MeasureSpc {
  series: AggregatedPoint[]
  options: SpcOptions
  reading: MeasureReading
  result: SpcResult | SpcError
  /** What the reading can physically be: limits beyond are drawn at the bound (with a note). */
  bounds: ReadingBounds
}

export type SpcFn = (series: SpcInputPoint[], options: SpcOptions) => SpcResult | SpcError

export { isSpcError }

export function measureSpc(
  measure: Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'unit' | 'target' | 'rebaseDays' | 'baseline'>,
  entries: readonly DayValue[],
  from: DayKey,
  to: DayKey,
  period: Period,
  chart: SpcChartKind = 'xmr',
  compute: SpcFn = computeSpc,
): MeasureSpc {
  const series = aggregateSeries(measure, entries, from, to, period)
  const reading = readingOf(measure, period)
  // Rebases outside the chart's range change nothing, so they are left out rather than noted.
  const first = series[0]?.period ?? ''
  const last = series[series.length - 1]?.period ?? ''
  const rebaseAt = rebasePeriods(measure.rebaseDays, period).filter((p) => p > first && p <= last)
  const baseline = baselineOption(measure.baseline, period)
  const options: SpcOptions = {
    direction: reading.direction,
    target: targetFor(measure, period),
    rebaseAt,
    chart,
    ...(baseline ? { baseline } : {}),
  }
  let result: SpcResult | SpcError
  try {
    result = compute(series, options)
  } catch (problem) {
    // The engine reports bad input as a value; a throw is a bug, still shown as words.
    result = {
      error: true,
      message: `The chart could not be worked out (${problem instanceof Error ? problem.message : String(problem)}).`,
    }
  }
  const bounds = readingBounds(measure, period)
  if (!isSpcError(result)) {
    const notes = boundNotes(result, bounds, measure.type === 'percentage')
    if (notes.length) result = { ...result, notes: [...result.notes, ...notes] }
  }
  return { series, options, reading, result, bounds }
}

/** The last complete period with a value, or null. */
export function latestPoint<P extends SpcInputPoint>(series: readonly P[]): P | null {
  for (let i = series.length - 1; i >= 0; i--)
    if (series[i]!.value !== null && !series[i]!.incomplete) return series[i]!
  return null
}
