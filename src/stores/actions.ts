import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { useBoardActions } from '@/db/queries/actions'
import { recordNow, saveRecord, updateRecord } from '@/db/repo'
import { londonDay } from '@/domain/dates'
import { sortActions, urgencyOf } from '@/domain/actions'
import { changedFields } from '@/domain/history'
import { newId } from '@/domain/ids'
import { hasErrors, validateAction } from '@/domain/validation'
import type { Action, ActionStatus, DayKey } from '@/domain/types'
import { InputError } from '@/domain/errors'
import { useReviewDayStore } from './reviewDay'

export interface ActionInput {
  title: string
  owner: string
  dueDay: DayKey | null
  measureId?: string | null
  measureDay?: DayKey | null
  conceptIds?: string[]
}

/** Actions on the board on screen: who is doing what, by when. */
export const useActionsStore = defineStore('actions', () => {
  const boardId = ref<string | null>(null)
  const unitId = ref<string | null>(null)
  // Live: whatever writes the board's actions (here, a pull, another tab) shows at once.
  const live = useBoardActions(boardId)
  const actions = computed(() => live.data.value)
  /** Moved on at midnight with the day App.vue's clock keeps (the review-day store's), so "overdue" re-evaluates;
   * the shell does not import this store, so the clock does not set it directly. */
  const today = ref(londonDay())
  const reviewDay = useReviewDayStore()
  watch(
    () => reviewDay.today,
    (day) => (today.value = day),
  )

  const sorted = computed(() => sortActions(actions.value, today.value))
  const open = computed(() => sorted.value.filter((a) => a.status === 'open'))
  const closed = computed(() => sorted.value.filter((a) => a.status !== 'open'))
  const overdueCount = computed(() => open.value.filter((a) => urgencyOf(a, today.value) === 'overdue').length)
  const dueNow = computed(() => open.value.filter((a) => ['overdue', 'due-today'].includes(urgencyOf(a, today.value))))

  async function load(forBoardId: string, forUnitId: string) {
    boardId.value = forBoardId
    unitId.value = forUnitId
    await live.settled()
  }

  async function add(input: ActionInput, by: string) {
    if (!boardId.value || !unitId.value) throw new InputError('Open a board first')
    const errors = validateAction({ title: input.title, owner: input.owner, dueDay: input.dueDay ?? '' })
    if (hasErrors(errors)) throw new InputError(Object.values(errors)[0]!)
    const saved = await saveRecord<Action>(
      'actions',
      {
        id: newId(),
        unitId: unitId.value,
        boardId: boardId.value,
        title: input.title.trim(),
        owner: input.owner.trim(),
        dueDay: input.dueDay,
        status: 'open',
        measureId: input.measureId ?? null,
        measureDay: input.measureDay ?? null,
        conceptIds: input.conceptIds ?? [],
        closedAt: null,
      } as Action,
      by,
    )
    await live.settled()
    return saved
  }

  /** `shown` is the action as the form showed it when it opened (the live one by default):
   * only what the person changed from that is sent, so a field changed meanwhile on
   * another tablet is not put back. */
  async function update(id: string, changes: Partial<ActionInput>, by: string, shown?: Action) {
    const current = shown ?? find(id)
    const next = { ...current, ...changes }
    const errors = validateAction({ title: next.title, owner: next.owner, dueDay: next.dueDay ?? '' })
    if (hasErrors(errors)) throw new InputError(Object.values(errors)[0]!)
    const trimmed = { ...changes, title: changes.title?.trim(), owner: changes.owner?.trim() }
    // Only what the person changed from what they saw: the form sends every field.
    return replace(await updateStored(id, changedFields<ActionInput>(current, trimmed), by))
  }

  /** Done, cancelled, or reopened. */
  async function setStatus(id: string, status: ActionStatus, by: string) {
    find(id)
    const closedAt = status === 'open' ? null : (await recordNow()).toISOString()
    return replace(await updateStored(id, { status, closedAt }, by))
  }

  async function updateStored(id: string, changes: Partial<Action>, by: string): Promise<Action> {
    const saved = await updateRecord<Action>('actions', id, changes, by)
    if (!saved) throw new InputError('That action no longer exists')
    return saved
  }

  function find(id: string): Action {
    const action = actions.value.find((a) => a.id === id)
    if (!action) throw new InputError('That action no longer exists')
    return action
  }

  async function replace(saved: Action) {
    await live.settled()
    return saved
  }

  return {
    boardId,
    unitId,
    actions,
    loaded: live.loaded,
    today,
    sorted,
    open,
    closed,
    overdueCount,
    dueNow,
    load,
    add,
    update,
    setStatus,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useActionsStore, import.meta.hot))
