// The one save flow every form uses: ask who is doing this, refuse a second tap while the
// first save runs, and turn any failure into words beside the form. What was typed is never
// cleared here: a failed or cancelled save leaves the form exactly as it was.
import { readonly, ref } from 'vue'
import { logError } from '@/db/logFault'
import { InputError, saveFailureMessage } from '@/domain/errors'
import { useActorStore } from '@/stores/actor'

export type SaveOutcome<T> =
  | { saved: true; value: T }
  /** `cancelled`: nobody picked a name; `busy`: a save was already running. */
  | { saved: false; reason: 'cancelled' | 'busy' }
  /** `error` says what went wrong in words; `failure` is what was thrown, for a form that
   * shows an InputError's details against its fields. */
  | { saved: false; reason: 'failed'; failure: unknown }

export interface GuardedSaveOptions {
  /** Called with every failure that is not the person's input (a fault worth keeping a record of); by default it goes to the tablet's problem log. */
  onFault?: (error: unknown) => void
}

export function useGuardedSave(options: GuardedSaveOptions = {}) {
  const actor = useActorStore()
  const saving = ref(false)
  /** Plain English for the person when the last save failed; '' otherwise. */
  const error = ref('')

  async function guard<T>(action: () => Promise<T>): Promise<SaveOutcome<T>> {
    try {
      return { saved: true, value: await action() }
    } catch (failure) {
      if (!(failure instanceof InputError)) (options.onFault ?? ((fault) => void logError(fault, 'save')))(failure)
      error.value = saveFailureMessage(failure)
      return { saved: false, reason: 'failed', failure }
    }
  }

  /** Saves under the name of whoever is doing this (asked for if needed). */
  async function save<T>(action: (by: string) => Promise<T>): Promise<SaveOutcome<T>> {
    if (saving.value) return { saved: false, reason: 'busy' }
    error.value = ''
    saving.value = true
    try {
      const by = await actor.whoIsDoingThis()
      if (!by) return { saved: false, reason: 'cancelled' }
      return await guard(() => action(by))
    } finally {
      saving.value = false
    }
  }

  /** Saves something no person signs for (a setting of this tablet, say). */
  async function saveUnsigned<T>(action: () => Promise<T>): Promise<SaveOutcome<T>> {
    if (saving.value) return { saved: false, reason: 'busy' }
    error.value = ''
    saving.value = true
    try {
      return await guard(action)
    } finally {
      saving.value = false
    }
  }

  return { saving: readonly(saving), error, save, saveUnsigned }
}
