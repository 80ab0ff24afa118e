import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MeasureForm from '@/components/measures/MeasureForm.vue'
import { flushDrafts } from '@/composables/useDraft'
import { db, resetDatabase } from '@/db/db'
import { DEFAULT_CATEGORIES } from '@/domain/defaults'
import type { Measure } from '@/domain/types'
import { useActorStore } from '@/stores/actor'
import { useBoardStore } from '@/stores/board'
import { makeMeasure, seedBoard } from './boardFixture'
import { buttonNamed } from '../helpers/dom'

enableAutoUnmount(afterEach)

function mountForm(pinia: ReturnType<typeof createPinia>, measure: Measure | null = null) {
  return mount(MeasureForm, {
    props: { measure, categories: DEFAULT_CATEGORIES },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
}

const value = (wrapper: ReturnType<typeof mountForm>, selector: string) =>
  (wrapper.find(selector).element as HTMLInputElement).value

describe('MeasureForm', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
  })

  it('shows an error summary and inline error for an empty name, keeping what was typed', async () => {
    await seedBoard(pinia)
    useActorStore(pinia).pick('Test Nurse')
    const form = mountForm(pinia)
    await form.find('#measure-description').setValue('Counted at the night handover')
    await buttonNamed(form, 'Save measure').trigger('click')
    await flushPromises()

    expect(form.find('.nhsuk-error-summary').text()).toContain('Enter a name for the measure')
    expect(form.find('.nhsuk-error-summary a').attributes('href')).toBe('#measure-name')
    expect(form.find('#measure-name-error').text()).toContain('Enter a name for the measure')
    expect(value(form, '#measure-description')).toBe('Counted at the night handover')
    expect(await db.measures.count()).toBe(0)
    expect(form.emitted('saved')).toBeUndefined()
  })

  it('saves a valid count measure with its thresholds and concepts', async () => {
    await seedBoard(pinia)
    useActorStore(pinia).pick('Test Nurse')
    const form = mountForm(pinia)
    await form.find('#measure-name').setValue('Falls')
    await form.find('#measure-categoryId').setValue('safety')
    await form.find('#measure-type-count').setValue(true)
    await form.find('#measure-unit').setValue('falls')
    await form.find('#measure-direction-lower').setValue(true)
    await form.find('#measure-target').setValue('0')
    await form.find('#measure-green').setValue('0')
    await form.find('#measure-red').setValue('1')
    expect(form.find('#measure-thresholds-hint').text()).toContain('Lower is better')
    await buttonNamed(form, 'Root cause / 5 whys').trigger('click')
    await buttonNamed(form, 'Save measure').trigger('click')
    await vi.waitFor(() => expect(form.emitted('saved')).toHaveLength(1))

    const stored = await db.measures.toArray()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      name: 'Falls',
      categoryId: 'safety',
      type: 'count',
      unit: 'falls',
      direction: 'lower',
      target: 0,
      thresholds: { green: 0, red: 1 },
      conceptIds: ['root-cause'],
      archived: false,
      boardId: 'board-1',
      updatedBy: 'Test Nurse',
    })
    expect(useBoardStore(pinia).activeMeasures.map((m) => m.name)).toEqual(['Falls'])
    expect(await db.outbox.where('table').equals('measures').count()).toBe(1)
  })

  it('explains thresholds that contradict the direction, and keeps them', async () => {
    await seedBoard(pinia)
    useActorStore(pinia).pick('Test Nurse')
    const form = mountForm(pinia)
    await form.find('#measure-name').setValue('Discharges before noon')
    await form.find('#measure-type-count').setValue(true)
    await form.find('#measure-direction').setValue(true) // higher is better
    await form.find('#measure-green').setValue('2')
    await form.find('#measure-red').setValue('4')
    await buttonNamed(form, 'Save measure').trigger('click')
    await flushPromises()
    expect(form.find('#measure-red-error').text()).toContain(
      'When higher is better, the red threshold must not be above the green one',
    )
    expect(value(form, '#measure-green')).toBe('2')
    expect(value(form, '#measure-red')).toBe('4')
    expect(await db.measures.count()).toBe(0)
  })

  it('saves a yes/no with the good answer, ignoring number fields typed before switching type', async () => {
    await seedBoard(pinia)
    useActorStore(pinia).pick('Test Nurse')
    const form = mountForm(pinia)
    await form.find('#measure-name').setValue('Any falls?')
    await form.find('#measure-type-count').setValue(true)
    await form.find('#measure-target').setValue('not a number')
    await form.find('#measure-type').setValue(true) // back to yes/no
    await form.find('#measure-good-no').setValue(true)
    await buttonNamed(form, 'Save measure').trigger('click')
    await vi.waitFor(() => expect(form.emitted('saved')).toHaveLength(1))
    expect(await db.measures.toArray()).toMatchObject([
      { name: 'Any falls?', type: 'yesno', goodAnswer: 'no', target: null, thresholds: null, unit: '' },
    ])
  })

  it('edits an existing measure without offering to change its type', async () => {
    const obs = makeMeasure({
      id: 'm-obs',
      name: 'Obs on time',
      type: 'percentage',
      unit: '%',
      target: 95,
      categoryId: 'quality',
    })
    await seedBoard(pinia, [obs])
    useActorStore(pinia).pick('Test Nurse')
    const form = mountForm(pinia, useBoardStore(pinia).measures[0]!)
    expect(value(form, '#measure-name')).toBe('Obs on time')
    expect(value(form, '#measure-target')).toBe('95')
    expect(form.find('#measure-type').exists()).toBe(false)
    expect(form.text()).toContain('The type cannot change')
    await form.find('#measure-name').setValue('Observations on time')
    await form.find('#measure-target').setValue('140')
    await buttonNamed(form, 'Save measure').trigger('click')
    await flushPromises()
    expect(form.find('#measure-target-error').text()).toContain('The target must be between 0 and 100')

    await form.find('#measure-target').setValue('98')
    await buttonNamed(form, 'Save measure').trigger('click')
    await vi.waitFor(async () =>
      expect(await db.measures.get('m-obs')).toMatchObject({
        name: 'Observations on time',
        target: 98,
        type: 'percentage',
        unit: '%',
      }),
    )
  })

  it('brings back an unsaved measure after a reload, until it is saved or cancelled', async () => {
    await seedBoard(pinia)
    let form = mountForm(pinia)
    await form.find('#measure-name').setValue('Pressure ulcers')
    flushDrafts()
    form.unmount()
    form = mountForm(pinia)
    expect(value(form, '#measure-name')).toBe('Pressure ulcers')
    await buttonNamed(form, 'Cancel').trigger('click')
    form.unmount()
    form = mountForm(pinia)
    expect(value(form, '#measure-name')).toBe('')
  })
})
