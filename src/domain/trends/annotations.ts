// What happened on a measure's dates: ideas implemented and PDSA cycles run, placed on
// the trend chart so a shift can be read against the change that may have caused it.
import { londonDay } from '../dates'
import type { DayKey, Idea, PdsaCycle } from '../types'
import { periodOf, type Period } from './periods'

export interface TrendAnnotation {
  kind: 'idea' | 'pdsa'
  day: DayKey
  /** The last day (a PDSA cycle's end; a running cycle ends at the range's end). */
  endDay: DayKey
  period: string
  endPeriod: string
  label: string
}

const SHORT = 60

function short(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ')
  return t.length > SHORT ? `${t.slice(0, SHORT - 1)}…` : t
}

type IdeaFields = Pick<Idea, 'id' | 'idea' | 'implementedAt' | 'measureId'>
type CycleFields = Pick<PdsaCycle, 'ideaId' | 'number' | 'change' | 'startDay' | 'endDay'>

/** Annotations for `measureId` within `from`..`to`, oldest first. */
export function trendAnnotations(
  measureId: string,
  ideas: readonly IdeaFields[],
  cycles: readonly CycleFields[],
  from: DayKey,
  to: DayKey,
  period: Period,
): TrendAnnotation[] {
  const linked = new Map(ideas.filter((i) => i.measureId === measureId).map((i) => [i.id, i]))
  const out: TrendAnnotation[] = []
  const inRange = (start: DayKey, end: DayKey) => start <= to && end >= from
  for (const idea of linked.values()) {
    if (!idea.implementedAt) continue
    const day = londonDay(new Date(idea.implementedAt))
    if (!inRange(day, day)) continue
    const p = periodOf(day, period)
    out.push({
      kind: 'idea',
      day,
      endDay: day,
      period: p,
      endPeriod: p,
      label: `Idea implemented: ${short(idea.idea)}`,
    })
  }
  for (const cycle of cycles) {
    const idea = linked.get(cycle.ideaId)
    if (!idea || !cycle.startDay) continue
    const endDay = cycle.endDay ?? to
    if (!inRange(cycle.startDay, endDay)) continue
    const day = cycle.startDay < from ? from : cycle.startDay
    const last = endDay > to ? to : endDay
    const what = short(cycle.change) || short(idea.idea)
    out.push({
      kind: 'pdsa',
      day,
      endDay: last,
      period: periodOf(day, period),
      endPeriod: periodOf(last, period),
      label: `PDSA cycle ${cycle.number}${cycle.endDay ? '' : ' (running)'}: ${what}`,
    })
  }
  return out.sort((a, b) => a.day.localeCompare(b.day) || a.kind.localeCompare(b.kind))
}
