// What the fresh-tablet bench reads from inside the page: when each of the sync
// engine's page transactions ran, and the app's requests from the Resource Timing API.
// Nothing in the app is changed or stubbed; IndexedDB's own `transaction()` is wrapped
// to note start and commit times.
import type { Page } from '@playwright/test'
import { readAllStores } from '../tests/e2e/syncTablets.ts'

export interface TimedTransaction {
  start: number
  end: number
  committed: boolean
  /** Sync states written: rows put into syncState, and the states in a pack added to syncStatePacks (the records
   * of the page). */
  records: number
}

export interface TimedRequest {
  path: string
  startTime: number
  requestStart: number
  responseStart: number
  responseEnd: number
  bytes: number
}

export interface PageTimings {
  /** performance.now() when "Enrol this tablet" was tapped. */
  tapAt: number
  /** The sync engine's applyPage transactions (one per pulled page), in order. */
  applies: TimedTransaction[]
  requests: TimedRequest[]
}

/** Before any app script runs: note every read-write transaction that writes syncState but not
 * notSent, which on a tablet nobody is typing on is exactly applyPage in src/sync/engine.ts (a push's
 * transaction also spans notSent), and how many sync states it wrote (rows, or packs of them: src/db/syncStates.ts). */
export async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const applies: { start: number; end: number; committed: boolean; records: number }[] = []
    ;(window as unknown as { __benchApplies: typeof applies }).__benchApplies = applies
    const tracked = new WeakMap<IDBTransaction, (typeof applies)[number]>()
    // Only the sync state stores of a noted transaction count their writes, wrapped on that store object (IndexedDB
    // gives the same one for a name within a transaction), so the app rows' puts run unwrapped, as raw Dexie's do.
    // No named functions in here: the bench's TypeScript loader would wrap them in a helper the page lacks.
    const objectStore = IDBTransaction.prototype.objectStore
    IDBTransaction.prototype.objectStore = function (this: IDBTransaction, name: string) {
      const store = objectStore.call(this, name)
      const entry = tracked.get(this)
      if (entry && (name === 'syncState' || name === 'syncStatePacks') && !Object.hasOwn(store, 'put')) {
        for (const method of ['put', 'add'] as const) {
          const write = store[method]
          store[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
            entry.records += name === 'syncState' ? 1 : (value as { rows: unknown[] }).rows.length
            return write.call(this, value, key)
          }
        }
      }
      return store
    }
    const original = IDBDatabase.prototype.transaction
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      stores: string | string[],
      mode?: IDBTransactionMode,
      options?: IDBTransactionOptions,
    ) {
      const tx = original.call(this, stores, mode, options)
      const names = typeof stores === 'string' ? [stores] : [...stores]
      if (mode === 'readwrite' && names.includes('syncState') && !names.includes('notSent')) {
        const entry = { start: performance.now(), end: 0, committed: false, records: 0 }
        applies.push(entry)
        tracked.set(tx, entry)
        tx.addEventListener('complete', () => Object.assign(entry, { end: performance.now(), committed: true }))
        tx.addEventListener('abort', () => Object.assign(entry, { end: performance.now() }))
      }
      return tx
    } as typeof original
  })
}

/** Tap the button from inside the page, so the start time has no remote-control delay in it. */
export async function tap(page: Page, selector: string): Promise<void> {
  await page.evaluate((selector) => {
    const button = document.querySelector<HTMLButtonElement>(selector)
    if (!button) throw new Error(`No ${selector} on the page`)
    ;(window as unknown as { __benchTapAt: number }).__benchTapAt = performance.now()
    button.click()
  }, selector)
}

export async function readTimings(page: Page): Promise<PageTimings> {
  return page.evaluate(() => {
    const w = window as unknown as { __benchTapAt: number; __benchApplies: TimedTransaction[] }
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => new URL(entry.name).pathname.startsWith('/api/'))
      .map((entry) => ({
        path: new URL(entry.name).pathname,
        startTime: entry.startTime,
        requestStart: entry.requestStart,
        responseStart: entry.responseStart,
        responseEnd: entry.responseEnd,
        bytes: entry.encodedBodySize,
      }))
    return { tapAt: w.__benchTapAt, applies: w.__benchApplies, requests }
  })
}

/** How many records have a sync state in the app's IndexedDB: rows, and pack entries no row shadows. */
export async function countSyncStates(page: Page): Promise<{ rows: number; packed: number }> {
  const stores = await readAllStores(page)
  type State = { table: string; id: string }
  const key = (state: State) => `${state.table}/${state.id}`
  const rows = new Set((stores.syncState as State[]).map(key))
  const packed = new Set(
    (stores.syncStatePacks as { rows: State[] }[])
      .flatMap((pack) => pack.rows)
      .map(key)
      .filter((k) => !rows.has(k)),
  )
  return { rows: rows.size, packed: packed.size }
}

/** Row counts of the app's IndexedDB ('lim-huddle'), read in one transaction. */
export async function countRows(page: Page, stores: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lim-huddle')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    try {
      const tx = db.transaction(stores)
      const counts = await Promise.all(
        stores.map(
          (store) =>
            new Promise<[string, number]>((resolve, reject) => {
              const request = tx.objectStore(store).count()
              request.onsuccess = () => resolve([store, request.result])
              request.onerror = () => reject(request.error)
            }),
        ),
      )
      return Object.fromEntries(counts)
    } finally {
      db.close()
    }
  }, stores)
}

/** Waits for the enrol screen to finish its first sync: "Open the board", or the failure notice. */
export async function waitForFirstSync(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const failed = document.querySelector('.nhsuk-warning-callout')
      if (failed) return { failed: failed.textContent ?? 'The first sync did not finish' }
      const open = [...document.querySelectorAll('a')].some((a) => a.textContent?.includes('Open the board'))
      return open ? { readyAt: performance.now() } : false
    },
    undefined,
    { timeout: timeoutMs },
  )
  const outcome = (await handle.jsonValue()) as { failed?: string; readyAt?: number }
  if (outcome.failed) throw new Error(`The first sync failed: ${outcome.failed.replace(/\s+/g, ' ').trim()}`)
  return outcome.readyAt!
}
