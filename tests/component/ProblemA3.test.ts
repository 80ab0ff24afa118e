// The problem-solving A3 of an idea: writing it (the 5 whys grow a step at a time, a gap in the chain is
// refused with nothing saved, a ticked countermeasure becomes a board action) and the sheet that shows it
// (the chain, the root cause, the fishbone's categories and the countermeasures with their action's status).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import ProblemA3EditView from '@/views/ProblemA3EditView.vue'
import ProblemA3View from '@/views/ProblemA3View.vue'
import { makeMeasure, seedBoard } from './boardFixture'
import { makeEscalation } from './escalationsFixture'
import { makeIdea } from './ideasFixture'
import { buttonNamed, loadCommandModules, settle } from '../helpers/dom'

beforeAll(loadCommandModules)

let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

async function open(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await seedBoard(pinia, [makeMeasure({ id: 'meals', name: 'Meals missed', type: 'count' })])
  await db.ideas.put({ ...makeIdea('i1', { problem: 'Meals missed at lunch' }), measureId: 'meals' })
  await db.escalations.put(
    makeEscalation('e1', {
      title: 'Sluice door broken',
      source: { table: 'measures', id: 'meals', day: '2026-12-01' },
    }),
  )
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board/ideas/:id', component: { render: () => null } },
      { path: '/escalations', component: { render: () => null } },
      { path: '/problem-a3/:kind(idea|escalation)/:id', component: ProblemA3View },
      { path: '/problem-a3/:kind(idea|escalation)/:id/edit', component: ProblemA3EditView },
    ],
  })
  await router.push(path)
  wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return { router, w: wrapper }
}

const field = (w: VueWrapper, suffix: string) =>
  w.findAll('input, textarea, select').find((el) => el.attributes('id')?.endsWith(`pa3-${suffix}`))!

describe('writing a problem-solving A3 for an idea', () => {
  it('starts from the idea, grows the 5 whys a step at a time, refuses a gap, then saves with its action', async () => {
    const { w, router } = await open('/problem-a3/idea/i1/edit')
    useActorStore().pick('Sam Okafor')
    expect((field(w, 'title').element as HTMLInputElement).value).toBe('Meals missed at lunch')
    expect((field(w, 'measureId').element as HTMLSelectElement).value).toBe('meals')
    expect(w.findAll('[data-testid="five-whys-form"] [data-step]')).toHaveLength(1)

    await field(w, 'because1').setValue('Patients who need help are not seen in time')
    await buttonNamed(w, 'Ask why again').trigger('click')
    await buttonNamed(w, 'Ask why again').trigger('click')
    await settle()
    expect(w.findAll('[data-testid="five-whys-form"] [data-step]')).toHaveLength(3)
    await field(w, 'because3').setValue('Nobody knows who needs help')
    await field(w, 'causesPeople').setValue('Agency staff\nNew starters')
    await buttonNamed(w, 'Add a countermeasure').trigger('click')
    await settle()
    const id = w
      .find('[data-testid="countermeasure-form"] input')
      .attributes('id')!
      .replace(/-text$/, '')
    const suffix = (part: string) => `${id.split('pa3-')[1]}-${part}`
    await field(w, suffix('text')).setValue('Red trays for patients who need help')
    await field(w, suffix('owner')).setValue('Aisha Rahman')
    await field(w, suffix('action')).setValue(true)

    await w.find('[data-testid="problem-a3-form"]').trigger('submit')
    await settle()
    expect(w.find('.nhsuk-error-summary').text()).toContain('Enter the answer to why 2, or clear the steps after it')
    expect(await db.problemA3s.count()).toBe(0)

    await buttonNamed(w, 'Remove why 3').trigger('click')
    await settle()
    await w.find('[data-testid="problem-a3-form"]').trigger('submit')
    await settle(60)
    expect(router.currentRoute.value.path).toBe('/problem-a3/idea/i1')
    const a3 = await db.problemA3s.get('a3-idea-i1')
    expect(a3).toMatchObject({
      title: 'Meals missed at lunch',
      because1: 'Patients who need help are not seen in time',
      causesPeople: 'Agency staff\nNew starters',
      measureId: 'meals',
      version: 1,
      updatedBy: 'Sam Okafor',
    })
    expect(a3?.because3).toBeUndefined()
    const [action] = await db.actions.toArray()
    expect(action).toMatchObject({
      title: 'Red trays for patients who need help',
      owner: 'Aisha Rahman',
      boardId: 'board-1',
    })
    expect(a3?.countermeasures[0]?.actionId).toBe(action!.id)

    await settle()
    const sheet = w.find('[data-testid="problem-a3"]')
    expect(sheet.find('[data-testid="five-whys"]').findAll('li')).toHaveLength(1)
    expect(sheet.find('[data-testid="root-cause"]').text()).toContain('Patients who need help are not seen in time')
    const people = sheet.find('[data-category="causesPeople"]')
    expect(people.find('h4').text()).toBe('People')
    expect(people.findAll('li').map((li) => li.text())).toEqual(['Agency staff', 'New starters'])
    expect(sheet.find('[data-category="causesMethods"]').text()).toContain('None noted')
    expect(sheet.find('[data-testid="countermeasure"]').text()).toContain('Action open')
    expect(sheet.text()).toContain('Version 1')
  })

  it('says so when no A3 is written yet, and offers to write one', async () => {
    const { w } = await open('/problem-a3/idea/i1')
    expect(w.text()).toContain('No A3 has been written for this idea yet: Meals missed at lunch')
    expect(w.find('a[href="/problem-a3/idea/i1/edit"]').exists()).toBe(true)
  })
})

describe('a problem-solving A3 for an escalation', () => {
  it('starts from the escalation: its title, its reason as the background and the measure it was raised from', async () => {
    const { w, router } = await open('/problem-a3/escalation/e1/edit')
    useActorStore().pick('Lee')
    expect(w.text()).toContain('For the escalation: Sluice door broken')
    expect((field(w, 'title').element as HTMLInputElement).value).toBe('Sluice door broken')
    expect((field(w, 'background').element as HTMLTextAreaElement).value).toBe('Estates cannot come until Monday')
    expect((field(w, 'measureId').element as HTMLSelectElement).value).toBe('meals')
    await field(w, 'because1').setValue('The door closer is worn')
    await w.find('[data-testid="problem-a3-form"]').trigger('submit')
    await settle(60)
    expect(router.currentRoute.value.path).toBe('/problem-a3/escalation/e1')
    expect(await db.problemA3s.get('a3-escalation-e1')).toMatchObject({
      unitId: 'unit-1',
      subjectTable: 'escalations',
      subjectId: 'e1',
      background: 'Estates cannot come until Monday',
      because1: 'The door closer is worn',
    })
    await settle()
    expect(w.find('a[href="/escalations"]').text()).toContain('Back to the escalation')
  })
})
