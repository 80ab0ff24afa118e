// The manager's roll-up, mounted on fake IndexedDB: two wards, one with a rise in falls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import { addDays, londonDay } from '@/domain/dates'
import { entryId } from '@/domain/ids'
import type { DayEntry, Measure, Unit } from '@/domain/types'
import TrendsView from '@/views/TrendsView.vue'
import { buttonNamed } from '../helpers/dom'

enableAutoUnmount(afterEach)

const at = '2026-01-01T08:00:00.000Z'
const meta = (id: string, unitId: string) => ({ id, unitId, createdAt: at, updatedAt: at, updatedBy: 'Seed' })
const unit = (id: string, name: string): Unit => ({ ...meta(id, id), csuId: 'csu', name, kind: 'ward', people: [] })
const measure = (id: string, unitId: string, name: string): Measure => ({
  ...meta(id, unitId),
  boardId: `b-${unitId}`,
  categoryId: 'safety',
  name,
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 0,
  thresholds: null,
  description: '',
  conceptIds: [],
  order: 1,
  archived: false,
})
const today = londonDay()

async function seed() {
  await db.units.bulkPut([unit('u1', 'Ward 7'), unit('u2', 'Ward 12')])
  await db.boards.bulkPut(
    ['u1', 'u2'].map((u) => ({ ...meta(`b-${u}`, u), name: 'Board', categories: [], agenda: [], huddleMinutes: 15 })),
  )
  const ms = [measure('m1', 'u1', 'Falls'), measure('m2', 'u2', 'Falls'), measure('m3', 'u2', 'Discharges before noon')]
  await db.measures.bulkPut(ms)
  const entries: DayEntry[] = []
  for (let i = 0; i < 200; i++) {
    const day = addDays(today, -200 + i)
    for (const m of ms) {
      const value = m.id === 'm2' && i >= 160 ? 7 : i % 3 === 0 ? 2 : i % 2
      entries.push({
        ...meta(entryId(m.id, day), m.unitId),
        measureId: m.id,
        boardId: m.boardId,
        day,
        value,
        comment: '',
      })
    }
  }
  await db.entries.bulkPut(entries)
}

async function mountTrends() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/trends', name: 'trends', component: TrendsView },
      { path: '/trends/measure/:measureId', name: 'measure-trend', component: { template: '<p>trend</p>' } },
    ],
  })
  await router.push('/trends')
  const view = mount({ template: '<RouterView />' }, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(view.find('[data-testid="rollup-matrix"]').exists()).toBe(true))
  return { view, router }
}

describe('TrendsView roll-up', () => {
  beforeEach(async () => {
    await resetDatabase()
    await seed()
  })

  it('shows measures × units with icons in words, says which ward needs a conversation, and opens the trend on a tap', async () => {
    const { view, router } = await mountTrends()
    const matrix = view.find('[data-testid="rollup-matrix"]')
    expect(matrix.findAll('thead th').map((th) => th.text())).toEqual([
      'Measure',
      'Ward 12 1 concern',
      'Ward 7 0 concerns',
    ])
    expect(matrix.findAll('tbody th').map((th) => th.text())).toEqual(['Discharges before noon', 'Falls'])
    expect(view.get('[data-testid="rollup-summary"]').text()).toBe('Special-cause concern on: Ward 12 (1).')

    const flagged = view.get('[data-testid="rollup-cell"][data-measure-id="m2"]')
    expect(flagged.attributes('aria-label')).toBe('Falls, Ward 12: open the trend')
    expect(flagged.text()).toContain('Special cause: concern, high')
    expect(flagged.text()).toContain('Latest: 49 (w/c') // seven days of 7 falls
    // Ward 7 has no "Discharges before noon": said in words, not left blank.
    expect(matrix.findAll('tbody tr')[0]!.text()).toContain('Not measured on this unit')

    await flagged.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('measure-trend')
    expect(router.currentRoute.value.params.measureId).toBe('m2')
    expect(router.currentRoute.value.query.period).toBe('week')
  })

  it('switches to monthly values', async () => {
    const { view } = await mountTrends()
    await buttonNamed(view, 'Monthly').trigger('click')
    await vi.waitFor(() =>
      expect(view.get('[data-testid="rollup-cell"][data-measure-id="m1"]').text()).toMatch(/Latest: \d+ \(\w+ \d{4}\)/),
    )
    expect(buttonNamed(view, 'Monthly').attributes('aria-pressed')).toBe('true')
  })
})

describe('TrendsView roll-up on a device holding two CSUs', () => {
  beforeEach(async () => {
    await resetDatabase()
    await seed()
    // Ward 7 and Ward 12 are in "csu" (Medicine); Theatres is in Surgery, and Medicine's own board has a measure.
    await db.csus.bulkPut([
      { id: 'csu', trustId: 't', name: 'Medicine', createdAt: at },
      { id: 'csu-s', trustId: 't', name: 'Surgery', createdAt: at },
    ])
    await db.units.put({ ...unit('u3', 'Theatres'), csuId: 'csu-s' })
    const extra = [measure('m4', 'u3', 'Falls'), measure('m5', 'csu', 'Falls')]
    await db.measures.bulkPut(extra)
    await db.entries.bulkPut(
      extra.flatMap((m) =>
        Array.from({ length: 60 }, (_, i) => {
          const day = addDays(today, -60 + i)
          return {
            ...meta(entryId(m.id, day), m.unitId),
            measureId: m.id,
            boardId: m.boardId,
            day,
            value: i % 2,
            comment: '',
          }
        }),
      ),
    )
  })

  it('groups the units under their CSU, with the CSU’s own board as its first column', async () => {
    const { view } = await mountTrends()
    const matrix = view.get('[data-testid="rollup-matrix"]')
    const groups = matrix.findAll('th[scope="colgroup"]')
    expect(groups.map((th) => [th.text(), th.attributes('colspan')])).toEqual([
      ['Medicine CSU', '3'],
      ['Surgery CSU', '1'],
    ])
    expect(matrix.findAll('colgroup[span]').map((c) => c.attributes('span'))).toEqual(['3', '1'])
    expect(matrix.findAll('th[scope="col"]').map((th) => th.text())).toEqual([
      'Measure',
      'Medicine CSU board 0 concerns',
      'Ward 12 1 concern',
      'Ward 7 0 concerns',
      'Theatres 0 concerns',
    ])
    const csuCell = view.get('[data-testid="rollup-cell"][data-measure-id="m5"]')
    expect(csuCell.attributes('aria-label')).toBe('Falls, Medicine CSU board: open the trend')
  })
})
