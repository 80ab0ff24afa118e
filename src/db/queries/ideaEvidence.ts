// An idea's measure values read for its evidence (the learning portfolio). Apart from the
// board's idea reads (./ideas), so the board does not load the evidence and sustain rules.
import { evidenceRange } from '@/domain/ideaEvidence'
import type { DayKey, EntryValue, Idea, Measure, PdsaCycle } from '@/domain/types'
import { db } from '../db'
import { readMeasureValues } from './ideas'

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
