// The sync engine, its HTTP transport and the validators they read the server's answers
// with (zod) are a large part of the app's code, and a tablet that syncs with nobody never
// uses them. The sync store reaches them through these stand-ins, which load them the
// first time an enrolled tablet needs them: a tablet that is not enrolled never downloads
// or parses them, and one that is loads them once, after the board has painted.
import { SYNC_META, type HuddleDatabase } from '@/db/db'
import type { SyncEngine, SyncEngineOptions, SyncResult } from './engine'
import type { Enrolment } from './enrolment'
import { NOT_ENROLLED_MESSAGE } from './notEnrolled'
import type { HttpTransportOptions } from './transport.http'
import type { SyncTransport } from './transport-types'

export { readableScopeIds, writableScopeIds } from './enrolmentScopes'

type EnrolledModules = typeof import('./enrolledModules')

let loading: Promise<EnrolledModules> | undefined

/** The engine's modules, loaded once; a failed load (offline before they were cached) is tried again next time. */
function enrolledModules(): Promise<EnrolledModules> {
  loading ??= import('./enrolledModules').catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

/** Whether an enrolment is stored at all (readable or not): only then are the engine's modules worth loading. */
async function hasStoredEnrolment(database: HuddleDatabase): Promise<boolean> {
  return (await database.meta.get(SYNC_META.enrolment)) !== undefined
}

/** The stored enrolment, checked as `readEnrolment` in enrolment.ts checks it; undefined when there is none. */
export async function readEnrolment(database: HuddleDatabase): Promise<Enrolment | undefined> {
  if (!(await hasStoredEnrolment(database))) return undefined
  return (await enrolledModules()).readEnrolment(database)
}

const LOAD_FAILED_MESSAGE =
  'Sync could not start on this tablet just now. Changes are kept safe on this tablet and sync will try again.'

function emptyResult(): SyncResult {
  return {
    outcome: 'synced',
    pushed: 0,
    pulled: 0,
    changedTables: new Set(),
    held: 0,
    setAside: 0,
    localOnly: 0,
    readOnly: 0,
  }
}

/**
 * `createSyncEngine` for the sync store. A round on a tablet with no stored enrolment
 * answers 'not-enrolled' as the engine would, without loading it; otherwise the engine
 * is loaded (once) and runs the round.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  let engine: SyncEngine | undefined
  const loaded = async () => (engine ??= (await enrolledModules()).createSyncEngine(options))
  const whenEnrolled = async (round: (engine: SyncEngine) => Promise<SyncResult>): Promise<SyncResult> => {
    if (!engine && !(await hasStoredEnrolment(options.database)))
      return { ...emptyResult(), outcome: 'not-enrolled', message: NOT_ENROLLED_MESSAGE }
    let ready: SyncEngine
    try {
      ready = await loaded()
    } catch {
      return { ...emptyResult(), outcome: 'error', message: LOAD_FAILED_MESSAGE, retryable: true }
    }
    return round(ready)
  }
  return {
    syncOnce: () => whenEnrolled((ready) => ready.syncOnce()),
    pullOnce: () => whenEnrolled((ready) => ready.pullOnce()),
    pushOnce: () => whenEnrolled((ready) => ready.pushOnce()),
    pullPoked: (pokes) => whenEnrolled((ready) => ready.pullPoked(pokes)),
    conflictCount: async () => (await loaded()).conflictCount(),
  }
}

/**
 * `createHttpTransport` for the sync store: the real transport is loaded on its first
 * call. Like it, every call resolves; a transport that could not be loaded answers as
 * if the server could not be reached.
 */
export function createHttpTransport(options?: HttpTransportOptions): SyncTransport {
  let transport: SyncTransport | undefined
  const loaded = async () => (transport ??= (await enrolledModules()).createHttpTransport(options))
  const unreachable = { error: 'offline', message: LOAD_FAILED_MESSAGE } as const
  // Once loaded, a call goes straight through, without an await first: the sync engine asks for the next pull
  // page while it stores one (engine.ts pullScope), and the request reads the device's credentials from
  // IndexedDB (meta and outbox), which the page's transaction holds until it commits. Asked for in the same
  // tick, that read's transaction opens first and the request leaves at once; an await here let the page's
  // transaction open first, and the request waited until the page was stored.
  function withTransport<R>(call: (real: SyncTransport) => Promise<R>): Promise<R | typeof unreachable> {
    if (transport) return call(transport)
    return loaded().then(call, () => unreachable)
  }
  return {
    push: (request) => withTransport((real) => real.push(request)),
    pull: (request) => withTransport((real) => real.pull(request)),
    enrol: (code, deviceName) => withTransport((real) => real.enrol(code, deviceName)),
    deviceInfo: () => withTransport((real) => real.deviceInfo()),
    events(...args) {
      let stop: (() => void) | undefined
      let stopped = false
      void loaded()
        .then((real) => {
          if (!stopped) stop = real.events(...args)
        })
        // No stream until the next change of scopes; rounds still run on their timer.
        .catch(() => undefined)
      return () => {
        stopped = true
        stop?.()
      }
    },
  }
}
