import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** How long a picked name is remembered on a shared tablet before asking again. */
export const REMEMBER_NAME_MS = 5 * 60 * 1000
const STORAGE_KEY = 'lim-huddle.actor'

/**
 * "Who is doing this?" on a shared ward tablet: no login, no password, just a name
 * picked from the board's list (org.currentPeople) or typed, remembered for a few minutes so a run of
 * changes at the huddle needs one pick.
 */
export const useActorStore = defineStore('actor', () => {
  /** The picked name, or '' when nobody has picked recently. */
  const name = ref('')
  /** Epoch ms when the name stops being remembered. */
  const expiresAt = ref(0)
  /** Bumped by `tick()` so `current` re-evaluates as time passes. */
  const now = ref(Date.now())

  const stored = readStored()
  if (stored) {
    name.value = stored.name
    expiresAt.value = stored.expiresAt
  }

  const current = computed(() => (name.value && now.value < expiresAt.value ? name.value : ''))

  function pick(picked: string, at = Date.now()) {
    name.value = picked.trim()
    expiresAt.value = at + REMEMBER_NAME_MS
    now.value = at
    writeStored({ name: name.value, expiresAt: expiresAt.value })
  }

  /** Keep the name while someone is actively using the tablet. */
  function touch(at = Date.now()) {
    if (current.value) pick(name.value, at)
  }

  function forget() {
    name.value = ''
    expiresAt.value = 0
    writeStored(null)
  }

  function tick(at = Date.now()) {
    now.value = at
  }

  /** Set while the "Who is doing this?" picker is open; App.vue renders it. */
  const asking = ref(false)
  let answer: ((name: string | null) => void) | null = null

  /**
   * The name to record a change under: the remembered one, or whatever the person
   * picks in the dialog. Resolves to null when they cancel (the change is not saved,
   * and what they typed stays on screen).
   */
  function whoIsDoingThis(): Promise<string | null> {
    tick()
    if (current.value) {
      touch()
      return Promise.resolve(current.value)
    }
    answer?.(null)
    asking.value = true
    return new Promise((resolve) => {
      answer = resolve
    })
  }

  /** Called by the picker dialog. */
  function answerWho(picked: string | null) {
    if (picked) pick(picked)
    asking.value = false
    const resolve = answer
    answer = null
    resolve?.(picked ? name.value : null)
  }

  return { name, expiresAt, now, current, asking, pick, touch, forget, tick, whoIsDoingThis, answerWho }
})

function readStored(): { name: string; expiresAt: number } | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed = raw ? (JSON.parse(raw) as { name?: unknown; expiresAt?: unknown }) : null
    if (parsed && typeof parsed.name === 'string' && typeof parsed.expiresAt === 'number')
      return { name: parsed.name, expiresAt: parsed.expiresAt }
  } catch {
    // Storage unavailable or corrupt: simply ask for the name again.
  }
  return null
}

function writeStored(value: { name: string; expiresAt: number } | null) {
  try {
    if (value) localStorage.setItem(STORAGE_KEY, JSON.stringify(value))
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Private mode or full storage: the name still works for this page's lifetime.
  }
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useActorStore, import.meta.hot))
