// Unit and component tests run against fake-indexeddb. Tests that need a clean slate call
// `resetDatabase()` (or `recreateDatabase()`) from the data layer in `beforeEach`: the unit
// project's files share one worker's modules, app database and IndexedDB (isolate: false in
// vite.config.ts), so what a file stored is still there for the next. This file runs again
// before every test file, in such a worker too.
import 'fake-indexeddb/auto'
import { beforeEach, vi } from 'vitest'

// vi.waitFor gives up after 1 s by default. On CI's busy two-core machine a Dexie write and
// a re-render can take longer than that, and a test then fails for the machine, not the
// code. A longer default costs nothing when the condition is met quickly. Wrapped once per
// worker, not once per file that shares it.
const WAIT_FOR_TIMEOUT_MS = 10_000
const longerWaitFor = Symbol.for('lim-huddle.longerWaitFor')
type WaitFor = typeof vi.waitFor & { [longerWaitFor]?: true }
if (!(vi.waitFor as WaitFor)[longerWaitFor]) {
  const waitForWithinOneSecond = vi.waitFor
  const waitFor: WaitFor = ((callback, options) =>
    waitForWithinOneSecond(
      callback,
      typeof options === 'number' ? options : { timeout: WAIT_FOR_TIMEOUT_MS, ...options },
    )) as typeof vi.waitFor
  waitFor[longerWaitFor] = true
  vi.waitFor = waitFor
}

// Form drafts live in sessionStorage (useDraft): never let one test's typing leak into the next.
beforeEach(() => {
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
})
