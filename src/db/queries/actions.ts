// The actions of a board, read live.
import type { Ref } from 'vue'
import type { Action } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export function readBoardActions(boardId: string | null): Promise<Action[]> {
  return boardId ? db.actions.where('boardId').equals(boardId).toArray() : Promise.resolve([])
}

export function useBoardActions(boardId: Ref<string | null>) {
  return useLiveQuery(() => readBoardActions(boardId.value), [] as Action[], boardId)
}
