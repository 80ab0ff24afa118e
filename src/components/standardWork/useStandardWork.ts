// Standard work screens may be the first thing opened after a reload (or from a link),
// so each makes sure the current board's checklists and recent runs are shown, and
// keeps "now" moving so a checklist falls due (or overdue) without a reload. What other
// tablets do arrives by itself: the stores read through live queries.
import { onBeforeUnmount, watch } from 'vue'
import { useOrgStore } from '@/stores/org'
import { useStandardWorkStore } from '@/stores/standardWork'
import { useChecklistRunsStore } from '@/stores/standardWorkRuns'

export function useStandardWork() {
  const org = useOrgStore()
  const templates = useStandardWorkStore()
  const runs = useChecklistRunsStore()

  async function ensure() {
    if (!org.loaded) await org.load()
    const board = org.currentBoard
    if (!board) return
    if (templates.boardId !== board.id) await templates.load(board.id, board.unitId)
    if (runs.boardId !== board.id) await runs.load(board.id, board.unitId)
  }

  const ready = ensure()
  watch(
    () => org.currentBoardId,
    () => void ensure(),
  )
  runs.now = new Date()
  const clock = setInterval(() => (runs.now = new Date()), 30_000)
  onBeforeUnmount(() => clearInterval(clock))
  return { ready, templates, runs }
}
