// How a measure's rules read on a tile and in the measure list: one short line that
// says what "good" means, in the measure's own unit.
import { formatValue, statusOf, type Status } from './status'
import type { DayStatus, Measure, MeasureType } from './types'

export const MEASURE_TYPE_LABEL: Record<MeasureType, string> = {
  yesno: 'Yes or no',
  count: 'Count',
  number: 'Number',
  percentage: 'Percentage',
  daystatus: 'Day status (green, amber or red)',
}

type Described = Pick<Measure, 'type' | 'unit' | 'direction' | 'goodAnswer' | 'target' | 'thresholds'>

/** e.g. "Target: 95% or more · Red below 85%"; null when there is nothing to say.
 * Short enough to read at a glance: the green threshold is left out when it is the target. */
export function targetText(measure: Described): string | null {
  if (measure.type === 'yesno') return `Good answer: ${(measure.goodAnswer ?? 'yes') === 'yes' ? 'Yes' : 'No'}`
  if (measure.type === 'daystatus') return null
  const show = (n: number) => formatValue(measure, n)
  const bare = (n: number) => (measure.type === 'percentage' ? `${n}%` : String(n))
  const higher = measure.direction === 'higher'
  const orBetter = measure.direction === 'neutral' ? '' : higher ? ' or more' : ' or fewer'
  const hasTarget = measure.target !== undefined && measure.target !== null
  const parts: string[] = []
  if (hasTarget) parts.push(`Target: ${show(measure.target!)}${orBetter}`)
  if (measure.thresholds && measure.direction !== 'neutral') {
    const { green, red } = measure.thresholds
    if (!hasTarget || green !== measure.target) parts.push(`Green at ${bare(green)}${orBetter}`)
    parts.push(`Red ${higher ? 'below' : 'above'} ${bare(red)}`)
  }
  return parts.length ? parts.join(' · ') : null
}

const DAY_STATUS_LABEL: Record<DayStatus, string> = { green: 'Green', amber: 'Amber', red: 'Red' }

export interface Choice {
  value: boolean | DayStatus
  label: string
  /** The status this answer gives, so its button can show the matching shape. */
  status: Status
}

/** The one-tap answers for yes/no and day-status measures (none for numbers). */
export function choicesFor(
  measure: Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'target' | 'thresholds'>,
): Choice[] {
  if (measure.type === 'yesno')
    return [true, false].map((value) => ({ value, label: value ? 'Yes' : 'No', status: statusOf(measure, value) }))
  if (measure.type === 'daystatus')
    return (['green', 'amber', 'red'] as const).map((value) => ({
      value,
      label: DAY_STATUS_LABEL[value],
      status: value,
    }))
  return []
}

/** "Length of stay (days)", but "Falls", not "Falls (falls)": the unit is left out when
 * the name already says it. */
export function nameWithUnit(name: string, unit: string): string {
  const trimmed = unit.trim()
  if (!trimmed) return name
  const words = name.toLowerCase().split(/[^\p{L}\p{N}%]+/u)
  return words.includes(trimmed.toLowerCase()) ? name : `${name} (${trimmed})`
}
