import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { db } from '@/db/db'
import type { SyncedTable } from '@/domain/types'
import { createSyncEngine, type SyncEngine } from '@/sync/engine'
import { createHttpTransport } from '@/sync/transport.http'
import type { SyncTransport } from '@/sync/transport-types'
import { useActionsStore } from './actions'
import { useBoardStore } from './board'
import { useDeviceStore } from './device'
import { useOrgStore } from './org'

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'error' | 'update-needed' | 'removed'

/** How often a visible tablet syncs without being prompted. */
export const SYNC_INTERVAL_MS = 60_000
/** A burst of pokes (several tablets saving at once) becomes one sync. */
export const POKE_DEBOUNCE_MS = 1_500

const BOARD_TABLES: readonly SyncedTable[] = ['boards', 'measures', 'entries']

/** Sync with the server: when it runs, how it went, and what is still waiting. */
export const useSyncStore = defineStore('sync', () => {
  const org = useOrgStore()
  const board = useBoardStore()
  const actions = useActionsStore()
  const device = useDeviceStore()

  const status = ref<SyncStatus>('idle')
  const lastSyncedAt = ref<string | null>(null)
  /** Plain English for staff when the last round did not finish. */
  const errorMessage = ref<string | null>(null)
  /** Records with text versions for someone to choose between. */
  const conflicts = ref(0)
  /** Set when the server said this tablet's clock is ahead (ms). */
  const clockSkewMs = ref<number | null>(null)
  const pending = computed(() => device.pendingChanges)

  let transport: SyncTransport = createHttpTransport()
  let engine: SyncEngine = createSyncEngine({ database: db, transport })
  let running: Promise<void> | null = null
  let again = false

  /** Tests: talk to another server (e.g. the in-memory one). */
  function useTransport(next: SyncTransport) {
    transport = next
    engine = createSyncEngine({ database: db, transport })
  }

  /** Reload what the screen shows, for the tables a pull changed. */
  async function reloadStores(tables: ReadonlySet<SyncedTable>) {
    await org.load()
    const current = board.board ? org.boards.find((b) => b.id === board.board?.id) : undefined
    if (current && BOARD_TABLES.some((table) => tables.has(table))) await board.load(current.id)
    if (actions.boardId && actions.unitId && tables.has('actions')) await actions.load(actions.boardId, actions.unitId)
  }

  async function round() {
    status.value = 'syncing'
    const result = await engine.syncOnce()
    status.value = result.outcome === 'synced' ? 'idle' : result.outcome
    errorMessage.value = result.message ?? null
    if (result.outcome === 'synced') lastSyncedAt.value = new Date().toISOString()
    if (result.clockSkewMs !== undefined) clockSkewMs.value = result.clockSkewMs
    try {
      if (result.changedTables.size > 0) await reloadStores(result.changedTables)
      conflicts.value = await engine.conflictCount()
      await device.refreshPending()
    } catch {
      // The data is stored; the screen catches up on the next round or reload.
    }
  }

  /** Sync now; a call while a round runs queues one more round after it. */
  async function syncNow(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await round()
      } while (again)
    })()
    try {
      await running
    } finally {
      running = null
    }
  }

  /** Sync now, when the network returns, every minute while visible, and when the
   * server says a unit changed. Returns the function that stops all of it. */
  function start(): () => void {
    const trigger = () => void syncNow()
    const whenVisible = () => {
      if (document.visibilityState === 'visible') trigger()
    }
    let pokeTimer: ReturnType<typeof setTimeout> | undefined
    const poke = () => {
      clearTimeout(pokeTimer)
      pokeTimer = setTimeout(trigger, POKE_DEBOUNCE_MS)
    }
    let unsubscribe: (() => void)[] = []
    const stopWatchingUnits = watch(
      () => org.units.map((unit) => unit.id).join(','),
      (ids) => {
        unsubscribe.forEach((stop) => stop())
        unsubscribe = ids ? ids.split(',').map((scope) => transport.events(scope, poke)) : []
      },
      { immediate: true },
    )
    window.addEventListener('online', trigger)
    document.addEventListener('visibilitychange', whenVisible)
    const timer = setInterval(whenVisible, SYNC_INTERVAL_MS)
    trigger()
    return () => {
      stopWatchingUnits()
      unsubscribe.forEach((stop) => stop())
      window.removeEventListener('online', trigger)
      document.removeEventListener('visibilitychange', whenVisible)
      clearInterval(timer)
      clearTimeout(pokeTimer)
    }
  }

  return { status, lastSyncedAt, errorMessage, conflicts, clockSkewMs, pending, syncNow, start, useTransport }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))
