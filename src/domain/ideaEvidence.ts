// An idea's measure evidence, as its A3 shows it: the linked measure and the weeks before
// and after the change. The idea's own page reads the values live; the learning
// portfolio reads them once for every idea it prints. Both work it out here, so the
// printed portfolio shows the same evidence as the idea's A3. Pure: no Vue, no Dexie.
import { beforeAfter, changeDayOf, type BeforeAfter } from './beforeAfter'
import { firstStartDay } from './pdsa'
import type { DayKey, EntryValue, Idea, Measure, PdsaCycle } from './types'

export interface IdeaEvidence {
  /** The linked measure; null when the idea has none or it is not on this tablet. */
  measure: { name: string; unit: string } | null
  /** Null while the idea has no change day yet (not implemented, no cycle started). */
  comparison: BeforeAfter | null
  /** Where the change day comes from, in words; empty when there is none. */
  changeSource: string
}

/** "the day it was implemented", "the start of the first PDSA cycle", or "". */
export function changeSourceOf(
  idea: Pick<Idea, 'implementedAt'>,
  cycles: readonly Pick<PdsaCycle, 'startDay'>[],
): string {
  if (idea.implementedAt) return 'the day it was implemented'
  return firstStartDay(cycles) ? 'the start of the first PDSA cycle' : ''
}

export function ideaEvidence(
  idea: Pick<Idea, 'implementedAt' | 'measureId'>,
  cycles: readonly Pick<PdsaCycle, 'startDay'>[],
  measure: Pick<Measure, 'id' | 'name' | 'unit' | 'type'> | null | undefined,
  entries: readonly { day: DayKey; value: EntryValue }[],
  today: DayKey,
): IdeaEvidence {
  if (!measure || measure.id !== idea.measureId) return { measure: null, comparison: null, changeSource: '' }
  const changeDay = changeDayOf(idea, cycles)
  return {
    measure: { name: measure.name, unit: measure.unit },
    comparison: changeDay ? beforeAfter(measure.type, entries, changeDay, today) : null,
    changeSource: changeSourceOf(idea, cycles),
  }
}
