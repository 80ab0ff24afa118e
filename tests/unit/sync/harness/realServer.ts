// Tablets running the real sync engine on their own fake-indexeddb database, talking to the real
// server (Fastify routes, device tokens, push and pull code) on a test database through
// `app.inject`: no sockets, so a test can run hundreds of rounds quickly. Live pokes are left out
// (they only prompt a pull); tests/e2e covers them.
import type { FastifyInstance } from 'fastify'
import { HuddleDatabase } from '@/db/db'
import { repoFor } from '@/db/repo'
import { createSyncEngine } from '@/sync/engine'
import { deviceCredentials, saveEnrolment } from '@/sync/enrolment'
import { createHttpTransport } from '@/sync/transport.http'
import { isFailure, type SyncTransport } from '@/sync/transport-types'
import { issueCode } from '../../../../server/devices/codes.ts'
import { openTestDatabase, startTestServer, type BackendName, type TestDatabase } from '../../../server/backends.ts'
import { makeOrg } from '../../../server/devices.fixtures.ts'

let databases = 0

/** `fetch` answered by the app in-process. */
export function injectFetch(app: () => FastifyInstance): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://tablet.test')
    const response = await app().inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: init.headers as Record<string, string>,
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
    })
    return new Response(response.statusCode === 204 ? null : response.body, {
      status: response.statusCode,
      headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') },
    })
  }) as typeof fetch
}

export async function startRealServer(backend: BackendName = 'sqlite') {
  const test: TestDatabase = await openTestDatabase(backend)
  let server = await startTestServer(test, { devices: {}, heartbeatMs: 60_000 })
  const org = await makeOrg(test.db)
  const fetch = injectFetch(() => server.app)

  function tablet(name: string, wrap?: (transport: SyncTransport) => SyncTransport) {
    const database = new HuddleDatabase(`real-${name}-${++databases}`)
    const http = createHttpTransport({ fetch, credentials: () => deviceCredentials(database) })
    const transport: SyncTransport = { ...(wrap ? wrap(http) : http), events: () => () => undefined }
    return {
      name,
      database,
      transport,
      repo: repoFor(database),
      engine: createSyncEngine({ database, transport }),
      /** Enrols it through the real enrol route, for a unit, a CSU or the trust. */
      async enrol(scopeKind: 'unit' | 'csu' | 'trust', scopeId: string) {
        const { code } = await issueCode(test.db, { scopeKind, scopeId })
        const answer = await http.enrol(code, `Tablet ${name}`)
        if (isFailure(answer)) throw new Error(answer.message)
        await saveEnrolment(database, answer, `Tablet ${name}`)
        return answer
      },
    }
  }

  return {
    test,
    org,
    tablet,
    fetch,
    /** A new server process on the same database (what a restart does); `whileStopped` runs between the two
     * (a restore from a backup). */
    async restart(whileStopped?: () => Promise<void>) {
      await server.close()
      await whileStopped?.()
      server = await startTestServer(test, { devices: {}, heartbeatMs: 60_000 })
    },
    async close() {
      await server.close()
      await test.close()
    },
  }
}

export type RealServer = Awaited<ReturnType<typeof startRealServer>>
export type RealTablet = ReturnType<RealServer['tablet']>
