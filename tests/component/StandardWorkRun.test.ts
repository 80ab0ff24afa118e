import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import type { ChecklistTemplate } from '@/domain/types'
import { useActorStore } from '@/stores/actor'
import StandardWorkRunView from '@/views/StandardWorkRunView.vue'
import StandardWorkView from '@/views/StandardWorkView.vue'
import { seedBoard } from './boardFixture'
import { buttonNamed, settle } from '../helpers/dom'
import { watchDisabled } from '../helpers/focusKept'

const at = '2026-01-01T08:00:00.000Z'
// Every shift, and the default shifts cover the whole day: always one slot due now.
const template: ChecklistTemplate = {
  id: 'tpl-1',
  unitId: 'unit-1',
  boardId: 'board-1',
  createdAt: at,
  updatedAt: at,
  updatedBy: 'Seed',
  title: 'Safety walk',
  purpose: 'Spot risks before they harm',
  forRole: 'Nurse in charge',
  frequency: { kind: 'every-shift', shifts: ['early', 'late', 'night'] },
  steps: [
    {
      id: 's1',
      text: 'Check the resus trolley',
      keyPoint: 'Seal intact and dated',
      expectedMinutes: 5,
      conceptIds: ['standard-work'],
    },
    { id: 's2', text: 'Check fire exits are clear', keyPoint: '', expectedMinutes: null, conceptIds: [] },
  ],
  conceptIds: [],
  version: 3,
  leaderStandardWork: false,
  auditCard: false,
  retired: false,
  adoptedFromId: null,
}

async function mountAt(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await seedBoard(pinia)
  await db.checklistTemplates.put(template)
  useActorStore(pinia).pick('Test Nurse')
  const blank = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: blank },
      { path: '/concepts/:id', component: blank },
      { path: '/board/standard-work', component: StandardWorkView },
      { path: '/board/standard-work/templates/:id?', component: blank },
      { path: '/board/standard-work/:runId', component: StandardWorkRunView },
    ],
  })
  await router.push(path)
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { plugins: [pinia, router] }, attachTo: document.body },
  )
  await settle()
  return { wrapper, router }
}

beforeEach(async () => {
  await resetDatabase()
  sessionStorage.clear()
  localStorage.clear()
})

describe('doing a checklist', () => {
  it('starts the checklist due now, marks each step, turns a miss into an action and completes it', async () => {
    const { wrapper, router } = await mountAt('/board/standard-work')
    expect(wrapper.text()).toContain('Due now (1)')
    const start = wrapper
      .findAll('button')
      .find((b) => (b.attributes('aria-label') ?? '').startsWith('Start: Safety walk'))!
    await start.trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toMatch(/^\/board\/standard-work\/tpl-1_/)
    const runId = String(router.currentRoute.value.params.runId)

    expect(wrapper.text()).toContain('Version 3')
    expect(wrapper.text()).toContain('Key point: Seal intact and dated')
    expect(wrapper.text()).toContain('0 of 2 steps answered')
    const steps = () => wrapper.findAll('[data-testid="checklist-step"]')
    // Focus stays on the pressed answer: it is never disabled while its save runs.
    const done = buttonNamed(steps()[0]!, 'Done').element as HTMLButtonElement
    done.focus()
    const watch = watchDisabled(done)
    await buttonNamed(steps()[0]!, 'Done').trigger('click')
    await settle()
    expect(watch.stop()).toBe(false)
    expect(document.activeElement).toBe(done)
    expect(await db.stepResults.get(`${runId}:s1`)).toMatchObject({ outcome: 'done', updatedBy: 'Test Nurse' })

    // Not done asks why, and saves nothing without a reason.
    await buttonNamed(steps()[1]!, 'Not done').trigger('click')
    await settle()
    await buttonNamed(steps()[1]!, 'Save reason').trigger('click')
    await settle()
    expect(steps()[1]!.text()).toContain('Say why this step was not done')
    expect(await db.stepResults.get(`${runId}:s2`)).toBeUndefined()
    await steps()[1]!.find('textarea').setValue('Fire door wedged open by a trolley')
    await buttonNamed(steps()[1]!, 'Save reason').trigger('click')
    await settle()
    expect(await db.stepResults.get(`${runId}:s2`)).toMatchObject({
      outcome: 'not-done',
      reason: 'Fire door wedged open by a trolley',
    })
    expect(wrapper.text()).toContain('2 of 2 steps answered')

    await buttonNamed(steps()[1]!, 'Make it an action').trigger('click')
    await settle()
    const [action] = await db.actions.toArray()
    expect(action).toMatchObject({
      title: 'Safety walk: “Check fire exits are clear” not done – Fire door wedged open by a trolley',
      owner: 'Test Nurse',
    })
    expect(await db.stepResults.get(`${runId}:s2`)).toMatchObject({ actionId: action!.id })
    expect(steps()[1]!.text()).toContain('Action on the board')

    await buttonNamed(wrapper, 'Complete checklist').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="checklist-completed"]').text()).toContain('Completed by Test Nurse')
    expect((await db.checklistRuns.get(runId))!.completedBy).toBe('Test Nurse')
    // A completed checklist is locked.
    expect(buttonNamed(steps()[0]!, 'Done').attributes('disabled')).toBeDefined()
  })

  it('will not complete while a step has no answer', async () => {
    const { wrapper, router } = await mountAt('/board/standard-work')
    const start = wrapper
      .findAll('button')
      .find((b) => (b.attributes('aria-label') ?? '').startsWith('Start: Safety walk'))!
    await start.trigger('click')
    await settle()
    await buttonNamed(wrapper.findAll('[data-testid="checklist-step"]')[0]!, 'Not applicable').trigger('click')
    await settle()
    await buttonNamed(wrapper, 'Complete checklist').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('step 2 has no answer yet')
    expect((await db.checklistRuns.get(String(router.currentRoute.value.params.runId)))!.completedAt).toBeNull()
  })
})
