// Tablets running the real sync engine on their own fake-indexeddb database, talking to the real
// server (Fastify routes, device tokens, push and pull code) on a test database through
// `app.inject`: no sockets, so a test can run hundreds of rounds quickly. Live pokes are left out
// (they only prompt a pull); tests/e2e covers them.
import type { FastifyInstance } from 'fastify'
import { HuddleDatabase } from '@/db/db'
import { repoFor } from '@/db/repo'
import type { ServerRecord } from '@/shared/sync/protocol'
import type { TableDeclarations } from '@/shared/sync/tables'
import { createSyncEngine } from '@/sync/engine'
import { deviceCredentials, saveEnrolment } from '@/sync/enrolment'
import { createHttpTransport } from '@/sync/transport.http'
import { isFailure, type SyncTransport } from '@/sync/transport-types'
import { issueCode } from '../../../../server/devices/codes.ts'
import { fromRow } from '../../../../server/sync/records.ts'
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

export interface TabletOptions {
  /** Put something between the tablet and the server (a network that loses requests, a server that fails). */
  wrap?: (transport: SyncTransport) => SyncTransport
  /** The synced tables this version of the app knows (an older version knows fewer). */
  tables?: TableDeclarations
  /** An emptied database to use again instead of opening a new one (opening one costs more than a sync round). */
  database?: HuddleDatabase
  /** The engine's pack threshold (syncStates.ts): 1 stores every new record's state in a pack. */
  packFrom?: number
}

/** `memory`: SQLite with no file and no rate limits, for tests that enrol and push thousands of times. */
export async function startRealServer(backend: BackendName = 'sqlite', { memory = false } = {}) {
  const test: TestDatabase = await openTestDatabase(backend, { memory })
  const unlimited = { syncPerMinute: 1e9, adminPerMinute: 1e9, enrolPerMinute: 1e9 }
  const options = { devices: memory ? { limits: unlimited } : {}, heartbeatMs: 60_000 }
  let server = await startTestServer(test, options)
  const org = await makeOrg(test.db)
  const fetch = injectFetch(() => server.app)

  function tablet(name: string, { wrap, tables, database: reused, packFrom }: TabletOptions = {}) {
    const database = reused ?? new HuddleDatabase(`real-${name}-${++databases}`)
    const http = createHttpTransport({ fetch, credentials: () => deviceCredentials(database) })
    const transport: SyncTransport = { ...(wrap ? wrap(http) : http), events: () => () => undefined }
    return {
      name,
      database,
      /** Straight to the server, past `wrap`. */
      http,
      transport,
      repo: repoFor(database),
      engine: createSyncEngine({
        database,
        transport,
        ...(tables ? { tables } : {}),
        ...(packFrom ? { packFrom } : {}),
      }),
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
    /** A new trust with its CSUs and units, so a test (or one property run) starts from empty scopes. */
    newOrg: () => makeOrg(test.db),
    /** Every record the server holds in these scopes, as a pull would return it; with `after`, only those
     * changed after that sequence number of their scope. */
    async records(scopes: Iterable<string>, after: ReadonlyMap<string, number> = new Map()): Promise<ServerRecord[]> {
      const records: ServerRecord[] = []
      for (const scope of scopes) {
        const rows = await test.db
          .selectFrom('records')
          .selectAll()
          .where('scope', '=', scope)
          .where('seq', '>', after.get(scope) ?? 0)
          .execute()
        records.push(...rows.map(fromRow))
      }
      return records
    },
    /** Which of these mutation ids the server has applied. */
    async applied(mutationIds: readonly string[]): Promise<Set<string>> {
      if (mutationIds.length === 0) return new Set()
      const rows = await test.db
        .selectFrom('applied_mutations')
        .select('mutation_id')
        .where('mutation_id', 'in', mutationIds)
        .execute()
      return new Set(rows.map((row) => row.mutation_id))
    },
    /** A new server process on the same database (what a restart does); `whileStopped` runs between the two
     * (a restore from a backup). */
    async restart(whileStopped?: () => Promise<void>) {
      await server.close()
      await whileStopped?.()
      server = await startTestServer(test, options)
    },
    async close() {
      await server.close()
      await test.close()
    },
  }
}

export type RealServer = Awaited<ReturnType<typeof startRealServer>>
export type RealTablet = ReturnType<RealServer['tablet']>
