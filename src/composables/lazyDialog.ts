// Dialogs fetched apart from a screen's first paint, so the board paints without their
// code. Each is fetched anyway once the browser is idle after that paint, while the
// tablet is most likely still online: a dialog first opened after the Wi-Fi drops must
// not need the network. The service worker precaches every chunk too, but a page it does
// not control yet (the first visit, a browser that blocks workers) fetches from the network.
import { defineAsyncComponent, type AsyncComponentLoader, type Component, type ComponentPublicInstance } from 'vue'

/** Safari has no requestIdleCallback: wait this long after the screen is set up instead. */
const NO_IDLE_CALLBACK_WAIT_MS = 2000

export function lazyDialog<T extends Component = { new (): ComponentPublicInstance }>(
  loader: AsyncComponentLoader<T>,
): T {
  fetchWhenIdle(loader)
  return defineAsyncComponent(loader)
}

/** Starts `loader` when the browser is idle; a failed fetch is tried again when the dialog opens. */
export function fetchWhenIdle(loader: () => Promise<unknown>): void {
  if (typeof window === 'undefined') return
  const fetchIt = () => void loader().catch(() => undefined)
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fetchIt, { timeout: 10_000 })
  else window.setTimeout(fetchIt, NO_IDLE_CALLBACK_WAIT_MS)
}
