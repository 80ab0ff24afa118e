// Which app dialogs are open, in the order they opened. "Who is doing this?" is asked inside
// the topmost one instead of as a second dialog on top of it.
import { computed, nextTick, ref } from 'vue'

const open = ref<symbol[]>([])

export function useDialogStack() {
  const me = Symbol('dialog')
  return {
    opened: () => {
      if (!open.value.includes(me)) open.value = [...open.value, me]
    },
    closed: () => {
      open.value = open.value.filter((d) => d !== me)
    },
    isTop: computed(() => open.value.at(-1) === me),
  }
}

/** Whether any app dialog is open (then it hosts the name picker itself). */
export const anyDialogOpen = computed(() => open.value.length > 0)

// The browser's Back (a phone's back gesture, a tablet's back key) closes the dialog on top
// instead of leaving the screen with the dialog's work in it. Each open dialog adds one
// history entry (same address); Back pops it and closes that dialog. A dialog closed any
// other way takes its entry back out, so a later Back leaves the screen as expected.
// The listener is added when this module loads, before the router's, so the router never
// sees these pops as navigations.
interface BackCloser {
  token: number
  /** Called when Back popped this dialog's entry. */
  popped: () => void
}
const backClosers: BackCloser[] = []
let nextToken = 1
let ownBacksPending = 0

function dialogTokenOf(state: unknown): number | undefined {
  const token = (state as { appDialog?: unknown } | null)?.appDialog
  return typeof token === 'number' ? token : undefined
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', (event) => {
    if (ownBacksPending > 0) {
      ownBacksPending -= 1
      event.stopImmediatePropagation()
      return
    }
    const top = backClosers.at(-1)
    // Still on or past this dialog's entry: the pop went somewhere else (forward, or no dialog).
    if (!top || (dialogTokenOf(event.state) ?? 0) >= top.token) return
    event.stopImmediatePropagation()
    backClosers.pop()
    top.popped()
  })
}

/**
 * Gives a dialog a history entry while it is open, so Back calls `close` instead of leaving.
 * `isOpen` says whether it is still open after `close` (a question inside it may have been
 * cancelled instead): then it gets a new entry, so the next Back closes it.
 */
export function useBackCloses(close: () => void, isOpen: () => boolean) {
  let mine: BackCloser | null = null
  const opened = () => {
    if (mine || typeof window === 'undefined') return
    const entry: BackCloser = {
      token: nextToken++,
      popped: () => {
        mine = null
        close()
        void nextTick(() => {
          if (isOpen()) opened()
        })
      },
    }
    mine = entry
    backClosers.push(entry)
    window.history.pushState({ ...(window.history.state as object | null), appDialog: entry.token }, '')
  }
  return {
    opened,
    closed: () => {
      const closing = mine
      mine = null
      if (!closing) return
      const at = backClosers.indexOf(closing)
      // Already taken off by Back: its entry is gone too.
      if (at === -1) return
      backClosers.splice(at, 1)
      if (dialogTokenOf(window.history.state) === closing.token) {
        ownBacksPending += 1
        window.history.back()
      }
    },
  }
}
