// The small reads and writes the first screen needs besides its live queries: the meta rows (the board
// chosen, the sync cursors) and the count of changes waiting to be sent. Apart from repo.ts, so the shell
// reads them without the write path (db/writes.ts).
import { liveQuery } from 'dexie'
import { db, type HuddleDatabase } from './db'

export function metaFor(database: HuddleDatabase) {
  async function getMeta<T>(key: string): Promise<T | undefined> {
    return (await database.meta.get(key))?.value as T | undefined
  }

  async function setMeta(key: string, value: unknown): Promise<void> {
    await database.meta.put({ key, value })
  }

  async function pendingChangeCount(): Promise<number> {
    return database.outbox.count()
  }

  /** Calls `onCount` now and whenever the outbox grows or shrinks (any tab, any writer).
   * Returns the unsubscribe function. */
  function watchPendingChanges(onCount: (count: number) => void): () => void {
    const subscription = liveQuery(() => database.outbox.count()).subscribe({ next: onCount, error: () => undefined })
    return () => subscription.unsubscribe()
  }

  return { getMeta, setMeta, pendingChangeCount, watchPendingChanges }
}

export const { getMeta, setMeta, pendingChangeCount, watchPendingChanges } = metaFor(db)
