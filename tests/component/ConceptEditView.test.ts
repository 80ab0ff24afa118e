import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { h } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'
import ConceptChips from '@/components/common/ConceptChips.vue'
import ConceptEditView from '@/views/ConceptEditView.vue'
import ConceptView from '@/views/ConceptView.vue'
import { db, resetDatabase, SYNC_META } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import { settle } from '../helpers/dom'

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDatabase()
  sessionStorage.clear()
  await db.trusts.put({ id: 't1', name: 'Northfield NHS Trust', createdAt: '2026-11-01T10:00:00.000Z' })
})
afterEach(() => wrapper?.unmount())

async function mountAt(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useActorStore().pick('Kim Office')
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/concepts', component: { render: () => h('h1', 'All concepts') } },
      {
        path: '/item',
        component: { render: () => h('div', [h('h1', 'An action'), h(ConceptChips, { ids: ['kamishibai'] })]) },
      },
      { path: '/concepts/new', component: ConceptEditView },
      { path: '/concepts/:id', component: ConceptView },
      { path: '/concepts/:id/edit', component: ConceptEditView },
    ],
  })
  await router.push(path)
  wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper!.find('form').exists()).toBe(true), { interval: 20 })
  return { w: wrapper, router }
}

const input = (w: VueWrapper, label: string) => {
  const target = w.findAll('label').find((l) => l.text() === label)
  if (!target) throw new Error(`no field labelled ${label}`)
  return w.find(`[id="${target.attributes('for')!}"]`)
}
const summaryLinks = (w: VueWrapper) => w.findAll('.nhsuk-error-summary a').map((a) => a.text())

describe('editing a concept', () => {
  it('refuses an empty name, a duplicate name and a javascript: link, keeping what was typed, then saves a good edit', async () => {
    const { w, router } = await mountAt('/concepts/five-s/edit')
    expect(w.find('h1').text()).toBe('Edit 5S')
    expect((input(w, 'Name').element as HTMLInputElement).value).toBe('5S')

    await input(w, 'Name').setValue('  ')
    await w.find('form').trigger('submit')
    await settle()
    expect(summaryLinks(w)).toEqual(['Enter a name for the concept'])

    await input(w, 'Name').setValue('PDSA')
    await input(w, 'What it is').setValue('Our own words about 5S.')
    await w
      .findAll('button')
      .find((b) => b.text().includes('Add a resource'))!
      .trigger('click')
    await input(w, 'Resource 1: title').setValue('Trust 5S video')
    await input(w, 'Resource 1: web address').setValue('javascript:alert(1)')
    await w.find('form').trigger('submit')
    await settle()
    expect(summaryLinks(w)).toEqual([
      'There is already a concept called "PDSA". Choose a different name',
      'Resource 1: Only web links starting with https:// or http:// can be added (this one starts with javascript:)',
    ])
    expect((input(w, 'What it is').element as HTMLTextAreaElement).value).toBe('Our own words about 5S.')
    expect((input(w, 'Resource 1: web address').element as HTMLInputElement).value).toBe('javascript:alert(1)')
    expect(await db.conceptEdits.count()).toBe(0)

    await input(w, 'Name').setValue('5S: sort and shine')
    await input(w, 'Resource 1: web address').setValue('https://intranet.example.nhs.uk/5s')
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/concepts/five-s'), { interval: 20 })
    await settle()
    expect(w.find('h1').text()).toBe('5S: sort and shine')
    expect(w.text()).toContain('Our own words about 5S.')
    expect(w.find('[data-testid="concept-resources"] a').attributes()).toMatchObject({
      href: 'https://intranet.example.nhs.uk/5s',
      rel: 'noopener noreferrer',
    })
    expect(w.find('[data-testid="concept-about"]').text()).toContain('Edited by your trust')
    expect(await db.conceptEdits.get('five-s')).toMatchObject({
      name: '5S: sort and shine',
      updatedBy: 'Kim Office',
      unitId: 'library-t1',
    })
  })

  it('adds a trust concept with a chosen group, and refuses a very long summary first', async () => {
    const { w, router } = await mountAt('/concepts/new')
    expect(w.find('h1').text()).toBe('Add a trust concept')
    await input(w, 'Name').setValue('Board walk')
    await input(w, 'Summary').setValue('x'.repeat(201))
    await input(w, 'What it is').setValue('Leaders walk past every board each morning.')
    await input(w, 'Group').setValue('leading')
    await w.find('form').trigger('submit')
    await settle()
    expect(summaryLinks(w)).toEqual(['The summary must be 200 characters or fewer (it has 201)'])

    await input(w, 'Summary').setValue('Walk every board each morning.')
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toMatch(/^\/concepts\/(?!new)/), { interval: 20 })
    await settle()
    expect(w.find('h1').text()).toBe('Board walk')
    expect(w.find('.nhsuk-caption-l').text()).toBe('Leading')
  })

  it('retires a concept after asking; its page says so and linked chips still open it', async () => {
    const { w, router } = await mountAt('/concepts/kamishibai/edit')
    await w
      .findAll('button')
      .find((b) => b.text().includes('Retire Kamishibai'))!
      .trigger('click')
    await settle()
    await w
      .findAll('dialog button')
      .find((b) => b.text() === 'Retire it')!
      .trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/concepts/kamishibai'), { interval: 20 })
    await settle()
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(new Date())
    expect(w.find('[data-testid="concept-retired"]').text()).toContain(`Retired by the improvement office on ${today}`)
    expect((await db.conceptEdits.get('kamishibai'))?.retired).toBe(true)

    await router.push('/item')
    await settle()
    const chip = w.find('.concept-chips a')
    expect(chip.text()).toBe('Kamishibai (standard checks) (retired)')
    expect(chip.attributes('href')).toBe('/concepts/kamishibai')
  })

  it('shows the page read-only, with who edits it, on a device enrolled for a unit', async () => {
    await db.meta.put({
      key: SYNC_META.enrolment,
      value: {
        deviceId: 'd1',
        token: 'tok',
        serverId: 's1',
        name: 'Ward tablet',
        scope: { id: 'u7', name: 'Ward 7', kind: 'unit' },
        trust: { id: 't1', name: 'Northfield' },
        csu: { id: 'c1', name: 'Medicine', trustId: 't1' },
        units: [],
        enrolledAt: '2026-11-01T10:00:00.000Z',
      },
    })
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createRouter({
      history: createWebHistory(),
      routes: [
        { path: '/concepts/:id', component: ConceptView },
        { path: '/concepts/:id/edit', component: ConceptEditView },
      ],
    })
    await router.push('/concepts/pdsa')
    wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [pinia, router] }, attachTo: document.body })
    await vi.waitFor(() => expect(wrapper!.find('[data-testid="concept-about"]').exists()).toBe(true), { interval: 20 })
    expect(wrapper.find('[data-testid="concept-about"]').text()).toContain(
      "The trust's improvement office looks after this library.",
    )
    expect(wrapper.find('[data-testid="concept-about"] a').exists()).toBe(false)
    await router.push('/concepts/pdsa/edit')
    await vi.waitFor(() => expect(wrapper!.find('[data-testid="library-read-only"]').exists()).toBe(true), {
      interval: 20,
    })
    expect(wrapper.find('form').exists()).toBe(false)
  })
})
