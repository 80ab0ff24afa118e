import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import ConceptsView from '@/views/ConceptsView.vue'
import { CONCEPT_CATALOGUE } from '@/domain/conceptCatalogue'
import { db, resetDatabase } from '@/db/db'
import { emptyDraft } from '@/domain/conceptEditing'
import { useConceptsStore } from '@/stores/concepts'

let wrapper: VueWrapper | undefined
afterEach(() => wrapper?.unmount())

async function mountView(at = '/concepts'): Promise<{ w: VueWrapper; router: Router }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/concepts', component: ConceptsView },
      { path: '/concepts/:id', component: { render: () => null } },
    ],
  })
  await router.push(at)
  wrapper = mount(ConceptsView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w: wrapper, router }
}

const cardNames = (w: VueWrapper) => w.findAll('[data-testid="concept-card"] a').map((a) => a.text())
const count = (w: VueWrapper) => w.find('[data-testid="concepts-count"]').text()

describe('ConceptsView', () => {
  it('shows every concept under its group, each card linking to its page', async () => {
    const { w } = await mountView()
    expect(cardNames(w)).toHaveLength(CONCEPT_CATALOGUE.length)
    expect(w.findAll('h2').map((h) => h.text())).toEqual([
      'Daily management',
      'Measuring',
      'Standard work',
      'Improvement',
      'Flow',
      'Leading',
    ])
    expect(count(w)).toBe(`${CONCEPT_CATALOGUE.length} concepts`)
    const kamishibai = w.findAll('[data-testid="concept-card"] a').find((a) => a.text().startsWith('Kamishibai'))!
    expect(kamishibai.attributes('href')).toBe('/concepts/kamishibai')
  })

  it('filters by words anywhere in the page, and keeps the search in the address', async () => {
    const { w, router } = await mountView()
    await w.find('[data-testid="concept-search"]').setValue('gloves')
    await flushPromises()
    expect(cardNames(w)).toEqual(['Pull'])
    expect(count(w)).toBe('1 concept matches your search')
    expect(router.currentRoute.value.query).toEqual({ q: 'gloves' })

    await w.find('[data-testid="concept-search"]').setValue('flow')
    expect(cardNames(w)[0]).toBe('Flow')
    expect(cardNames(w).length).toBeGreaterThan(1)
  })

  it('shows one group at a time, and combines it with the search', async () => {
    const { w, router } = await mountView()
    await w.find('[data-testid="group-flow"]').trigger('click')
    await flushPromises()
    expect(cardNames(w)).toEqual(['Flow', 'Pull', 'Takt time', 'Value stream mapping'])
    expect(w.find('[data-testid="group-flow"]').attributes('aria-pressed')).toBe('true')
    expect(router.currentRoute.value.query).toEqual({ group: 'flow' })

    await w.find('[data-testid="concept-search"]').setValue('huddle')
    expect(cardNames(w).every((name) => ['Flow', 'Pull', 'Takt time', 'Value stream mapping'].includes(name))).toBe(
      true,
    )
  })

  it('says so when nothing matches, and offers every concept again', async () => {
    const { w } = await mountView()
    await w.find('[data-testid="concept-search"]').setValue('zebra')
    expect(cardNames(w)).toEqual([])
    expect(w.find('[data-testid="concepts-none"]').text()).toContain('No concept matches "zebra"')
    await w.find('[data-testid="concepts-none"] button').trigger('click')
    expect(cardNames(w)).toHaveLength(CONCEPT_CATALOGUE.length)
  })

  it('comes back to the same search and group from the address', async () => {
    const { w } = await mountView('/concepts?q=stock&group=flow')
    expect((w.find('[data-testid="concept-search"]').element as HTMLInputElement).value).toBe('stock')
    expect(w.find('[data-testid="group-flow"]').attributes('aria-pressed')).toBe('true')
    expect(cardNames(w)).toContain('Pull')
    expect(cardNames(w).every((name) => ['Flow', 'Pull', 'Takt time', 'Value stream mapping'].includes(name))).toBe(
      true,
    )
  })

  it("hides retired concepts unless asked, and lists the trust's own concepts with an Add link", async () => {
    await resetDatabase()
    await db.trusts.put({ id: 't1', name: 'Northfield NHS Trust', createdAt: '2026-11-01T10:00:00.000Z' })
    setActivePinia(createPinia())
    const store = useConceptsStore()
    await store.setRetired('takt-time', true, 'Kim', new Date('2026-11-20T10:00:00Z'))
    await store.saveConcept(
      null,
      { ...emptyDraft('flow'), name: 'Bed huddle', summary: 'Beds at 10.', whatItIs: 'A huddle about beds.' },
      'Kim',
    )

    const { w } = await mountView()
    await vi.waitFor(() => expect(cardNames(w)).toContain('Bed huddle'), { interval: 20 })
    expect(cardNames(w)).not.toContain('Takt time')
    expect(count(w)).toBe(`${CONCEPT_CATALOGUE.length} concepts`)
    expect(w.find('[data-testid="add-trust-concept"]').attributes('href')).toBe('/concepts/new')

    await w.find('input[type="checkbox"]').setValue(true)
    expect(cardNames(w)).toContain('Takt time')
    const retired = w.findAll('[data-testid="concept-card"]').find((c) => c.text().includes('Takt time'))!
    expect(retired.text()).toContain('Retired')
  })
})
