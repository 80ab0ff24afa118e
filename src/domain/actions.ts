// Action rules: what is overdue, due today, and the order the board lists them in.
import type { Action, DayKey } from './types'

export type ActionUrgency = 'overdue' | 'due-today' | 'upcoming' | 'no-date' | 'closed'

export function urgencyOf(action: Pick<Action, 'status' | 'dueDay'>, today: DayKey): ActionUrgency {
  if (action.status !== 'open') return 'closed'
  if (!action.dueDay) return 'no-date'
  if (action.dueDay < today) return 'overdue'
  if (action.dueDay === today) return 'due-today'
  return 'upcoming'
}

const RANK: Record<ActionUrgency, number> = { overdue: 0, 'due-today': 1, upcoming: 2, 'no-date': 3, closed: 4 }

/** Overdue first (oldest due first), then due today, upcoming, undated, closed. */
export function sortActions<T extends Pick<Action, 'status' | 'dueDay' | 'createdAt'>>(
  actions: T[],
  today: DayKey,
): T[] {
  return [...actions].sort((a, b) => {
    const rank = RANK[urgencyOf(a, today)] - RANK[urgencyOf(b, today)]
    if (rank !== 0) return rank
    const due = (a.dueDay ?? '9999').localeCompare(b.dueDay ?? '9999')
    return due !== 0 ? due : a.createdAt.localeCompare(b.createdAt)
  })
}
