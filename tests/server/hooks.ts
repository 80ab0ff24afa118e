import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { AppSyncOptions } from '../../server/api/index.ts'
import type { AppOptions } from '../../server/app.ts'
import { openTestDatabase, startTestServer, type BackendName, type TestDatabase, type TestServer } from './backends.ts'

/**
 * One database for the tests of a describe block. If it cannot be opened (PostgreSQL
 * down), every test in the block fails with the reason, rather than being skipped.
 */
export function useTestDatabase(backend: BackendName): () => TestDatabase {
  let test: TestDatabase | undefined
  let failure: unknown
  beforeAll(async () => {
    try {
      test = await openTestDatabase(backend)
    } catch (error) {
      failure = error
    }
  })
  beforeEach(() => {
    if (failure) throw failure
  })
  afterAll(async () => {
    await test?.close()
  })
  return () => test as TestDatabase
}

/** A database and the whole app over it, for a describe block (failing every test if it cannot start). */
export function useTestServer(
  backend: BackendName,
  options: Partial<AppSyncOptions> = {},
  appOptions: Partial<Pick<AppOptions, 'trustProxy' | 'timeouts'>> = {},
): () => { test: TestDatabase; server: TestServer } {
  let running: { test: TestDatabase; server: TestServer } | undefined
  let failure: unknown
  beforeAll(async () => {
    try {
      const test = await openTestDatabase(backend)
      running = {
        test,
        server: await startTestServer(test, options, appOptions).catch(async (error: unknown) => {
          await test.close()
          throw error
        }),
      }
    } catch (error) {
      failure = error
    }
  })
  beforeEach(() => {
    if (failure) throw failure
  })
  afterAll(async () => {
    await running?.server.close()
    await running?.test.close()
  })
  return () => running as { test: TestDatabase; server: TestServer }
}
