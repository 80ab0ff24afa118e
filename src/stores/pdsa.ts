import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useUnitPdsaCycles } from '@/db/queries/ideas'
import { historyOf, saveRecord, updateRecord } from '@/db/repo'
import { londonDay } from '@/domain/dates'
import { changedFields } from '@/domain/history'
import { newId } from '@/domain/ids'
import { nextCycleNumber, pdsaFields, sortCycles, validatePdsa, type PdsaInput } from '@/domain/pdsa'
import type { Idea, PdsaCycle } from '@/domain/types'
import { hasErrors } from '@/domain/validation'
import { InputError } from '@/domain/errors'

/** The PDSA cycles of one unit's ideas: each cycle is a record of its own, so two
 * people writing up different cycles of one idea never overwrite each other. */
export const usePdsaStore = defineStore('pdsa', () => {
  const unitId = ref<string | null>(null)
  // Live: a cycle written up on another tablet shows on the idea's page at once.
  const live = useUnitPdsaCycles(unitId)
  const cycles = computed(() => live.data.value)

  /** Every idea's cycles, in cycle order. */
  const byIdea = computed(() => {
    const map = new Map<string, PdsaCycle[]>()
    for (const cycle of sortCycles(cycles.value)) map.set(cycle.ideaId, [...(map.get(cycle.ideaId) ?? []), cycle])
    return map
  })

  /** Concepts linked on each idea's cycles (for the board's concept filter). */
  const conceptsByIdea = computed(
    () => new Map([...byIdea.value].map(([id, list]) => [id, list.flatMap((c) => c.conceptIds)])),
  )

  async function load(forUnitId: string) {
    unitId.value = forUnitId
    await live.settled()
  }

  function forIdea(ideaId: string): PdsaCycle[] {
    return byIdea.value.get(ideaId) ?? []
  }

  /** A new cycle, numbered after the idea's last one. Throws InputError with the first problem found. */
  async function add(
    idea: Pick<Idea, 'id' | 'unitId' | 'boardId'>,
    input: PdsaInput,
    by: string,
    today = londonDay(),
  ): Promise<PdsaCycle> {
    check(input, today)
    const saved = await saveRecord<PdsaCycle>(
      'pdsaCycles',
      {
        id: newId(),
        unitId: idea.unitId,
        ideaId: idea.id,
        boardId: idea.boardId,
        number: nextCycleNumber(forIdea(idea.id)),
        ...pdsaFields(input),
      },
      by,
    )
    if (unitId.value !== idea.unitId) await load(idea.unitId)
    else await live.settled()
    return saved
  }

  /** Edit a cycle: only the fields that differ from what was on screen are sent. */
  async function update(id: string, input: PdsaInput, by: string, today = londonDay()): Promise<PdsaCycle> {
    check(input, today)
    const shown = cycles.value.find((c) => c.id === id)
    if (!shown) throw new InputError('That PDSA cycle is no longer on this tablet')
    const saved = await updateRecord<PdsaCycle>(
      'pdsaCycles',
      id,
      changedFields<PdsaCycle>(shown, pdsaFields(input)),
      by,
    )
    if (!saved) throw new InputError('That PDSA cycle is no longer on this tablet')
    await live.settled()
    return saved
  }

  /** Everyone who changed the idea or its cycles, oldest change first (for the A3 summary). */
  async function historyNames(ideaId: string): Promise<string[]> {
    const lists = await Promise.all([
      historyOf('ideas', ideaId),
      ...forIdea(ideaId).map((c) => historyOf('pdsaCycles', c.id)),
    ])
    return lists
      .flat()
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((h) => h.by)
  }

  function check(input: PdsaInput, today: string) {
    const errors = validatePdsa(input, today)
    if (hasErrors(errors)) throw new InputError(Object.values(errors).find(Boolean)!)
  }

  return { unitId, cycles, loaded: live.loaded, byIdea, conceptsByIdea, load, forIdea, add, update, historyNames }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePdsaStore, import.meta.hot))
