// When to ask the browser whether a new release is on the server. A ward tablet can
// sit on the board screen for days, so page loads alone are not enough: check on a
// timer, when the screen comes back into view and when the network returns.

export const UPDATE_CHECK_INTERVAL_MS = 30 * 60 * 1000
/** Visibility and network events can fire in bursts; one check per minute is plenty. */
export const MIN_CHECK_GAP_MS = 60 * 1000

/** The part of ServiceWorkerRegistration this module uses (so tests can fake it). */
export interface UpdatableRegistration {
  readonly installing: unknown
  update(): Promise<unknown>
}

export interface UpdateWatchOptions {
  intervalMs?: number
  minGapMs?: number
  now?: () => number
  isOnline?: () => boolean
}

/** Starts checking for a new service worker; returns a function that stops it. */
export function watchForUpdates(registration: UpdatableRegistration, options: UpdateWatchOptions = {}): () => void {
  const {
    intervalMs = UPDATE_CHECK_INTERVAL_MS,
    minGapMs = MIN_CHECK_GAP_MS,
    now = () => Date.now(),
    isOnline = () => navigator.onLine,
  } = options
  let lastCheck = now()

  function check() {
    if (now() - lastCheck < minGapMs) return
    // Offline the fetch would only fail; an install already under way will finish on its own.
    if (!isOnline() || registration.installing) return
    lastCheck = now()
    registration.update().catch(() => {
      // Server unreachable: try again at the next trigger.
    })
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible') check()
  }
  const timer = setInterval(check, intervalMs)
  document.addEventListener('visibilitychange', onVisible)
  window.addEventListener('online', check)

  return () => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisible)
    window.removeEventListener('online', check)
  }
}

const OFFLINE_READY_KEY = 'lim-huddle:offline-ready-announced'

/** "Works offline" is news once per tablet, not on every fresh install of the worker. */
export function offlineReadyAlreadyAnnounced(): boolean {
  try {
    return localStorage.getItem(OFFLINE_READY_KEY) !== null
  } catch {
    // Storage blocked by browser settings: announce again, which is harmless.
    return false
  }
}

export function markOfflineReadyAnnounced(at: Date = new Date()): void {
  try {
    localStorage.setItem(OFFLINE_READY_KEY, at.toISOString())
  } catch {
    // Storage blocked: the message may show again, which is harmless.
  }
}

/** Ask the browser to look for a new release now (the sync server said this one is too
 * old). A waiting release then shows the usual "Update now" prompt. Resolves false when
 * the check could not be made (no service worker, or offline). */
export async function checkForUpdateNow(): Promise<boolean> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration()
    if (!registration) return false
    await registration.update()
    return true
  } catch {
    // Offline, or the server is unreachable: the caller says the check could not be made.
    return false
  }
}
