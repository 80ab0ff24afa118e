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

/** e.g. "Target: 95% or more · green at 95% or more, red below 85%"; null when there is nothing to say. */
export function targetText(measure: Described): string | null {
  if (measure.type === 'yesno') return `Good answer: ${(measure.goodAnswer ?? 'yes') === 'yes' ? 'Yes' : 'No'}`
  if (measure.type === 'daystatus') return null
  const show = (n: number) => formatValue(measure, n)
  const higher = measure.direction === 'higher'
  const orBetter = measure.direction === 'neutral' ? '' : higher ? ' or more' : ' or fewer'
  const parts: string[] = []
  if (measure.target !== undefined && measure.target !== null) parts.push(`Target: ${show(measure.target)}${orBetter}`)
  if (measure.thresholds && measure.direction !== 'neutral') {
    const { green, red } = measure.thresholds
    parts.push(`green at ${show(green)}${orBetter}, red ${higher ? 'below' : 'above'} ${show(red)}`)
  }
  if (!parts.length) return null
  const line = parts.join(' · ')
  return line.charAt(0).toUpperCase() + line.slice(1)
}

const DAY_STATUS_LABEL: Record<DayStatus, string> = { green: 'Green', amber: 'Amber', red: 'Red' }

export interface Choice {
  value: boolean | DayStatus
  label: string
  /** The status this answer gives, so its button can show the matching shape. */
  status: Status
}

/** The one-tap answers for yes/no and day-status measures (none for numbers). */
export function choicesFor(measure: Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'target' | 'thresholds'>): Choice[] {
  if (measure.type === 'yesno')
    return [true, false].map((value) => ({ value, label: value ? 'Yes' : 'No', status: statusOf(measure, value) }))
  if (measure.type === 'daystatus')
    return (['green', 'amber', 'red'] as const).map((value) => ({ value, label: DAY_STATUS_LABEL[value], status: value }))
  return []
}
