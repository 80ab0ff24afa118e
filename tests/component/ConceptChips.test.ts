import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { h } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'
import ConceptChips from '@/components/common/ConceptChips.vue'
import ConceptView from '@/views/ConceptView.vue'
import { resetDatabase } from '@/db/db'
import { useOrgStore } from '@/stores/org'
import { settle } from '../helpers/dom'

/** Wait until the concept page has finished reading this tablet's items. */
async function examplesRead(w: VueWrapper) {
  await vi.waitFor(() => expect(w.text()).not.toContain('Looking for examples'), { interval: 20 })
}

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDatabase()
})
afterEach(() => wrapper?.unmount())

// An item's chips on one screen; the concept page on another, as in the app.
const ItemScreen = {
  render: () => h('div', [h('h1', 'An action'), h(ConceptChips, { ids: ['five-s', 'not-a-concept'] })]),
}

async function mountApp() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useOrgStore().loadDemo('2026-11-26')
  const router = createRouter({
    // Web history (jsdom has one), as in the app: "Back" relies on the history state it keeps.
    history: createWebHistory(),
    routes: [
      { path: '/item', component: ItemScreen },
      { path: '/concepts', component: { render: () => h('h1', 'All concepts') } },
      { path: '/concepts/:id', component: ConceptView },
      { path: '/board/:rest(.*)*', component: { render: () => h('h1', 'Board') } },
    ],
  })
  await router.push('/item')
  wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return { w: wrapper, router }
}

describe('ConceptChips', () => {
  it('opens the concept page from a chip, with local examples from both wards, and goes back', async () => {
    const { w, router } = await mountApp()
    const chips = w.findAll('.concept-chips li')
    expect(chips.map((c) => c.text())).toEqual(['5S', 'not-a-concept'])
    // An id this app does not know is shown, not linked.
    expect(chips[1]!.find('a').exists()).toBe(false)

    await chips[0]!.find('a').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/concepts/five-s')
    expect(w.find('h1').text()).toBe('5S')
    expect(w.text()).toContain('Try it this week, in 10 minutes')
    await examplesRead(w)
    const examples = w.findAll('[data-testid="local-example"]').map((e) => e.text())
    expect(
      examples.some((e) =>
        e.startsWith('Ward 7 – Elderly care · action · Move the observation machines back to their marked bays · done'),
      ),
    ).toBe(true)
    expect(examples.some((e) => e.startsWith('Ward 12 – Respiratory · action · Move the observation machines'))).toBe(
      true,
    )
    // The other ward's item says it opens that ward's board.
    expect(examples.find((e) => e.startsWith('Ward 12'))).toContain("(opens Ward 12 – Respiratory's board)")

    // "Back" is the browser's own back: jsdom answers it with a popstate a moment later.
    await w.find('.nhsuk-back-link').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/item'), { interval: 20 })
    expect(w.find('h1').text()).toBe('An action')
  })

  it('moves to a related concept from the page, and invites linking when nothing practises it yet', async () => {
    const { w, router } = await mountApp()
    await router.push('/concepts/five-s')
    await settle()
    const takt = w.findAll('[data-testid="related-concepts"] a').map((a) => a.text())
    expect(takt).toEqual(['Visual management', 'Standard work', 'The 8 wastes', 'Kamishibai (standard checks)'])
    await w
      .findAll('[data-testid="related-concepts"] a')
      .find((a) => a.text().startsWith('Kamishibai'))!
      .trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/concepts/kamishibai')
    expect(w.find('h1').text()).toBe('Kamishibai (standard checks)')
    expect(document.activeElement).toBe(w.find('h1').element)
    await examplesRead(w)
    // The demo wards' audit cards practise it.
    expect(
      w
        .findAll('[data-testid="local-example"]')
        .map((e) => e.text())
        .some((e) => e.includes('Audit card: hand hygiene at the bed space')),
    ).toBe(true)
    await router.push('/concepts/a3-thinking')
    await settle()
    await examplesRead(w)
    expect(w.find('[data-testid="no-examples"]').text()).toContain(
      'No item on this tablet is linked to A3 thinking yet.',
    )
  })

  it('opens an example from another ward on that ward\u2019s board', async () => {
    const { w, router } = await mountApp()
    await router.push('/concepts/five-s')
    await examplesRead(w)
    const org = useOrgStore()
    expect(org.currentBoardId).toBe('demo-board-1')
    const other = w
      .findAll('[data-testid="local-example"] a')
      .find((a) => a.text().startsWith('Ward 12 – Respiratory · action'))!
    await other.trigger('click')
    await settle()
    expect(org.currentBoardId).toBe('demo-board-2')
    expect(router.currentRoute.value.path).toBe('/board/actions')
  })

  it('says when a concept is not in the library', async () => {
    const { w, router } = await mountApp()
    await router.push('/concepts/no-such-thing')
    await settle()
    expect(w.find('h1').text()).toBe('Concept not found')
    expect(w.find('.nhsuk-back-link').text()).toBe('Back')
  })
})
