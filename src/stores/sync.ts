import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { db } from '@/db/db'
import { getMeta, setMeta } from '@/db/repo'
import { retryDelayMs } from '@/domain/syncStatus'
import { readableScopeIds, readEnrolment } from '@/sync/enrolment'
import { createSyncEngine, type PullProgress, type SyncEngine } from '@/sync/engine'
import { createHttpTransport } from '@/sync/transport.http'
import type { SyncTransport } from '@/sync/transport-types'
import { useConflictsStore } from './conflicts'
import { useDeviceStore } from './device'

/** 'not-enrolled' is a quiet state, not a failure: the tablet simply keeps its data to itself. */
export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'error' | 'update-needed' | 'removed' | 'not-enrolled'

/** How often a visible tablet syncs without being prompted. */
export const SYNC_INTERVAL_MS = 60_000
// Both delays are short because a change should show on the ward's other tablets within
// about 2 s, while people are still looking at the board together: save → wait → push → server notices (≤ 1 s on SQLite) → poke → wait
// → pull. Rounds never overlap and a call during one queues just one more, so short
// waits cost at most a few small extra requests.
/** A burst of pokes (several tablets saving at once) becomes one sync. */
export const POKE_DEBOUNCE_MS = 250
/** A change saved here is sent this long after the last of a burst of saves. */
export const LOCAL_CHANGE_DELAY_MS = 500
/** Dexie meta key: when the last round finished well, so "Synced 07:42" survives a reload. */
export const LAST_SYNCED_META = 'sync.lastSyncedAt'

/** Sync with the server: when it runs, how it went, and what is still waiting. */
export const useSyncStore = defineStore('sync', () => {
  const device = useDeviceStore()
  const conflictsStore = useConflictsStore()

  const status = ref<SyncStatus>('idle')
  /** When the last round finished well (ISO instant), or null if never on this tablet. */
  const lastSyncedAt = ref<string | null>(null)
  /** Plain English for staff when the last round did not finish. */
  const errorMessage = ref<string | null>(null)
  /** Worth telling staff even though the round went well (e.g. a different server). */
  const notice = ref<string | null>(null)
  /** Text fields with versions for someone to choose between. */
  const conflicts = computed(() => conflictsStore.count)
  /** While a round pulls: records stored so far and of how many ("n of N records" on a first sync). */
  const progress = ref<PullProgress | null>(null)
  const onProgress = (next: PullProgress) => (progress.value = next)
  /** Set when the server said this tablet's clock is ahead (ms). */
  const clockSkewMs = ref<number | null>(null)
  /** Changes set aside because the server refused them: listed in Settings to copy or discard. */
  const notSent = ref(0)
  /** Unsent changes to boards that are not shared (kept on this tablet only). */
  const localOnly = ref(0)
  /** Unsent changes to the trust library, which only the improvement office may send (see `notice`). */
  const readOnly = ref(0)
  /** Changes saved here that will be sent to the server. */
  const pending = computed(() => Math.max(0, device.pendingChanges - localOnly.value - readOnly.value))
  /** The scopes this tablet syncs (units, a CSU's or trust's board, the library): the ones to listen to for changes. */
  const enrolledUnits = ref<string[]>([])
  const syncedScopes = async () => [...readableScopeIds(await readEnrolment(db))].sort()

  let transport: SyncTransport = createHttpTransport()
  let engine: SyncEngine = createSyncEngine({ database: db, transport, onProgress })
  let running: Promise<void> | null = null
  let again = false
  /** Set while `start()` runs: only then are failed rounds retried on a timer. */
  let retrying = false
  let failuresInARow = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  function scheduleRetry(retryable: boolean) {
    clearTimeout(retryTimer)
    if (!retryable) {
      failuresInARow = 0
      return
    }
    failuresInARow += 1
    if (!retrying) return
    retryTimer = setTimeout(() => void syncNow(), retryDelayMs(failuresInARow))
  }

  /** How many changes are waiting in the "could not be sent" list. */
  async function refreshNotSent() {
    notSent.value = await db.notSent.count()
  }

  /** Tests: talk to another server (e.g. the in-memory one). */
  function useTransport(next: SyncTransport) {
    transport = next
    engine = createSyncEngine({ database: db, transport, onProgress })
  }

  /** What survives a reload: when this tablet last synced, and the texts to choose. */
  async function load() {
    const stored = await getMeta<string>(LAST_SYNCED_META)
    // A round may have finished while this was reading.
    if (stored && (!lastSyncedAt.value || stored > lastSyncedAt.value)) lastSyncedAt.value = stored
    enrolledUnits.value = await syncedScopes()
    // A tablet that syncs with nobody says so from the start, not "Online".
    if (status.value === 'idle' && !(await readEnrolment(db))) status.value = 'not-enrolled'
    await refreshNotSent()
    await conflictsStore.refresh()
  }

  async function round() {
    // A tablet known to sync with nobody is never "Syncing…" (the round finds out again).
    if (status.value !== 'not-enrolled') status.value = 'syncing'
    const result = await engine.syncOnce().finally(() => (progress.value = null))
    errorMessage.value = result.message ?? null
    notice.value = result.notice ?? null
    localOnly.value = result.localOnly
    readOnly.value = result.readOnly
    // The warning clears once changes go through without the server re-stamping them.
    if (result.clockSkewMs !== undefined) clockSkewMs.value = result.clockSkewMs
    else if (result.pushed > 0) clockSkewMs.value = null
    scheduleRetry(result.retryable === true)
    try {
      await refreshNotSent()
      if (result.outcome === 'synced') {
        lastSyncedAt.value = new Date().toISOString()
        await setMeta(LAST_SYNCED_META, lastSyncedAt.value)
      }
      enrolledUnits.value = await syncedScopes()
      // Screens read through live queries, so what the pull stored is on them already;
      // waiting for the conflicts list keeps "Synced" from showing before it.
      await conflictsStore.refresh()
      await device.refreshPending()
    } catch {
      // The data is stored; the screen catches up on the next round or reload.
    }
    // Only now: the round is over once the screen shows what it brought.
    status.value = result.outcome === 'synced' ? 'idle' : result.outcome
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

  /** Sync now, soon after a change is saved here, when the network returns, every minute
   * while visible, and when the server says a unit changed. Returns the function that
   * stops all of it. */
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
    let localTimer: ReturnType<typeof setTimeout> | undefined
    const stopWatchingPending = watch(
      () => device.pendingChanges,
      (count, before) => {
        if (count <= before) return
        clearTimeout(localTimer)
        localTimer = setTimeout(trigger, LOCAL_CHANGE_DELAY_MS)
      },
    )
    // One stream for every scope: a browser allows six connections per host, and a stream per
    // scope left a CSU or trust tablet's pushes and pulls queued behind its own streams.
    let unsubscribe: (() => void) | undefined
    const stopWatchingUnits = watch(
      () => enrolledUnits.value.join(','),
      (ids) => {
        unsubscribe?.()
        unsubscribe = ids ? transport.events(ids.split(','), poke) : undefined
      },
      { immediate: true },
    )
    retrying = true
    window.addEventListener('online', trigger)
    document.addEventListener('visibilitychange', whenVisible)
    const timer = setInterval(whenVisible, SYNC_INTERVAL_MS)
    void load().catch(() => undefined)
    trigger()
    return () => {
      stopWatchingPending()
      stopWatchingUnits()
      unsubscribe?.()
      window.removeEventListener('online', trigger)
      document.removeEventListener('visibilitychange', whenVisible)
      clearInterval(timer)
      clearTimeout(pokeTimer)
      clearTimeout(localTimer)
      retrying = false
      clearTimeout(retryTimer)
    }
  }

  return {
    status,
    lastSyncedAt,
    errorMessage,
    notice,
    conflicts,
    clockSkewMs,
    progress,
    localOnly,
    readOnly,
    notSent,
    refreshNotSent,
    pending,
    enrolledUnits,
    load,
    syncNow,
    start,
    useTransport,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))
