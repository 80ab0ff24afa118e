import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { readConceptExamples, readCoverageSource, readKnownPeople, readPortfolioSource } from '@/db/queries/concepts'
import { readIdeaMeasureValues } from '@/db/queries/ideaEvidence'
import { recordNow, saveRecord, updateRecord } from '@/db/repo'
import { catalogueConcept } from '@/domain/conceptCatalogue'
import { conceptCoverage, type Coverage } from '@/domain/conceptCoverage'
import { localExamples, type LocalExample } from '@/domain/conceptExamples'
import { editFields, validateConceptDraft, type ConceptDraft } from '@/domain/conceptEditing'
import { mergeLibrary, type LibraryConcept } from '@/domain/conceptLibrary'
import { LIBRARY_EDITOR_LINE } from '@/domain/conceptNames'
import { newId } from '@/domain/ids'
import { londonDay } from '@/domain/dates'
import { ideaEvidence } from '@/domain/ideaEvidence'
import { buildPortfolio, type Portfolio, type PortfolioIdea } from '@/domain/portfolio'
import type { ConceptEdit, Idea, PdsaCycle } from '@/domain/types'
import { InputError } from '@/domain/errors'
import { useConceptLibraryStore } from './conceptLibrary'

/** A save the form must show field by field; nothing typed is lost. */
export class ConceptDraftError extends InputError {
  constructor(readonly errors: Record<string, string>) {
    super(Object.values(errors)[0] ?? 'Check the concept')
  }
}

/**
 * The concept pages: the whole library (built-in text with the trust's edits laid
 * over it), each concept's local examples, and the improvement office's editing. Only
 * the /concepts screens use it, so the page text stays out of the board's bundle.
 */
export const useConceptsStore = defineStore('concepts', () => {
  const library = useConceptLibraryStore()
  /** Every concept, retired ones included (marked). */
  const concepts = computed<LibraryConcept[]>(() => mergeLibrary(library.edits))
  const byId = computed(() => new Map(concepts.value.map((c) => [c.id, c])))
  /** What the library list and search show. */
  const inUse = computed(() => concepts.value.filter((c) => !c.retired))

  /** The concept the examples below belong to. */
  const conceptId = ref<string | null>(null)
  const examples = ref<LocalExample[]>([])
  const loading = ref(false)
  const error = ref('')
  // Someone can tap from one concept to a related one before the first read ends: only
  // the latest request may fill the list.
  let latest = 0

  function concept(id: string): LibraryConcept | undefined {
    return byId.value.get(id)
  }

  async function loadExamples(id: string) {
    const request = ++latest
    conceptId.value = id
    examples.value = []
    loading.value = true
    error.value = ''
    try {
      const rows = await readConceptExamples(id)
      if (request === latest) examples.value = localExamples(id, rows)
    } catch (problem) {
      if (request === latest) {
        error.value = `We could not read this tablet's items (${problem instanceof Error ? problem.message : String(problem)}). Reload the page to try again.`
      }
    } finally {
      if (request === latest) loading.value = false
    }
  }

  /** Problems with a draft, by field; `id` is null for a new trust concept. */
  function validate(id: string | null, draft: ConceptDraft): Record<string, string> {
    const otherNames = concepts.value.filter((c) => c.id !== id).map((c) => c.name)
    return validateConceptDraft(draft, { builtIn: Boolean(id && catalogueConcept(id)), otherNames })
  }

  function scopeForWriting(): string {
    if (!library.canEdit || !library.scopeId) throw new InputError(LIBRARY_EDITOR_LINE)
    return library.scopeId
  }

  /** Save the office's version of a concept (a new trust concept when `id` is null).
   * Throws ConceptDraftError with every problem; nothing is saved then. */
  async function saveConcept(
    id: string | null,
    draft: ConceptDraft,
    by: string,
    given?: Date,
  ): Promise<LibraryConcept> {
    await library.load()
    const now = given ?? (await recordNow())
    const unitId = scopeForWriting()
    const errors = validate(id, draft)
    if (Object.keys(errors).length) throw new ConceptDraftError(errors)
    const existing = id ? library.edits.find((e) => e.id === id) : undefined
    const fields = editFields(draft, id ? catalogueConcept(id) : undefined, existing)
    const saved = await saveRecord<ConceptEdit>(
      'conceptEdits',
      { id: id ?? newId(), unitId, ...fields },
      by,
      undefined,
      now,
    )
    await library.settled()
    return concept(saved.id)!
  }

  /** Retire a concept (or bring it back). Linked items keep their chips. */
  async function setRetired(id: string, retired: boolean, by: string, given?: Date): Promise<LibraryConcept> {
    await library.load()
    const now = given ?? (await recordNow())
    const unitId = scopeForWriting()
    const current = concept(id)
    if (!current) throw new InputError('That concept is not in this library')
    const change = { retired, retiredAt: retired ? now.toISOString() : null }
    const existing = library.edits.find((e) => e.id === id)
    const saved = existing
      ? await updateRecord<ConceptEdit>('conceptEdits', id, change, by, { now })
      : await saveRecord<ConceptEdit>(
          'conceptEdits',
          {
            id,
            unitId,
            builtIn: true,
            name: null,
            summary: null,
            sections: {},
            group: null,
            relatedIds: null,
            resources: [],
            baseVersion: current.version,
            ...change,
          },
          by,
          undefined,
          now,
        )
    if (!saved) throw new InputError('That concept is not in this library')
    await library.settled()
    return concept(id)!
  }

  // ——— Learning record and coverage ———
  const portfolio = ref<Portfolio | null>(null)
  /** The person's ideas with their cycles, for the A3 summaries. */
  const portfolioIdeas = ref<PortfolioIdea[]>([])
  const people = ref<string[]>([])
  const coverage = ref<Coverage | null>(null)
  const nameOf = (id: string) => library.conceptRef(id)?.name ?? id

  async function loadPeople() {
    // Units' lists and the CSU and trust boards' own lists (domain/people.ts).
    people.value = await readKnownPeople()
  }

  async function loadPortfolio(person: string) {
    await library.load()
    const rows = await readPortfolioSource()
    const built = buildPortfolio(person, rows, nameOf)
    const ideas = new Map(rows.ideas.map((i) => [i.id, i]))
    const withCycles = built.ideaIds.flatMap((id) => {
      const idea = ideas.get(id) as Idea | undefined
      if (!idea) return []
      const cycles = (rows.pdsaCycles as PdsaCycle[])
        .filter((c) => c.ideaId === id)
        .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
      return [{ idea, cycles }]
    })
    // Each idea's measure evidence, as its own A3 shows it.
    const today = londonDay()
    const measured = await readIdeaMeasureValues(withCycles, today)
    portfolioIdeas.value = withCycles.map(({ idea, cycles }) => {
      const found = measured.get(idea.id)
      return { idea, cycles, evidence: ideaEvidence(idea, cycles, found?.measure, found?.entries ?? [], today) }
    })
    portfolio.value = built
  }

  async function loadCoverage() {
    await library.load()
    coverage.value = conceptCoverage(inUse.value, await readCoverageSource())
  }

  return {
    concepts,
    inUse,
    concept,
    conceptId,
    examples,
    loading,
    error,
    loadExamples,
    validate,
    saveConcept,
    setRetired,
    portfolio,
    portfolioIdeas,
    people,
    coverage,
    loadPeople,
    loadPortfolio,
    loadCoverage,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useConceptsStore, import.meta.hot))
