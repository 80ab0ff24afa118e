// One move dialog per screen: which escalation and move it shows, and the typed drafts
// (with the answers kept after a refusal) that it shares with the screen's "Kept answers".
import { computed, ref } from 'vue'
import type { EscalationMove } from '@/domain/escalations'
import type { Escalation } from '@/domain/types'
import { useEscalationsStore } from '@/stores/escalations'
import { useMoveDrafts } from './useMoveDrafts'

export function useMoveDialog() {
  const store = useEscalationsStore()
  const { drafts, kept, discard } = useMoveDrafts(computed(() => store.escalations))
  const target = ref<{ id: string; move: EscalationMove } | null>(null)
  /** The escalation as it is now (a pull may have changed it while the dialog is open). */
  const escalation = computed(() => store.escalations.find((e) => e.id === target.value?.id) ?? null)
  const move = computed(() => target.value?.move ?? null)
  const open = computed(() => target.value !== null)

  function start(which: Escalation, moveTo: EscalationMove) {
    target.value = { id: which.id, move: moveTo }
  }
  function close() {
    target.value = null
  }
  return { drafts, kept, discard, escalation, move, open, start, close }
}
