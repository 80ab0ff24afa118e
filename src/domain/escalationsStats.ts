// Reporting on escalations for the managers' trends screens: how many were raised and
// answered each ISO week, and how long answers took, overall, by category and by unit.
// "Answered" means a reply came back: an answer, or a return with advice. Pure.
import { londonDay, weekStart } from './dates'
import type { DayKey, Escalation } from './types'

export interface WeekCount {
  /** ISO week, e.g. "2026-W48". */
  week: string
  /** The Monday it starts on. */
  monday: DayKey
  raised: number
  answered: number
}

export interface GroupStats {
  key: string
  raised: number
  answered: number
  /** Median hours from raising to the reply; null when none was answered. */
  medianHoursToAnswer: number | null
}

export interface EscalationStats {
  weeks: WeekCount[]
  raised: number
  answered: number
  medianHoursToAnswer: number | null
  byCategory: GroupStats[]
  byUnit: GroupStats[]
}

/** ISO-8601 week of a London day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(day: DayKey): string {
  const monday = weekStart(day)
  const thursday = new Date(`${monday}T00:00:00Z`)
  thursday.setUTCDate(thursday.getUTCDate() + 3)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function hoursToAnswer(e: Escalation): number | null {
  if (!e.answeredAt) return null
  return Math.max(0, (Date.parse(e.answeredAt) - Date.parse(e.raisedAt)) / 3_600_000)
}

function groupBy(list: readonly Escalation[], keyOf: (e: Escalation) => string): GroupStats[] {
  const groups = new Map<string, Escalation[]>()
  for (const e of list) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e])
  return [...groups.entries()]
    .map(([key, rows]) => summarise(key, rows))
    .sort((a, b) => b.raised - a.raised || a.key.localeCompare(b.key))
}

function summarise(key: string, rows: readonly Escalation[]): GroupStats {
  const hours = rows.map(hoursToAnswer).filter((h): h is number => h !== null)
  return { key, raised: rows.length, answered: hours.length, medianHoursToAnswer: median(hours) }
}

/**
 * Figures for escalations raised on or after `from` (a London day; all when omitted).
 * `unitName` turns a scope id into the name shown. Withdrawn escalations count as raised
 * but never as answered.
 */
export function escalationStats(
  list: readonly Escalation[],
  unitName: (scopeId: string) => string = (id) => id,
  from?: DayKey,
): EscalationStats {
  const rows = from ? list.filter((e) => londonDay(new Date(e.raisedAt)) >= from) : [...list]
  const weeks = new Map<string, WeekCount>()
  const bump = (day: DayKey, field: 'raised' | 'answered') => {
    const week = isoWeek(day)
    const row = weeks.get(week) ?? { week, monday: weekStart(day), raised: 0, answered: 0 }
    row[field] += 1
    weeks.set(week, row)
  }
  for (const e of rows) {
    bump(londonDay(new Date(e.raisedAt)), 'raised')
    if (e.answeredAt) bump(londonDay(new Date(e.answeredAt)), 'answered')
  }
  const all = summarise('all', rows)
  return {
    weeks: [...weeks.values()].sort((a, b) => a.monday.localeCompare(b.monday)),
    raised: all.raised,
    answered: all.answered,
    medianHoursToAnswer: all.medianHoursToAnswer,
    byCategory: groupBy(rows, (e) => e.category),
    byUnit: groupBy(rows, (e) => unitName(e.unitId)),
  }
}
