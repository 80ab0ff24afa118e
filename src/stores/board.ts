import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useBoardEntries, useBoardWithMeasures, type DayRange } from '@/db/queries/board'
import type { Changes } from '@/db/repo'
import { saveRecord, updateRecord } from '@/db/writes'
import { addDays, londonDay } from '@/domain/dates'
import { changedFields } from '@/domain/changedFields'
import { entryId, newId } from '@/domain/ids'
import { orderForMove } from '@/domain/ordering'
import type { AgendaItem, Board, DayEntry, DayKey, EntryValue, Measure, MeasureCategory } from '@/domain/types'
import { useOrgStore } from './org'
import { InputError } from '@/domain/errors'

/** Days of history loaded with the board: enough for the 14-day trend and last month. */
export const RECENT_DAYS = 45

export type MeasureInput = Omit<
  Measure,
  'id' | 'unitId' | 'boardId' | 'order' | 'archived' | 'createdAt' | 'updatedAt' | 'updatedBy'
>

/** The board on screen: its measures and their day values. */
export const useBoardStore = defineStore('board', () => {
  // Taken once at setup, not inside an action, so an action finishing late always
  // talks to the org store of its own Pinia.
  const org = useOrgStore()
  /** The board on screen, and the days of it shown so far (the recent ones, a month in a calendar…). */
  const boardId = ref<string | null>(null)
  const days = ref<DayRange | null>(null)
  // Live: whatever writes these rows (a save here, a pull, another tab) shows at once.
  const boardAndMeasures = useBoardWithMeasures(boardId)
  const liveEntries = useBoardEntries(boardId, days)
  const board = computed(() => boardAndMeasures.data.value.board)
  const measures = computed(() => boardAndMeasures.data.value.measures)
  /** Day values by entry id (`measureId:day`), for every day range asked for so far. */
  const entries = computed(() => liveEntries.data.value)

  const activeMeasures = computed(() => measures.value.filter((m) => !m.archived).sort((a, b) => a.order - b.order))
  const archivedMeasures = computed(() =>
    measures.value.filter((m) => m.archived).sort((a, b) => a.name.localeCompare(b.name)),
  )
  const categories = computed<MeasureCategory[]>(() => board.value?.categories ?? [])
  const measuresByCategory = computed(() =>
    categories.value.map((category) => ({
      category,
      measures: activeMeasures.value.filter((m) => m.categoryId === category.id),
    })),
  )

  /** Show this board with its recent days; resolves once they are on screen. */
  async function load(id: string, today = londonDay()) {
    boardId.value = id
    days.value = { from: addDays(today, -RECENT_DAYS), to: today }
    await Promise.all([boardAndMeasures.settled(), liveEntries.settled()])
  }

  /** Make sure day values from `from` to `to` are shown too (e.g. a calendar month). */
  async function ensureLoaded(from: DayKey, to: DayKey) {
    if (!boardId.value) return
    const shown = days.value
    if (shown && shown.from <= from && to <= shown.to) return
    days.value = {
      from: shown && shown.from < from ? shown.from : from,
      to: shown && shown.to > to ? shown.to : to,
    }
    await liveEntries.settled()
  }

  function entryFor(measureId: string, day: DayKey): DayEntry | undefined {
    return entries.value.get(entryId(measureId, day))
  }

  /** Record (or correct) a day's value. Throws InputError with a plain-English message. */
  async function recordValue(
    measure: Measure,
    day: DayKey,
    value: EntryValue | null,
    comment: string,
    by: string,
    today = londonDay(),
    /** The day as the form showed it when it opened (the live one by default). */
    shownDay?: { value: EntryValue | null; comment: string },
  ) {
    // The rules load with the write path (db/writes.ts fetches both when idle), not with the board's first paint.
    const { validateComment, validateEntry } = await import('@/domain/validation')
    const problem = validateEntry(measure, day, value, today) ?? validateComment(comment)
    if (problem) throw new InputError(problem)
    const id = entryId(measure.id, day)
    // What the person changed from what they saw (an empty day if none was on screen),
    // applied to the day as stored now: a comment pulled since is not overwritten.
    const shown: { value: EntryValue | null; comment: string } = shownDay ??
      entryFor(measure.id, day) ?? {
        value: null,
        comment: '',
      }
    const changes = changedFields(shown, { value, comment: comment.trim() }) as Changes<DayEntry>
    const saved =
      (await updateRecord<DayEntry>('entries', id, changes, by)) ??
      (await saveRecord<DayEntry>(
        'entries',
        {
          id,
          unitId: measure.unitId,
          measureId: measure.id,
          boardId: measure.boardId,
          day,
          value: value!,
          comment: comment.trim(),
        } as DayEntry,
        by,
      ))
    await liveEntries.settled()
    return saved
  }

  async function addMeasure(input: MeasureInput, by: string) {
    if (!board.value) throw new InputError('Open a board first')
    const last = activeMeasures.value.at(-1)
    const saved = await saveRecord<Measure>(
      'measures',
      {
        ...input,
        id: newId(),
        unitId: board.value.unitId,
        boardId: board.value.id,
        order: (last?.order ?? 0) + 1,
        archived: false,
      } as Measure,
      by,
    )
    await boardAndMeasures.settled()
    return saved
  }

  /** `shown` is the measure as the form showed it when it opened (the live one by default). */
  async function updateMeasure(id: string, changes: Partial<MeasureInput>, by: string, shown?: Measure) {
    const current = shown ?? measures.value.find((m) => m.id === id)
    if (!current) throw new InputError('That measure no longer exists')
    // The form sends every field: keep only those the person changed.
    return replaceMeasure(await updateMeasureRecord(id, changedFields<MeasureInput>(current, changes), by))
  }

  async function setArchived(id: string, archived: boolean, by: string) {
    const current = measures.value.find((m) => m.id === id)
    if (!current) throw new InputError('That measure no longer exists')
    // Archiving keeps the measure and every day value; it only leaves the board.
    const changes = archived ? { archived } : { archived, order: (activeMeasures.value.at(-1)?.order ?? 0) + 1 }
    return replaceMeasure(await updateMeasureRecord(id, changes, by, archived ? 'archived' : 'restored'))
  }

  async function updateMeasureRecord(
    id: string,
    changes: Changes<Measure>,
    by: string,
    kind?: 'archived' | 'restored',
  ) {
    const saved = await updateRecord<Measure>('measures', id, changes, by, kind ? { kind } : {})
    if (!saved) throw new InputError('That measure no longer exists')
    return saved
  }

  /** Move a measure up (-1) or down (+1) within its category. */
  async function moveMeasure(id: string, delta: -1 | 1, by: string) {
    const current = measures.value.find((m) => m.id === id)
    if (!current) return
    const siblings = activeMeasures.value.filter((m) => m.categoryId === current.categoryId)
    const from = siblings.findIndex((m) => m.id === id)
    const to = from + delta
    if (to < 0 || to >= siblings.length) return
    return replaceMeasure(await updateMeasureRecord(id, { order: orderForMove(siblings, from, to) }, by))
  }

  async function updateBoard(
    changes: { name?: string; categories?: MeasureCategory[]; agenda?: AgendaItem[]; huddleMinutes?: number },
    by: string,
    /** The board as the form showed it (the live one by default). */
    shown?: Board,
  ) {
    if (!board.value) throw new InputError('Open a board first')
    const base = shown ?? board.value
    const saved = await updateRecord<Board>('boards', board.value.id, changedFields<Board>(base, changes), by)
    if (!saved) throw new InputError('This board is no longer on this tablet')
    await Promise.all([boardAndMeasures.settled(), org.settled()])
    return saved
  }

  async function replaceMeasure(saved: Measure) {
    await boardAndMeasures.settled()
    return saved
  }

  return {
    board,
    measures,
    loaded: computed(() => boardAndMeasures.loaded.value && liveEntries.loaded.value),
    /** Resolves once the board, its measures and days show what is stored now. */
    settled: () => Promise.all([boardAndMeasures.settled(), liveEntries.settled()]).then(() => undefined),
    entries,
    activeMeasures,
    archivedMeasures,
    categories,
    measuresByCategory,
    load,
    ensureLoaded,
    entryFor,
    recordValue,
    addMeasure,
    updateMeasure,
    setArchived,
    moveMeasure,
    updateBoard,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBoardStore, import.meta.hot))
