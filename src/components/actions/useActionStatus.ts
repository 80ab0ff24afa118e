// Done / Cancel / Reopen from any list: the save flow (who is doing it, one save at a time,
// a refused change as a message on screen rather than an exception), remembering which
// action is being saved so its buttons can ignore a second tap.
import { ref } from 'vue'
import { useGuardedSave } from '@/composables/useGuardedSave'
import type { Action, ActionStatus } from '@/domain/types'
import { useActionsStore } from '@/stores/actions'

export function useActionStatus() {
  const actions = useActionsStore()
  const { error, save } = useGuardedSave()
  /** The action being saved, so its buttons can ignore a second tap. */
  const busyId = ref<string | null>(null)

  async function changeStatus(action: Action, status: ActionStatus): Promise<Action | null> {
    if (busyId.value) return null
    busyId.value = action.id
    try {
      const outcome = await save((by) => actions.setStatus(action.id, status, by))
      return outcome.saved ? outcome.value : null
    } finally {
      busyId.value = null
    }
  }

  return { error, busyId, changeStatus }
}
