import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import MeasuresView from '@/views/MeasuresView.vue'
import { db, resetDatabase } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { accessibleName, buttonNamed } from '../helpers/dom'

enableAutoUnmount(afterEach)

const falls = makeMeasure({ id: 'm-falls', name: 'Falls', type: 'count', order: 1 })
const brief = makeMeasure({ id: 'm-brief', name: 'Safety brief', type: 'yesno', order: 2 })
const cross = makeMeasure({ id: 'm-cross', name: 'Harm-free day', type: 'daystatus', order: 3 })
const obs = makeMeasure({ id: 'm-obs', name: 'Obs on time', type: 'percentage', categoryId: 'quality', order: 4 })

async function mountView(pinia: ReturnType<typeof createPinia>) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
  })
  const view = mount(MeasuresView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return view
}

const names = (view: Awaited<ReturnType<typeof mountView>>, category: string) =>
  view.findAll(`section[aria-labelledby="measures-${category}"] [data-testid="measure-row"] h3`).map((h) => h.text())

describe('MeasuresView', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
  })

  it('lists active measures by category, with move buttons disabled at the ends', async () => {
    await seedBoard(pinia, [falls, brief, cross, obs])
    const view = await mountView(pinia)
    expect(names(view, 'safety')).toEqual(['Falls', 'Safety brief', 'Harm-free day'])
    expect(names(view, 'quality')).toEqual(['Obs on time'])
    expect(view.find('section[aria-labelledby="measures-people"]').exists()).toBe(false)
    expect(buttonNamed(view, 'Move up Falls').attributes('disabled')).toBeDefined()
    expect(buttonNamed(view, 'Move down Harm-free day').attributes('disabled')).toBeDefined()
    expect(buttonNamed(view, 'Move down Falls').attributes('disabled')).toBeUndefined()
  })

  it('Move down changes the order, on screen and in storage', async () => {
    await seedBoard(pinia, [falls, brief, cross, obs])
    useActorStore(pinia).pick('Test Nurse')
    const view = await mountView(pinia)
    await buttonNamed(view, 'Move down Falls').trigger('click')
    await vi.waitFor(() => expect(names(view, 'safety')).toEqual(['Safety brief', 'Falls', 'Harm-free day']))

    const stored = (await db.measures.toArray())
      .filter((m) => m.categoryId === 'safety')
      .sort((a, b) => a.order - b.order)
    expect(stored.map((m) => m.name)).toEqual(['Safety brief', 'Falls', 'Harm-free day'])
    expect(view.find('[data-testid="measures-announcement"]').text()).toBe('Falls is now 2 of 3')
    expect(await db.outbox.count()).toBe(1)
    expect(document.activeElement?.id).toBe('move-down-m-falls')
  })

  it('Archive moves a measure to the archived list, keeping its days, and Restore brings it back', async () => {
    await seedBoard(pinia, [falls, brief, obs], [makeEntry(falls, '2026-01-05', 2)])
    useActorStore(pinia).pick('Test Nurse')
    const view = await mountView(pinia)
    expect(view.find('[data-testid="archived-measures"]').text()).toContain('None.')

    await buttonNamed(view, 'Archive Falls').trigger('click')
    await vi.waitFor(() => expect(names(view, 'safety')).toEqual(['Safety brief']))
    const archived = view.findAll('[data-testid="archived-row"]')
    expect(archived.map((row) => row.attributes('data-measure-id'))).toEqual(['m-falls'])
    expect(accessibleName(archived[0]!.find('button').element)).toBe('Restore Falls')
    expect(await db.measures.get('m-falls')).toMatchObject({ archived: true })
    expect(await db.entries.get('m-falls:2026-01-05')).toMatchObject({ value: 2 })
    expect((await db.history.where({ table: 'measures', recordId: 'm-falls' }).toArray()).map((h) => h.kind)).toEqual([
      'archived',
    ])

    await buttonNamed(view, 'Restore Falls').trigger('click')
    await vi.waitFor(() => expect(names(view, 'safety')).toEqual(['Safety brief', 'Falls']))
    expect(view.findAll('[data-testid="archived-row"]')).toHaveLength(0)
  })

  it('adds a measure through the form dialog', async () => {
    await seedBoard(pinia, [falls])
    useActorStore(pinia).pick('Test Nurse')
    const view = await mountView(pinia)
    await buttonNamed(view, 'Add a measure').trigger('click')
    await flushPromises()
    await view.find('#measure-name').setValue('Breaks taken')
    await view.find('#measure-categoryId').setValue('people')
    await buttonNamed(view, 'Save measure').trigger('click')
    await vi.waitFor(() => expect(names(view, 'people')).toEqual(['Breaks taken']))
    expect(view.find('[data-testid="measure-form"]').exists()).toBe(false)
  })
})
