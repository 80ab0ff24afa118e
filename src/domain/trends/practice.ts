// "How we work" measures: is the team running its daily management system? Each is a
// series the SPC engine can chart like any measure. Pure: the records come in, series
// go out. Other practice series (standard work, escalations) join through the provider
// list in src/db/queries/trends.ts, in this same shape.
import { addDays, londonDay, monthOf, weekdayIndex, daysBetween } from '../dates'
import { IDEA_STATUSES } from '../ideas'
import type { SpcDirection, SpcInputPoint } from '../spc/types'
import type { Action, DayKey, HistoryEntry, HuddleRecord, Idea, IdeaStatus, Instant } from '../types'
import { periodEnd, periodStart, periodsBetween, type Period } from './periods'

export interface PracticeSeries {
  id: string
  title: string
  /** What one value means, e.g. "Huddles held, % of expected". */
  label: string
  /** '%' for percentages, '' for counts. */
  unit: string
  period: Period
  direction: SpcDirection
  target: number | null
  points: SpcInputPoint[]
  /** Per period, the figures behind the value ("4 of 5 days"), for the table. */
  details: Record<string, string>
  /** How it is counted, in a sentence. */
  note: string
}

export type ExpectedHuddles = 'weekdays' | 'every-day'

/** Huddles held as a share of the days one was expected, per ISO week, per board. */
export function huddlesHeldPerWeek(
  huddles: readonly Pick<HuddleRecord, 'boardId' | 'day'>[],
  boardIds: readonly string[],
  from: DayKey,
  to: DayKey,
  expected: ExpectedHuddles,
): PracticeSeries {
  const held = new Set(huddles.filter((h) => boardIds.includes(h.boardId)).map((h) => `${h.boardId}|${h.day}`))
  const isExpected = (day: DayKey) => expected === 'every-day' || weekdayIndex(day) < 5
  const points: SpcInputPoint[] = []
  const details: Record<string, string> = {}
  for (const week of periodsBetween(from, to, 'week')) {
    let due = 0
    let done = 0
    for (let day = periodStart(week, 'week'); day <= periodEnd(week, 'week'); day = addDays(day, 1)) {
      if (day < from || day > to || !isExpected(day)) continue
      for (const boardId of boardIds) {
        due += 1
        if (held.has(`${boardId}|${day}`)) done += 1
      }
    }
    points.push({ period: week, value: due === 0 ? null : (100 * done) / due })
    details[week] = `${done} of ${due}`
  }
  const days = expected === 'weekdays' ? 'each weekday (Monday to Friday)' : 'every day'
  return {
    id: 'huddles-held',
    title: 'Huddles held',
    label: 'Huddles held, % of expected',
    unit: '%',
    period: 'week',
    direction: 'higher',
    target: 100,
    points,
    details,
    note: `One huddle per board expected ${days}; days not yet reached are left out.`,
  }
}

/** Ideas raised and ideas implemented per month (counts: a month with none is 0). */
export function ideasPerMonth(
  ideas: readonly Pick<Idea, 'createdAt' | 'implementedAt'>[],
  from: DayKey,
  to: DayKey,
): PracticeSeries[] {
  const months = periodsBetween(from, to, 'month')
  const count = (instants: (Instant | null)[]) => {
    const byMonth = new Map<string, number>()
    for (const at of instants) {
      if (!at) continue
      const day = londonDay(new Date(at))
      if (day < from || day > to) continue
      byMonth.set(monthOf(day), (byMonth.get(monthOf(day)) ?? 0) + 1)
    }
    return months.map((m) => ({ period: m, value: byMonth.get(m) ?? 0 }))
  }
  const series = (id: string, title: string, points: SpcInputPoint[], note: string): PracticeSeries => ({
    id,
    title,
    label: `${title} per month`,
    unit: '',
    period: 'month',
    direction: 'higher',
    target: null,
    points,
    details: Object.fromEntries(points.map((p) => [p.period, String(p.value)])),
    note,
  })
  return [
    series(
      'ideas-raised',
      'Ideas raised',
      count(ideas.map((i) => i.createdAt)),
      'Counted in the month the idea was logged.',
    ),
    series(
      'ideas-implemented',
      'Ideas implemented',
      count(ideas.map((i) => i.implementedAt)),
      'Counted in the month the idea was first implemented.',
    ),
  ]
}

export interface StatusTime {
  status: IdeaStatus
  /** Median whole days spent in the status; null when no idea has been in it. */
  medianDays: number | null
  ideas: number
}

type IdeaForTimes = Pick<Idea, 'id' | 'status' | 'createdAt' | 'statusChangedAt'>
type StatusChange = Pick<HistoryEntry, 'recordId' | 'at' | 'changes'>

/**
 * Median time ideas spend in each status. The history's status changes give each idea's
 * path; the status it is in now counts up to `now` (so stuck ideas show). An idea with no
 * history (pulled before history was kept) counts its current status from statusChangedAt
 * and, when it has moved on, the time before that as New.
 */
export function medianTimeInStatus(
  ideas: readonly IdeaForTimes[],
  history: readonly StatusChange[],
  now: Date,
): StatusTime[] {
  const byIdea = new Map<string, StatusChange[]>()
  for (const h of history) {
    if (!h.changes.some((c) => c.field === 'status')) continue
    const list = byIdea.get(h.recordId)
    if (list) list.push(h)
    else byIdea.set(h.recordId, [h])
  }
  const spans = new Map<IdeaStatus, number[]>(IDEA_STATUSES.map((s) => [s, []]))
  const today = londonDay(now)
  const days = (a: Instant, b: DayKey) => Math.max(0, daysBetween(londonDay(new Date(a)), b))
  for (const idea of ideas) {
    const steps: { status: IdeaStatus; at: Instant }[] = []
    const changes = (byIdea.get(idea.id) ?? []).sort((a, b) => a.at.localeCompare(b.at))
    for (const change of changes) {
      const to = change.changes.find((c) => c.field === 'status')?.to
      if (typeof to === 'string' && (IDEA_STATUSES as readonly string[]).includes(to))
        steps.push({ status: to as IdeaStatus, at: change.at })
    }
    if (!steps.length) {
      steps.push({ status: 'new', at: idea.createdAt })
      if (idea.status !== 'new') steps.push({ status: idea.status, at: idea.statusChangedAt })
    }
    steps.forEach((step, i) => {
      const end = steps[i + 1] ? londonDay(new Date(steps[i + 1]!.at)) : today
      spans.get(step.status)!.push(days(step.at, end))
    })
  }
  return IDEA_STATUSES.map((status) => {
    const list = spans.get(status)!
    return { status, medianDays: median(list), ideas: list.length }
  })
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

type ActionForOverdue = Pick<Action, 'createdAt' | 'dueDay' | 'status' | 'closedAt'>

/** Was the action open and past its due day at the end of `day`? */
export function overdueOn(action: ActionForOverdue, day: DayKey): boolean {
  if (!action.dueDay || action.dueDay >= day) return false
  if (londonDay(new Date(action.createdAt)) > day) return false
  // A closed action with no closing time: when it closed is unknown, so it never counts.
  if (action.status !== 'open') return action.closedAt !== null && londonDay(new Date(action.closedAt)) > day
  return true
}

/** Actions open past their due day at the end of each week (or on `to` for the current one). */
export function actionsOverduePerWeek(actions: readonly ActionForOverdue[], from: DayKey, to: DayKey): PracticeSeries {
  const points = periodsBetween(from, to, 'week').map((week) => {
    const end = periodEnd(week, 'week')
    const day = end > to ? to : end
    return { period: week, value: actions.filter((a) => overdueOn(a, day)).length }
  })
  return {
    id: 'actions-overdue',
    title: 'Actions overdue',
    label: 'Actions overdue at the end of the week',
    unit: '',
    period: 'week',
    direction: 'lower',
    target: 0,
    points,
    details: Object.fromEntries(points.map((p) => [p.period, String(p.value)])),
    note: 'Open actions past their due day on the Sunday of each week (today for this week).',
  }
}
