// Screens with data of their own read it again when a pull brought changes to one of
// their tables from another tablet, and not after every quiet sync round.
import { watch } from 'vue'
import type { SyncedTable } from '@/domain/types'
import { useSyncStore } from '@/stores/sync'

export function usePulledChanges(tables: readonly SyncedTable[], reload: () => Promise<unknown> | void) {
  const sync = useSyncStore()
  watch(
    () => sync.pulled.count,
    () => {
      if (tables.some((table) => sync.pulled.tables.has(table))) void reload()
    },
  )
}
