// Screens that list actions may be the first thing opened after a reload, so each
// makes sure the current board's actions (and its measures, for names) are in memory.
import { watch } from 'vue'
import { useActionsStore } from '@/stores/actions'
import { useBoardStore } from '@/stores/board'
import { useOrgStore } from '@/stores/org'

export function useBoardActions(options: { withMeasures: boolean }) {
  const org = useOrgStore()
  const actions = useActionsStore()
  const boardStore = useBoardStore()

  async function ensure() {
    if (!org.loaded) await org.load()
    const board = org.currentBoard
    if (!board) return
    const loads: Promise<unknown>[] = []
    if (actions.boardId !== board.id) loads.push(actions.load(board.id, board.unitId))
    if (options.withMeasures && boardStore.board?.id !== board.id) loads.push(boardStore.load(board.id))
    await Promise.all(loads)
  }

  const ready = ensure()
  watch(
    () => org.currentBoardId,
    () => void ensure(),
  )
  return { ready }
}
