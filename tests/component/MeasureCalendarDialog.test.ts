import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import MeasureCalendarDialog from '@/components/board/MeasureCalendarDialog.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, addMonths, formatMonth, londonDay, monthOf } from '@/domain/dates'
import { useActorStore } from '@/stores/actor'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { buttonNamed } from '../helpers/dom'

const today = londonDay()
const thisMonth = monthOf(today)
const lastMonth = addMonths(thisMonth, -1)
const twoMonthsAgo = addMonths(thisMonth, -2)
const falls = makeMeasure({
  id: 'm-falls',
  name: 'Falls',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 0,
  thresholds: { green: 0, red: 1 },
})

enableAutoUnmount(afterEach)

// The dialog links to the measure's trend ("See trend"), so it needs a router to resolve it.
function testRouter() {
  const stub = { template: '<div />' }
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: stub },
      { path: '/trends/measure/:measureId', name: 'measure-trend', component: stub },
    ],
  })
}

function mountCalendar(pinia: ReturnType<typeof createPinia>) {
  return mount(MeasureCalendarDialog, {
    props: { open: true, measure: falls, day: today, today },
    global: { plugins: [pinia, testRouter()] },
    attachTo: document.body,
  })
}

const day = (wrapper: ReturnType<typeof mountCalendar>, key: string) =>
  wrapper.find(`[data-testid="calendar-day-${key}"]`)

describe('MeasureCalendarDialog', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
  })

  it('shows the month of the board day, with each day coloured by status and future days disabled', async () => {
    await seedBoard(pinia, [falls], [makeEntry(falls, today, 2)])
    const calendar = mountCalendar(pinia)
    await flushPromises()
    expect(calendar.find('[data-testid="calendar-month-name"]').text()).toBe(formatMonth(thisMonth))
    expect(day(calendar, today).attributes('data-status')).toBe('red')
    expect(day(calendar, today).attributes('aria-label')).toMatch(/\(today\): Not met, 2 falls$/)
    expect(day(calendar, `${thisMonth}-01`).exists()).toBe(true)
    const tomorrow = addDays(today, 1)
    if (monthOf(tomorrow) === thisMonth) {
      expect(day(calendar, tomorrow).attributes('disabled')).toBeDefined()
      expect(day(calendar, tomorrow).attributes('aria-label')).toMatch(/in the future$/)
    }
    expect(buttonNamed(calendar, 'Next month').attributes('disabled')).toBeDefined()
    expect(calendar.get('[data-testid="see-trend"]').attributes('href')).toBe('/trends/measure/m-falls')
  })

  it('loads older months from the database when shown', async () => {
    // Further back than the few weeks the board loads at first.
    await seedBoard(pinia, [falls], [makeEntry(falls, `${twoMonthsAgo}-10`, 0)])
    const calendar = mountCalendar(pinia)
    await buttonNamed(calendar, 'Previous month').trigger('click')
    await buttonNamed(calendar, 'Previous month').trigger('click')
    await vi.waitFor(() => expect(day(calendar, `${twoMonthsAgo}-10`).attributes('data-status')).toBe('green'))
    expect(calendar.find('[data-testid="calendar-month-name"]').text()).toBe(formatMonth(twoMonthsAgo))
    expect(day(calendar, `${twoMonthsAgo}-11`).attributes('data-status')).toBe('missing')
    expect(buttonNamed(calendar, 'Next month').attributes('disabled')).toBeUndefined()
  })

  it('edits a past day with a comment, and shows who changed it', async () => {
    await seedBoard(pinia, [falls])
    useActorStore(pinia).pick('Test Nurse')
    const calendar = mountCalendar(pinia)
    await buttonNamed(calendar, 'Previous month').trigger('click')
    await flushPromises()
    const past = `${lastMonth}-15`
    await day(calendar, past).trigger('click')
    const editor = calendar.find('[data-testid="day-editor"]')
    expect(editor.exists()).toBe(true)
    await vi.waitFor(() =>
      expect(calendar.find('[data-testid="entry-history"]').text()).toContain('No changes recorded on this tablet yet'),
    )

    await buttonNamed(calendar, '3').trigger('click')
    await calendar.find('#day-editor-comment').setValue('Two in bay 4, one in the side room')
    await buttonNamed(calendar, 'Save').trigger('click')
    await vi.waitFor(async () => expect(await db.entries.get(`m-falls:${past}`)).toBeDefined())

    expect(await db.entries.get(`m-falls:${past}`)).toMatchObject({
      value: 3,
      comment: 'Two in bay 4, one in the side room',
      updatedBy: 'Test Nurse',
      day: past,
    })
    expect(await db.outbox.count()).toBe(1)
    await vi.waitFor(() =>
      expect(calendar.find('[data-testid="entry-history"]').text()).toContain(
        'Test Nurse recorded value 3 falls and comment “Two in bay 4, one in the side room”',
      ),
    )
    expect(calendar.find('[role="status"]').text()).toContain('Saved for 15/')

    // Back to the month: the day now shows its status.
    await buttonNamed(calendar, `Back to ${formatMonth(lastMonth)}`).trigger('click')
    expect(day(calendar, past).attributes('data-status')).toBe('red')
  })

  it('keeps a too-long comment and the value when the comment is rejected', async () => {
    await seedBoard(pinia, [falls])
    useActorStore(pinia).pick('Test Nurse')
    const calendar = mountCalendar(pinia)
    const past = addDays(today, -1)
    await buttonNamed(calendar, 'Previous month').trigger('click')
    if (monthOf(past) === thisMonth) await buttonNamed(calendar, 'Next month').trigger('click')
    await flushPromises()
    await day(calendar, past).trigger('click')
    await buttonNamed(calendar, '1').trigger('click')
    const long = 'x'.repeat(1001)
    await calendar.find('#day-editor-comment').setValue(long)
    await buttonNamed(calendar, 'Save').trigger('click')
    await flushPromises()
    expect(calendar.find('.nhsuk-error-summary').text()).toContain(
      'The comment must be 1000 characters or fewer (it has 1001)',
    )
    expect((calendar.find('#day-editor-comment').element as HTMLTextAreaElement).value).toBe(long)
    expect((calendar.find('[data-testid="keypad-display"]').element as HTMLInputElement).value).toBe('1')
    expect(await db.entries.count()).toBe(0)
  })
})
