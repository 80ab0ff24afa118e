// An idea's measure evidence, as its A3 shows it: the linked measure and the weeks before
// and after the change. The idea's own page reads the values live; the learning
// portfolio reads them once for every idea it prints. Both work it out here, so the
// printed portfolio shows the same evidence as the idea's A3. Pure: no Vue, no Dexie.
import { beforeAfter, changeDayOf, compareRange, type BeforeAfter } from './beforeAfter'
import {
  BASELINE_WEEKS_READ,
  checkSustained,
  DEFAULT_SUSTAIN_WEEKS,
  type SustainCheck,
} from './certification/sustained'
import { addDays, weekStart } from './dates'
import { firstStartDay } from './pdsa'
import type { DayKey, EntryValue, Idea, Measure, PdsaCycle } from './types'

export interface IdeaEvidence {
  /** The linked measure; null when the idea has none or it is not on this tablet. */
  measure: { name: string; unit: string } | null
  /** Null while the idea has no change day yet: no implemented date and no PDSA cycle started. */
  comparison: BeforeAfter | null
  /** Where the change day comes from, in words; empty when there is none. */
  changeSource: string
  /** Whether the change shows as a sustained improvement on the measure's weekly chart. */
  sustained: SustainCheck | null
}

const NONE: IdeaEvidence = { measure: null, comparison: null, changeSource: '', sustained: null }

/** The days to read for the evidence: the comparison's weeks and the sustain check's, from
 * 26 weeks before the change week to today. Null while there is no change day. */
export function evidenceRange(
  idea: Pick<Idea, 'implementedAt'>,
  cycles: readonly Pick<PdsaCycle, 'startDay'>[],
  today: DayKey,
): { from: DayKey; to: DayKey } | null {
  const changeDay = changeDayOf(idea, cycles)
  if (!changeDay) return null
  const compared = compareRange(changeDay)
  const from = addDays(weekStart(changeDay), -BASELINE_WEEKS_READ * 7)
  return { from: from < compared.from ? from : compared.from, to: compared.to > today ? compared.to : today }
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
  measure: Pick<Measure, 'id' | 'name' | 'unit' | 'type' | 'direction' | 'goodAnswer' | 'target'> | null | undefined,
  entries: readonly { day: DayKey; value: EntryValue }[],
  today: DayKey,
  /** The improvement office's sustain period (docs/CERTIFICATION.md). */
  sustainWeeks = DEFAULT_SUSTAIN_WEEKS,
): IdeaEvidence {
  if (!measure || measure.id !== idea.measureId) return NONE
  const changeDay = changeDayOf(idea, cycles)
  return {
    measure: { name: measure.name, unit: measure.unit },
    comparison: changeDay ? beforeAfter(measure.type, entries, changeDay, today) : null,
    changeSource: changeSourceOf(idea, cycles),
    sustained: changeDay ? checkSustained(measure, entries, changeDay, today, sustainWeeks) : null,
  }
}
