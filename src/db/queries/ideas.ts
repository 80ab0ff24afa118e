// Improvement ideas and their PDSA cycles, read live.
import type { Ref } from 'vue'
import { evidenceRange } from '@/domain/ideaEvidence'
import type { DayKey, EntryValue, Idea, Measure, PdsaCycle } from '@/domain/types'
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

/** For each idea with a linked measure: the measure and its values around the change
 * day, as the idea's A3 compares them. Ideas with no measure or no change day are left out. */
export async function readIdeaMeasureValues(
  ideas: readonly {
    idea: Pick<Idea, 'id' | 'measureId' | 'implementedAt'>
    cycles: readonly Pick<PdsaCycle, 'startDay'>[]
  }[],
  today: DayKey,
): Promise<Map<string, { measure: Measure; entries: { day: DayKey; value: EntryValue }[] }>> {
  const measureIds = [...new Set(ideas.flatMap(({ idea }) => (idea.measureId ? [idea.measureId] : [])))]
  const measures = new Map((await db.measures.bulkGet(measureIds)).flatMap((m) => (m ? [[m.id, m] as const] : [])))
  // Every idea's values are read at once: a portfolio may hold many ideas.
  const read = await Promise.all(
    ideas.map(async ({ idea, cycles }) => {
      const measure = idea.measureId ? measures.get(idea.measureId) : undefined
      if (!measure) return null
      const range = evidenceRange(idea, cycles, today)
      const entries = range ? await readMeasureValues(measure.id, range.from, range.to) : []
      return [idea.id, { measure, entries }] as const
    }),
  )
  return new Map(read.filter((pair) => pair !== null))
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
