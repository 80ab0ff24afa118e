// Whether a huddle may be running in this tab, without loading the huddle store and rules:
// App.vue loads the "Huddle running" banner (and with it the huddle store) only then, so the
// first screen does not carry them. A huddle runs only after the huddle screen started it
// (which creates the store), or is kept in sessionStorage from before a reload.
import { getActivePinia } from 'pinia'
import { computed, type ComputedRef } from 'vue'
import { RUNNING_HUDDLE_KEY } from '@/stores/runningHuddleKey'

export function useHuddleMayRun(): ComputedRef<boolean> {
  const pinia = getActivePinia()
  let kept = false
  try {
    kept = sessionStorage.getItem(RUNNING_HUDDLE_KEY) !== null
  } catch {
    // Storage blocked: no huddle was kept, and the store (if opened) says the rest.
  }
  // Pinia's state holds a store's state from the moment the store is first used.
  return computed(() => kept || (pinia !== undefined && 'huddle' in pinia.state.value))
}
