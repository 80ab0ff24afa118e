// A board, its measures and their day values, read live.
import type { Ref } from 'vue'
import type { DayValue } from '@/domain/trends/aggregate'
import type { Board, DayEntry, DayKey, Measure } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface BoardWithMeasures {
  board: Board | null
  measures: Measure[]
}

const NO_BOARD: BoardWithMeasures = { board: null, measures: [] }

export async function readBoardWithMeasures(boardId: string | null): Promise<BoardWithMeasures> {
  if (!boardId) return NO_BOARD
  const [board, measures] = await Promise.all([
    db.boards.get(boardId),
    db.measures.where('boardId').equals(boardId).toArray(),
  ])
  return { board: board ?? null, measures }
}

/** The board with this id and every measure on it, archived ones included. */
export function useBoardWithMeasures(boardId: Ref<string | null>) {
  return useLiveQuery(() => readBoardWithMeasures(boardId.value), NO_BOARD, boardId)
}

export interface DayRange {
  from: DayKey
  to: DayKey
}

/** Day values on a board from `from` to `to` (both included). */
export function readBoardEntries(boardId: string | null, range: DayRange | null): Promise<DayEntry[]> {
  if (!boardId || !range) return Promise.resolve([])
  return db.entries.where('[boardId+day]').between([boardId, range.from], [boardId, range.to], true, true).toArray()
}

/** Day values on the board by entry id (`measureId:day`), for the days in `range`. */
export function useBoardEntries(boardId: Ref<string | null>, range: Ref<DayRange | null>) {
  return useLiveQuery(
    async () => new Map((await readBoardEntries(boardId.value, range.value)).map((e) => [e.id, e])),
    new Map<string, DayEntry>(),
    [boardId, range],
  )
}

/** Every measure's day values on a board from `from` to `to`, by measure, with the range
 * they were read for (so a screen never reads one day's icons off another day's values).
 * One [boardId+day] read for the whole board, not one per tile. */
export interface BoardValues {
  range: DayRange | null
  byMeasure: Map<string, DayValue[]>
}

export async function readBoardValues(boardId: string | null, range: DayRange | null): Promise<BoardValues> {
  const byMeasure = new Map<string, DayValue[]>()
  for (const e of await readBoardEntries(boardId, range)) {
    const list = byMeasure.get(e.measureId)
    if (list) list.push({ day: e.day, value: e.value })
    else byMeasure.set(e.measureId, [{ day: e.day, value: e.value }])
  }
  return { range, byMeasure }
}

/** The board's values over `range` by measure, live: a day recorded anywhere moves the icons. */
export function useBoardValues(boardId: Ref<string | null>, range: Ref<DayRange | null>) {
  return useLiveQuery(() => readBoardValues(boardId.value, range.value), { range: null, byMeasure: new Map() }, [
    boardId,
    range,
  ])
}
