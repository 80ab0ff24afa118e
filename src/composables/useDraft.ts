// Keeps what someone is typing in sessionStorage, so it survives a reload: the
// "Update now" button, the tablet discarding a background tab, a crash. Drafts are
// per tab and vanish with it; they are a safety net for unsaved input, not storage
// (saved work lives in IndexedDB).
import { getCurrentScope, onScopeDispose, ref, watch, type Ref } from 'vue'

export const DRAFT_PREFIX = 'lim-huddle:draft:'
export const DRAFT_DEBOUNCE_MS = 300

export type DraftRef<T> = Ref<T> & {
  /** Forget the draft and go back to `initial()`: call after a successful save. */
  clear(): void
  /** True when the value was brought back from an earlier page load. */
  readonly restored: boolean
}

/** Writes still waiting for their debounce, by storage key. */
const pendingWrites = new Map<string, () => void>()
let listening = false

/** Write every draft now. Called before the page goes away, and before "Update now". */
export function flushDrafts(): void {
  const writes = [...pendingWrites.values()]
  pendingWrites.clear()
  for (const write of writes) write()
}

function listenForPageExit() {
  if (listening || typeof window === 'undefined') return
  listening = true
  window.addEventListener('pagehide', flushDrafts)
  window.addEventListener('beforeunload', flushDrafts)
  // Tablets often kill a hidden tab without firing pagehide.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushDrafts()
  })
}

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    return undefined // storage blocked by browser settings
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function restore<T>(storageKey: string, initial: () => T): { value: T; restored: boolean } {
  const raw = storage()?.getItem(storageKey)
  if (raw == null) return { value: initial(), restored: false }
  try {
    const saved = JSON.parse(raw) as unknown
    const blank = initial()
    // A form that gained a field in a new release still gets that field's default.
    const value = (isPlainObject(blank) && isPlainObject(saved) ? { ...blank, ...saved } : saved) as T
    return { value, restored: true }
  } catch {
    // A damaged safety copy (not JSON): the form starts blank, as if there were none.
    return { value: initial(), restored: false }
  }
}

/**
 * A ref for a form's unsaved input, kept in sessionStorage under `key` (debounced,
 * and flushed when the page is hidden or unloaded, or by `flushDrafts()`). The value
 * must be JSON-serialisable. A draft identical to `initial()` is not stored.
 */
export function useDraft<T>(key: string, initial: () => T): DraftRef<T> {
  const storageKey = DRAFT_PREFIX + key
  const start = restore(storageKey, initial)
  const draft = ref(start.value) as Ref<T>
  let timer: ReturnType<typeof setTimeout> | undefined

  function write() {
    clearTimeout(timer)
    pendingWrites.delete(storageKey)
    const store = storage()
    if (!store) return
    const json = JSON.stringify(draft.value)
    try {
      if (json === JSON.stringify(initial())) store.removeItem(storageKey)
      else store.setItem(storageKey, json)
    } catch {
      // Quota full: the typed value is still on screen, only the safety copy is lost.
    }
  }

  function schedule() {
    pendingWrites.set(storageKey, write)
    clearTimeout(timer)
    timer = setTimeout(write, DRAFT_DEBOUNCE_MS)
  }

  function clear() {
    clearTimeout(timer)
    pendingWrites.delete(storageKey)
    storage()?.removeItem(storageKey)
    draft.value = initial()
  }

  listenForPageExit()
  const stop = watch(draft, schedule, { deep: true, flush: 'sync' })
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      // Leaving the screen mid-edit keeps the draft for when they come back.
      if (pendingWrites.has(storageKey)) write()
    })
  }

  return Object.assign(draft, { clear, restored: start.restored }) as DraftRef<T>
}
