import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ActionsPanel from '@/components/actions/ActionsPanel.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, londonDay } from '@/domain/dates'
import { useActionsStore } from '@/stores/actions'
import { useActorStore } from '@/stores/actor'
import { useBoardStore } from '@/stores/board'
import { useOrgStore } from '@/stores/org'
import { settle, WAIT } from '../helpers/dom'

const today = londonDay()
const OVERDUE = 'Re-stock the falls sensor mats in bay 2'
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
})
afterEach(() => wrapper?.unmount())

async function mountPanel() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const org = useOrgStore()
  await org.loadDemo(today)
  // The board screen loads its measures; the panel only reads their names.
  await useBoardStore().load(org.currentBoard!.id, today)
  const empty = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: empty },
      { path: '/board/actions', component: empty },
    ],
  })
  await router.push('/board')
  wrapper = mount(ActionsPanel, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

const rows = (w: VueWrapper) => w.findAll('[data-testid="action-row"]')
const row = (w: VueWrapper, title: string) => rows(w).find((r) => r.text().includes(title))
const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text().startsWith(text))

describe('ActionsPanel', () => {
  it('loads the open actions itself, most urgent first, with urgency in words', async () => {
    const w = await mountPanel()
    expect(rows(w)).toHaveLength(5)
    expect(rows(w)[0]!.text()).toContain(OVERDUE)
    const overdue = row(w, OVERDUE)!
    expect(overdue.text()).toContain('Overdue')
    expect(overdue.find('[data-urgency]').attributes('data-urgency')).toBe('overdue')
    expect(overdue.text()).toContain(`Due ${addDays(today, -3).split('-').reverse().join('/')}`)
    expect(overdue.text()).toContain('Measure: Falls')
    expect(row(w, 'Book bank cover for Saturday nights')!.text()).toContain('Due today')
    expect(w.find('[data-testid="actions-counts"]').text()).toMatch(/5 open.*2 overdue.*1 due today/)
    expect(w.text()).not.toContain('Put the discharge checklist') // done: not on the board
  })

  it('marks an action done: it leaves the open list and is stored with who did it', async () => {
    const w = await mountPanel()
    useActorStore().pick('Test Nurse')
    const id = useActionsStore().actions.find((a) => a.title === OVERDUE)!.id

    await row(w, OVERDUE)!
      .findAll('button')
      .find((b) => b.text().startsWith('Done'))!
      .trigger('click')
    await settle()

    expect(row(w, OVERDUE)).toBeUndefined()
    expect(rows(w)).toHaveLength(4)
    expect(await db.actions.get(id)).toMatchObject({ status: 'done', updatedBy: 'Test Nurse' })
    expect(await db.outbox.where('table').equals('actions').count()).toBe(1)
    expect(w.find('[role="status"]').text()).toContain(`“${OVERDUE}” marked as done.`)

    await button(w, 'Undo')!.trigger('click')
    await settle()
    expect(row(w, OVERDUE)).toBeDefined()
    expect((await db.actions.get(id))!.status).toBe('open')
  })

  it('does nothing when nobody says who is marking it done', async () => {
    const w = await mountPanel()
    await row(w, OVERDUE)!
      .findAll('button')
      .find((b) => b.text().startsWith('Done'))!
      .trigger('click')
    await settle()
    useActorStore().answerWho(null)
    await settle()
    expect(row(w, OVERDUE)).toBeDefined()
    expect(await db.outbox.count()).toBe(0)
  })

  it('shows at most 8 open actions until "Show all" is tapped', async () => {
    const w = await mountPanel()
    const actions = useActionsStore()
    for (let i = 1; i <= 6; i++)
      await actions.add({ title: `Extra action ${i}`, owner: 'Jo Pearson', dueDay: null }, 'Test Nurse')
    await settle()
    expect(rows(w)).toHaveLength(8)

    await button(w, 'Show all 11')!.trigger('click')
    expect(rows(w)).toHaveLength(11)
    expect(button(w, 'Show all')).toBeUndefined()
  })

  it('adds an action from the "Add an action" button', async () => {
    const w = await mountPanel()
    useActorStore().pick('Test Nurse')
    await button(w, 'Add an action')!.trigger('click')
    // The form's code is fetched when it is first opened.
    const dialog = await vi.waitFor(() => w.get('dialog'), WAIT)
    const titleId = dialog
      .findAll('label')
      .find((l) => l.text() === 'What needs doing?')!
      .attributes('for')
    await dialog.find(`[id="${titleId}"]`).setValue('Label the hoist slings')
    await dialog.findAll('[data-testid="owner-option"]')[0]!.trigger('click')
    await dialog
      .findAll('button')
      .find((b) => b.text() === 'Save action')!
      .trigger('click')
    await settle()

    expect(row(w, 'Label the hoist slings')!.text()).toContain('Sam Okafor')
    expect(w.find('dialog').attributes('open')).toBeUndefined()
  })

  it('opens an action for editing from its Edit button', async () => {
    const w = await mountPanel()
    await row(w, OVERDUE)!
      .findAll('button')
      .find((b) => b.text().startsWith('Edit'))!
      .trigger('click')
    expect((await vi.waitFor(() => w.get('dialog h2'), WAIT)).text()).toBe('Edit action')
    const titleId = w
      .find('dialog')
      .findAll('label')
      .find((l) => l.text() === 'What needs doing?')!
      .attributes('for')
    expect(w.find<HTMLInputElement>(`[id="${titleId}"]`).element.value).toBe(OVERDUE)
  })
})
