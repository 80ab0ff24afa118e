// What a new board starts with. Teams edit all of it.
import type { AgendaItem, Board, MeasureCategory } from './types'

export const DEFAULT_CATEGORIES: MeasureCategory[] = [
  { id: 'safety', name: 'Safety' },
  { id: 'quality', name: 'Quality' },
  { id: 'people', name: 'People' },
  { id: 'flow', name: 'Flow' },
  { id: 'cost', name: 'Cost and sustainability' },
]

export const DEFAULT_HUDDLE_MINUTES = 15

export const DEFAULT_AGENDA: AgendaItem[] = [
  { id: 'safety', title: 'Safety', seconds: 180, kind: 'safety' },
  { id: 'yesterday', title: "Yesterday's measures", seconds: 180, kind: 'measures' },
  { id: 'plan', title: "Today's plan", seconds: 180, kind: 'plan' },
  { id: 'actions', title: 'Actions due', seconds: 150, kind: 'actions' },
  // New boards only: existing boards keep the agenda they have (teams add the step themselves).
  { id: 'answers', title: 'Answers back from CSU', seconds: 60, kind: 'answers' },
  { id: 'ideas', title: 'Ideas', seconds: 90, kind: 'ideas' },
  { id: 'recognition', title: 'Recognition', seconds: 60, kind: 'recognition' },
]

/** A new CSU or trust board's agenda: the ward agenda with the escalations from below walked through first after safety. */
export function defaultAgendaForTier(tier: 'unit' | 'csu' | 'trust'): AgendaItem[] {
  if (tier === 'unit') return DEFAULT_AGENDA
  const from = tier === 'csu' ? 'Escalations from wards' : 'Escalations from CSUs'
  const answers = tier === 'csu' ? 'Answers back from the trust' : null
  return DEFAULT_AGENDA.flatMap((item): AgendaItem[] => {
    if (item.kind === 'answers') return answers ? [{ ...item, title: answers }] : []
    if (item.kind === 'safety') return [item, { id: 'escalations', title: from, seconds: 240, kind: 'escalations' }]
    return [item]
  })
}

/** What every new board starts with, whoever makes it (the set-up form, a board made after
 * enrolling, the demo trust): the five categories, its tier's agenda and the usual length. */
export function newBoardSettings(
  tier: 'unit' | 'csu' | 'trust' = 'unit',
): Pick<Board, 'categories' | 'agenda' | 'huddleMinutes'> {
  return { categories: DEFAULT_CATEGORIES, agenda: defaultAgendaForTier(tier), huddleMinutes: DEFAULT_HUDDLE_MINUTES }
}

export const AGENDA_KIND_LABEL: Record<AgendaItem['kind'], string> = {
  safety: 'Safety measures and concerns',
  measures: "Yesterday's measures",
  plan: "Today's plan (staffing, flow)",
  actions: 'Actions due and overdue',
  ideas: 'Improvement ideas',
  recognition: 'Recognition and thanks',
  notes: 'Free discussion',
  escalations: 'Escalations from the tier below, oldest first',
  answers: 'Answers back to our escalations',
  goals: 'Our goals: this month against plan',
}
