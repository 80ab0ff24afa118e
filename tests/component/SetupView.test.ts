import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import SetupView from '@/views/SetupView.vue'
import { useOrgStore } from '@/stores/org'
import { useActorStore } from '@/stores/actor'

async function mountSetup() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/setup', component: SetupView },
      { path: '/board', component: { template: '<p>board</p>' } },
      { path: '/enrol', component: { template: '<p>enrol</p>' } },
    ],
  })
  await router.push('/setup')
  const wrapper = mount(SetupView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  return { wrapper, router }
}

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  sessionStorage.clear()
})

describe('SetupView', () => {
  it('loads the demo trust in one tap and opens the board', async () => {
    const { wrapper, router } = await mountSetup()
    const demo = wrapper.findAll('button').find((b) => b.text() === 'Load the demo trust')!
    await demo.trigger('click')
    // Loading the demo writes a few thousand rows: wait for the navigation, not a fixed time.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/board'), { timeout: 10_000 })
    expect(useOrgStore().currentUnit?.name).toBe('Ward 7 – Elderly care')
    expect(await db.measures.count()).toBe(20)
    wrapper.unmount()
  })

  it('offers a third way in: enrol this tablet with a code', async () => {
    const { wrapper, router } = await mountSetup()
    const enrol = wrapper.findAll('a').find((a) => a.text() === 'Enrol this tablet with a code')!
    expect(enrol.attributes('href')).toBe('/enrol')
    await enrol.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/enrol'))
    wrapper.unmount()
  })

  it('shows every missing field in an error summary and keeps what was typed', async () => {
    const { wrapper } = await mountSetup()
    await wrapper.find('#setup-unitName').setValue('Ward 9')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const summary = wrapper.find('.nhsuk-error-summary')
    expect(summary.text()).toContain('There is a problem')
    expect(summary.text()).toContain('Enter the name of your trust')
    expect(summary.text()).not.toContain('ward or department')
    expect((wrapper.find('#setup-unitName').element as HTMLInputElement).value).toBe('Ward 9')
    expect(await db.units.count()).toBe(0)
    wrapper.unmount()
  })

  it('sets up your own board, adds you to the people list and remembers your name', async () => {
    const { wrapper, router } = await mountSetup()
    await wrapper.find('#setup-trustName').setValue('Northfield Teaching Hospitals')
    await wrapper.find('#setup-csuName').setValue('Medicine')
    await wrapper.find('#setup-unitName').setValue('Ward 9')
    await wrapper.find('#setup-yourName').setValue('Alex Kerr')
    await wrapper.find('#setup-people').setValue('Sam\nPriya')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/board'), { timeout: 10_000 })
    const unit = (await db.units.toArray())[0]!
    expect(unit).toMatchObject({ name: 'Ward 9', people: ['Alex Kerr', 'Sam', 'Priya'], updatedBy: 'Alex Kerr' })
    expect(useActorStore().current).toBe('Alex Kerr')
    wrapper.unmount()
  })
})
