// Learning together on screen: a colleague chooses on her learning record to be listed for the concepts of
// her implemented idea (not listed until she says yes); the concept's page lists her, another colleague asks
// her a question, and she answers in the thread. Both are kept in the trust library.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ConceptPeople from '@/components/coaching/ConceptPeople.vue'
import { db, resetDatabase } from '@/db/db'
import { practitionerId } from '@/domain/coaching'
import { useActorStore } from '@/stores/actor'
import LearningRecordView from '@/views/LearningRecordView.vue'
import { seedBoard } from './boardFixture'
import { makeIdea } from './ideasFixture'
import { buttonNamed, settle } from '../helpers/dom'

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDatabase()
})
afterEach(() => wrapper?.unmount())

const created = '2026-11-01T09:00:00.000Z'

describe('learning together', () => {
  it('lists a colleague only once she says yes, and carries a question and its answer', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    await db.trusts.put({ id: 'trust-1', name: 'Leeds Teaching Hospitals', createdAt: created })
    await db.csus.put({ id: 'csu-1', trustId: 'trust-1', name: 'Medicine', createdAt: created })
    await seedBoard(pinia)
    await db.ideas.put({
      ...makeIdea('i1', { problem: 'Falls at night', status: 'implemented' }),
      idea: 'A bedside falls huddle each night',
      raisedBy: 'Priya Shah',
      implementedAt: '2026-10-01T10:00:00.000Z',
      conceptIds: ['pdsa'],
    })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:rest(.*)', component: { render: () => null } }],
    })
    await router.push('/concepts/learning?person=Priya%20Shah')
    wrapper = mount(LearningRecordView, { global: { plugins: [pinia, router] }, attachTo: document.body })
    await settle()
    const sharing = () => wrapper!.find('[data-testid="sharing-choice"]')
    expect(sharing().find('[data-testid="sharing-work"]').text()).toContain(
      'A bedside falls huddle each night · implemented 01/10/2026',
    )
    // Not listed until she says so.
    expect((sharing().find('input[value="no"]').element as HTMLInputElement).checked).toBe(true)
    await sharing().find('input[value="yes"]').setValue(true)
    useActorStore().pick('Priya Shah')
    await sharing().find('form').trigger('submit')
    await settle()
    const id = practitionerId('unit-1', 'Priya Shah')
    expect(await db.practitioners.get(id)).toMatchObject({
      unitId: 'library-trust-1',
      listed: true,
      homeUnitName: 'Ward 7',
      work: [{ ideaId: 'i1', kind: 'implemented', conceptIds: ['pdsa'] }],
    })
    expect(await db.outbox.where('table').equals('practitioners').count()).toBe(1)
    wrapper.unmount()

    wrapper = mount(ConceptPeople, {
      props: { conceptId: 'pdsa', conceptName: 'PDSA' },
      global: { plugins: [pinia, router] },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.find('[data-testid="practitioner"]').text()).toContain('Priya Shah · Ward 7')
    await buttonNamed(wrapper, 'Ask Priya Shah a question').trigger('click')
    await wrapper.find('[data-testid="question-form"] textarea').setValue('How did you pick the first change to test?')
    useActorStore().pick('Lee Kay')
    await wrapper.find('[data-testid="question-form"]').trigger('submit')
    await settle()
    expect(wrapper.find('[data-testid="question-threads"]').text()).toContain(
      'How did you pick the first change to test?',
    )
    await buttonNamed(wrapper, 'Answer').trigger('click')
    await wrapper.find('[data-testid="question-form"] textarea').setValue('We asked the night team what worried them.')
    useActorStore().pick('Priya Shah')
    await wrapper.find('[data-testid="question-form"]').trigger('submit')
    await settle()
    const posts = await db.conceptQuestions.orderBy('id').toArray()
    expect(posts.map((p) => [p.kind, p.author, p.to, p.unitId])).toEqual([
      ['question', 'Lee Kay', 'Priya Shah', 'library-trust-1'],
      ['answer', 'Priya Shah', 'Priya Shah', 'library-trust-1'],
    ])
    expect(wrapper.find('[data-testid="question-threads"]').text()).toContain('Priya Shah (Ward 7) ·')

    // She changes her mind: she leaves the concept's page, the thread stays.
    await db.practitioners.update(id, { listed: false, work: [] })
    await settle()
    expect(wrapper.find('[data-testid="practitioner"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Nobody has chosen to be listed for PDSA yet.')
  })
})
