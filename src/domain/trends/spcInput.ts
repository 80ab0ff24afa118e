// One measure, one range, one period → the series and the engine's options, and the engine's answer for
// them. measureSpc.ts adds what the reading can physically be (notes about limits beyond it); the board's tile
// icons need only this part, so they load without it.
import { computeSpc } from '../spc'
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
import type { Period } from './periods'

export type SpcFn = (series: SpcInputPoint[], options: SpcOptions) => SpcResult | SpcError

export type SpcMeasure = Pick<
  Measure,
  'type' | 'direction' | 'goodAnswer' | 'unit' | 'target' | 'rebaseDays' | 'baseline'
>

export interface SpcInput {
  series: AggregatedPoint[]
  options: SpcOptions
  reading: MeasureReading
}

export function spcInputOf(
  measure: SpcMeasure,
  entries: readonly DayValue[],
  from: DayKey,
  to: DayKey,
  period: Period,
  chart: SpcChartKind = 'xmr',
): SpcInput {
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
  return { series, options, reading }
}

/** The engine's answer; a throw (a bug: the engine reports bad input as a value) is still an answer in words. */
export function spcAnswer(input: SpcInput, compute: SpcFn = computeSpc): SpcResult | SpcError {
  try {
    return compute(input.series, input.options)
  } catch (problem) {
    return {
      error: true,
      message: `The chart could not be worked out (${problem instanceof Error ? problem.message : String(problem)}).`,
    }
  }
}
