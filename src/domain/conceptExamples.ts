// "Local examples" on a concept page: the real items on this tablet that practise the
// concept (measures, actions, and day notes on those measures), from every unit the
// tablet holds, newest first. Pure: the rows come from src/db/conceptLinks.ts.
import { formatDay, londonDay } from './dates'
import type { Action, DayEntry, DayKey, Instant, Measure, Unit } from './types'

export type ExampleKind = 'measure' | 'action' | 'day-note'
/** Which screen shows the item. */
export type ExamplePlace = 'board' | 'measures' | 'actions'

export interface LocalExample {
  /** Unique across kinds, for list keys. */
  key: string
  kind: ExampleKind
  recordId: string
  unitId: string
  unitName: string
  boardId: string
  /** The measure's name, the action's title, or the measure and the day's comment. */
  title: string
  /** What happened when, e.g. "done 12/11/2026". */
  when: string
  /** The London day it happened: the ranking key, newest first. */
  day: DayKey
  /** Last change, to order items of the same day. */
  at: Instant
  place: ExamplePlace
}

export interface ConceptLinkRows {
  units: Pick<Unit, 'id' | 'name'>[]
  /** Measures linked to the concept, archived ones included. */
  measures: Measure[]
  /** Day values of those measures (only those with a comment count). */
  entries: DayEntry[]
  /** Actions linked to the concept. */
  actions: Action[]
}

export const EXAMPLE_KIND_LABEL: Record<ExampleKind, string> = { measure: 'measure', action: 'action', 'day-note': 'day note' }

/** A unit this tablet no longer holds still gets a name people understand. */
const UNKNOWN_UNIT = 'Another unit'

const dayOf = (instant: Instant): DayKey => londonDay(new Date(instant))
const links = (conceptIds: unknown, conceptId: string) => Array.isArray(conceptIds) && conceptIds.includes(conceptId)

/** The one line a list shows: "Ward 7 · action · Re-stock pressure cushions · done 12/11/2026". */
export function exampleLabel(example: LocalExample): string {
  return [example.unitName, EXAMPLE_KIND_LABEL[example.kind], example.title, example.when].join(' · ')
}

/**
 * Every item in `rows` that practises `conceptId`, newest first. Left out: cancelled
 * actions (nothing was tried) and day values with no comment (a bare number says
 * nothing about practice). Archived measures stay, marked, as the unit did practise it;
 * deleted items have already left the tablet's tables.
 */
export function localExamples(conceptId: string, rows: ConceptLinkRows): LocalExample[] {
  const unitName = new Map(rows.units.map((u) => [u.id, u.name]))
  const base = (kind: ExampleKind, record: { id: string; unitId: string; boardId: string; updatedAt: Instant }) => ({
    key: `${kind}:${record.id}`, kind, recordId: record.id, unitId: record.unitId,
    unitName: unitName.get(record.unitId) ?? UNKNOWN_UNIT, boardId: record.boardId, at: record.updatedAt,
  })
  const measures = rows.measures.filter((m) => links(m.conceptIds, conceptId))
  const measureById = new Map(measures.map((m) => [m.id, m]))
  const examples: LocalExample[] = []

  for (const m of measures) {
    const day = dayOf(m.archived ? m.updatedAt : m.createdAt)
    const when = m.archived ? `archived ${formatDay(day)}` : `on the board since ${formatDay(day)}`
    examples.push({ ...base('measure', m), title: m.name, when, day, place: 'measures' })
  }
  for (const e of rows.entries) {
    const measure = measureById.get(e.measureId)
    const comment = typeof e.comment === 'string' ? e.comment.trim() : ''
    if (!measure || !comment) continue
    examples.push({ ...base('day-note', e), title: `${measure.name}: \u201c${comment}\u201d`, when: formatDay(e.day), day: e.day, place: 'board' })
  }
  for (const a of rows.actions) {
    if (!links(a.conceptIds, conceptId) || a.status === 'cancelled') continue
    const day = dayOf(a.status === 'done' && a.closedAt ? a.closedAt : a.createdAt)
    const when = a.status === 'done' ? `done ${formatDay(day)}` : `open, raised ${formatDay(day)}`
    examples.push({ ...base('action', a), title: a.title, when, day, place: 'actions' })
  }
  return examples.sort((x, y) => y.day.localeCompare(x.day) || y.at.localeCompare(x.at) || x.key.localeCompare(y.key))
}
