// What a new board starts with. Teams edit all of it.
import type { AgendaItem, MeasureCategory } from './types'

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
  { id: 'ideas', title: 'Ideas', seconds: 90, kind: 'ideas' },
  { id: 'recognition', title: 'Recognition', seconds: 60, kind: 'recognition' },
]

export const AGENDA_KIND_LABEL: Record<AgendaItem['kind'], string> = {
  safety: 'Safety measures and concerns',
  measures: "Yesterday's measures",
  plan: "Today's plan (staffing, flow)",
  actions: 'Actions due and overdue',
  ideas: 'Improvement ideas',
  recognition: 'Recognition and thanks',
  notes: 'Free discussion',
}
