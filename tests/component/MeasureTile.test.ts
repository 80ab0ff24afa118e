import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MeasureTile from '@/components/board/MeasureTile.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, lastDays, londonDay } from '@/domain/dates'
import type { Measure } from '@/domain/types'
import { useActorStore } from '@/stores/actor'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { accessibleName, buttonNamed, WAIT } from '../helpers/dom'
import { watchDisabled } from '../helpers/focusKept'

const today = londonDay()
const briefDone = makeMeasure({ id: 'm-brief', name: 'Safety brief done', type: 'yesno', goodAnswer: 'yes' })
const harmFree = makeMeasure({ id: 'm-cross', name: 'Harm-free day', type: 'daystatus', direction: 'neutral' })
const falls = makeMeasure({
  id: 'm-falls',
  name: 'Falls',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 0,
  thresholds: { green: 0, red: 1 },
})

function mountTile(measure: Measure, pinia: ReturnType<typeof createPinia>, day = today) {
  return mount(MeasureTile, {
    props: { measure, day, today, trendDays: lastDays(day, 14) },
    global: { plugins: [pinia] },
  })
}

const button = (wrapper: ReturnType<typeof mountTile>, name: string) => buttonNamed(wrapper, name)

enableAutoUnmount(afterEach)

describe('MeasureTile', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
  })

  it('records a yes/no in one tap, with an outbox row for sync', async () => {
    await seedBoard(pinia, [briefDone])
    useActorStore(pinia).pick('Test Nurse')
    const tile = mountTile(briefDone, pinia)
    expect(tile.find('[role="group"]').attributes('aria-label')).toBe(
      `Record Safety brief done for ${today.split('-').reverse().join('/')}`,
    )

    await button(tile, 'Yes').trigger('click')
    await vi.waitFor(async () => expect(await db.entries.get(`m-brief:${today}`)).toBeDefined())

    const stored = await db.entries.get(`m-brief:${today}`)
    expect(stored).toMatchObject({ value: true, day: today, updatedBy: 'Test Nurse', comment: '' })
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ table: 'entries', recordId: `m-brief:${today}`, by: 'Test Nurse' })
    expect(outbox[0]!.fields).toMatchObject({ value: true })
    await vi.waitFor(() => expect(button(tile, 'Yes').attributes('aria-pressed')).toBe('true'), WAIT)
    expect(tile.find('[data-testid="tile-value"]').text()).toBe('Yes')
    expect(tile.attributes('data-status')).toBe('green')
  })

  it('keeps focus on the answer pressed: it is never disabled while its save runs', async () => {
    await seedBoard(pinia, [harmFree])
    useActorStore(pinia).pick('Test Nurse')
    const tile = mount(MeasureTile, {
      props: { measure: harmFree, day: today, today, trendDays: lastDays(today, 14) },
      global: { plugins: [pinia] },
      attachTo: document.body,
    })
    const amber = button(tile, 'Amber').element as HTMLButtonElement
    amber.focus()
    const watch = watchDisabled(amber)
    await button(tile, 'Amber').trigger('click')
    await vi.waitFor(async () => expect((await db.entries.get(`m-cross:${today}`))?.value).toBe('amber'), WAIT)
    await vi.waitFor(() => expect(amber.getAttribute('aria-pressed')).toBe('true'), WAIT)
    expect(watch.stop()).toBe(false)
    expect(document.activeElement).toBe(amber)
  })

  it('does not clear or re-save when the current answer is tapped again; another answer corrects it', async () => {
    await seedBoard(pinia, [briefDone], [makeEntry(briefDone, today, true, 'All three shifts')])
    useActorStore(pinia).pick('Test Nurse')
    const tile = mountTile(briefDone, pinia)

    await button(tile, 'Yes').trigger('click')
    await flushPromises()
    expect(await db.outbox.count()).toBe(0)
    expect((await db.entries.get(`m-brief:${today}`))?.value).toBe(true)

    await button(tile, 'No').trigger('click')
    await vi.waitFor(async () => expect((await db.entries.get(`m-brief:${today}`))?.value).toBe(false))
    // The day's comment survives a one-tap correction.
    expect((await db.entries.get(`m-brief:${today}`))?.comment).toBe('All three shifts')
    expect(await db.outbox.count()).toBe(1)
    // The tile shows what is stored once its live query answers again.
    await vi.waitFor(() => expect(tile.attributes('data-status')).toBe('red'), WAIT)
  })

  it('records a day status in one tap', async () => {
    await seedBoard(pinia, [harmFree])
    useActorStore(pinia).pick('Test Nurse')
    const tile = mountTile(harmFree, pinia)
    expect(tile.findAll('[role="group"] button').map((b) => accessibleName(b.element))).toEqual([
      'Green',
      'Amber',
      'Red',
    ])

    await button(tile, 'Amber').trigger('click')
    await vi.waitFor(async () => expect((await db.entries.get(`m-cross:${today}`))?.value).toBe('amber'))
    const outbox = await db.outbox.toArray()
    expect(outbox.map((o) => [o.table, o.fields.value])).toEqual([['entries', 'amber']])
    await flushPromises()
    expect(tile.text()).toContain('At risk')
    expect(button(tile, 'Amber').attributes('aria-pressed')).toBe('true')
  })

  it('refuses a day in the future with a plain message and saves nothing', async () => {
    await seedBoard(pinia, [briefDone])
    useActorStore(pinia).pick('Test Nurse')
    const tile = mountTile(briefDone, pinia, addDays(today, 1))
    await button(tile, 'No').trigger('click')
    await vi.waitFor(() =>
      expect(tile.find('[role="alert"]').text()).toContain('You cannot record a value for a day in the future'),
    )
    expect(await db.entries.count()).toBe(0)
  })

  it('asks for a value on a keypad for counts instead of tapping', async () => {
    await seedBoard(pinia, [falls])
    const tile = mountTile(falls, pinia)
    expect(tile.find('[role="group"]').exists()).toBe(false)
    await button(tile, 'Enter value for Falls').trigger('click')
    expect(tile.emitted('enterValue')?.[0]).toEqual([falls])
    await button(tile, 'Calendar for Falls').trigger('click')
    expect(tile.emitted('openCalendar')?.[0]).toEqual([falls])
  })

  it('shows the value, status, target and a 14-day trend in words', async () => {
    const yesterday = addDays(today, -1)
    await seedBoard(
      pinia,
      [falls],
      [
        makeEntry(falls, today, 2),
        makeEntry(falls, yesterday, 1),
        ...lastDays(addDays(today, -2), 10).map((day) => makeEntry(falls, day, 0)),
      ],
    )
    const tile = mountTile(falls, pinia)
    expect(tile.find('[data-testid="tile-value"]').text()).toBe('2 falls')
    expect(tile.text()).toContain('Not met')
    expect(tile.text()).toContain('Target: 0 falls or fewer')
    expect(tile.find('[data-testid="trend-summary"]').text()).toBe(
      'Last 14 days: 10 good, 1 at risk, 1 not met, 2 not recorded',
    )
  })
})
