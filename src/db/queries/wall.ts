// What the wall view shows, read live: the board's measures, the day's values, its open
// actions and the escalations this tablet holds. A value saved on another tablet (pulled)
// or in another tab appears without anyone touching the wall screen.
import type { Ref } from 'vue'
import type { Action, DayEntry, DayKey, Escalation, Measure } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface WallData {
  measures: Measure[]
  /** The day's values by measure id. */
  entries: Map<string, DayEntry>
  openActions: Action[]
  escalations: Escalation[]
}

const EMPTY: WallData = { measures: [], entries: new Map(), openActions: [], escalations: [] }

export async function readWall(boardId: string | null, day: DayKey): Promise<WallData> {
  if (!boardId) return EMPTY
  const [measures, entries, actions, escalations] = await Promise.all([
    db.measures.where('boardId').equals(boardId).toArray(),
    db.entries.where('[boardId+day]').equals([boardId, day]).toArray(),
    db.actions.where('boardId').equals(boardId).toArray(),
    db.escalations.toArray(),
  ])
  return {
    measures: measures.filter((m) => !m.archived).sort((a, b) => a.order - b.order),
    entries: new Map(entries.map((e) => [e.measureId, e])),
    openActions: actions.filter((a) => a.status === 'open'),
    escalations,
  }
}

export function useWall(boardId: Ref<string | null>, day: Ref<DayKey>) {
  return useLiveQuery(() => readWall(boardId.value, day.value), EMPTY, [boardId, day])
}
