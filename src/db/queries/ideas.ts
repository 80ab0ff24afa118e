// Improvement ideas and their PDSA cycles, read live.
import type { Ref } from 'vue'
import type { DayKey, EntryValue, Idea, PdsaCycle } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export function readBoardIdeas(boardId: string | null): Promise<Idea[]> {
  return boardId ? db.ideas.where('boardId').equals(boardId).toArray() : Promise.resolve([])
}

/** The ideas raised on a board. */
export function useBoardIdeas(boardId: Ref<string | null>) {
  return useLiveQuery(() => readBoardIdeas(boardId.value), [] as Idea[], boardId)
}

export function readUnitPdsaCycles(unitId: string | null): Promise<PdsaCycle[]> {
  return unitId ? db.pdsaCycles.where('unitId').equals(unitId).toArray() : Promise.resolve([])
}

/** Every PDSA cycle of a unit's ideas. */
export function useUnitPdsaCycles(unitId: Ref<string | null>) {
  return useLiveQuery(() => readUnitPdsaCycles(unitId.value), [] as PdsaCycle[], unitId)
}

/** A measure's recorded values over some days, for an idea's before/after comparison. */
export async function readMeasureValues(
  measureId: string,
  from: DayKey,
  to: DayKey,
): Promise<{ day: DayKey; value: EntryValue }[]> {
  const rows = await db.entries
    .where('[measureId+day]')
    .between([measureId, from], [measureId, to], true, true)
    .toArray()
  return rows.map((r) => ({ day: r.day, value: r.value }))
}

export interface MeasureDays {
  measureId: string
  from: DayKey
  to: DayKey
}

/** A measure's values over some days, live: a day recorded on another tablet moves the comparison. */
export function useMeasureValues(days: Ref<MeasureDays | null>) {
  return useLiveQuery(
    () => (days.value ? readMeasureValues(days.value.measureId, days.value.from, days.value.to) : []),
    [] as { day: DayKey; value: EntryValue }[],
    days,
  )
}
