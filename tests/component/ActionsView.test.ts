import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ActionsView from '@/views/ActionsView.vue'
import { db, resetDatabase } from '@/db/db'
import { londonDay } from '@/domain/dates'
import { useActorStore } from '@/stores/actor'
import { useOrgStore } from '@/stores/org'
import { settle } from '../helpers/dom'

const today = londonDay()
const DONE = 'Put the discharge checklist by the nurses\u2019 station'
const OPEN = 'Chase estates about the broken sluice door'
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
})
afterEach(() => wrapper?.unmount())

async function mountView() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useOrgStore().loadDemo(today)
  const empty = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: empty },
      { path: '/board/actions', component: ActionsView },
    ],
  })
  await router.push('/board/actions')
  wrapper = mount(ActionsView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

const rows = (w: VueWrapper) => w.findAll('[data-testid="action-row"]')
const row = (w: VueWrapper, title: string) => rows(w).find((r) => r.text().includes(title))
const buttonIn = (r: ReturnType<typeof row>, text: string) =>
  r!.findAll('button').find((b) => b.text().startsWith(text))
const tab = (w: VueWrapper, id: string) => w.find(`[data-testid="filter-${id}"]`)

describe('ActionsView', () => {
  it('filters by status, with counts on each tab', async () => {
    const w = await mountView()
    expect(tab(w, 'open').attributes('aria-selected')).toBe('true')
    expect(tab(w, 'open').text()).toBe('Open (5)')
    expect(tab(w, 'done').text()).toBe('Done (2)')
    expect(tab(w, 'cancelled').text()).toBe('Cancelled (0)')
    expect(tab(w, 'all').text()).toBe('All (7)')
    expect(rows(w)).toHaveLength(5)

    await tab(w, 'done').trigger('click')
    expect(rows(w).map((r) => r.find('.action-item__title').text())).toContain(DONE)
    expect(rows(w)).toHaveLength(2)
    await tab(w, 'cancelled').trigger('click')
    expect(w.text()).toContain('No actions have been cancelled.')
  })

  it('reopens a done action and shows the change in its history', async () => {
    const w = await mountView()
    useActorStore().pick('Test Nurse')
    await tab(w, 'done').trigger('click')
    const done = row(w, DONE)
    expect(buttonIn(done, 'Done')).toBeUndefined()

    await buttonIn(done, 'Reopen')!.trigger('click')
    await settle()

    const stored = (await db.actions.toArray()).find((a) => a.title === DONE)!
    expect(stored).toMatchObject({ status: 'open', closedAt: null, updatedBy: 'Test Nurse' })
    expect(row(w, DONE)).toBeUndefined()
    expect(tab(w, 'done').text()).toBe('Done (1)')
    await tab(w, 'open').trigger('click')
    const reopened = row(w, DONE)!
    await buttonIn(reopened, 'History')!.trigger('click')
    await settle()
    expect(reopened.find('[aria-expanded]').attributes('aria-expanded')).toBe('true')
    expect(w.findAll('[data-testid="history-entry"]').map((e) => e.text())).toEqual([
      expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d – Test Nurse changed status from Done to Open$/),
    ])
  })

  it('cancels an open action, and the history updates while it is open', async () => {
    const w = await mountView()
    useActorStore().pick('Test Nurse')
    await tab(w, 'all').trigger('click')
    await buttonIn(row(w, OPEN), 'History')!.trigger('click')
    await settle()
    expect(w.text()).toContain('No changes recorded on this tablet yet.')

    await buttonIn(row(w, OPEN), 'Cancel')!.trigger('click')
    await settle()

    expect((await db.actions.toArray()).find((a) => a.title === OPEN)!.status).toBe('cancelled')
    expect(row(w, OPEN)!.text()).toContain('Cancelled')
    expect(buttonIn(row(w, OPEN), 'Reopen')).toBeDefined()
    expect(w.text()).toContain('Test Nurse changed status from Open to Cancelled')
    expect(w.find('[role="status"]').text()).toBe(`“${OPEN}” cancelled.`)
  })

  it('shows linked LIM concepts as chips', async () => {
    const w = await mountView()
    await tab(w, 'done').trigger('click')
    const chips = row(w, 'Move the observation machines back')!.find('[aria-label="LIM concepts"]')
    expect(chips.text()).toBe('5S')
  })

  it('moves between tabs with the arrow keys', async () => {
    const w = await mountView()
    await tab(w, 'open').trigger('keydown', { key: 'ArrowRight' })
    expect(tab(w, 'done').attributes('aria-selected')).toBe('true')
    expect(tab(w, 'done').attributes('tabindex')).toBe('0')
    await tab(w, 'done').trigger('keydown', { key: 'ArrowLeft' })
    await tab(w, 'open').trigger('keydown', { key: 'ArrowLeft' })
    expect(tab(w, 'all').attributes('aria-selected')).toBe('true')
  })
})
