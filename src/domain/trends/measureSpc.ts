// One measure, one range, one period → the series, the engine's options and its answer.
// Shared by the roll-up (many measures) and the trend screen (one).
import { computeSpc, isSpcError } from '../spc'
import type { SpcChartKind, SpcError, SpcInputPoint, SpcOptions, SpcResult } from '../spc/types'
import type { DayKey } from '../types'
import type { AggregatedPoint, DayValue, MeasureReading } from './aggregate'
import { boundNotes, readingBounds, type ReadingBounds } from './bounds'
import type { Period } from './periods'
import { spcAnswer, spcInputOf, type SpcFn, type SpcMeasure } from './spcInput'

export interface MeasureSpc {
  series: AggregatedPoint[]
  options: SpcOptions
  reading: MeasureReading
  result: SpcResult | SpcError
  /** What the reading can physically be: limits beyond are drawn at the bound (with a note). */
  bounds: ReadingBounds
}

export type { SpcFn }
export { isSpcError }

export function measureSpc(
  measure: SpcMeasure,
  entries: readonly DayValue[],
  from: DayKey,
  to: DayKey,
  period: Period,
  chart: SpcChartKind = 'xmr',
  compute: SpcFn = computeSpc,
): MeasureSpc {
  const input = spcInputOf(measure, entries, from, to, period, chart)
  let result = spcAnswer(input, compute)
  const bounds = readingBounds(measure, period)
  if (!isSpcError(result)) {
    const notes = boundNotes(result, bounds, measure.type === 'percentage')
    if (notes.length) result = { ...result, notes: [...result.notes, ...notes] }
  }
  return { ...input, result, bounds }
}

/** The last complete period with a value, or null. */
export function latestPoint<P extends SpcInputPoint>(series: readonly P[]): P | null {
  for (let i = series.length - 1; i >= 0; i--)
    if (series[i]!.value !== null && !series[i]!.incomplete) return series[i]!
  return null
}
