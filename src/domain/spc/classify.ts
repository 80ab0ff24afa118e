// From a point's signals to how it reads (MDC colours) and to the two MDC icons.
import type {
  AssuranceIcon,
  PointVariation,
  SpcDirection,
  SpcPointResult,
  SpcRule,
  SpcSegment,
  VariationIcon,
} from './types'
import type { Side, Signal } from './rules'

/** Which rule speaks for a neutral point when several disagree on the side: the order
 * NHSRplotthedots uses (beyond a limit, trend, two of three, shift). */
const PRIORITY: readonly SpcRule[] = ['beyond-limit', 'trend', 'two-of-three', 'shift']

export interface Classified {
  rules: SpcRule[]
  variation: PointVariation
  side: Side | null
}

/** Common cause when no rule fires. With a direction, improvement when any signal is on
 * the good side (a point can be both: MDC's single-chart tool then shows improvement,
 * per NHSRplotthedots issue #194), otherwise concern. Without a direction, "neutral"
 * special cause (purple in MDC), on the side of its strongest rule. A trend's side is
 * its direction: a rising trend is 'high' even below the mean. */
export function classify(signals: readonly Signal[], direction: SpcDirection): Classified {
  if (signals.length === 0) return { rules: [], variation: 'common-cause', side: null }
  const rules = PRIORITY.filter((rule) => signals.some((s) => s.rule === rule))
  if (direction === 'neutral') {
    const strongest = signals.find((s) => s.rule === rules[0])!
    return { rules, variation: 'neutral-special', side: strongest.side }
  }
  const good: Side = direction === 'higher' ? 'high' : 'low'
  if (signals.some((s) => s.side === good)) return { rules, variation: 'improvement', side: good }
  return { rules, variation: 'concern', side: good === 'high' ? 'low' : 'high' }
}

/** The variation icon reads the LATEST RECORDED point (a trailing gap or incomplete period is passed over).
 * 'none' when that point could not be judged (too few points for limits). */
export function variationIcon(points: readonly SpcPointResult[]): VariationIcon {
  const latest = [...points].reverse().find((p) => p.value !== null && !p.incomplete)
  if (!latest || latest.variation === null) return 'none'
  if (latest.variation === 'common-cause' || latest.side === null) return 'common-cause'
  if (latest.variation === 'neutral-special') return `neutral-${latest.side}`
  return `${latest.variation}-${latest.side}`
}

/** The assurance icon compares the target with the latest segment's process limits (as
 * NHSRplotthedots): a target outside the limits on the bad side will consistently fail,
 * on the good side consistently pass; a target between or exactly on a limit is
 * hit-and-miss. None without a target, without a direction, or without limits. */
export function assuranceIcon(
  direction: SpcDirection,
  target: number | null | undefined,
  segment: SpcSegment | undefined,
): AssuranceIcon {
  if (direction === 'neutral' || target === null || target === undefined || !segment) return 'none'
  const { upperLimit, lowerLimit } = segment
  if (upperLimit === null || lowerLimit === null) return 'none'
  if (target > upperLimit) return direction === 'higher' ? 'fail' : 'pass'
  if (target < lowerLimit) return direction === 'higher' ? 'pass' : 'fail'
  return 'hit-and-miss'
}
