// Unit and component tests run against fake-indexeddb; each test file gets its own
// database because Vitest isolates modules per file. Tests that need a clean slate
// call `resetDatabase()` from the data layer in `beforeEach`.
import 'fake-indexeddb/auto'
import { beforeEach, vi } from 'vitest'

// vi.waitFor gives up after 1 s by default. On CI's busy two-core machine a Dexie write and
// a re-render can take longer than that, and a test then fails for the machine, not the
// code. A longer default costs nothing when the condition is met quickly.
const waitForWithinOneSecond = vi.waitFor
const WAIT_FOR_TIMEOUT_MS = 10_000
vi.waitFor = ((callback, options) =>
  waitForWithinOneSecond(
    callback,
    typeof options === 'number' ? options : { timeout: WAIT_FOR_TIMEOUT_MS, ...options },
  )) as typeof vi.waitFor

// Form drafts live in sessionStorage (useDraft): never let one test's typing leak into the next.
beforeEach(() => {
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
})
