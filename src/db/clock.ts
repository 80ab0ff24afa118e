// The device's hybrid logical clock, kept in `meta` rather than in memory: each stamp is
// taken inside the caller's Dexie transaction, which reads and writes the persisted
// latest stamp, so two tabs (or two writes racing) can never issue a smaller or equal
// stamp, and a restart resumes where the clock left off.
import { createClock, type HybridClock } from '@/shared/sync/hlc'
import { newNodeId, SYNC_META, type DeviceClockRow, type HuddleDatabase } from './db'

export interface LoadedClock {
  clock: HybridClock
  /** Persist the clock (and a learned server offset); call in the same transaction. */
  save(offsetMs?: number): Promise<void>
}

/** Read inside a `rw` transaction that includes `meta`. */
export async function loadDeviceClock(database: HuddleDatabase): Promise<LoadedClock> {
  const stored = (await database.meta.get(SYNC_META.device))?.value as DeviceClockRow | undefined
  const nodeId = stored?.nodeId ?? newNodeId()
  const offset = stored?.offsetMs ?? 0
  const clock = createClock(nodeId, () => Date.now() + offset, stored?.latest)
  return {
    clock,
    async save(offsetMs = offset) {
      const latest = clock.latest()
      if (stored && latest === stored.latest && offsetMs === offset) return
      const row: DeviceClockRow = {
        nodeId,
        ...(latest !== undefined ? { latest } : {}),
        ...(offsetMs !== 0 ? { offsetMs } : {}),
      }
      await database.meta.put({ key: SYNC_META.device, value: row })
    },
  }
}

/** Run inside a `rw` transaction that includes `meta`: `use` may tick or receive. */
export async function withDeviceClock<T>(
  database: HuddleDatabase,
  use: (clock: HybridClock) => T,
  offsetMs?: number,
): Promise<T> {
  const loaded = await loadDeviceClock(database)
  const result = use(loaded.clock)
  await loaded.save(offsetMs)
  return result
}
