// Rebasing: the series is cut into segments at each rebase period, and each segment gets
// its own centre line, limits and rules (a run or trend never reaches across a rebase).
import type { SpcInputPoint } from './types'
import { periodText } from './validate'

export interface SegmentRange {
  start: number
  /** Exclusive. */
  end: number
}

/** A rebase period starts a new segment at the first row on or after it. A rebase that
 * would change nothing (on or before the first row, after the last row, or leaving a
 * segment with no recorded value) is ignored, with a note saying so. */
export function splitSegments(
  points: readonly SpcInputPoint[],
  rebaseAt: readonly string[],
  notes: string[],
): SegmentRange[] {
  const starts = new Set<number>()
  for (const at of [...new Set(rebaseAt)].sort()) {
    const index = points.findIndex((p) => p.period >= at)
    if (index <= 0) {
      notes.push(
        `The rebase at ${periodText(at)} is ${index === 0 ? 'at or before the first value' : 'after the last value'}, so it changes nothing.`,
      )
      continue
    }
    starts.add(index)
  }
  const cuts = [0, ...[...starts].sort((a, b) => a - b), points.length]
  const ranges: SegmentRange[] = []
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const range = { start: cuts[i]!, end: cuts[i + 1]! }
    const hasValue = points.slice(range.start, range.end).some((p) => p.value !== null)
    const previous = ranges[ranges.length - 1]
    if (!hasValue && previous) {
      notes.push(
        `The rebase at ${periodText(points[range.start]!.period)} has no values after it, so it changes nothing.`,
      )
      previous.end = range.end
    } else if (!hasValue) {
      // No values before this rebase: there is nothing to rebase from, so join up.
      notes.push(
        `The rebase at ${periodText(points[range.end]!.period)} has no values before it, so it changes nothing.`,
      )
      cuts[i + 1] = range.start
    } else {
      ranges.push(range)
    }
  }
  return ranges
}
