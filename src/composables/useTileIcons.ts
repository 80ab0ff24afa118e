// The MDC icons for every tile of a board, for the day it shows. One live read of the
// board's last 90 days serves all tiles; each tile's icons are worked out from its own
// measure's values only when those values (or the measure, or the day) change, so a
// value saved on one tile does not re-run the engine for the other nineteen.
// The engine (SPC and the trends' aggregation) is its own chunk, loaded when the board asks
// for icons, that is once its tiles show their values: the icons come after the values anyway.
import { computed, shallowRef, watch, type Ref } from 'vue'
import { useBoardValues } from '@/db/queries/board'
import type { DayValue } from '@/domain/trends/aggregate'
import { tileIconRange } from '@/domain/trends/tileIconRange'
import type { TileIcons } from '@/domain/trends/tileIcons'
import type { DayKey, Measure } from '@/domain/types'

interface Remembered {
  measure: Measure
  day: DayKey
  values: readonly DayValue[]
  icons: TileIcons
}

const NONE: readonly DayValue[] = []

function sameValues(a: readonly DayValue[], b: readonly DayValue[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]!.day !== b[i]!.day || a[i]!.value !== b[i]!.value) return false
  return true
}

export function useTileIcons(boardId: Ref<string | null>, day: Ref<DayKey>) {
  const range = computed(() => tileIconRange(day.value))
  const live = useBoardValues(boardId, range)
  const remembered = new Map<string, Remembered>()
  const engine = shallowRef<typeof import('@/domain/trends/tileIcons').tileIcons | null>(null)
  let loading = false
  watch(
    boardId,
    (id) => {
      if (!id || engine.value || loading) return
      loading = true
      // A failed fetch (offline before the service worker held the chunk) leaves the tiles without icons, as
      // too few values would; the next board asked for tries again.
      import('@/domain/trends/tileIcons').then(
        (module) => (engine.value = module.tileIcons),
        () => (loading = false),
      )
    },
    { immediate: true },
  )

  /** The tile's icons; null until the board's values for this day have been read (and the engine loaded). */
  function iconsFor(measure: Measure): TileIcons | null {
    const read = live.data.value
    const tileIcons = engine.value
    if (!tileIcons || !live.loaded.value || read.range?.to !== day.value) return null
    const values = read.byMeasure.get(measure.id) ?? NONE
    const last = remembered.get(measure.id)
    if (
      last &&
      last.measure.updatedAt === measure.updatedAt &&
      last.day === day.value &&
      sameValues(last.values, values)
    )
      return last.icons
    const icons = tileIcons(measure, values, day.value)
    remembered.set(measure.id, { measure, day: day.value, values, icons })
    return icons
  }

  return { iconsFor }
}
