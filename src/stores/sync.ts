import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { db } from '@/db/db'
import { getMeta, setMeta } from '@/db/meta'
import { countNotSent } from '@/db/notSent'
import { retryDelayMs } from '@/domain/syncStatus'
import type { PullProgress, SyncEngine, SyncResult } from '@/sync/engine'
// The engine, its transport and their validators load only once this tablet is enrolled.
import { createHttpTransport, createSyncEngine, readableScopeIds, readEnrolment } from '@/sync/whenEnrolled'
import type { ScopePoke, SyncTransport } from '@/sync/transport-types'
import { useConflictsStore } from './conflicts'
import { useDeviceStore } from './device'

/** 'not-enrolled' is a quiet state, not a failure: the tablet simply keeps its data to itself. */
export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'error' | 'update-needed' | 'removed' | 'not-enrolled'

/** How often a visible tablet makes a full round without being prompted: it asks the server what it may sync
 * now (`GET /api/device`), sends and pulls everything. */
export const SYNC_INTERVAL_MS = 60_000
// The live path has no fixed waits: a change saved here is sent at once (saves made while a push is in flight
// go together in the next one), and a poke pulls the scope it names at once, unless this tablet has already
// pulled that far. Rounds never overlap, so a burst of saves or pokes costs one or two small requests.
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
  /** What the next rounds must do: a full round, a push of what was saved, the scopes poked (→ sequence). */
  let fullWanted = false
  let pushWanted = false
  const poked = new Map<string, number>()
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
    notSent.value = await countNotSent()
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

  /** One round. A full one shows "Syncing…"; the live path's quick ones (a push after a save, a pull after a
   * poke) change the status only when they end differently, so the chip does not flicker with every change. */
  async function round(full: boolean, sync: () => Promise<SyncResult>) {
    // A tablet known to sync with nobody is never "Syncing…" (the round finds out again).
    if (full && status.value !== 'not-enrolled') status.value = 'syncing'
    const result = await sync().finally(() => (progress.value = null))
    errorMessage.value = result.message ?? null
    if (full || result.notice) notice.value = result.notice ?? null
    if (full || result.pushed > 0) {
      localOnly.value = result.localOnly
      readOnly.value = result.readOnly
    }
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
      if (full) enrolledUnits.value = await syncedScopes()
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

  /** Runs the rounds wanted, one at a time, until none is left. */
  async function work() {
    for (;;) {
      if (fullWanted) {
        // A full round sends everything and pulls every scope after this moment: it covers what was wanted.
        fullWanted = false
        pushWanted = false
        poked.clear()
        await round(true, () => engine.syncOnce())
      } else if (pushWanted) {
        pushWanted = false
        await round(false, () => engine.pushOnce())
      } else if (poked.size > 0) {
        const pokes = new Map(poked)
        poked.clear()
        await round(false, () => engine.pullPoked(pokes))
      } else return
    }
  }

  function kick(): Promise<void> {
    running ??= work().finally(() => (running = null))
    return running
  }

  /** Resolves once no round is running or wanted (tests, and anything that must not overlap a round). */
  function settled(): Promise<void> {
    return running ?? Promise.resolve()
  }

  /** A full round now; a call while a round runs queues one more after it. Resolves when the rounds are done. */
  function syncNow(): Promise<void> {
    fullWanted = true
    return kick()
  }

  /** Send what was saved here, at once; saves made while a push is in flight go in one push after it. */
  function pushNow(): Promise<void> {
    pushWanted = true
    return kick()
  }

  /** The server says `poke.scope` reached `poke.seq`: pull that scope at once (a poke that does not say which
   * scope makes a full round). */
  function pulled(poke: ScopePoke | undefined): Promise<void> {
    if (!poke) return syncNow()
    poked.set(poke.scope, Math.max(poke.seq, poked.get(poke.scope) ?? 0))
    return kick()
  }

  /** A full round at once, when the network returns and every minute while visible; a push as soon as a
   * change is saved here; a pull of a scope as soon as the server says it changed. Returns the function that
   * stops all of it. */
  function start(): () => void {
    const trigger = () => void syncNow()
    const whenVisible = () => {
      if (document.visibilityState === 'visible') trigger()
    }
    const stopWatchingPending = watch(
      () => device.pendingChanges,
      (count, before) => {
        if (count > before) void pushNow()
      },
    )
    // One stream for every scope: a browser allows six connections per host, and a stream per
    // scope left a CSU or trust tablet's pushes and pulls queued behind its own streams.
    let unsubscribe: (() => void) | undefined
    const stopWatchingUnits = watch(
      () => enrolledUnits.value.join(','),
      (ids) => {
        unsubscribe?.()
        unsubscribe = ids ? transport.events(ids.split(','), (poke) => void pulled(poke)) : undefined
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
    settled,
    start,
    useTransport,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))
