// One measure's trend screen on fake IndexedDB: bad input in words, the chart's table, rebasing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import { addDays, formatDay, londonDay } from '@/domain/dates'
import { entryId } from '@/domain/ids'
import { ASSURANCE_TEXT, VARIATION_TEXT } from '@/domain/trends/format'
import type { DayEntry, EntryValue, Measure } from '@/domain/types'
import { useActorStore } from '@/stores/actor'
import MeasureTrendView from '@/views/MeasureTrendView.vue'
import { makeMeasure } from './boardFixture'
import { buttonNamed } from '../helpers/dom'

enableAutoUnmount(afterEach)

const today = londonDay()
const falls = makeMeasure({ id: 'm-falls', name: 'Falls', type: 'count', unit: 'falls', direction: 'lower', target: 0 })
const entry = (m: Measure, day: string, value: EntryValue): DayEntry => ({
  id: entryId(m.id, day),
  unitId: m.unitId,
  createdAt: today,
  updatedAt: today,
  updatedBy: 'Seed',
  measureId: m.id,
  boardId: m.boardId,
  day,
  value,
  comment: '',
})

async function open(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/trends/measure/:measureId', name: 'measure-trend', component: MeasureTrendView },
      { path: '/:any(.*)*', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  const view = mount({ template: '<RouterView />' }, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { view, router, pinia }
}

describe('MeasureTrendView', () => {
  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    await db.units.put({
      id: 'unit-1',
      unitId: 'unit-1',
      csuId: 'c',
      name: 'Ward 7',
      kind: 'ward',
      people: ['Test Nurse'],
      createdAt: today,
      updatedAt: today,
      updatedBy: 'Seed',
    })
    await db.measures.put(falls)
  })

  it.each([
    ['one value', [entry(falls, addDays(today, -2), 1)], 'Only one value has been recorded'],
    [
      'a value that is not a number',
      [entry(falls, addDays(today, -2), 1), entry(falls, addDays(today, -1), 'red'), entry(falls, today, 2)],
      'not a number',
    ],
  ])('shows the engine’s message for %s and does not crash', async (_name, entries, message) => {
    await db.entries.bulkPut(entries)
    const { view } = await open('/trends/measure/m-falls')
    await vi.waitFor(() => expect(view.find('[data-testid="spc-message"]').exists()).toBe(true))
    expect(view.get('[data-testid="spc-message"]').text()).toContain(message)
    expect(view.get('h1').text()).toBe('Falls – Ward 7')
  })

  it('says when the measure is not on this tablet', async () => {
    const { view } = await open('/trends/measure/nowhere')
    await vi.waitFor(() => expect(view.text()).toContain('This measure is not on this tablet'))
  })

  it('charts by week from the address, shows the table, and keeps a rebase on the measure', async () => {
    const entries = Array.from({ length: 200 }, (_, i) => entry(falls, addDays(today, -i), i % 4 === 0 ? 2 : 1))
    await db.entries.bulkPut(entries)
    const { view } = await open('/trends/measure/m-falls?period=week')
    useActorStore().pick('Test Nurse')
    await vi.waitFor(() => expect(view.find('[data-testid="spc-panel"]').exists()).toBe(true))
    expect(view.get('[data-testid="what-is-charted"]').text()).toContain('Charted: Falls per week')
    await buttonNamed(view, 'Show as a table').trigger('click')
    expect(view.get('[data-testid="spc-table"]').findAll('tbody tr')).toHaveLength(26)

    await view.get('#rebase-day').setValue('next week')
    await view.get('.trend-rebase__form').trigger('submit')
    expect(view.get('.trend-rebase').text()).toContain('Enter the date the change was made, for example 01/09/2026')
    expect((view.get('#rebase-day').element as HTMLInputElement).value).toBe('next week')

    const day = addDays(today, -60)
    await view.get('#rebase-day').setValue(formatDay(day))
    await view.get('.trend-rebase__form').trigger('submit')
    // Every change to the limits says why.
    await vi.waitFor(() => expect(view.get('.trend-rebase').text()).toContain('Say why the limits are changing'))
    expect((await db.measures.get('m-falls'))!.rebaseDays ?? []).toEqual([])
    await view.get('#limits-reason').setValue('Falls huddle started')
    await view.get('.trend-rebase__form').trigger('submit')
    await vi.waitFor(async () => expect((await db.measures.get('m-falls'))!.rebaseDays).toEqual([day]))
    await vi.waitFor(() =>
      expect(view.get('[data-testid="spc-table"]').text()).toContain('Limits recalculated from here'),
    )
    const history = await db.history.where('[table+recordId]').equals(['measures', 'm-falls']).toArray()
    expect(history.at(-1)).toMatchObject({ by: 'Test Nurse' })
    expect(history.at(-1)!.changes).toEqual(
      expect.arrayContaining([{ field: 'limitsReason', from: undefined, to: 'Falls huddle started' }]),
    )
  })

  it('keeps the date and reason typed, and saves nothing, when the person cancels "Who is doing this?"', async () => {
    await db.entries.bulkPut(Array.from({ length: 30 }, (_, i) => entry(falls, addDays(today, -i), i % 3)))
    const { view } = await open('/trends/measure/m-falls?period=day')
    await vi.waitFor(() => expect(view.find('[data-testid="spc-panel"]').exists()).toBe(true))
    useActorStore().forget()
    const day = formatDay(addDays(today, -10))
    await view.get('#rebase-day').setValue(day)
    await view.get('#limits-reason').setValue('New mats on the ward')
    await view.get('.trend-rebase__form').trigger('submit')
    await vi.waitFor(() => expect(useActorStore().asking).toBe(true))
    useActorStore().answerWho(null)
    await flushPromises()
    expect((view.get('#rebase-day').element as HTMLInputElement).value).toBe(day)
    expect((view.get('#limits-reason').element as HTMLInputElement).value).toBe('New mats on the ward')
    expect((await db.measures.get('m-falls'))!.rebaseDays ?? []).toEqual([])
  })

  it('fixes the limits after the first values, shows it on the chart and keeps who and why', async () => {
    await db.entries.bulkPut(
      Array.from({ length: 200 }, (_, i) => entry(falls, addDays(today, -i), i % 4 === 0 ? 2 : 1)),
    )
    const { view } = await open('/trends/measure/m-falls?period=week')
    // A name is kept only on the screen it was picked on.
    useActorStore().pick('Test Nurse')
    await vi.waitFor(() => expect(view.find('[data-testid="spc-panel"]').exists()).toBe(true))
    await view.get('#baseline-points').setValue(true)
    await view.get('#baseline-count').setValue('13')
    await view.get('#limits-reason').setValue('Baseline before the new mats')
    await view.get('.trend-rebase__baseline').trigger('submit')
    await vi.waitFor(async () =>
      expect((await db.measures.get('m-falls'))!.baseline).toEqual({ kind: 'points', points: 13 }),
    )
    await vi.waitFor(() => expect(view.get('[data-testid="spc-notes"]').text()).toMatch(/fixed on the baseline/))
    expect(view.get('.trend-rebase').text()).toContain('Now: limits fixed after the first 13 values')
    const history = await db.history.where('[table+recordId]').equals(['measures', 'm-falls']).toArray()
    expect(history.at(-1)).toMatchObject({ by: 'Test Nurse' })
    expect(
      history
        .at(-1)!
        .changes.map((c) => c.field)
        .sort(),
    ).toEqual(['baseline', 'limitsReason'])
  })

  it('prints one clean sheet: title, unit, period, chart, icons in words, the key with rebases and changes, and the values', async () => {
    const rebase = addDays(today, -60)
    await db.measures.put({ ...falls, rebaseDays: [rebase] })
    await db.entries.bulkPut(
      Array.from({ length: 200 }, (_, i) => entry(falls, addDays(today, -i), i % 4 === 0 ? 2 : 1)),
    )
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    const { view } = await open('/trends/measure/m-falls?period=week')
    await vi.waitFor(() => expect(view.find('[data-testid="spc-panel"]').exists()).toBe(true))
    const sheet = view.get('[data-testid="trend-print"]')
    // Everything else on the screen is left off the paper.
    expect(sheet.find('button, a, input, form').exists()).toBe(false)
    expect(view.get('[data-testid="spc-panel"]').element.closest('.app-no-print')).not.toBeNull()
    expect(view.get('.measure-trend__controls').element.closest('.app-no-print')).not.toBeNull()

    await buttonNamed(view, 'Print').trigger('click')
    await flushPromises()
    expect(print).toHaveBeenCalledTimes(1)
    expect(sheet.get('h1').text()).toBe('Falls – Ward 7')
    const meta = sheet.get('[data-testid="trend-print-meta"]').text()
    expect(meta).toContain('Unit: Ward 7')
    expect(meta).toContain('Weekly values')
    expect(meta).toMatch(/\d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4}/)
    // No canvas drawing in this test browser, so the chart is the summary in words (a real browser prints the image).
    expect(sheet.get('[data-testid="trend-print-chart"]').text()).toContain('Falls – Ward 7: ')
    // Icons with their words (the rebase leaves 8 weeks: too few to judge, and said so).
    expect(sheet.get('[data-testid="variation-badge"]').text()).toContain(VARIATION_TEXT.none)
    expect(Object.values(ASSURANCE_TEXT)).toContain(
      sheet.get('[data-testid="assurance-badge"]').text().replace(/^\W+/, ''),
    )
    const key = sheet.get('[data-testid="trend-print-key"]').text()
    expect(key).toContain('Solid black line: mean')
    expect(key).toContain('red dotted line: target')
    expect(key).toMatch(/Limits recalculated from w\/c \d{2}\/\d{2}\/\d{4}/)
    const rows = sheet.get('[data-testid="trend-print-values"]').findAll('tbody tr')
    expect(rows).toHaveLength(26)
    expect(rows[0]!.text()).toMatch(/^w\/c \d{2}\/\d{2}\/\d{4}/)
    print.mockRestore()
  })

  it('prints only the latest periods that fit on a sheet, and says so', async () => {
    await db.entries.bulkPut(Array.from({ length: 150 }, (_, i) => entry(falls, addDays(today, -i), i % 3)))
    const from = addDays(today, -149)
    const { view } = await open(`/trends/measure/m-falls?period=day&from=${from}&to=${today}`)
    await vi.waitFor(() => expect(view.find('[data-testid="spc-panel"]').exists()).toBe(true))
    const sheet = view.get('[data-testid="trend-print"]')
    expect(sheet.get('[data-testid="trend-print-values"]').findAll('tbody tr')).toHaveLength(92)
    expect(sheet.get('[data-testid="trend-print-values"]').findAll('table')).toHaveLength(4)
    expect(sheet.text()).toContain('The latest 92 of 150 days; download the CSV for them all.')
  })

  it('names a CSU board’s measure after the CSU board, on screen and on paper', async () => {
    await db.csus.put({ id: 'csu-m', trustId: 't', name: 'Medicine', createdAt: today })
    await db.measures.put({ ...falls, id: 'm-csu', unitId: 'csu-m', boardId: 'board-csu' })
    const { view } = await open('/trends/measure/m-csu')
    await vi.waitFor(() => expect(view.find('h1').exists()).toBe(true))
    expect(view.findAll('h1').map((h) => h.text())).toEqual([
      'Falls – Medicine CSU board',
      'Falls – Medicine CSU board',
    ])
    expect(view.get('[data-testid="trend-print-meta"]').text()).toContain('Unit: Medicine CSU board')
  })

  it('keeps typed dates and explains a start after the end', async () => {
    await db.entries.bulkPut([entry(falls, addDays(today, -2), 1), entry(falls, addDays(today, -1), 2)])
    const { view } = await open('/trends/measure/m-falls')
    await vi.waitFor(() => expect(view.find('#trend-from').exists()).toBe(true))
    await view.get('#trend-from').setValue('01/12/2026')
    await view.get('#trend-to').setValue('01/11/2026')
    await view.get('.measure-trend__range').trigger('submit')
    expect(view.text()).toContain('The start date must be on or before the end date')
    expect((view.get('#trend-from').element as HTMLInputElement).value).toBe('01/12/2026')
  })

  it('charts imported weekly values by week, from the first imported week', async () => {
    await db.entries.bulkPut([entry(falls, addDays(today, -1), 1), entry(falls, addDays(today, -2), 0)])
    const { view, router } = await open('/trends/measure/m-falls')
    useActorStore().pick('Test Nurse')
    await vi.waitFor(() => expect(view.find('[data-testid="what-is-charted"]').exists()).toBe(true))
    await buttonNamed(view, 'Import history').trigger('click')
    const first = addDays(today, -7 * 40)
    const csv = [
      'Week commencing,Falls',
      ...Array.from({ length: 30 }, (_, i) => `${formatDay(addDays(first, 7 * i))},${i % 3}`),
    ]
    const input = view.get<HTMLInputElement>('#import-file')
    Object.defineProperty(input.element, 'files', { value: [new File([csv.join('\n')], 'weekly.csv')] })
    await input.trigger('change')
    await vi.waitFor(() => expect(view.find('[data-testid="import-confirm"]').text()).toBe('Import 30 values'))
    await view.get('[data-testid="import-confirm"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.query.period).toBe('week'))
    expect(router.currentRoute.value.query.from).toBe(first)
    await vi.waitFor(() => expect(view.get('[data-testid="what-is-charted"]').text()).toContain('Falls per week'))
  })
})
