// What a finished huddle leaves behind to read later: its notes steps (today's plan,
// recognition, ideas, other notes) each under its own heading, shown in the huddle history,
// printed, and read back at the next day's huddle as "yesterday's plan".
import { isNoteStep } from './huddle'
import type { AgendaItem, DayKey, HuddleRecord, HuddleSection } from './types'

/** The notes steps that have text, in agenda order. */
export function huddleSections(agenda: readonly AgendaItem[], stepNotes: Record<string, string>): HuddleSection[] {
  return agenda
    .filter((item) => isNoteStep(item.kind) && stepNotes[item.id]?.trim())
    .map((item) => ({ kind: item.kind, title: item.title.trim(), text: stepNotes[item.id]!.trim() }))
}

/**
 * The record's notes split for reading: its sections, and the general notes typed at the end.
 * `notes` holds both (composeHuddleNotes), so the sections are taken off its end; a record
 * saved before sections were kept has only `notes`, shown whole.
 */
export function recordNotes(record: Pick<HuddleRecord, 'notes' | 'sections'>): {
  sections: HuddleSection[]
  general: string
} {
  const sections = Array.isArray(record.sections) ? record.sections : []
  let general = record.notes.trim()
  for (const section of [...sections].reverse()) {
    const tail = `${section.title}: ${section.text}`
    if (general.endsWith(tail)) general = general.slice(0, -tail.length).trim()
  }
  return { sections, general }
}

/** The latest huddle held on a day before `today` (its plan is "yesterday's plan"). */
export function previousHuddle(records: readonly HuddleRecord[], today: DayKey): HuddleRecord | undefined {
  return records
    .filter((r) => r.day < today)
    .sort((a, b) => b.day.localeCompare(a.day) || b.startedAt.localeCompare(a.startedAt))[0]
}

/** The plan written at a huddle, if one was. */
export function planOf(record: Pick<HuddleRecord, 'sections'> | undefined): HuddleSection | undefined {
  return record?.sections?.find((s) => s.kind === 'plan')
}
