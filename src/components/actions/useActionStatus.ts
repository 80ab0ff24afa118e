// Done / Cancel / Reopen from any list: ask who is doing it, save, and turn a refused
// change into a message on screen rather than an exception.
import { ref } from 'vue'
import type { Action, ActionStatus } from '@/domain/types'
import { useActionsStore } from '@/stores/actions'
import { useActorStore } from '@/stores/actor'
import { InputError } from '@/domain/errors'

export function useActionStatus() {
  const actions = useActionsStore()
  const actor = useActorStore()
  const error = ref('')
  /** The action being saved, so its buttons can ignore a second tap. */
  const busyId = ref<string | null>(null)

  async function changeStatus(action: Action, status: ActionStatus): Promise<Action | null> {
    if (busyId.value) return null
    error.value = ''
    const by = await actor.whoIsDoingThis()
    if (!by) return null
    busyId.value = action.id
    try {
      return await actions.setStatus(action.id, status, by)
    } catch (caught) {
      if (!(caught instanceof InputError)) throw caught
      error.value = caught.message
      return null
    } finally {
      busyId.value = null
    }
  }

  return { error, busyId, changeStatus }
}
