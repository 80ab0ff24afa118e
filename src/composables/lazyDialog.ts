// Dialogs fetched apart from a screen's first paint, so the board paints without their
// code. Each is fetched anyway once the browser is idle after that paint (on a screen that
// reads its values after its paint, after those values: holdIdleFetches), while the tablet
// is most likely still online: a dialog first opened after the Wi-Fi drops must not need
// the network. The service worker precaches every chunk too, but a page it does not
// control yet (the first visit, a browser that blocks workers) fetches from the network.
import { defineAsyncComponent, type AsyncComponentLoader, type Component, type ComponentPublicInstance } from 'vue'

/** Safari has no requestIdleCallback: wait this long after the screen is set up instead. */
const NO_IDLE_CALLBACK_WAIT_MS = 2000

export function lazyDialog<T extends Component = { new (): ComponentPublicInstance }>(
  loader: AsyncComponentLoader<T>,
): T {
  fetchWhenIdle(loader)
  return defineAsyncComponent(loader)
}

/** Screens whose values are not on screen yet (holdIdleFetches); idle fetches wait for all of them. */
let holds = 0
/** Fetches whose idle moment came while a screen held them: started at the next idle moment after the last release. */
const held: (() => void)[] = []

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 10_000 })
  else window.setTimeout(run, NO_IDLE_CALLBACK_WAIT_MS)
}

/**
 * Starts `loader` when the browser is idle and no screen holds idle fetches; a failed fetch is
 * tried again when the dialog opens.
 */
export function fetchWhenIdle(loader: () => Promise<unknown>): void {
  if (typeof window === 'undefined') return
  const fetchIt = () => {
    if (holds > 0) held.push(fetchIt)
    else void loader().catch(() => undefined)
  }
  whenIdle(fetchIt)
}

/**
 * Called by a screen whose values come after its first paint (the board reads IndexedDB): the
 * browser is "idle" while it waits on those reads, and dialog fetches then would compete with
 * the screen's own. Returns the release, to call once the values show (or the screen goes); a
 * second call does nothing.
 */
export function holdIdleFetches(): () => void {
  holds++
  let released = false
  return () => {
    if (released) return
    released = true
    holds--
    if (holds === 0 && held.length > 0) {
      const waiting = held.splice(0)
      whenIdle(() => waiting.forEach((fetchIt) => fetchIt()))
    }
  }
}
