// The MDC icons for every tile of a board, for the day it shows. One live read of the
// board's last 90 days serves all tiles; each tile's icons are worked out from its own
// measure's values only when those values (or the measure, or the day) change, so a
// value saved on one tile does not re-run the engine for the other nineteen.
import { computed, type Ref } from 'vue'
import { useBoardValues } from '@/db/queries/board'
import type { DayValue } from '@/domain/trends/aggregate'
import { tileIconRange, tileIcons, type TileIcons } from '@/domain/trends/tileIcons'
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

  /** The tile's icons; null until the board's values for this day have been read. */
  function iconsFor(measure: Measure): TileIcons | null {
    const read = live.data.value
    if (!live.loaded.value || read.range?.to !== day.value) return null
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
