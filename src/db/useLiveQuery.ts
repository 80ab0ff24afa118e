// The read side's one bridge between IndexedDB and Vue. A query function from
// `src/db/queries/` runs inside Dexie's liveQuery, so whatever later writes the tables it
// read (a save here, a pull from the server, another tab, the phone form) runs it again
// and the ref changes: screens never refresh by hand.
import { liveQuery, type Subscription } from 'dexie'
import {
  getCurrentScope,
  onScopeDispose,
  readonly,
  ref,
  shallowRef,
  watch,
  type Ref,
  type ShallowRef,
  type WatchSource,
} from 'vue'

export interface LiveQuery<T> {
  /** The latest result: `initial` until the first one arrives (check `loaded` before showing a status). */
  data: Readonly<ShallowRef<T>>
  /** False until the query has answered for the current arguments, so a screen can say
   * "Loading…" instead of showing empty or wrong values. */
  loaded: Readonly<Ref<boolean>>
  /** The last error the query threw (the data keeps its previous value). */
  error: Readonly<Ref<unknown>>
  /** Resolves once the query has answered from what is stored now. A command that has just
   * written awaits it, so whoever called the command sees the write at once. */
  settled: () => Promise<void>
  /** Stop listening (done for you when the component or store that created it goes away). */
  stop: () => void
}

/**
 * Runs `querier` now and again whenever the tables it read change. Pass `deps` (refs or
 * getters) when the query depends on reactive arguments such as the board on screen: a
 * change of them starts a fresh query and `loaded` goes back to false until it answers.
 */
export function useLiveQuery<T>(
  querier: () => T | Promise<T>,
  initial: T,
  deps?: WatchSource | readonly WatchSource[],
): LiveQuery<T> {
  const data = shallowRef<T>(initial)
  const loaded = ref(false)
  const error = ref<unknown>(null)
  let subscription: Subscription | undefined
  let generation = 0
  let stopped = false
  /** Callers of `settled()` waiting for the current subscription's next answer. */
  let waiting: (() => void)[] = []

  function answered() {
    loaded.value = true
    const done = waiting
    waiting = []
    done.forEach((resolve) => resolve())
  }

  /** A fresh subscription reads what is stored now; `freshArguments` says the old data no longer applies. */
  function start(freshArguments: boolean) {
    subscription?.unsubscribe()
    const mine = ++generation
    if (freshArguments) loaded.value = false
    subscription = liveQuery(querier).subscribe({
      next(value) {
        // A late answer from a query for earlier arguments must not overwrite the current one.
        if (mine !== generation) return
        data.value = value
        error.value = null
        answered()
      },
      error(cause: unknown) {
        if (mine !== generation) return
        error.value = cause
        answered()
      },
    })
  }

  const stopWatching =
    deps === undefined ? undefined : watch(deps as WatchSource[], () => start(true), { flush: 'sync' })
  start(true)

  function settled(): Promise<void> {
    if (stopped) return Promise.resolve()
    return new Promise((resolve) => {
      waiting.push(resolve)
      // Starting again reads after the caller's write committed; the data on screen stays
      // until the answer replaces it.
      start(false)
    })
  }

  function stop() {
    stopped = true
    stopWatching?.()
    generation += 1
    subscription?.unsubscribe()
    subscription = undefined
    const done = waiting
    waiting = []
    done.forEach((resolve) => resolve())
  }
  if (getCurrentScope()) onScopeDispose(stop)

  return {
    data: readonly(data) as Readonly<ShallowRef<T>>,
    loaded: readonly(loaded),
    error: readonly(error),
    settled,
    stop,
  }
}
