// The fresh-tablet bench's baseline: the same records stored by raw Dexie `bulkPut` in the
// same browser profile and run, with nothing of the app in between (no sync state, no
// merging, no history): what IndexedDB itself costs on this machine at this moment. A page
// at another origin, served by Playwright from memory, holds Dexie's own build, so the app's
// service worker and CSP never see it; its database is a separate one in the same profile.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { BrowserContext } from '@playwright/test'
import type { BenchRecord } from './syncData.ts'

const RAW_ORIGIN = 'http://bench-raw.localhost'
const dexieSource = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.min.js'), 'utf8')

/** The app's own indexes for the tables the bench unit fills (src/db/db.ts), so IndexedDB does the same index work. */
const STORES: Record<string, string> = {
  units: 'id, csuId',
  boards: 'id, unitId',
  measures: 'id, boardId, unitId',
  entries: 'id, [measureId+day], [boardId+day], unitId',
  actions: 'id, boardId, unitId',
  huddles: 'id, [boardId+day], unitId',
  ideas: 'id, boardId, unitId, status',
  checklistTemplates: 'id, boardId, unitId',
  checklistRuns: 'id, templateId, [boardId+day], unitId',
}

/**
 * Stores `records` with raw Dexie, `pageSize` records to a transaction (as the sync engine
 * stores a pulled page), each transaction one `bulkPut` per table. Returns the ms from the
 * first transaction opened to the last committed.
 */
export async function rawDexieBulkPutMs(
  context: BrowserContext,
  records: readonly BenchRecord[],
  pageSize: number,
  run: number,
): Promise<number> {
  await context.route(`${RAW_ORIGIN}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><title>raw Dexie</title><script>${dexieSource}</script>`,
    }),
  )
  const page = await context.newPage()
  try {
    await page.goto(`${RAW_ORIGIN}/`)
    return await page.evaluate(
      async ({ records, pageSize, stores, name }) => {
        const DexieClass = (window as unknown as { Dexie: new (name: string) => DexieLike }).Dexie
        interface DexieLike {
          version(n: number): { stores(s: Record<string, string>): void }
          open(): Promise<unknown>
          close(): void
          table(name: string): { bulkPut(rows: unknown[]): Promise<unknown> }
          transaction(mode: 'rw', tables: string[], work: () => Promise<unknown>): Promise<unknown>
        }
        const db = new DexieClass(name)
        db.version(1).stores(stores)
        await db.open()
        const started = performance.now()
        for (let from = 0; from < records.length; from += pageSize) {
          const byTable = new Map<string, unknown[]>()
          for (const { table, record } of records.slice(from, from + pageSize)) {
            byTable.set(table, [...(byTable.get(table) ?? []), record])
          }
          await db.transaction('rw', [...byTable.keys()], () =>
            Promise.all([...byTable].map(([table, rows]) => db.table(table).bulkPut(rows))),
          )
        }
        const ms = performance.now() - started
        db.close()
        return ms
      },
      { records: records as BenchRecord[], pageSize, stores: STORES, name: `bench-raw-${run}` },
    )
  } finally {
    await page.close()
  }
}
