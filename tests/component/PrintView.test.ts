import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import PrintView from '@/views/PrintView.vue'
import { db, resetDatabase } from '@/db/db'
import { buildDemoTrust } from '@/domain/demo'
import { entryId } from '@/domain/ids'
import { PRINT_SYMBOL } from '@/domain/print'
import { statusOf } from '@/domain/status'
import { useOrgStore } from '@/stores/org'
import { settle } from '../helpers/dom'

const TODAY = '2026-11-26'
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  // Only the clock is fixed; timers stay real so IndexedDB keeps working.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(`${TODAY}T10:00:00Z`))
  await resetDatabase()
})
afterEach(() => {
  wrapper?.unmount()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

async function mountPrint(path = '/board/print') {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useOrgStore().loadDemo(TODAY)
  const empty = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: empty },
      { path: '/board/print', component: PrintView },
      { path: '/setup', component: empty },
    ],
  })
  await router.push(path)
  wrapper = mount(PrintView, { global: { plugins: [pinia, router] } })
  await settle()
  return wrapper
}

const demo = buildDemoTrust(TODAY)
const demoMeasures = demo.measures.filter((m) => m.boardId === 'demo-board-1')
const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text().includes(text))!

describe('PrintView', () => {
  it('heads the sheet with the organisation, board, month and when it was printed', async () => {
    const w = await mountPrint()
    const header = w.find('.print-header').text()
    expect(header).toContain('Northfield Teaching Hospitals (demo) · Medicine and Elderly Care · Ward 7 – Elderly care')
    expect(w.find('h1').text()).toBe('Daily huddle board – November 2026')
    expect(header).toContain('Printed 26/11/2026 10:00')
  })

  it('prints a month calendar for every active measure, matching what was recorded', async () => {
    const w = await mountPrint()
    const blocks = w.findAll('[data-testid="print-measure"]')
    expect(blocks.map((b) => b.find('h2').text())).toEqual(demoMeasures.map((m) => m.name))

    let checked = 0
    for (const [i, measure] of demoMeasures.entries()) {
      for (const day of ['2026-11-01', '2026-11-10', '2026-11-25']) {
        const entry = demo.entries.find((e) => e.measureId === measure.id && e.day === day)
        const status = statusOf(measure, entry?.value)
        const cell = blocks[i]!.find(`[data-day="${day}"]`)
        expect(cell.attributes('data-status')).toBe(status)
        expect(cell.find('.print-cell__symbol').text()).toBe(PRINT_SYMBOL[status])
        if (typeof entry?.value === 'number') expect(cell.find('.print-cell__value').exists()).toBe(true)
        checked += entry ? 1 : 0
      }
    }
    expect(checked).toBeGreaterThan(20)
    // Today is not yet recorded in the demo, and the rest of the month has not happened.
    expect(blocks[0]!.find('[data-day="2026-11-26"]').attributes('data-status')).toBe('missing')
    expect(blocks[0]!.find('[data-day="2026-11-27"]').attributes('data-status')).toBeUndefined()
    expect(blocks[0]!.findAll('td').filter((td) => td.attributes('data-day'))).toHaveLength(30)
  })

  it('prints the key and the open actions', async () => {
    const w = await mountPrint()
    const key = w.find('[aria-label="Key"]').text()
    for (const word of ['✓', 'Good', '!', 'At risk', '✕', 'Not met', '•', 'Recorded', 'Not recorded'])
      expect(key).toContain(word)

    const rows = w.findAll('.print-actions tbody tr').map((r) => r.findAll('td').map((td) => td.text()))
    expect(rows).toHaveLength(5)
    expect(rows[0]).toEqual(['Re-stock the falls sensor mats in bay 2', 'Sam Okafor', '23/11/2026', 'Overdue'])
    expect(rows).toContainEqual(['Book bank cover for Saturday nights', 'Tom Whitley', '26/11/2026', 'Due today'])
    expect(rows).toContainEqual([
      'Ask pharmacy for a second drugs-round trolley',
      'Priya Natarajan',
      '28/11/2026',
      'Open',
    ])
  })

  it('moves to the previous month and loads its days, but not into the future', async () => {
    const w = await mountPrint()
    expect(button(w, 'Next month').attributes('disabled')).toBeDefined()

    await button(w, 'Previous month').trigger('click')
    await settle()

    expect(w.find('h1').text()).toBe('Daily huddle board – October 2026')
    const falls = demoMeasures.findIndex((m) => m.name === 'Falls')
    const block = w.findAll('[data-testid="print-measure"]')[falls]!
    expect(block.findAll('td').filter((td) => td.attributes('data-day'))).toHaveLength(31)
    // The demo holds 18 months of values: October's are loaded now, and a day it left blank stays blank.
    const entryOn = (day: string) => demo.entries.find((e) => e.measureId === demoMeasures[falls]!.id && e.day === day)
    expect(block.find('[data-day="2026-10-20"] .print-cell__value').text()).toBe(String(entryOn('2026-10-20')!.value))
    for (const day of ['2026-10-01', '2026-10-05', '2026-10-09']) {
      const entry = entryOn(day)
      if (entry) expect(block.find(`[data-day="${day}"] .print-cell__value`).text()).toBe(String(entry.value))
      else expect(block.find(`[data-day="${day}"]`).attributes('data-status')).toBe('missing')
    }
    expect(button(w, 'Next month').attributes('disabled')).toBeUndefined()
  })

  it('reads older months from the database when they are chosen', async () => {
    const w = await mountPrint()
    const falls = demoMeasures.find((m) => m.name === 'Falls')!
    // Far older than the board loads on opening: only choosing September can bring it in.
    await db.entries.put({
      ...demo.entries.find((e) => e.measureId === falls.id)!,
      id: entryId(falls.id, '2026-09-15'),
      day: '2026-09-15',
      value: 3,
    })

    await button(w, 'Previous month').trigger('click')
    await button(w, 'Previous month').trigger('click')
    await settle()

    const block = w.findAll('[data-testid="print-measure"]')[demoMeasures.indexOf(falls)]!
    expect(block.find('[data-day="2026-09-15"]').attributes('data-status')).toBe('red')
    expect(block.find('[data-day="2026-09-15"] .print-cell__value').text()).toBe('3')
  })

  it('opens on the month named in the link', async () => {
    const w = await mountPrint('/board/print?month=2026-10')
    expect(w.find('h1').text()).toBe('Daily huddle board – October 2026')
  })

  it('prints from the Print button and keeps the toolbar off the paper', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    const w = await mountPrint()
    expect(w.find('.print-toolbar').classes()).toContain('app-no-print')
    await button(w, 'Print').trigger('click')
    expect(print).toHaveBeenCalledOnce()
    expect(w.find('a[href="/board"]').text()).toBe('Back to board')
  })
})
