// The built-in LIM concept library: every concept's page, in plain English. Pure and
// shared. Only the /concepts screens import it, so it travels in their chunk and the
// board stays light; names and summaries for chips and pickers come from concepts.ts.
//
// Each concept has a stable id, a version and its text fields, so an improvement
// office's own wording can later be laid over a given version (the built-in text stays
// as the fallback). Bump `version` whenever a concept's built-in text changes.
import { CONCEPT_GROUPS, CONCEPT_INDEX, type ConceptGroup, type ConceptRef } from './concepts'
import { DAILY_PAGES } from './conceptPages/daily'
import { FLOW_PAGES } from './conceptPages/flow'
import { IMPROVING_PAGES } from './conceptPages/improving'
import { LEADING_PAGES } from './conceptPages/leading'
import { MEASURING_PAGES } from './conceptPages/measuring'
import { STANDARDS_PAGES } from './conceptPages/standards'

/** A concept's page text, beyond the name, group and summary in concepts.ts. */
export interface ConceptPage {
  id: string
  /** Version of the built-in text (starts at 1). */
  version: number
  /** What it is, in a few short sentences. */
  whatItIs: string
  /** Why it matters on a ward. */
  whyOnAWard: string
  /** How to try it this week in about ten minutes. */
  tryThisWeek: string
  /** Common pitfalls: two to four short points. */
  pitfalls: string[]
  /** Ids of concepts worth learning alongside this one. */
  related: string[]
}

export interface Concept extends ConceptRef, ConceptPage {}

/** The fields that hold words (what a local edit may replace); the rest is structure. */
export const CONCEPT_TEXT_FIELDS = ['name', 'summary', 'whatItIs', 'whyOnAWard', 'tryThisWeek', 'pitfalls'] as const

export const CONCEPT_PAGES: readonly ConceptPage[] = [
  ...DAILY_PAGES,
  ...MEASURING_PAGES,
  ...STANDARDS_PAGES,
  ...IMPROVING_PAGES,
  ...FLOW_PAGES,
  ...LEADING_PAGES,
]

/** Names from the index joined with page text, in index order. A name with no page is
 * left out here (the catalogue tests insist every name has one). */
export function assembleCatalogue(index: readonly ConceptRef[], pages: readonly ConceptPage[]): Concept[] {
  const pageById = new Map(pages.map((p) => [p.id, p]))
  return index.flatMap((ref) => {
    const page = pageById.get(ref.id)
    return page ? [{ ...ref, ...page }] : []
  })
}

export const CONCEPT_CATALOGUE: readonly Concept[] = assembleCatalogue(CONCEPT_INDEX, CONCEPT_PAGES)

const BY_ID = new Map(CONCEPT_CATALOGUE.map((c) => [c.id, c]))

export function catalogueConcept(id: string): Concept | undefined {
  return BY_ID.get(id)
}

export function groupById(id: string): ConceptGroup | undefined {
  return CONCEPT_GROUPS.find((g) => g.id === id)
}

/** The related concepts that exist, in the order the page lists them. */
export function relatedConcepts(concept: Concept): Concept[] {
  return concept.related.flatMap((id) => BY_ID.get(id) ?? [])
}

function searchableText(concept: Concept): string {
  return [concept.name, concept.summary, concept.whatItIs, concept.whyOnAWard, concept.tryThisWeek, ...concept.pitfalls]
    .join(' ')
    .toLowerCase()
}

/**
 * Concepts whose words contain every word of the query (so "safety huddle" finds the
 * pages that mention both). Best first: the name is the query, then starts with it,
 * then contains a word of it; otherwise catalogue order.
 */
export function searchCatalogue(query: string, concepts: readonly Concept[] = CONCEPT_CATALOGUE): Concept[] {
  const phrase = query.trim().toLowerCase()
  const words = phrase.split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...concepts]
  const rank = (c: Concept) => {
    const name = c.name.toLowerCase()
    if (name === phrase) return 0
    if (name.startsWith(phrase)) return 1
    return words.some((w) => name.includes(w)) ? 2 : 3
  }
  return concepts
    .filter((c) => {
      const text = searchableText(c)
      return words.every((w) => text.includes(w))
    })
    .map((c, order) => ({ c, order, rank: rank(c) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ c }) => c)
}

export interface ConceptGroupSection {
  group: ConceptGroup
  concepts: Concept[]
}

/** Concepts under their groups, in group order; groups with none left out. */
export function groupConcepts(concepts: readonly Concept[]): ConceptGroupSection[] {
  return CONCEPT_GROUPS.map((group) => ({ group, concepts: concepts.filter((c) => c.group === group.id) })).filter(
    (s) => s.concepts.length > 0,
  )
}
