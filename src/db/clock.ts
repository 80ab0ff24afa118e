// The device's hybrid logical clock, kept in `meta` rather than in memory: each stamp is
// taken inside the caller's Dexie transaction, which reads and writes the persisted
// latest stamp, so two tabs (or two writes racing) can never issue a smaller or equal
// stamp, and a restart resumes where the clock left off.
import { createClock, formatHlc, MAX_FUTURE_SKEW_MS, wallOf, type HybridClock } from '@/shared/sync/hlc'
import { newNodeId, SYNC_META, type DeviceClockRow, type HuddleDatabase } from './db'

export interface LoadedClock {
  clock: HybridClock
  /** The wall clock corrected by what the server last said the time was (ms). */
  now(): number
  /** Persist the clock (and a learned server offset); call in the same transaction. */
  save(offsetMs?: number): Promise<void>
}

/** Read inside a `rw` transaction that includes `meta`. */
export async function loadDeviceClock(database: HuddleDatabase): Promise<LoadedClock> {
  const stored = (await database.meta.get(SYNC_META.device))?.value as DeviceClockRow | undefined
  const nodeId = stored?.nodeId ?? newNodeId()
  const offset = stored?.offsetMs ?? 0
  const now = () => Date.now() + offset
  const clock = createClock(nodeId, now, capped(stored?.latest, now(), nodeId))
  return {
    clock,
    now,
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

/**
 * A stored stamp far ahead of the (corrected) wall clock, from a time the tablet's clock ran fast, is brought back
 * to the furthest ahead the server accepts. Left alone it would win over the wall clock for as long as the clock
 * had been fast: every change stamped in the future, re-stamped by the server, and the "clock is wrong" warning
 * never clearing. The server re-stamped every change sent with such a stamp, so none is stored under it.
 */
export function capped(latest: string | undefined, nowMs: number, nodeId: string): string | undefined {
  if (latest === undefined || wallOf(latest) <= nowMs + MAX_FUTURE_SKEW_MS) return latest
  return formatHlc({ wallMs: nowMs + MAX_FUTURE_SKEW_MS, counter: 0, nodeId })
}

/** Server time minus this device's time, as last learned from the sync server (0 before the first answer). */
export async function clockOffsetMs(database: HuddleDatabase): Promise<number> {
  const stored = (await database.meta.get(SYNC_META.device))?.value as DeviceClockRow | undefined
  return stored?.offsetMs ?? 0
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
