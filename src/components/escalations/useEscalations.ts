// Screens that show escalations may be the first thing opened after a reload, so each
// makes sure the organisation and the escalations are shown (live: an answer from the CSU
// arrives by a pull and shows at once), and keeps "now" moving so "waiting 2 hours" stays
// true on a screen left open.
import { computed, onBeforeUnmount, ref } from 'vue'
import { useEscalationsStore } from '@/stores/escalations'
import { useOrgStore } from '@/stores/org'

export function useEscalations() {
  const org = useOrgStore()
  const escalations = useEscalationsStore()
  const now = ref(new Date())

  async function ensure() {
    if (!org.loaded) await org.load()
    if (!escalations.loaded) await escalations.load()
  }

  const ready = ensure()
  const clock = setInterval(() => (now.value = new Date()), 60_000)
  onBeforeUnmount(() => clearInterval(clock))

  const board = computed(() => org.currentBoard)
  const tier = computed(() => (board.value ? escalations.tierOf(board.value) : 'unit'))
  return { ready, now, board, tier }
}
