// Keep the tablet's screen on while a huddle runs. The browser drops a screen wake lock
// whenever the page is hidden (tablet locked, app switched), so it is asked for again
// when the page becomes visible, for as long as the huddle still wants it.
import { computed, getCurrentScope, onScopeDispose, ref } from 'vue'

export type WakeLockState = 'off' | 'requesting' | 'on' | 'unavailable'

export function useWakeLock() {
  const state = ref<WakeLockState>('off')
  let wanted = false
  let sentinel: WakeLockSentinel | null = null

  const supported = () => typeof navigator !== 'undefined' && 'wakeLock' in navigator && Boolean(navigator.wakeLock)

  async function acquire() {
    if (!supported()) {
      state.value = 'unavailable'
      return
    }
    if (sentinel && !sentinel.released) return
    state.value = 'requesting'
    try {
      const lock = await navigator.wakeLock.request('screen')
      if (!wanted) {
        await lock.release()
        return
      }
      sentinel = lock
      state.value = 'on'
      lock.addEventListener('release', () => {
        if (sentinel === lock) sentinel = null
        // Released by the browser (page hidden, battery saver): say so until re-acquired.
        if (wanted) state.value = 'unavailable'
      })
    } catch {
      // Refused: battery saver, page not visible, or a browser policy.
      state.value = 'unavailable'
    }
  }

  function onVisibilityChange() {
    if (wanted && document.visibilityState === 'visible') void acquire()
  }

  async function request() {
    if (wanted) return
    wanted = true
    document.addEventListener('visibilitychange', onVisibilityChange)
    await acquire()
  }

  async function release() {
    wanted = false
    document.removeEventListener('visibilitychange', onVisibilityChange)
    const lock = sentinel
    sentinel = null
    state.value = 'off'
    if (lock && !lock.released) await lock.release().catch(() => undefined)
  }

  const message = computed(() => {
    if (state.value === 'on') return 'Screen kept on'
    if (state.value === 'unavailable') return 'Screen may dim: this browser cannot keep it on'
    return ''
  })

  if (getCurrentScope()) onScopeDispose(() => void release())

  return { state, message, request, release }
}
