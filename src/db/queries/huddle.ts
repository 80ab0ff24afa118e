// Held huddles of a board, read live.
import type { Ref } from 'vue'
import type { DayKey, HuddleRecord } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface HuddleDays {
  boardId: string
  from: DayKey
  to: DayKey
}

/** The huddles held on a board over some days, newest first. */
export async function readHuddles(days: HuddleDays | null): Promise<HuddleRecord[]> {
  if (!days) return []
  const rows = await db.huddles
    .where('[boardId+day]')
    .between([days.boardId, days.from], [days.boardId, days.to], true, true)
    .toArray()
  return rows.sort((a, b) => b.startedAt.localeCompare(a.startedAt))
}

export function useHuddles(days: Ref<HuddleDays | null>) {
  return useLiveQuery(() => readHuddles(days.value), [] as HuddleRecord[], days)
}
