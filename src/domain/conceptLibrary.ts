// The library as this trust reads it: the built-in catalogue with the improvement
// office's edits laid over it, plus the concepts the trust added itself. Pure. An edit
// stores only what differs from the built-in text (a null or missing field falls back),
// so a later built-in version still shows wherever the office left the wording alone.
import { CONCEPT_CATALOGUE, type Concept } from './conceptCatalogue'
import { isGroupId } from './conceptNames'
import type { ConceptEdit, ConceptResource, Instant } from './types'

export interface LibraryConcept extends Concept {
  builtIn: boolean
  retired: boolean
  retiredAt: Instant | null
  resources: ConceptResource[]
  /** Some of the words are the improvement office's own. */
  edited: boolean
  editedBy: string | null
  editedAt: Instant | null
  /** The built-in text has a newer version than the one the office edited. */
  builtInChanged: boolean
}

/** The page sections an edit may replace; pitfalls are kept one per line. */
export const SECTION_KEYS = ['whatItIs', 'whyOnAWard', 'tryThisWeek', 'pitfalls'] as const
export type SectionKey = (typeof SECTION_KEYS)[number]

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
const lines = (value: string): string[] =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
const sectionsOf = (edit: ConceptEdit | undefined): Record<string, unknown> =>
  edit && typeof edit.sections === 'object' && edit.sections !== null ? edit.sections : {}
const resourcesOf = (edit: ConceptEdit | undefined): ConceptResource[] =>
  Array.isArray(edit?.resources) ? edit.resources.filter((r) => text(r?.title) && text(r?.url)) : []

function overlay(base: Concept, edit: ConceptEdit | undefined): LibraryConcept {
  const sections = sectionsOf(edit)
  const name = text(edit?.name)
  const summary = text(edit?.summary)
  const pitfalls = lines(text(sections.pitfalls))
  const own = {
    whatItIs: text(sections.whatItIs),
    whyOnAWard: text(sections.whyOnAWard),
    tryThisWeek: text(sections.tryThisWeek),
  }
  const edited = Boolean(name || summary || own.whatItIs || own.whyOnAWard || own.tryThisWeek || pitfalls.length)
  return {
    ...base,
    name: name || base.name,
    summary: summary || base.summary,
    whatItIs: own.whatItIs || base.whatItIs,
    whyOnAWard: own.whyOnAWard || base.whyOnAWard,
    tryThisWeek: own.tryThisWeek || base.tryThisWeek,
    pitfalls: pitfalls.length ? pitfalls : base.pitfalls,
    related: Array.isArray(edit?.relatedIds) ? edit.relatedIds : base.related,
    builtIn: true,
    retired: edit?.retired === true,
    retiredAt: edit?.retired === true ? (edit.retiredAt ?? edit.updatedAt ?? null) : null,
    resources: resourcesOf(edit),
    edited,
    editedBy: edit?.updatedBy ?? null,
    editedAt: edit?.updatedAt ?? null,
    builtInChanged: edited && typeof edit?.baseVersion === 'number' && edit.baseVersion < base.version,
  }
}

function trustConcept(edit: ConceptEdit): LibraryConcept {
  const sections = sectionsOf(edit)
  return {
    id: edit.id,
    name: text(edit.name),
    group: isGroupId(edit.group) ? edit.group : 'improving',
    summary: text(edit.summary),
    version: 0,
    whatItIs: text(sections.whatItIs),
    whyOnAWard: text(sections.whyOnAWard),
    tryThisWeek: text(sections.tryThisWeek),
    pitfalls: lines(text(sections.pitfalls)),
    related: Array.isArray(edit.relatedIds) ? edit.relatedIds : [],
    builtIn: false,
    retired: edit.retired === true,
    retiredAt: edit.retired === true ? (edit.retiredAt ?? edit.updatedAt ?? null) : null,
    resources: resourcesOf(edit),
    edited: true,
    editedBy: edit.updatedBy ?? null,
    editedAt: edit.updatedAt ?? null,
    builtInChanged: false,
  }
}

/** Built-in concepts in catalogue order, then the trust's own by name. Retired ones are
 * included (marked): callers decide where they show. */
export function mergeLibrary(
  edits: readonly ConceptEdit[],
  catalogue: readonly Concept[] = CONCEPT_CATALOGUE,
): LibraryConcept[] {
  const byId = new Map(edits.map((e) => [e.id, e]))
  const builtInIds = new Set(catalogue.map((c) => c.id))
  const trust = edits
    .filter((e) => !builtInIds.has(e.id) && e.builtIn !== true && text(e.name))
    .map(trustConcept)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return [...catalogue.map((c) => overlay(c, byId.get(c.id))), ...trust]
}
