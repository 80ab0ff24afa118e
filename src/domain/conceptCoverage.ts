// Coverage for the improvement office: for each unit on this tablet, how many of its
// items practise each concept, and which concepts it never touches (where to offer
// coaching). Counted: measures, actions (not cancelled), ideas (not "not progressed"),
// PDSA cycles, escalations (not withdrawn), checklists (not retired; the checklist and
// each linked step count once per concept) and huddle agenda items. Some items practise a
// concept by being what they are, linked or not: an idea is everyday improvement, a PDSA
// cycle is PDSA, an escalation is a tiered huddle at work; a ward with nine ideas does
// not "never use" ideas. Pure and defensive about synced rows.
import type { ConceptLinkRows } from './conceptExamples'

export type CoverageLevel = 'none' | 'started' | 'practised'

/** From this many linked items a unit counts as practising a concept. */
export const PRACTISED_FROM = 3

export interface CoverageRow {
  conceptId: string
  name: string
  /** Linked items per unit, in the order of `units`. */
  counts: number[]
  total: number
}

export interface Coverage {
  units: { id: string; name: string }[]
  rows: CoverageRow[]
  /** Per unit (same order), the names of the concepts it never touches. */
  untouched: string[][]
}

export function coverageLevel(count: number): CoverageLevel {
  if (count === 0) return 'none'
  return count >= PRACTISED_FROM ? 'practised' : 'started'
}

export const COVERAGE_LABEL: Record<CoverageLevel, string> = {
  none: 'Not yet',
  started: 'Started',
  practised: 'Practised',
}

type Linked = { unitId: string; conceptIds: string[] }

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/** The concepts an item practises by its kind, whatever it is linked to. */
export const PRACTISED_BY_KIND = {
  idea: 'everyday-ideas',
  pdsaCycle: 'pdsa',
  escalation: 'tiered-huddles',
} as const

export type CoverageRows = Omit<ConceptLinkRows, 'entries'> & {
  escalations?: { unitId?: unknown; status?: unknown }[]
}

/** Every linked item as (unit, concepts), each concept once per item. */
export function linkedItems(rows: CoverageRows): Linked[] {
  const items: Linked[] = []
  const push = (unitId: unknown, conceptIds: unknown, kind?: string) => {
    const own = [...new Set([...ids(conceptIds), ...(kind ? [kind] : [])])]
    if (typeof unitId === 'string' && own.length) items.push({ unitId, conceptIds: own })
  }
  for (const m of rows.measures) push(m.unitId, m.conceptIds)
  for (const a of rows.actions) if (a.status !== 'cancelled') push(a.unitId, a.conceptIds)
  for (const i of rows.ideas ?? [])
    if (i.status !== 'not-progressed') push(i.unitId, i.conceptIds, PRACTISED_BY_KIND.idea)
  for (const c of rows.pdsaCycles ?? []) push(c.unitId, c.conceptIds, PRACTISED_BY_KIND.pdsaCycle)
  for (const e of rows.escalations ?? [])
    if (e?.status !== 'withdrawn') push(e?.unitId, [], PRACTISED_BY_KIND.escalation)
  for (const t of rows.checklistTemplates ?? []) {
    if (t.retired === true) continue
    push(t.unitId, t.conceptIds)
    for (const step of Array.isArray(t.steps) ? t.steps : []) push(t.unitId, step?.conceptIds)
  }
  for (const b of rows.boards ?? [])
    for (const item of Array.isArray(b.agenda) ? b.agenda : []) push(b.unitId, item?.conceptIds)
  return items
}

/** Counts per concept × unit for `concepts` (the library in use, in its order). */
export function conceptCoverage(concepts: readonly { id: string; name: string }[], rows: CoverageRows): Coverage {
  const units = [...rows.units].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  const column = new Map(units.map((u, i) => [u.id, i]))
  const counts = new Map(concepts.map((c) => [c.id, units.map(() => 0)]))
  for (const item of linkedItems(rows)) {
    const col = column.get(item.unitId)
    if (col === undefined) continue
    for (const id of item.conceptIds) {
      const row = counts.get(id)
      if (row) row[col]! += 1
    }
  }
  const coverageRows = concepts.map((c) => {
    const own = counts.get(c.id)!
    return { conceptId: c.id, name: c.name, counts: own, total: own.reduce((s, n) => s + n, 0) }
  })
  const untouched = units.map((_, col) => coverageRows.filter((r) => r.counts[col] === 0).map((r) => r.name))
  return { units, rows: coverageRows, untouched }
}
