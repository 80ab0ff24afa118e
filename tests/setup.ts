// Unit and component tests run against fake-indexeddb; each test file gets its own
// database because Vitest isolates modules per file. Tests that need a clean slate
// call `resetDatabase()` from the data layer in `beforeEach`.
import 'fake-indexeddb/auto'
