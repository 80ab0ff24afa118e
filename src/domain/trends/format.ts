// Numbers on trend screens: a value as the chart reads it, and MDC icons as words, so
// nothing is told by colour alone.
import type { AssuranceIcon, PointVariation, VariationIcon } from '../spc/types'
import type { Measure } from '../types'
import type { Aggregation } from './aggregate'

const ONE_DP = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
const TWO_DP = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })

/** "3", "92.4%", "6.1 days"; '' for a gap. */
export function formatReading(
  measure: Pick<Measure, 'type' | 'unit'>,
  aggregation: Aggregation,
  value: number | null,
): string {
  if (value === null || !Number.isFinite(value)) return ''
  const n = aggregation === 'sum' ? TWO_DP.format(value) : ONE_DP.format(value)
  if (measure.type === 'percentage') return `${n}%`
  if (measure.type === 'number' && measure.unit) return `${n} ${measure.unit}`
  return n
}

/** Limits and centre lines: two decimals at most. */
export function formatLimit(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : TWO_DP.format(value)
}

export const VARIATION_TEXT: Record<VariationIcon, string> = {
  'common-cause': 'Common cause variation',
  'improvement-high': 'Special cause: improvement, high',
  'improvement-low': 'Special cause: improvement, low',
  'concern-high': 'Special cause: concern, high',
  'concern-low': 'Special cause: concern, low',
  'neutral-high': 'Special cause: neither better nor worse, high',
  'neutral-low': 'Special cause: neither better nor worse, low',
  none: 'Not enough data for variation',
}

/** Short words for a matrix cell (the full text is the accessible name). */
export const VARIATION_SHORT: Record<VariationIcon, string> = {
  'common-cause': 'Common cause',
  'improvement-high': 'Improving (high)',
  'improvement-low': 'Improving (low)',
  'concern-high': 'Concern (high)',
  'concern-low': 'Concern (low)',
  'neutral-high': 'Special (high)',
  'neutral-low': 'Special (low)',
  none: 'Too few points',
}

export const ASSURANCE_TEXT: Record<AssuranceIcon, string> = {
  pass: 'Target consistently met',
  fail: 'Target consistently missed',
  'hit-and-miss': 'Target hit and miss',
  none: 'No target assurance',
}

export const ASSURANCE_SHORT: Record<AssuranceIcon, string> = {
  pass: 'Met',
  fail: 'Missed',
  'hit-and-miss': 'Hit and miss',
  none: 'No target',
}

export const POINT_TEXT: Record<PointVariation, string> = {
  'common-cause': 'Common cause',
  improvement: 'Improvement',
  concern: 'Concern',
  'neutral-special': 'Special cause (neutral)',
}

/** MDC's colours (NHS palette): grey common cause, orange concern, blue improvement, purple neutral. */
export const POINT_COLOUR: Record<PointVariation, string> = {
  'common-cause': '#768692',
  improvement: '#005eb8',
  concern: '#ed8b00',
  'neutral-special': '#330072',
}

export function variationKind(icon: VariationIcon): PointVariation | null {
  if (icon === 'none') return null
  if (icon === 'common-cause') return 'common-cause'
  if (icon.startsWith('improvement')) return 'improvement'
  if (icon.startsWith('concern')) return 'concern'
  return 'neutral-special'
}
