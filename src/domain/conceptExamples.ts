// "Local examples" on a concept page: the real items on this tablet that practise the
// concept, from every unit the tablet holds. What worked comes first (an idea put in
// place, an adopted PDSA cycle, a checklist that is kept to, a done action), newest
// first; then what is under way, then what was tried and stopped. Pure: the rows come
// from src/db/conceptLinks.ts. Tables other helpers fill are read defensively.
import { formatDay, londonDay } from './dates'
import type {
  Action,
  Certification,
  AgendaItem,
  ChecklistRun,
  ChecklistTemplate,
  DayEntry,
  DayKey,
  Idea,
  Instant,
  Measure,
  PdsaCycle,
  Unit,
} from './types'

export type ExampleKind =
  'certified' | 'measure' | 'action' | 'day-note' | 'idea' | 'pdsa' | 'checklist' | 'checklist-step' | 'agenda-item'
/** Which screen shows the item. */
export type ExamplePlace = 'board' | 'measures' | 'actions' | 'ideas' | 'standard-work' | 'settings' | 'certification'
/** 3: certified by the improvement office; 2: it worked; 1: under way; 0: tried and stopped. */
export type ExampleSuccess = 0 | 1 | 2 | 3

export interface LocalExample {
  /** Unique across kinds, for list keys. */
  key: string
  kind: ExampleKind
  recordId: string
  unitId: string
  unitName: string
  /** '' for an item of no board (a trust-wide checklist). */
  boardId: string
  title: string
  /** What happened when, e.g. "done 12/11/2026". */
  when: string
  /** The London day it happened. */
  day: DayKey
  /** Last change, to order items of the same day. */
  at: Instant
  place: ExamplePlace
  /** The idea an idea or PDSA example belongs to, for its own page. */
  ideaId?: string
  /** A certified improvement's submission, for its certificate. */
  submissionId?: string
  success: ExampleSuccess
}

/** A board's agenda, for agenda items linked to concepts. */
export type AgendaBoard = { id: string; unitId: string; name?: string; agenda?: AgendaItem[]; updatedAt: Instant }
/** Enough of a run to tell how well a checklist is kept to. */
export type RunSummary = Pick<ChecklistRun, 'templateId' | 'completedAt'>

export interface ConceptLinkRows {
  units: Pick<Unit, 'id' | 'name'>[]
  /** Measures linked to the concept, archived ones included. */
  measures: Measure[]
  /** Day values of those measures (only those with a comment count). */
  entries: DayEntry[]
  /** Actions linked to the concept. */
  actions: Action[]
  ideas?: Partial<Idea>[]
  pdsaCycles?: Partial<PdsaCycle>[]
  checklistTemplates?: Partial<ChecklistTemplate>[]
  /** Runs of the linked checklists. */
  checklistRuns?: Partial<RunSummary>[]
  boards?: AgendaBoard[]
  /** Certified improvements (the trust library) that practised the concept. */
  certifications?: Partial<Certification>[]
}

const EXAMPLE_KIND_LABEL: Record<ExampleKind, string> = {
  certified: 'certified improvement',
  measure: 'measure',
  action: 'action',
  'day-note': 'day note',
  idea: 'idea',
  pdsa: 'PDSA cycle',
  checklist: 'checklist',
  'checklist-step': 'checklist step',
  'agenda-item': 'huddle agenda',
}

/** A unit this tablet no longer holds still gets a name people understand. */
const UNKNOWN_UNIT = 'Another unit'
/** A checklist counts as kept to when at least this share of its runs were completed. */
const WELL_ADHERED = 0.8

const dayOf = (instant: Instant): DayKey => londonDay(new Date(instant))
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
const linksTo = (conceptIds: unknown, conceptId: string) => Array.isArray(conceptIds) && conceptIds.includes(conceptId)

/** The one line a list shows: "Ward 7 · action · Re-stock pressure cushions · done 12/11/2026". */
export function exampleLabel(example: LocalExample): string {
  return [example.unitName, EXAMPLE_KIND_LABEL[example.kind], example.title, example.when].join(' · ')
}

/** Share of a checklist's runs that were completed, or null with no runs. */
export function completionShare(templateId: string, runs: readonly Partial<RunSummary>[]): number | null {
  const own = runs.filter((r) => r.templateId === templateId)
  return own.length ? own.filter((r) => Boolean(r.completedAt)).length / own.length : null
}

/** Best first: what worked, then under way, then stopped; newest first within each. */
function rankExamples(examples: LocalExample[]): LocalExample[] {
  return examples.sort(
    (x, y) =>
      y.success - x.success || y.day.localeCompare(x.day) || y.at.localeCompare(x.at) || x.key.localeCompare(y.key),
  )
}

type Row = { id?: string; unitId?: string; boardId?: string | null; updatedAt?: Instant; createdAt?: Instant }

/**
 * Every item in `rows` that practises `conceptId`, best first (rankExamples). Left out:
 * cancelled actions and ideas not taken forward (nothing was tried), day values with no
 * comment (a bare number says nothing about practice), and records missing their id,
 * unit or dates. Archived measures and abandoned PDSA cycles stay: they were tried.
 */
export function localExamples(conceptId: string, rows: ConceptLinkRows): LocalExample[] {
  const unitName = new Map(rows.units.map((u) => [u.id, u.name]))
  const examples: LocalExample[] = []
  const add = (
    kind: ExampleKind,
    record: Row,
    rest: Pick<LocalExample, 'title' | 'when' | 'day' | 'place' | 'success' | 'ideaId'>,
    key = `${kind}:${record.id}`,
  ) => {
    if (!record.id || !record.unitId || !record.updatedAt) return
    examples.push({
      key,
      kind,
      recordId: record.id,
      unitId: record.unitId,
      unitName: unitName.get(record.unitId) ?? UNKNOWN_UNIT,
      boardId: record.boardId ?? '',
      at: record.updatedAt,
      ...rest,
    })
  }
  const measures = rows.measures.filter((m) => linksTo(m.conceptIds, conceptId))
  const measureById = new Map(measures.map((m) => [m.id, m]))

  for (const m of measures) {
    const day = dayOf(m.archived ? m.updatedAt : m.createdAt)
    const when = m.archived ? `archived ${formatDay(day)}` : `on the board since ${formatDay(day)}`
    add('measure', m, { title: m.name, when, day, place: 'measures', success: m.archived ? 0 : 1 })
  }
  for (const e of rows.entries) {
    const measure = measureById.get(e.measureId)
    const comment = str(e.comment)
    if (!measure || !comment) continue
    add('day-note', e, {
      title: `${measure.name}: \u201c${comment}\u201d`,
      when: formatDay(e.day),
      day: e.day,
      place: 'board',
      success: 1,
    })
  }
  for (const a of rows.actions) {
    if (!linksTo(a.conceptIds, conceptId) || a.status === 'cancelled') continue
    const done = a.status === 'done'
    const day = dayOf(done && a.closedAt ? a.closedAt : a.createdAt)
    add('action', a, {
      title: a.title,
      when: done ? `done ${formatDay(day)}` : `open, raised ${formatDay(day)}`,
      day,
      place: 'actions',
      success: done ? 2 : 1,
    })
  }
  for (const idea of rows.ideas ?? []) {
    if (!linksTo(idea.conceptIds, conceptId) || idea.status === 'not-progressed' || !idea.createdAt) continue
    const worked = idea.status === 'implemented' || idea.status === 'sustained'
    const day = dayOf(worked && idea.implementedAt ? idea.implementedAt : idea.createdAt)
    const when = worked ? `${idea.status} ${formatDay(day)}` : `raised ${formatDay(day)}`
    add('idea', idea, {
      title: str(idea.idea) || str(idea.problem) || 'An idea',
      when,
      day,
      place: 'ideas',
      ideaId: idea.id,
      success: worked ? 2 : 1,
    })
  }
  for (const cycle of rows.pdsaCycles ?? []) {
    if (!linksTo(cycle.conceptIds, conceptId) || !cycle.createdAt) continue
    const day = cycle.endDay ?? cycle.startDay ?? dayOf(cycle.createdAt)
    const success: ExampleSuccess = cycle.decision === 'adopt' ? 2 : cycle.decision === 'abandon' ? 0 : 1
    const when = cycle.decision
      ? `${cycle.decision === 'adopt' ? 'adopted' : cycle.decision === 'adapt' ? 'adapted' : 'abandoned'} ${formatDay(day)}`
      : `running since ${formatDay(day)}`
    const ideaId = str(cycle.ideaId) || undefined
    add('pdsa', cycle, {
      title: `Cycle ${cycle.number ?? 1}: ${str(cycle.change) || 'a test of change'}`,
      when,
      day,
      place: 'ideas',
      ideaId,
      success,
    })
  }
  for (const t of rows.checklistTemplates ?? []) {
    if (!t.id || !t.createdAt) continue
    const share = completionShare(t.id, rows.checklistRuns ?? [])
    const success: ExampleSuccess = t.retired ? 0 : share !== null && share >= WELL_ADHERED ? 2 : 1
    const keptTo = share === null ? 'not run yet' : `${Math.round(share * 100)}% of runs completed`
    const base = {
      day: dayOf(t.createdAt),
      place: 'standard-work' as const,
      success,
      when: t.retired ? 'retired' : keptTo,
    }
    const title = str(t.title) || 'A checklist'
    if (linksTo(t.conceptIds, conceptId)) add('checklist', t, { ...base, title })
    for (const step of Array.isArray(t.steps) ? t.steps : []) {
      if (step && linksTo(step.conceptIds, conceptId))
        add('checklist-step', t, { ...base, title: `${title}: ${str(step.text)}` }, `checklist-step:${t.id}:${step.id}`)
    }
  }
  for (const board of rows.boards ?? []) {
    for (const item of Array.isArray(board.agenda) ? board.agenda : []) {
      if (!linksTo(item.conceptIds, conceptId)) continue
      add(
        'agenda-item',
        { ...board, boardId: board.id },
        {
          title: str(item.title) || 'An agenda item',
          when: str(board.name) || 'the huddle',
          day: dayOf(board.updatedAt),
          place: 'settings',
          success: 1,
        },
        `agenda-item:${board.id}:${item.id}`,
      )
    }
  }
  for (const c of rows.certifications ?? []) {
    if (!linksTo(c.conceptIds, conceptId) || !c.id || !c.certifiedAt || !c.submissionId) continue
    const day = dayOf(c.certifiedAt)
    examples.push({
      key: `certified:${c.id}`,
      kind: 'certified',
      recordId: c.id,
      unitId: str(c.submissionUnitId) || str(c.unitId),
      unitName: str(c.unitName) || UNKNOWN_UNIT,
      boardId: '',
      title: str(c.title) || 'An improvement',
      when: `certified ${formatDay(day)}`,
      day,
      at: c.certifiedAt,
      place: 'certification',
      submissionId: c.submissionId,
      success: 3,
    })
  }
  return rankExamples(examples)
}
