// A person's learning record: the LIM concepts they practised through the items they
// contributed on this tablet. Ideas they raised or own, PDSA cycles they wrote (any
// history entry of the cycle by them), checklists they completed, actions they own.
// Printed as a portfolio for LIM certification. Pure; names compare without case or
// extra spaces, since people type them. Synced tables are read defensively.
import { formatDay, londonDay } from './dates'
import type { IdeaEvidence } from './ideaEvidence'
import type { Action, ChecklistRun, ChecklistTemplate, DayKey, Idea, Instant, PdsaCycle } from './types'

export type PortfolioKind = 'idea' | 'pdsa' | 'checklist' | 'action'

export interface PortfolioItem {
  key: string
  kind: PortfolioKind
  recordId: string
  unitName: string
  title: string
  /** What the person did, to follow "They": "raised", "own", "raised and own", "wrote", "completed". */
  role: string
  /** Where it got to: "implemented", "adopted", "done"... */
  status: string
  day: DayKey
  conceptIds: string[]
}

export interface PortfolioConcept {
  conceptId: string
  name: string
  items: PortfolioItem[]
  firstDay: DayKey
  lastDay: DayKey
}

export interface Portfolio {
  person: string
  /** Most practised first, then by name. */
  concepts: PortfolioConcept[]
  /** Every item they contributed, newest first, linked to a concept or not. */
  items: PortfolioItem[]
  /** Their ideas' ids, for the A3 summaries. */
  ideaIds: string[]
}

/** One of the person's ideas, printed as its A3 with its measure evidence. */
export interface PortfolioIdea {
  idea: Idea
  cycles: PdsaCycle[]
  evidence: IdeaEvidence
}

export interface PortfolioRows {
  units: { id: string; name: string }[]
  ideas: Partial<Idea>[]
  pdsaCycles: Partial<PdsaCycle>[]
  /** Who changed which cycle (history entries of pdsaCycles). */
  pdsaAuthors: { recordId: string; by: string }[]
  checklistRuns: Partial<ChecklistRun>[]
  checklistTemplates: Partial<ChecklistTemplate>[]
  actions: Partial<Action>[]
}

export const samePerson = (a: unknown, b: string) =>
  typeof a === 'string' &&
  a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')
const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
const dayOf = (instant: Instant | null | undefined): DayKey | null => (instant ? londonDay(new Date(instant)) : null)

/** The person's items and the concepts they practised; `nameOf` names a concept id. */
export function buildPortfolio(person: string, rows: PortfolioRows, nameOf: (conceptId: string) => string): Portfolio {
  const unitName = new Map(rows.units.map((u) => [u.id, u.name]))
  const items: PortfolioItem[] = []
  const add = (
    kind: PortfolioKind,
    record: { id?: string; unitId?: string },
    rest: Omit<PortfolioItem, 'key' | 'kind' | 'recordId' | 'unitName' | 'day'> & { day: DayKey | null },
  ) => {
    if (!record.id || !rest.day) return
    items.push({
      ...rest,
      day: rest.day,
      key: `${kind}:${record.id}`,
      kind,
      recordId: record.id,
      unitName: unitName.get(record.unitId ?? '') ?? 'Another unit',
    })
  }

  for (const idea of rows.ideas) {
    const raised = samePerson(idea.raisedBy, person)
    const owns = samePerson(idea.owner, person)
    if (!raised && !owns) continue
    add('idea', idea, {
      title: str(idea.idea) || str(idea.problem) || 'An idea',
      role: [raised && 'raised', owns && 'own'].filter(Boolean).join(' and '),
      status: str(idea.status).replace('-', ' ') || 'new',
      day: dayOf(idea.createdAt),
      conceptIds: ids(idea.conceptIds),
    })
  }
  const wrote = new Set(rows.pdsaAuthors.filter((h) => samePerson(h.by, person)).map((h) => h.recordId))
  for (const cycle of rows.pdsaCycles) {
    if (!cycle.id || !wrote.has(cycle.id)) continue
    const status =
      cycle.decision === 'adopt'
        ? 'adopted'
        : cycle.decision === 'adapt'
          ? 'adapted'
          : cycle.decision === 'abandon'
            ? 'abandoned'
            : 'running'
    add('pdsa', cycle, {
      title: `Cycle ${cycle.number ?? 1}: ${str(cycle.change) || 'a test of change'}`,
      role: 'wrote',
      status,
      day: cycle.startDay ?? dayOf(cycle.createdAt),
      conceptIds: ids(cycle.conceptIds),
    })
  }
  const templates = new Map(rows.checklistTemplates.filter((t) => t.id).map((t) => [t.id!, t]))
  for (const run of rows.checklistRuns) {
    if (!run.completedAt || !samePerson(run.completedBy, person)) continue
    const template = templates.get(run.templateId ?? '')
    const stepIds = (Array.isArray(run.steps) ? run.steps : []).flatMap((s) => ids(s?.conceptIds))
    add('checklist', run, {
      title: str(run.title) || str(template?.title) || 'A checklist',
      role: 'completed',
      status: run.day ? `on ${formatDay(run.day)}` : 'completed',
      day: run.day ?? dayOf(run.completedAt),
      conceptIds: [...new Set([...ids(template?.conceptIds), ...stepIds])],
    })
  }
  for (const action of rows.actions) {
    if (!samePerson(action.owner, person) || action.status === 'cancelled') continue
    add('action', action, {
      title: str(action.title) || 'An action',
      role: 'own',
      status: action.status === 'done' ? 'done' : 'open',
      day: dayOf(action.status === 'done' ? action.closedAt : action.createdAt) ?? dayOf(action.createdAt),
      conceptIds: ids(action.conceptIds),
    })
  }
  items.sort((a, b) => b.day.localeCompare(a.day) || a.key.localeCompare(b.key))

  const byConcept = new Map<string, PortfolioItem[]>()
  for (const item of items)
    for (const id of new Set(item.conceptIds)) byConcept.set(id, [...(byConcept.get(id) ?? []), item])
  const concepts = [...byConcept]
    .map(([conceptId, own]): PortfolioConcept => ({
      conceptId,
      name: nameOf(conceptId),
      items: own,
      firstDay: own.reduce((d, i) => (i.day < d ? i.day : d), own[0]!.day),
      lastDay: own.reduce((d, i) => (i.day > d ? i.day : d), own[0]!.day),
    }))
    .sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name, 'en-GB'))

  return {
    person: person.trim(),
    concepts,
    items,
    ideaIds: items.filter((i) => i.kind === 'idea').map((i) => i.recordId),
  }
}

/** Everyone a tablet knows by name, for the person picker: the units' people lists and the CSU and trust boards' own. */
export function knownPeople(units: readonly { people?: unknown }[]): string[] {
  const seen = new Map<string, string>()
  for (const u of units)
    for (const name of ids(u.people)) {
      const trimmed = name.trim()
      if (trimmed && !seen.has(trimmed.toLocaleLowerCase('en-GB')))
        seen.set(trimmed.toLocaleLowerCase('en-GB'), trimmed)
    }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en-GB'))
}
