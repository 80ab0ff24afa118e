// What an idea's own pages (details and A3 summary) need in memory: the board's ideas,
// the unit's PDSA cycles and the board's measures, all read from this tablet, so both
// pages open straight from a link with no network. Also works out the linked measure's
// before/after comparison (live, like the rest) and the people involved, re-read whenever
// the idea changes.
import { computed, ref, watch, type Ref } from 'vue'
import type { BeforeAfter } from '@/domain/beforeAfter'
import type { SustainCheck } from '@/domain/certification/sustained'
import { changeSourceOf, evidenceRange, ideaEvidence, type IdeaEvidence } from '@/domain/ideaEvidence'
import { ideaPeople, type IdeaPeople } from '@/domain/ideasExport'
import { useMeasureValues } from '@/db/queries/ideas'
import { useBoardStore } from '@/stores/board'
import { useIdeasStore } from '@/stores/ideas'
import { useOrgStore } from '@/stores/org'
import { usePdsaStore } from '@/stores/pdsa'
import { useBoardIdeas } from './useBoardIdeas'

/** `sustainWeeks`: the period the sustain check reads (the office's, on the certification form); 12 by default. */
export function useIdeaPage(ideaId: Ref<string>, sustainWeeks?: Ref<number>) {
  const org = useOrgStore()
  const ideas = useIdeasStore()
  const pdsa = usePdsaStore()
  const boardStore = useBoardStore()
  const { ready: ideasReady } = useBoardIdeas()
  const loaded = ref(false)

  const ready = (async () => {
    await ideasReady
    const board = org.currentBoard
    if (board) {
      await Promise.all([
        pdsa.unitId === board.unitId ? Promise.resolve() : pdsa.load(board.unitId),
        boardStore.board?.id === board.id ? Promise.resolve() : boardStore.load(board.id),
      ])
    }
    loaded.value = true
  })()

  const idea = computed(() => ideas.ideas.find((i) => i.id === ideaId.value) ?? null)
  const cycles = computed(() => pdsa.forIdea(ideaId.value))
  const measure = computed(() => boardStore.measures.find((m) => m.id === idea.value?.measureId) ?? null)
  const changeSource = computed(() => (idea.value ? changeSourceOf(idea.value, cycles.value) : ''))
  // The comparison's weeks and the sustain check's (26 weeks before the change to today).
  const evidenceDays = computed(() => {
    const m = measure.value
    const range = m && idea.value ? evidenceRange(idea.value, cycles.value, ideas.today) : null
    return m && range ? { measureId: m.id, ...range } : null
  })
  const values = useMeasureValues(evidenceDays)
  const evidence = computed<IdeaEvidence | null>(() => {
    if (!idea.value || !values.loaded.value) return null
    return ideaEvidence(idea.value, cycles.value, measure.value, values.data.value, ideas.today, sustainWeeks?.value)
  })
  const comparison = computed<BeforeAfter | null>(() => evidence.value?.comparison ?? null)
  const sustained = computed<SustainCheck | null>(() => evidence.value?.sustained ?? null)
  const people = ref<IdeaPeople>({ raisedBy: '', owner: '', sponsor: '', others: [] })

  async function readPeople() {
    const current = idea.value
    if (!current) return
    const names = await pdsa.historyNames(current.id)
    people.value = ideaPeople(current, names)
  }

  watch([() => idea.value?.updatedAt, () => cycles.value.map((c) => c.updatedAt).join()], () => void readPeople(), {
    immediate: true,
  })

  return {
    ready,
    loaded,
    idea,
    cycles,
    measure,
    comparison,
    sustained,
    changeSource,
    people,
    measures: computed(() => boardStore.activeMeasures),
  }
}

/** "Trust · CSU · Ward", for the top of a printed sheet. */
export function useOrganisationLine() {
  const org = useOrgStore()
  return computed(() => {
    const trust = org.trusts.find((t) => t.id === org.currentCsu?.trustId)?.name
    return [trust, org.currentCsu?.name, org.currentUnit?.name].filter(Boolean).join(' · ')
  })
}
