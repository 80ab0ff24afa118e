// Screens that show ideas may be the first thing opened after a reload (or straight
// from a link), so each makes sure the current board's ideas are in memory, and keeps
// "today" moving so an idea left overnight is flagged in the morning.
import { onBeforeUnmount, watch } from 'vue'
import { londonDay } from '@/domain/dates'
import { useIdeasStore } from '@/stores/ideas'
import { useOrgStore } from '@/stores/org'

export function useBoardIdeas() {
  const org = useOrgStore()
  const ideas = useIdeasStore()

  async function ensure() {
    if (!org.loaded) await org.load()
    const board = org.currentBoard
    if (board && ideas.boardId !== board.id) await ideas.load(board.id, board.unitId)
  }

  const ready = ensure()
  watch(
    () => org.currentBoardId,
    () => void ensure(),
  )
  ideas.today = londonDay()
  const clock = setInterval(() => (ideas.today = londonDay()), 60_000)
  onBeforeUnmount(() => clearInterval(clock))
  return { ready }
}
