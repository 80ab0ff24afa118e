import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import MeasureTile from '@/components/board/MeasureTile.vue'
import { useTileIcons } from '@/composables/useTileIcons'
import { db, resetDatabase } from '@/db/db'
import { addDays, lastDays, londonDay } from '@/domain/dates'
import type { TileIcons } from '@/domain/trends/tileIcons'
import type { DayEntry, Measure } from '@/domain/types'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { WAIT } from '../helpers/dom'

const today = londonDay()
const falls = makeMeasure({ id: 'm-falls', name: 'Falls', type: 'count', unit: 'falls', direction: 'lower' })
const beds = makeMeasure({ id: 'm-beds', name: 'Empty beds', type: 'count', unit: 'beds', order: 2 })
const steady = [3, 4, 2, 3, 5, 3, 4]
/** A month of ordinary days ending yesterday. */
function month(measure: Measure): DayEntry[] {
  return Array.from({ length: 30 }, (_, i) => makeEntry(measure, addDays(today, i - 30), steady[i % 7]!))
}

/** Mounts the composable the way the board does and exposes what it answers. */
function mountIcons() {
  const day = ref(today)
  let iconsFor: (m: Measure) => TileIcons | null = () => null
  const Harness = defineComponent({
    setup() {
      iconsFor = useTileIcons(ref('board-1'), day).iconsFor
      return () => h('div')
    },
  })
  mount(Harness)
  return { day, icons: (m: Measure) => iconsFor(m) }
}

enableAutoUnmount(afterEach)

describe('tile icons', () => {
  let pinia: ReturnType<typeof createPinia>
  beforeEach(async () => {
    await resetDatabase()
    pinia = createPinia()
    setActivePinia(pinia)
  })

  it('reads the board once and works each tile out from its own values, live', async () => {
    await seedBoard(pinia, [falls, beds], [...month(falls), ...month(beds).slice(0, 5)])
    const { icons } = mountIcons()
    await vi.waitFor(() => expect(icons(falls)).toMatchObject({ enough: true, variation: 'common-cause' }), WAIT)
    expect(icons(beds)).toEqual({ enough: false })

    const before = icons(falls)
    // Today's value on another measure: the falls icons are remembered, not worked out again.
    await db.entries.put(makeEntry(beds, today, 9))
    await vi.waitFor(() => expect(icons(beds)).toEqual({ enough: false }), WAIT)
    expect(icons(falls)).toBe(before)

    // A run of bad days on falls moves its icon as soon as they are stored.
    await db.entries.bulkPut([12, 13, 12, 14].map((v, i) => makeEntry(falls, addDays(today, i - 3), v)))
    await vi.waitFor(() => expect(icons(falls)).toMatchObject({ variation: 'concern-high' }), WAIT)
  })

  it('answers nothing for a day whose values have not been read yet', async () => {
    await seedBoard(pinia, [falls], month(falls))
    const { icons, day } = mountIcons()
    await vi.waitFor(() => expect(icons(falls)).not.toBeNull(), WAIT)
    day.value = addDays(today, -60)
    expect(icons(falls)).toBeNull()
    // Sixty days back only a fortnight's values fall in the window: not enough for limits.
    await vi.waitFor(() => expect(icons(falls)).toEqual({ enough: false }), WAIT)
  })

  it('shows the icons on the tile as shapes with letters and words for screen readers, or says there is not enough data', async () => {
    await seedBoard(pinia, [falls], month(falls))
    const props = { measure: falls, day: today, today, trendDays: lastDays(today, 14) }
    const tile = mount(MeasureTile, {
      props: { ...props, icons: { enough: true, variation: 'concern-high', assurance: 'fail' } as TileIcons },
      global: { plugins: [pinia] },
    })
    const spc = tile.find('[data-testid="tile-spc"]')
    expect(spc.findAll('svg text').map((t) => t.text())).toEqual(['H', 'F'])
    expect(spc.text()).toContain('Special cause: concern, high')
    expect(spc.text()).toContain('Target consistently missed')

    await tile.setProps({ icons: { enough: false } })
    const few = tile.find('[data-testid="tile-spc"]')
    expect(few.findAll('svg text').map((t) => t.text())).toEqual(['–'])
    expect(few.find('[aria-hidden="true"]').exists()).toBe(true)
    expect(few.find('.nhsuk-u-visually-hidden:not([aria-hidden] *)').text()).toBe('SPC: not enough data yet')
    await tile.setProps({ icons: null })
    expect(tile.find('[data-testid="tile-spc"]').text()).toBe('')
  })
})
