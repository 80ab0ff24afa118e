import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { readMeasureValues, useBoardIdeas } from '@/db/queries/ideas'
import { recordNow, saveRecord, updateRecord } from '@/db/repo'
import { londonDay } from '@/domain/dates'
import { changedFields } from '@/domain/history'
import { newId } from '@/domain/ids'
import {
  ideasByStatus,
  moveFields,
  newIdeaFields,
  newSince,
  stuckIdeas,
  stuckLimits,
  validateIdea,
  validateMove,
  validatePerson,
  type IdeaInput,
} from '@/domain/ideas'
import type { Board, Idea, IdeaLevel, IdeaStatus, IdeaStuckLimits, Instant } from '@/domain/types'
import { hasErrors } from '@/domain/validation'
import { useBoardStore } from './board'
import { InputError } from '@/domain/errors'
import { useOrgStore } from './org'

/** The improvement ideas of the board on screen: capture, move across the board, flag. */
export const useIdeasStore = defineStore('ideas', () => {
  const org = useOrgStore()
  const boardId = ref<string | null>(null)
  const unitId = ref<string | null>(null)
  // Live: an idea moved on another tablet or sent from the phone form shows at once.
  const live = useBoardIdeas(boardId)
  const ideas = computed(() => live.data.value)
  /** Bumped by the screens each minute, so "stuck" re-evaluates past midnight. */
  const today = ref(londonDay())

  const board = computed(() => org.boards.find((b) => b.id === boardId.value) ?? null)
  const limits = computed(() => stuckLimits(board.value))
  const columns = computed(() => ideasByStatus(ideas.value))
  const flagged = computed(() => stuckIdeas(ideas.value, limits.value, today.value))

  async function load(forBoardId: string, forUnitId: string) {
    boardId.value = forBoardId
    unitId.value = forUnitId
    await live.settled()
  }

  /** Quick capture: saved on this tablet at once, sent when it can be. `by` is the person
   * who raised it, or ANONYMOUS. Throws InputError with the first problem found. */
  async function add(input: IdeaInput, by: string, given?: Date): Promise<Idea> {
    if (!boardId.value || !unitId.value) throw new InputError('Open a board first')
    const errors = validateIdea(input)
    if (hasErrors(errors)) throw new InputError(Object.values(errors).find(Boolean)!)
    const now = given ?? (await recordNow())
    const saved = await saveRecord<Idea>(
      'ideas',
      {
        id: newId(),
        unitId: unitId.value,
        boardId: boardId.value,
        ...newIdeaFields(input, now),
      },
      by,
      undefined,
      now,
    )
    await live.settled()
    return saved
  }

  /** Move to another column; not-progressed needs `reason`. */
  async function move(id: string, to: IdeaStatus, reason: string, by: string, given?: Date): Promise<Idea> {
    const idea = find(id)
    const problem = validateMove(idea.status, to, reason)
    if (problem) throw new InputError(problem)
    const now = given ?? (await recordNow())
    return replace(await updateStored(id, moveFields(idea, to, reason, now), by, now))
  }

  /** Owner and sponsor; only what changed from what was on screen is sent. */
  async function setPeople(id: string, people: { owner: string; sponsor: string }, by: string): Promise<Idea> {
    const idea = find(id)
    const problem = validatePerson('owner', people.owner) ?? validatePerson('sponsor', people.sponsor)
    if (problem) throw new InputError(problem)
    const changes = changedFields<Idea>(idea, { owner: people.owner.trim(), sponsor: people.sponsor.trim() })
    return replace(await updateStored(id, changes, by))
  }

  /** The LIM concepts the idea practises. */
  async function setConcepts(id: string, conceptIds: readonly string[], by: string): Promise<Idea> {
    const idea = find(id)
    return replace(await updateStored(id, changedFields<Idea>(idea, { conceptIds: [...new Set(conceptIds)] }), by))
  }

  /** Effort and impact for the PICK grid; null clears a rating. */
  async function setRating(
    id: string,
    rating: { effort?: IdeaLevel | null; impact?: IdeaLevel | null },
    by: string,
  ): Promise<Idea> {
    const idea = find(id)
    return replace(await updateStored(id, changedFields<Idea>(idea, rating), by))
  }

  /** Link the idea to one of its board's measures (null unlinks). */
  async function setMeasure(id: string, measureId: string | null, by: string): Promise<Idea> {
    const idea = find(id)
    return replace(await updateStored(id, changedFields<Idea>(idea, { measureId }), by))
  }

  /** A measure's recorded values over some days, for the before/after comparison. */
  const measureValues = readMeasureValues

  /** The board's stuck limits; a status left out uses the default. */
  async function setStuckLimits(next: IdeaStuckLimits, by: string): Promise<Board> {
    const current = board.value
    if (!current) throw new InputError('Open a board first')
    const saved = await updateRecord<Board>('boards', current.id, { ideaStuckDays: next }, by)
    if (!saved) throw new InputError('This board is no longer on this tablet')
    await Promise.all([org.settled(), useBoardStore().settled()])
    return saved
  }

  /** For huddle mode: ideas raised since the last huddle started. */
  function raisedSince(since: Instant | null): Idea[] {
    return newSince(ideas.value, since)
  }

  async function updateStored(id: string, changes: Partial<Idea>, by: string, now?: Date): Promise<Idea> {
    const saved = await updateRecord<Idea>('ideas', id, changes, by, now ? { now } : {})
    if (!saved) throw new InputError('That idea is no longer on this tablet')
    return saved
  }

  function find(id: string): Idea {
    const idea = ideas.value.find((i) => i.id === id)
    if (!idea) throw new InputError('That idea is no longer on this tablet')
    return idea
  }

  async function replace(saved: Idea): Promise<Idea> {
    await live.settled()
    return saved
  }

  return {
    boardId,
    unitId,
    ideas,
    today,
    board,
    limits,
    columns,
    flagged,
    loaded: live.loaded,
    load,
    add,
    move,
    setPeople,
    setConcepts,
    setRating,
    setMeasure,
    measureValues,
    setStuckLimits,
    raisedSince,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useIdeasStore, import.meta.hot))
