// What people type into escalation moves (owner, answer, advice), per escalation and
// move, kept in sessionStorage. An answer refused because the escalation was withdrawn
// meanwhile on another tablet stays here, shown under "Kept answers" until discarded.
import { computed, type Ref } from 'vue'
import { useDraft } from '@/composables/useDraft'
import { canMove, type EscalationMove } from '@/domain/escalations'
import type { Escalation } from '@/domain/types'

export interface KeptAnswer {
  key: string
  escalation: Escalation
  move: EscalationMove
  text: string
}

export function useMoveDrafts(list: Readonly<Ref<readonly Escalation[]>>) {
  const drafts = useDraft<Record<string, string>>('escalation-move', () => ({}))

  /** Typed answers or advice whose escalation can no longer take them. */
  const kept = computed<KeptAnswer[]>(() =>
    Object.entries(drafts.value).flatMap(([key, text]) => {
      const [id, move] = key.split(':') as [string, EscalationMove]
      const escalation = list.value.find((e) => e.id === id)
      if (!text.trim() || !escalation || (move !== 'answer' && move !== 'return')) return []
      return canMove(escalation.status, move, escalation.tier) ? [] : [{ key, escalation, move, text }]
    }),
  )

  function discard(key: string) {
    const rest = { ...drafts.value }
    delete rest[key]
    drafts.value = rest
  }

  return { drafts, kept, discard }
}
