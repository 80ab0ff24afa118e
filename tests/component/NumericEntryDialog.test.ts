import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import NumericEntryDialog from '@/components/board/NumericEntryDialog.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, londonDay } from '@/domain/dates'
import type { Measure } from '@/domain/types'
import { useActorStore } from '@/stores/actor'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { buttonNamed } from '../helpers/dom'

const today = londonDay()
const obs = makeMeasure({
  id: 'm-obs',
  name: 'Observations on time',
  type: 'percentage',
  unit: '%',
  target: 95,
  thresholds: { green: 95, red: 85 },
})
const falls = makeMeasure({ id: 'm-falls', name: 'Falls', type: 'count', unit: 'falls', direction: 'lower', target: 0 })
const stay = makeMeasure({
  id: 'm-stay',
  name: 'Length of stay change',
  type: 'number',
  unit: 'days',
  direction: 'neutral',
})

function mountDialog(measure: Measure, pinia: ReturnType<typeof createPinia>) {
  // Attached, so the Save button submits its form as in a browser.
  return mount(NumericEntryDialog, {
    props: { open: true, measure, day: today, today },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
}

async function tap(wrapper: ReturnType<typeof mountDialog>, ...names: string[]) {
  for (const name of names) await buttonNamed(wrapper, name).trigger('click')
}

const display = (wrapper: ReturnType<typeof mountDialog>) =>
  (wrapper.find('[data-testid="keypad-display"]').element as HTMLInputElement).value

enableAutoUnmount(afterEach)

describe('NumericEntryDialog', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
  })

  it('rejects 140 for a percentage with a plain message and keeps "140" on screen', async () => {
    await seedBoard(pinia, [obs])
    useActorStore(pinia).pick('Test Nurse')
    const dialog = mountDialog(obs, pinia)
    await tap(dialog, '1', '4', '0', 'Save')
    await flushPromises()

    expect(display(dialog)).toBe('140')
    expect(dialog.find('#keypad-value-error').text()).toContain(
      'A percentage must be between 0 and 100 (you entered 140)',
    )
    expect(dialog.find('.nhsuk-error-summary').text()).toContain(
      'A percentage must be between 0 and 100 (you entered 140)',
    )
    expect(await db.entries.count()).toBe(0)
    expect(dialog.emitted('close')).toBeUndefined()

    // Correct it without retyping everything.
    await tap(dialog, 'Delete last digit', 'Delete last digit', '2', 'Decimal point', '5', 'Save')
    await vi.waitFor(async () => expect((await db.entries.get(`m-obs:${today}`))?.value).toBe(12.5))
    expect(await db.outbox.count()).toBe(1)
    expect(dialog.emitted('saved')).toHaveLength(1)
    expect(dialog.emitted('close')).toHaveLength(1)
  })

  it('steps a count up and down, never below zero, and has no decimal point', async () => {
    await seedBoard(pinia, [falls])
    useActorStore(pinia).pick('Test Nurse')
    const dialog = mountDialog(falls, pinia)
    expect(() => buttonNamed(dialog, 'Decimal point')).toThrow()
    // "Falls", not "Falls (falls)": the unit is not repeated when the name says it.
    expect(document.querySelector('label[for="keypad-value"]')?.textContent?.trim()).toBe('Falls')
    await tap(dialog, 'Increase by 1', 'Increase by 1', 'Increase by 1', 'Decrease by 1')
    expect(display(dialog)).toBe('2')
    await tap(dialog, 'Clear', 'Decrease by 1')
    expect(display(dialog)).toBe('0')
    await tap(dialog, '3', 'Save')
    await vi.waitFor(async () => expect((await db.entries.get(`m-falls:${today}`))?.value).toBe(3))
  })

  it('starts from the value already recorded, and asks for a value when cleared', async () => {
    await seedBoard(pinia, [falls], [makeEntry(falls, today, 4)])
    const dialog = mountDialog(falls, pinia)
    expect(display(dialog)).toBe('4')
    await tap(dialog, 'Clear', 'Save')
    await flushPromises()
    expect(dialog.find('#keypad-value-error').text()).toContain('Enter a value for Falls')
  })

  it('offers no ± key for a length of stay in days, which cannot be negative', async () => {
    const los = makeMeasure({ id: 'm-los', name: 'Average length of stay', type: 'number', unit: 'days' })
    await seedBoard(pinia, [los])
    const dialog = mountDialog(los, pinia)
    expect(dialog.find('[aria-label="Change sign"]').exists()).toBe(false)
    expect(dialog.find('[aria-label="Decimal point"]').exists()).toBe(true)
  })

  it('lets a free number go negative', async () => {
    await seedBoard(pinia, [stay])
    useActorStore(pinia).pick('Test Nurse')
    const dialog = mountDialog(stay, pinia)
    await tap(dialog, '1', 'Decimal point', '5', 'Change sign', 'Save')
    await vi.waitFor(async () => expect((await db.entries.get(`m-stay:${today}`))?.value).toBe(-1.5))
  })

  it('keeps the typed value and saves nothing when the person cancels "Who is doing this?"', async () => {
    await seedBoard(pinia, [falls])
    const actor = useActorStore(pinia)
    const dialog = mountDialog(falls, pinia)
    await tap(dialog, '2', 'Save')
    await flushPromises()
    expect(actor.asking).toBe(true)
    actor.answerWho(null)
    await flushPromises()
    expect(display(dialog)).toBe('2')
    expect(await db.entries.count()).toBe(0)
  })

  describe('the first key replaces the value shown', () => {
    it('a count: falls 4 then 5 saves 5, not 45', async () => {
      await seedBoard(pinia, [falls], [makeEntry(falls, today, 4)])
      useActorStore(pinia).pick('Test Nurse')
      const dialog = mountDialog(falls, pinia)
      await tap(dialog, '5')
      expect(display(dialog)).toBe('5')
      await tap(dialog, 'Save')
      await vi.waitFor(async () => expect((await db.entries.get(`m-falls:${today}`))?.value).toBe(5))
    })

    it('a percentage: 92 then 1-5-0 reads 150 and is refused, not 92150', async () => {
      await seedBoard(pinia, [obs], [makeEntry(obs, today, 92)])
      useActorStore(pinia).pick('Test Nurse')
      const dialog = mountDialog(obs, pinia)
      await tap(dialog, '1', '5', '0', 'Save')
      await flushPromises()
      expect(display(dialog)).toBe('150')
      expect(dialog.find('#keypad-value-error').text()).toContain('between 0 and 100')
      expect((await db.entries.get(`m-obs:${today}`))?.value).toBe(92)
    })

    it('a number: 3.5 then 2 saves 2; a deleted digit edits instead', async () => {
      await seedBoard(pinia, [stay], [makeEntry(stay, today, 3.5)])
      useActorStore(pinia).pick('Test Nurse')
      const dialog = mountDialog(stay, pinia)
      await tap(dialog, 'Delete last digit')
      expect(display(dialog)).toBe('3.')
      await tap(dialog, '2')
      expect(display(dialog)).toBe('3.2')
      await tap(dialog, 'Clear', '2', 'Save')
      await vi.waitFor(async () => expect((await db.entries.get(`m-stay:${today}`))?.value).toBe(2))
    })

    it('puts focus on the value, selected, so typing replaces it', async () => {
      await seedBoard(pinia, [falls], [makeEntry(falls, today, 4)])
      const dialog = mountDialog(falls, pinia)
      await flushPromises()
      const input = dialog.find('[data-testid="keypad-display"]').element as HTMLInputElement
      expect(document.activeElement).toBe(input)
      expect([input.selectionStart, input.selectionEnd]).toEqual([0, 1])
    })
  })

  describe('an unlikely jump asks before saving', () => {
    const history = (measure: Measure, values: number[]) =>
      values.map((value, back) => makeEntry(measure, addDays(today, -(back + 1)), value))

    it.each<[string, Measure, number[], string, number]>([
      ['a count', falls, [4, 3, 5, 4, 4], '45', 45],
      ['a percentage', obs, [12, 15, 18, 20], '100', 100],
      ['a number', stay, [5, 4.5, 5.5], '30', 30],
    ])('%s', async (_, measure, values, typed, saved) => {
      await seedBoard(pinia, [measure], history(measure, values))
      useActorStore(pinia).pick('Test Nurse')
      const dialog = mountDialog(measure, pinia)
      await tap(dialog, ...typed, 'Save')
      await flushPromises()
      expect(dialog.find('[data-testid="keypad-check"]').text()).toContain('much higher than usual')
      expect(await db.entries.get(`${measure.id}:${today}`)).toBeUndefined()
      await tap(dialog, `Yes, save ${typed}`)
      await vi.waitFor(async () => expect((await db.entries.get(`${measure.id}:${today}`))?.value).toBe(saved))
    })

    it('forgets the question once the value is changed', async () => {
      await seedBoard(pinia, [falls], history(falls, [4, 3, 5, 4, 4]))
      useActorStore(pinia).pick('Test Nurse')
      const dialog = mountDialog(falls, pinia)
      await tap(dialog, '4', '5', 'Save')
      await flushPromises()
      expect(dialog.find('[data-testid="keypad-check"]').exists()).toBe(true)
      await tap(dialog, 'Delete last digit')
      expect(dialog.find('[data-testid="keypad-check"]').exists()).toBe(false)
      await tap(dialog, 'Save')
      await vi.waitFor(async () => expect((await db.entries.get(`m-falls:${today}`))?.value).toBe(4))
    })
  })
})
