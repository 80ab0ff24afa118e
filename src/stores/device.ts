import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { pendingChangeCount, watchPendingChanges } from '@/db/meta'

export type PersistResult = 'granted' | 'denied' | 'unsupported' | 'unknown'

/** What this tablet can do right now: network, durable storage, unsent changes. */
export const useDeviceStore = defineStore('device', () => {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const storagePersisted = ref<PersistResult>('unknown')
  const storageUsage = ref<{ usage: number; quota: number } | null>(null)
  /** Changes saved on this tablet that the sync server has not yet acknowledged. */
  const pendingChanges = ref(0)

  function watchNetwork() {
    const update = () => (online.value = navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }

  /** Ask the browser not to evict our IndexedDB under storage pressure. The browser
   * decides (Chromium grants installed or much-used sites); we show the answer. */
  async function requestPersistentStorage() {
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
    if (!storage?.persist) {
      storagePersisted.value = 'unsupported'
      return storagePersisted.value
    }
    const already = await storage.persisted()
    storagePersisted.value = already || (await storage.persist()) ? 'granted' : 'denied'
    if (storage.estimate) {
      const { usage = 0, quota = 0 } = await storage.estimate()
      storageUsage.value = { usage, quota }
    }
    return storagePersisted.value
  }

  async function refreshPending() {
    pendingChanges.value = await pendingChangeCount()
  }

  /** Keep `pendingChanges` live: every saved change (here or in another tab) updates it. */
  function watchPending() {
    return watchPendingChanges((count) => (pendingChanges.value = count))
  }

  return {
    online,
    storagePersisted,
    storageUsage,
    pendingChanges,
    watchNetwork,
    watchPending,
    requestPersistentStorage,
    refreshPending,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDeviceStore, import.meta.hot))
