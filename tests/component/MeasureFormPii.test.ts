// The patient-identifier guard on a measure's name and description (see usePiiCheck).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MeasureForm from '@/components/measures/MeasureForm.vue'
import { db, resetDatabase } from '@/db/db'
import { DEFAULT_CATEGORIES } from '@/domain/defaults'
import { useActorStore } from '@/stores/actor'
import { seedBoard } from './boardFixture'
import { buttonNamed } from '../helpers/dom'

enableAutoUnmount(afterEach)

describe('MeasureForm: patient identifiers', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    sessionStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
    await seedBoard(pinia)
    useActorStore(pinia).pick('Test Nurse')
  })

  const mountForm = () =>
    mount(MeasureForm, {
      props: { measure: null, categories: DEFAULT_CATEGORIES },
      global: { plugins: [pinia] },
      attachTo: document.body,
    })

  it('names the field each finding is in, saves nothing, and saves once both are edited away', async () => {
    const form = mountForm()
    await form.find('#measure-name').setValue('Falls for MRN 1234567')
    await form.find('#measure-description').setValue('Counted for 943-476-5919 at handover')
    await buttonNamed(form, 'Save measure').trigger('click')
    await flushPromises()

    const items = form.findAll('[data-testid="pii-warning"] li')
    expect(items.map((li) => li.text())).toEqual([
      'a hospital number (MRN 1234567) in the name',
      'an NHS number (943-476-5919) in the description',
    ])
    expect(items.map((li) => li.find('a').attributes('href'))).toEqual(['#measure-name', '#measure-description'])
    expect(await db.measures.count()).toBe(0)

    await form.find('#measure-name').setValue('Falls')
    expect(form.findAll('[data-testid="pii-warning"] li')).toHaveLength(0)
    expect(form.find('[data-testid="pii-warning"]').text()).toContain('an NHS number (943-476-5919) in the description')
    await form.find('#measure-description').setValue('Counted at handover')
    expect(form.find('[data-testid="pii-warning"]').exists()).toBe(false)
    await buttonNamed(form, 'Save measure').trigger('click')
    await vi.waitFor(async () =>
      expect(await db.measures.toArray()).toMatchObject([{ name: 'Falls', description: 'Counted at handover' }]),
    )
  })

  it('"Save anyway" saves the measure as typed', async () => {
    const form = mountForm()
    await form.find('#measure-name').setValue('Stock 9434765919')
    await buttonNamed(form, 'Save measure').trigger('click')
    await flushPromises()
    expect(await db.measures.count()).toBe(0)
    await buttonNamed(form, 'Save anyway — it is not patient information').trigger('click')
    await vi.waitFor(async () => expect(await db.measures.toArray()).toMatchObject([{ name: 'Stock 9434765919' }]))
    await vi.waitFor(() => expect(form.emitted('saved')).toHaveLength(1))
  })
})
