import type { Page } from '@playwright/test'

/** Every row of one object store in the app's IndexedDB ('lim-huddle'), read from inside the page. */
export async function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lim-huddle')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    try {
      return await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    } finally {
      db.close()
    }
  }, store) as Promise<T[]>
}

/** How many rows one object store holds. */
export async function countStore(page: Page, store: string): Promise<number> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lim-huddle')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).count()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    } finally {
      db.close()
    }
  }, store)
}

/** Puts records into the app's IndexedDB (which the app must have opened once, so its
 * stores exist), store by store, in chunks small enough to pass into the page. */
export async function putRows(
  page: Page,
  rows: readonly (readonly [store: string, records: readonly unknown[]])[],
  chunk = 20_000,
): Promise<void> {
  for (const [store, records] of rows) {
    for (let i = 0; i < records.length; i += chunk) {
      await page.evaluate(
        async ({ store, records }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('lim-huddle')
            open.onsuccess = () => resolve(open.result)
            open.onerror = () => reject(open.error)
          })
          try {
            if (!db.objectStoreNames.contains(store)) throw new Error(`The app has not created the store ${store} yet`)
            const tx = db.transaction(store, 'readwrite')
            for (const record of records) tx.objectStore(store).put(record)
            await new Promise<void>((resolve, reject) => {
              tx.oncomplete = () => resolve()
              tx.onerror = () => reject(tx.error)
            })
          } finally {
            db.close()
          }
        },
        { store, records: records.slice(i, i + chunk) },
      )
    }
  }
}
