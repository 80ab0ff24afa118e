import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase, SYNC_META } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import StandardWorkTemplateView from '@/views/StandardWorkTemplateView.vue'
import { seedBoard } from './boardFixture'
import { buttonNamed, settle } from '../helpers/dom'
import { labelInNameProblems } from '../helpers/labelInName'

async function mountEditor() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await seedBoard(pinia)
  useActorStore(pinia).pick('Test Nurse')
  const blank = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board/standard-work', component: blank },
      { path: '/concepts/:id', component: blank },
      { path: '/board/standard-work/templates/:id?', component: StandardWorkTemplateView },
    ],
  })
  await router.push('/board/standard-work/templates')
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

describe('the checklist editor', () => {
  it('explains a checklist with no steps and a 5,000-character step, keeping everything typed', async () => {
    const { wrapper, router } = await mountEditor()
    await wrapper.find('input[id$="tpl-title"]').setValue('Safety walk')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.text()).toContain('Add at least one step')
    expect(await db.checklistTemplates.count()).toBe(0)

    const long = 'x'.repeat(5000)
    await wrapper.find('textarea[id$="step-1-text"]').setValue(long)
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.text()).toContain('The text of step 1 must be 500 characters or fewer (it has 5,000)')
    expect((wrapper.find('textarea[id$="step-1-text"]').element as HTMLTextAreaElement).value).toBe(long)
    expect((wrapper.find('input[id$="tpl-title"]').element as HTMLInputElement).value).toBe('Safety walk')

    await wrapper.find('textarea[id$="step-1-text"]').setValue('Check the resus trolley')
    await buttonNamed(wrapper, 'Add a step').trigger('click')
    await wrapper.find('textarea[id$="step-2-text"]').setValue('Check fire exits')
    expect(labelInNameProblems(wrapper.element)).toEqual([])
    await buttonNamed(wrapper, 'Move up: step 2').trigger('click')
    expect((wrapper.find('textarea[id$="step-1-text"]').element as HTMLTextAreaElement).value).toBe('Check fire exits')
    await wrapper.find('form').trigger('submit')
    await settle()
    const [saved] = await db.checklistTemplates.toArray()
    expect(saved).toMatchObject({ title: 'Safety walk', version: 1, boardId: 'board-1' })
    expect(saved!.steps.map((s) => s.text)).toEqual(['Check fire exits', 'Check the resus trolley'])
    expect(router.currentRoute.value.path).toBe('/board/standard-work')
  })

  it('offers sharing across the trust on a tablet that syncs with nobody, and not on one enrolled for a ward', async () => {
    const shareLabel = 'Share across the trust (other units can adopt it)'
    const at = '2026-11-01T10:00:00.000Z'
    await db.trusts.put({ id: 't1', name: 'Northfield', createdAt: at })
    await db.csus.put({ id: 'csu-1', trustId: 't1', name: 'Medicine', createdAt: at })
    const first = await mountEditor()
    expect(first.wrapper.text()).toContain(shareLabel)
    first.wrapper.unmount()

    // A ward tablet could never send a trust-wide checklist (only the improvement office writes the library).
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
    const second = await mountEditor()
    expect(second.wrapper.text()).toContain('Title')
    expect(second.wrapper.text()).not.toContain(shareLabel)
    second.wrapper.unmount()
  })
})
