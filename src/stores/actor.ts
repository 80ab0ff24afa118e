import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** How many recently picked names the picker offers first. */
export const RECENT_NAMES_KEPT = 8
const RECENT_KEY = 'lim-huddle.recent-names'

/**
 * "Who is doing this?" on a shared ward tablet: no login, no password, just a name picked
 * from the recent names and the board's list (org.currentPeople), or typed. The name is held
 * for the screen in hand only: the router forgets it on every change of screen, it never
 * outlives a reload and never expires on a timer, so one person's name is not carried over to
 * the next person's work, and the picker never interrupts a task half done.
 */
export const useActorStore = defineStore('actor', () => {
  /** The name picked on this screen, or '' (the next save asks). */
  const name = ref('')
  const current = computed(() => name.value)
  /** Names picked on this tablet, newest first: the picker offers them first. */
  const recent = ref<string[]>(readRecent())

  function pick(picked: string) {
    name.value = picked.trim()
    if (!name.value) return
    recent.value = [name.value, ...recent.value.filter((n) => n.toLowerCase() !== name.value.toLowerCase())].slice(
      0,
      RECENT_NAMES_KEPT,
    )
    writeRecent(recent.value)
  }

  function forget() {
    name.value = ''
  }

  /** The screen a save is about to open (a checklist just started): the name goes with it. */
  let carryingTo = ''
  function carryTo(path: string) {
    carryingTo = path
  }

  /** Called by the router on every change of screen: forget the name unless it was carried there. */
  function arrive(path: string) {
    if (path !== carryingTo) forget()
    carryingTo = ''
  }

  /** Set while the "Who is doing this?" picker is open: in the open dialog, or App.vue's own. */
  const asking = ref(false)
  let answer: ((name: string | null) => void) | null = null

  /**
   * The name to record a change under: the one picked on this screen, or whatever the
   * person picks now. Resolves to null when they cancel (the change is not saved, and what
   * they typed stays on screen).
   */
  function whoIsDoingThis(): Promise<string | null> {
    if (current.value) return Promise.resolve(current.value)
    answer?.(null)
    asking.value = true
    return new Promise((resolve) => {
      answer = resolve
    })
  }

  /** Called by the picker. */
  function answerWho(picked: string | null) {
    if (picked) pick(picked)
    asking.value = false
    const resolve = answer
    answer = null
    resolve?.(picked ? name.value : null)
  }

  return { name, current, recent, asking, pick, forget, carryTo, arrive, whoIsDoingThis, answerWho }
})

function readRecent(): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown
    return Array.isArray(parsed)
      ? parsed.filter((n): n is string => typeof n === 'string' && n.trim() !== '').slice(0, RECENT_NAMES_KEPT)
      : []
  } catch {
    // Storage unavailable or corrupt: no recent names, the board's list still shows.
    return []
  }
}

function writeRecent(names: string[]) {
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(names))
  } catch {
    // Private mode or full storage: recent names last for this page only.
  }
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useActorStore, import.meta.hot))
