// The improvement office's editing of the library: the form's draft, its checks
// (names unique, lengths, only http(s) links) and the fields an edit stores. Pure.
import type { Concept } from './conceptCatalogue'
import { SECTION_KEYS, type LibraryConcept, type SectionKey } from './conceptLibrary'
import type { ConceptGroupId } from './concepts'
import type { ConceptEdit, ConceptResource } from './types'

const lines = (value: string): string[] =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** What the edit form holds: text as typed, pitfalls one per line. */
export interface ConceptDraft {
  name: string
  summary: string
  group: ConceptGroupId
  whatItIs: string
  whyOnAWard: string
  tryThisWeek: string
  pitfalls: string
  resources: ConceptResource[]
}

export const CONCEPT_LIMITS = {
  name: 80,
  summary: 200,
  section: 1500,
  pitfall: 200,
  pitfalls: 6,
  resources: 10,
  resourceTitle: 120,
  url: 500,
} as const

export function draftOf(concept: LibraryConcept): ConceptDraft {
  return {
    name: concept.name,
    summary: concept.summary,
    group: concept.group,
    whatItIs: concept.whatItIs,
    whyOnAWard: concept.whyOnAWard,
    tryThisWeek: concept.tryThisWeek,
    pitfalls: concept.pitfalls.join('\n'),
    resources: concept.resources.map((r) => ({ ...r })),
  }
}

export function emptyDraft(group: ConceptGroupId = 'improving'): ConceptDraft {
  return { name: '', summary: '', group, whatItIs: '', whyOnAWard: '', tryThisWeek: '', pitfalls: '', resources: [] }
}

/** Only full web addresses: `javascript:` and `data:` links run code or hide content,
 * and a relative address means nothing on another tablet. */
export function validateResourceUrl(url: string): string | undefined {
  const typed = url.trim()
  if (!typed) return 'Enter the web address, starting with https://'
  if (typed.length > CONCEPT_LIMITS.url)
    return `The web address must be ${CONCEPT_LIMITS.url} characters or fewer (it has ${typed.length})`
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(typed)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https')
    return `Only web links starting with https:// or http:// can be added (this one starts with ${scheme}:)`
  if (!scheme)
    return 'Enter the full web address, starting with https:// (for example https://intranet.example.nhs.uk/5s)'
  let parsed: URL
  try {
    parsed = new URL(typed)
  } catch {
    // The person's input, not a fault: answered in words beside the field.
    return 'That web address is not complete. Copy it from the address bar, starting with https://'
  }
  if (!parsed.hostname || /\s/.test(typed))
    return 'That web address is not complete. Copy it from the address bar, starting with https://'
  return undefined
}

const sameName = (a: string) => a.trim().replace(/\s+/g, ' ').toLowerCase()

function limit(label: string, value: string, max: number): string | undefined {
  return value.length > max ? `${label} must be ${max} characters or fewer (it has ${value.length})` : undefined
}

/**
 * Problems by field (name, summary, whatItIs, whyOnAWard, tryThisWeek, pitfalls,
 * resource-title-N, resource-url-N). `otherNames` are every other concept's names,
 * built-in and the trust's, retired included. A trust concept needs its own words; a
 * built-in one may leave a section empty to use the built-in text.
 */
export function validateConceptDraft(
  draft: ConceptDraft,
  options: { builtIn: boolean; otherNames: readonly string[] },
): Record<string, string> {
  const errors: Record<string, string | undefined> = {}
  const name = draft.name.trim()
  if (!name) errors.name = 'Enter a name for the concept'
  else if (options.otherNames.some((other) => sameName(other) === sameName(name)))
    errors.name = `There is already a concept called "${name}". Choose a different name`
  else errors.name = limit('The name', name, CONCEPT_LIMITS.name)
  const summary = draft.summary.trim()
  if (!summary && !options.builtIn) errors.summary = 'Enter a one-line summary'
  else errors.summary = limit('The summary', summary, CONCEPT_LIMITS.summary)
  if (!draft.whatItIs.trim() && !options.builtIn) errors.whatItIs = 'Say what the concept is in a few short sentences'
  else errors.whatItIs = limit('"What it is"', draft.whatItIs.trim(), CONCEPT_LIMITS.section)
  errors.whyOnAWard = limit('"Why it matters on a ward"', draft.whyOnAWard.trim(), CONCEPT_LIMITS.section)
  errors.tryThisWeek = limit('"Try it this week"', draft.tryThisWeek.trim(), CONCEPT_LIMITS.section)
  const pitfalls = lines(draft.pitfalls)
  if (pitfalls.length > CONCEPT_LIMITS.pitfalls)
    errors.pitfalls = `List at most ${CONCEPT_LIMITS.pitfalls} pitfalls, one per line (there are ${pitfalls.length})`
  else errors.pitfalls = pitfalls.map((p, i) => limit(`Pitfall ${i + 1}`, p, CONCEPT_LIMITS.pitfall)).find(Boolean)
  if (draft.resources.length > CONCEPT_LIMITS.resources)
    errors.resources = `Add at most ${CONCEPT_LIMITS.resources} resources`
  draft.resources.forEach((r, i) => {
    const title = r.title.trim()
    errors[`resource-title-${i}`] = title
      ? limit(`Resource ${i + 1}'s title`, title, CONCEPT_LIMITS.resourceTitle)
      : `Enter a title for resource ${i + 1}`
    const urlProblem = validateResourceUrl(r.url)
    if (urlProblem) errors[`resource-url-${i}`] = `Resource ${i + 1}: ${urlProblem}`
  })
  return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1])))
}

/** The fields to store: for a built-in concept only what differs from its built-in
 * text (so the rest keeps following new built-in versions). */
export function editFields(draft: ConceptDraft, base: Concept | undefined, existing: ConceptEdit | undefined) {
  const differs = (typed: string, builtIn: string | undefined) => (typed && typed !== builtIn ? typed : null)
  const sections: Record<string, string> = {}
  const typed: Record<SectionKey, string> = {
    whatItIs: draft.whatItIs.trim(),
    whyOnAWard: draft.whyOnAWard.trim(),
    tryThisWeek: draft.tryThisWeek.trim(),
    pitfalls: lines(draft.pitfalls).join('\n'),
  }
  for (const key of SECTION_KEYS) {
    const builtIn = base ? (key === 'pitfalls' ? base.pitfalls.join('\n') : base[key]) : undefined
    const value = differs(typed[key], builtIn)
    if (value !== null) sections[key] = value
  }
  return {
    builtIn: Boolean(base),
    name: differs(draft.name.trim().replace(/\s+/g, ' '), base?.name),
    summary: differs(draft.summary.trim(), base?.summary),
    sections,
    group: base ? null : draft.group,
    relatedIds: existing?.relatedIds ?? null,
    resources: draft.resources.map((r) => ({ title: r.title.trim(), url: r.url.trim() })),
    retired: existing?.retired ?? false,
    retiredAt: existing?.retiredAt ?? null,
    baseVersion: base?.version ?? 0,
  }
}
