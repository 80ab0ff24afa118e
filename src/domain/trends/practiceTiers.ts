// Practice series from standard work and escalations, in the same
// shape as practice.ts, so "How we work" charts them with the same SPC treatment.
// Pure: the adherence and escalation figures are computed by their own domain modules.
import { escalationStats } from '../escalationsStats'
import { adherenceByWeek, type AdherenceInput } from '../standardWork'
import type { DayKey, Escalation } from '../types'
import { isoWeekStart, periodsBetween } from './periods'
import type { PracticeSeries } from './practice'

/** Standard work done on time, % of the checklist slots that fell due, per ISO week. */
export function adherencePerWeek(input: AdherenceInput, from: DayKey, to: DayKey): PracticeSeries {
  const weeks = periodsBetween(from, to, 'week')
  const byMonday = new Map(adherenceByWeek(input, to, weeks.length).map((week) => [week.weekStart, week.unit]))
  const details: Record<string, string> = {}
  const points = weeks.map((week) => {
    const count = byMonday.get(isoWeekStart(week))
    details[week] =
      count && count.due > 0
        ? `${count.onTime} of ${count.due} on time (${count.late} late, ${count.missed} missed)`
        : 'Nothing due'
    return { period: week, value: count && count.share !== null ? Math.round(count.share * 1000) / 10 : null }
  })
  return {
    id: 'standard-work-adherence',
    title: 'Standard work on time',
    label: 'Checklists done on time, % of those due',
    unit: '%',
    period: 'week',
    direction: 'higher',
    target: 100,
    points,
    details,
    note: 'Each due slot of each checklist counts once its deadline has passed; done by the deadline counts as on time, late or not done counts against. Weeks with nothing due are gaps.',
  }
}

/** Escalations raised and answered per ISO week (counts; a week with none is 0). */
export function escalationsPerWeek(list: readonly Escalation[], from: DayKey, to: DayKey): PracticeSeries[] {
  const weeks = periodsBetween(from, to, 'week')
  const counts = new Map(escalationStats(list).weeks.map((w) => [w.week, w]))
  const series = (id: string, title: string, field: 'raised' | 'answered', note: string): PracticeSeries => {
    const points = weeks.map((week) => ({ period: week, value: counts.get(week)?.[field] ?? 0 }))
    return {
      id,
      title,
      label: `${title} per week`,
      unit: '',
      period: 'week',
      direction: 'neutral',
      target: null,
      points,
      details: Object.fromEntries(points.map((p) => [p.period, String(p.value)])),
      note,
    }
  }
  return [
    series(
      'escalations-raised',
      'Escalations raised',
      'raised',
      'Escalations raised from this unit in each week (Monday to Sunday).',
    ),
    series(
      'escalations-answered',
      'Escalations answered',
      'answered',
      'Escalations from this unit answered or returned with advice in each week; withdrawals are not answers.',
    ),
  ]
}
