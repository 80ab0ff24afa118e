// Physical bounds of a charted reading. XmR limits are mean ± 2.66 × MR̄ and know nothing
// of what is possible: a percentage's upper limit can come out at 101.7 % and a count's
// lower limit below 0. The chart draws such a limit at the bound and says so in a note;
// the table and CSV keep the computed figure (docs/SPC.md, "Physical bounds").
import type { SpcResult } from '../spc/types'
import { periodText } from '../spc/validate'
import type { Measure } from '../types'
import { RATE_DAYS } from './aggregate'
import { formatLimit } from './format'
import type { Period } from './periods'

export interface ReadingBounds {
  lower: number | null
  upper: number | null
}

/** What a reading can be: 0–100 for percentages; 0 up for counts; 0 up to the days in the
 * period (on its 7- or 30-day scale) for yes/no and day-status days. Numbers: unknown. */
export function readingBounds(measure: Pick<Measure, 'type'>, period: Period): ReadingBounds {
  switch (measure.type) {
    case 'percentage':
      return { lower: 0, upper: 100 }
    case 'count':
      return { lower: 0, upper: null }
    case 'yesno':
    case 'daystatus':
      return { lower: 0, upper: RATE_DAYS[period] }
    default:
      return { lower: null, upper: null }
  }
}

/** A limit as drawn: held at the bound it passes. */
export function drawnLimit(value: number | null, bounds: ReadingBounds): number | null {
  if (value === null) return null
  if (bounds.upper !== null && value > bounds.upper) return bounds.upper
  if (bounds.lower !== null && value < bounds.lower) return bounds.lower
  return value
}

/** Notes for limits beyond the bounds, one per side (naming the latest such segment). */
export function boundNotes(result: SpcResult, bounds: ReadingBounds, percent: boolean): string[] {
  const suffix = percent ? '%' : ''
  const notes: string[] = []
  const beyond = (side: 'upper' | 'lower') =>
    [...result.segments].reverse().find((s) => {
      const limit = side === 'upper' ? s.upperLimit : s.lowerLimit
      const bound = bounds[side]
      return limit !== null && bound !== null && (side === 'upper' ? limit > bound : limit < bound)
    })
  const upper = beyond('upper')
  if (upper && bounds.upper !== null)
    notes.push(
      `The upper process limit${segmentText(result, upper.fromPeriod)} is ${formatLimit(upper.upperLimit)}${suffix}, above the most possible (${bounds.upper}${suffix}): the chart draws it at ${bounds.upper}${suffix}.`,
    )
  const lower = beyond('lower')
  if (lower && bounds.lower !== null)
    notes.push(
      `The lower process limit${segmentText(result, lower.fromPeriod)} is ${formatLimit(lower.lowerLimit)}${suffix}, below the least possible (${bounds.lower}${suffix}): the chart draws it at ${bounds.lower}${suffix}.`,
    )
  return notes
}

/** " from week beginning 02/11/2026" when the chart has more than one segment. */
function segmentText(result: SpcResult, from: string): string {
  return result.segments.length < 2 ? '' : ` from ${periodText(from)}`
}
