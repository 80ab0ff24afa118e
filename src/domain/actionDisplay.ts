// How actions read on screen: urgency as a word (never colour alone), the lists the
// actions screen filters by, and the action form's rules beyond validateAction.
import { urgencyOf, type ActionUrgency } from './actions'
import { addDays } from './dates'
import { validateAction, type ActionField, type Errors } from './validation'
import type { Action, ActionStatus, DayKey } from './types'

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = { open: 'Open', done: 'Done', cancelled: 'Cancelled' }

export interface UrgencyLabel {
  urgency: ActionUrgency
  /** The word shown with the icon; null when the due date alone says enough. */
  word: string | null
  icon: 'warning' | 'clock' | 'tick' | 'cross' | null
}

export function urgencyLabel(action: Pick<Action, 'status' | 'dueDay'>, today: DayKey): UrgencyLabel {
  const urgency = urgencyOf(action, today)
  switch (urgency) {
    case 'overdue':
      return { urgency, word: 'Overdue', icon: 'warning' }
    case 'due-today':
      return { urgency, word: 'Due today', icon: 'clock' }
    case 'closed':
      return action.status === 'done'
        ? { urgency, word: 'Done', icon: 'tick' }
        : { urgency, word: 'Cancelled', icon: 'cross' }
    default:
      return { urgency, word: null, icon: null }
  }
}

export type ActionFilter = 'open' | 'done' | 'cancelled' | 'all'

export const ACTION_FILTERS: { id: ActionFilter; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'done', label: 'Done' },
  { id: 'cancelled', label: 'Cancelled' },
  { id: 'all', label: 'All' },
]

/**
 * The actions a filter shows. `sorted` is already in board order (overdue first);
 * finished actions are listed most recently closed first, since that is what people
 * look for when they want to reopen one.
 */
export function filterActions<T extends Pick<Action, 'status' | 'closedAt'>>(sorted: T[], filter: ActionFilter): T[] {
  if (filter === 'all') return sorted
  const matching = sorted.filter((a) => a.status === filter)
  if (filter === 'open') return matching
  return [...matching].sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
}

export interface ActionDraft {
  title: string
  owner: string
  /** '' when there is no due date (what a cleared date input gives). */
  dueDay: string
}

export type ActionFormField = ActionField

/** validateAction, plus: a new action cannot start life already overdue. Editing may
 * keep (or set) a past date, because an old action's date is a record of what was agreed. */
export function validateActionForm(
  draft: ActionDraft,
  options: { today: DayKey; editing: boolean },
): Errors<ActionFormField> {
  const errors = validateAction(draft)
  if (!errors.dueDay && !options.editing && draft.dueDay && draft.dueDay < options.today) {
    errors.dueDay = 'The due date is in the past'
  }
  return errors
}

export function quickDueDays(today: DayKey): { label: string; day: DayKey }[] {
  return [
    { label: 'Today', day: today },
    { label: 'Tomorrow', day: addDays(today, 1) },
    { label: 'In a week', day: addDays(today, 7) },
  ]
}
