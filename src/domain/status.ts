// RAG status of a day's value. Status is always shown with a shape and a word as well
// as a colour (tick in a circle, "!" in a triangle, cross in a square), so the board
// reads the same to someone with colour-blindness.
import type { DayStatus, EntryValue, Measure } from './types'

/** 'none': recorded but the measure has no target/direction to judge it by.
 *  'missing': nothing recorded for that day. */
export type Status = DayStatus | 'none' | 'missing'

export const STATUS_LABEL: Record<Status, string> = {
  green: 'Good',
  amber: 'At risk',
  red: 'Not met',
  none: 'Recorded',
  missing: 'Not recorded',
}

type Judged = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'target' | 'thresholds'>

export function statusOf(measure: Judged, value: EntryValue | undefined | null): Status {
  if (value === undefined || value === null) return 'missing'
  switch (measure.type) {
    case 'daystatus':
      return typeof value === 'string' ? value : 'missing'
    case 'yesno': {
      if (typeof value !== 'boolean') return 'missing'
      const good = (measure.goodAnswer ?? 'yes') === 'yes'
      return value === good ? 'green' : 'red'
    }
    default:
      return typeof value === 'number' ? numericStatus(measure, value) : 'missing'
  }
}

function numericStatus(measure: Judged, value: number): Status {
  const { direction, thresholds, target } = measure
  if (direction === 'neutral') return 'none'
  const better = (a: number, b: number) => (direction === 'higher' ? a >= b : a <= b)
  if (thresholds) {
    if (better(value, thresholds.green)) return 'green'
    // Red when strictly worse than the red threshold; the threshold itself is amber.
    const worse = direction === 'higher' ? value < thresholds.red : value > thresholds.red
    return worse ? 'red' : 'amber'
  }
  if (target !== undefined && target !== null) return better(value, target) ? 'green' : 'red'
  return 'none'
}

/** How a value reads on a tile: "Yes", "12 %", "Green". */
export function formatValue(measure: Pick<Measure, 'type' | 'unit'>, value: EntryValue | undefined | null): string {
  if (value === undefined || value === null) return '–'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'string') return value === 'green' ? 'Green' : value === 'amber' ? 'Amber' : 'Red'
  const number = Number.isInteger(value) ? String(value) : value.toFixed(1)
  if (measure.type === 'percentage') return `${number}%`
  return measure.unit ? `${number} ${unitFor(measure.unit, value)}` : number
}

/** "1 fall", "2 falls": units are typed as plurals; one of them reads singular. */
function unitFor(unit: string, value: number): string {
  return value === 1 && /[^s]s$/.test(unit) ? unit.slice(0, -1) : unit
}
