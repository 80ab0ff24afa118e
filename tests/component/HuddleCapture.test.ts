// Capture from the running huddle, and the way back to it from any other screen.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import DueActions from '@/components/huddle/DueActions.vue'
import HuddleCapture from '@/components/huddle/HuddleCapture.vue'
import HuddleRunningBanner from '@/components/huddle/HuddleRunningBanner.vue'
import { resetDatabase } from '@/db/db'
import { londonDay } from '@/domain/dates'
import { useActionsStore } from '@/stores/actions'
import { useBoardStore } from '@/stores/board'
import { useHuddleStore } from '@/stores/huddle'
import { useOrgStore } from '@/stores/org'
import { accessibleName, loadCommandModules, settle } from '../helpers/dom'

beforeAll(loadCommandModules)

enableAutoUnmount(afterEach)
const today = londonDay()

let pinia: ReturnType<typeof createPinia>
beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  const org = useOrgStore(pinia)
  await org.loadDemo(today)
  const board = org.currentBoard!
  await useBoardStore(pinia).load(board.id, today)
  await useActionsStore(pinia).load(board.id, board.unitId)
})

const router = () =>
  createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
const names = (w: { findAll(s: 'button'): { element: Element }[] }) =>
  w.findAll('button').map((b) => accessibleName(b.element))

describe('capture during the huddle', () => {
  it('offers add action, escalate, log an idea and standard work without leaving the huddle', async () => {
    const w = mount(HuddleCapture, { global: { plugins: [pinia, router()] }, attachTo: document.body })
    await settle()
    expect(names(w)).toEqual(expect.arrayContaining(['Add action', 'Escalate', 'Log an idea', 'Standard work']))
    await w
      .findAll('button')
      .find((b) => accessibleName(b.element) === 'Log an idea')!
      .trigger('click')
    await settle()
    expect(document.querySelector('dialog[open] h2')?.textContent).toBe('Log an idea')
  })

  it('offers Escalate and Change beside Done on an action due, and shows where an escalated one is', async () => {
    const actions = useActionsStore(pinia)
    const due = actions.dueNow[0]!
    const w = mount(DueActions, { global: { plugins: [pinia, router()] }, attachTo: document.body })
    await settle()
    expect(names(w)).toEqual(
      expect.arrayContaining([`Done: ${due.title}`, `Change: ${due.title}`, expect.stringMatching(/^Escalate/)]),
    )
    const board = useOrgStore(pinia).currentBoard!
    const { useEscalationsStore } = await import('@/stores/escalations')
    await useEscalationsStore(pinia).raise(
      board,
      { title: due.title, reason: 'Cannot fix on the ward', category: 'Other' },
      { table: 'actions', id: due.id },
      'Test Nurse',
    )
    await settle()
    const row = w.findAll('li').find((li) => li.text().includes(due.title))!
    expect(row.get('[data-testid="escalated-marker"]').text()).toBe('Escalated to the CSU: waiting to be picked up')
  })

  it('says "Huddle running – back to it" on other screens while a huddle runs', async () => {
    const w = mount(HuddleRunningBanner, { global: { plugins: [pinia, router()] } })
    expect(w.find('[data-testid="huddle-running-back"]').exists()).toBe(false)
    useHuddleStore(pinia).start(useOrgStore(pinia).currentBoard!)
    await settle()
    const back = w.get('[data-testid="huddle-running-back"]')
    expect(back.text()).toBe('Huddle running – back to it')
    expect(back.attributes('href')).toBe('/board/huddle')
  })
})
