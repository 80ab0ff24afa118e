// The trend screen's other CSVs, so what a manager takes to a meeting stands alone: the
// roll-up, and the actions, escalations and huddle records behind it. Dates are
// dd/mm/yyyy and times HH:mm in London throughout, like the trend CSV.
import type { CsvCell } from '../csv'
import { formatClock, formatDay, formatInstant, londonDay } from '../dates'
import { STATUS_LABEL as ESCALATION_STATUS, TIER_LABEL } from '../escalations'
import type { Action, Escalation, HuddleRecord } from '../types'
import { ASSURANCE_TEXT, VARIATION_TEXT } from './format'
import { formatPeriod, type Period } from './periods'
import type { Rollup } from './rollup'

const day = (instant: string | null | undefined): string => (instant ? formatDay(londonDay(new Date(instant))) : '')
const when = (instant: string | null | undefined): string => (instant ? formatInstant(instant) : '')

/** One row per measure and unit (long form, for pivot tables). */
export function rollupCsv(rollup: Rollup, period: Period): CsvCell[][] {
  const group = new Map(rollup.groups.flatMap((g) => g.columns.map((c) => [c.id, g.name])))
  const rows: CsvCell[][] = [
    ['Measure', 'Unit', 'Group', 'Latest period', 'Latest value', 'Variation', 'Assurance', 'Problem'],
  ]
  for (const row of rollup.rows)
    for (const unit of rollup.units) {
      const cell = row.cells[unit.id]
      if (!cell) continue
      rows.push([
        row.name,
        unit.name,
        group.get(unit.id) ?? '',
        cell.latestPeriod ? formatPeriod(cell.latestPeriod, period) : '',
        cell.latestText,
        VARIATION_TEXT[cell.variation],
        ASSURANCE_TEXT[cell.assurance],
        cell.message ?? '',
      ])
    }
  return rows
}

const ACTION_STATUS: Record<Action['status'], string> = { open: 'Open', done: 'Done', cancelled: 'Cancelled' }

export function actionsCsv(actions: readonly Action[], unitName: (id: string) => string): CsvCell[][] {
  return [
    ['Unit', 'Action', 'Owner', 'Due', 'Status', 'Raised', 'Closed'],
    ...[...actions]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((a) => [
        unitName(a.unitId),
        a.title,
        a.owner,
        a.dueDay ? formatDay(a.dueDay) : '',
        ACTION_STATUS[a.status] ?? a.status,
        day(a.createdAt),
        day(a.closedAt),
      ]),
  ]
}

export function escalationsCsv(escalations: readonly Escalation[], unitName: (id: string) => string): CsvCell[][] {
  return [
    ['Unit', 'Escalation', 'Reason', 'With', 'Status', 'Raised by', 'Raised', 'Owner', 'Answer', 'Answered', 'Closed'],
    ...[...escalations]
      .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt))
      .map((e) => [
        unitName(e.unitId),
        e.title,
        e.reason,
        TIER_LABEL[e.tier] ?? e.tier,
        ESCALATION_STATUS[e.status] ?? e.status,
        e.raisedBy,
        when(e.raisedAt),
        e.owner,
        e.answer,
        when(e.answeredAt),
        when(e.closedAt),
      ]),
  ]
}

export function huddlesCsv(huddles: readonly HuddleRecord[], unitName: (id: string) => string): CsvCell[][] {
  return [
    ['Unit', 'Day', 'Started', 'Minutes', 'Attendance', 'Facilitator'],
    ...[...huddles]
      .sort((a, b) => a.day.localeCompare(b.day) || a.unitId.localeCompare(b.unitId))
      .map((h) => [
        unitName(h.unitId),
        formatDay(h.day),
        h.startedAt ? formatClock(h.startedAt) : '',
        Math.round((h.durationSeconds ?? 0) / 6) / 10,
        h.attendance,
        h.facilitator,
      ]),
  ]
}
