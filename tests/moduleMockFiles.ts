// Unit test files that call vi.mock. The unit project shares each worker's module cache between files
// (isolate: false), which a module mock defeats: vite.config.ts runs these in a project of their own
// (unit-mocks), and tests/unit/conventions/moduleMocks.test.ts keeps this list complete.
export const UNIT_FILES_WITH_MODULE_MOCKS = ['tests/unit/sync/client/whenEnrolled.test.ts']
