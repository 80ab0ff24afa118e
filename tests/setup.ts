// Unit and component tests run against fake-indexeddb; each test file gets its own
// database because Vitest isolates modules per file. Tests that need a clean slate
// call `resetDatabase()` from the data layer in `beforeEach`.
import 'fake-indexeddb/auto'
import { beforeEach } from 'vitest'

// Form drafts live in sessionStorage (useDraft): never let one test's typing leak into the next.
beforeEach(() => {
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
})
