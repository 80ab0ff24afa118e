// The idea's own page: add and edit PDSA cycles by tapping, link a measure and see it
// before and after the change, and the rules and the patient-information check at work.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import { addDays, formatDay, londonDay } from '@/domain/dates'
import { useActorStore } from '@/stores/actor'
import IdeaDetailView from '@/views/IdeaDetailView.vue'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { makeIdea } from './ideasFixture'
import { accessibleName, buttonNamed, settle } from '../helpers/dom'

const today = londonDay()
const PROBLEM = 'We walk to the far store room for dressings'
const falls = makeMeasure({ id: 'falls', name: 'Falls', type: 'count', unit: 'falls' })
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
})
afterEach(() => wrapper?.unmount())

async function open() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const start = addDays(today, -10)
  // Two falls a day for the 4 weeks before the test started, none since.
  const entries = [
    ...Array.from({ length: 28 }, (_, i) => makeEntry(falls, addDays(start, -28 + i), 2)),
    ...Array.from({ length: 10 }, (_, i) => makeEntry(falls, addDays(start, i), 0)),
  ]
  await seedBoard(pinia, [falls], entries)
  await db.ideas.put(makeIdea('idea-1', { problem: PROBLEM, status: 'testing' }))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board/ideas', component: { render: () => null } },
      { path: '/board/ideas/:id', component: IdeaDetailView },
      { path: '/board/ideas/:id/a3', component: { render: () => null } },
      { path: '/concepts/:id', component: { render: () => null } },
    ],
  })
  await router.push('/board/ideas/idea-1')
  wrapper = mount(IdeaDetailView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  useActorStore().pick('Sam Okafor')
  await settle()
  return { w: wrapper, start }
}

const field = (w: VueWrapper, label: string) => {
  const forId = w
    .findAll('label')
    .find((l) => l.text().startsWith(label))!
    .attributes('for')!
  return w.find(`[id="${forId}"]`)
}

describe('PDSA cycles on the idea page', () => {
  it('adds a cycle by tapping, then edits it through Do, Study and Act', async () => {
    const { w, start } = await open()
    expect(w.find('h1').text()).toBe(PROBLEM)
    await buttonNamed(w, 'Add a PDSA cycle').trigger('click')
    await field(w, 'What change will you test?').setValue('A box of dressings in bay 1')
    await field(w, 'What do you predict will happen?').setValue('Fewer walks to the store')
    await field(w, 'Test started').setValue(start)
    await w
      .findAll('button.concept-chip')
      .find((b) => accessibleName(b.element) === 'PDSA')!
      .trigger('click')
    await buttonNamed(w, 'Save cycle').trigger('click')
    await settle()

    const cycles = await db.pdsaCycles.toArray()
    expect(cycles).toHaveLength(1)
    expect(cycles[0]).toMatchObject({
      ideaId: 'idea-1',
      number: 1,
      change: 'A box of dressings in bay 1',
      prediction: 'Fewer walks to the store',
      startDay: start,
      decision: null,
      conceptIds: ['pdsa'],
      updatedBy: 'Sam Okafor',
    })
    const card = w.find('[data-testid="pdsa-cycle"]')
    expect(card.text()).toContain('Cycle 1')
    expect(card.text()).toContain(`From ${formatDay(start)} (still running)`)
    expect(card.text()).toContain('Next: Do')

    await buttonNamed(w, 'Edit cycle 1').trigger('click')
    expect((field(w, 'What change will you test?').element as HTMLTextAreaElement).value).toBe(
      'A box of dressings in bay 1',
    )
    await field(w, 'What happened?').setValue('Used by every nurse all week')
    w.findAll('input[type="radio"]')
      .find((r) => r.attributes('value') === 'adopt')!
      .setValue(true)
    await buttonNamed(w, 'Save cycle').trigger('click')
    await settle()
    // Act before Study is refused, with the reason, and nothing typed is lost.
    expect(w.text()).toContain('Write the result against the prediction (Study) before deciding what to do')
    expect((field(w, 'What happened?').element as HTMLTextAreaElement).value).toBe('Used by every nurse all week')
    await field(w, 'Result against the prediction').setValue('Walks halved, as predicted')
    await buttonNamed(w, 'Save cycle').trigger('click')
    await settle()
    expect(await db.pdsaCycles.get(cycles[0]!.id)).toMatchObject({
      whatHappened: 'Used by every nurse all week',
      study: 'Walks halved, as predicted',
      decision: 'adopt',
    })
    expect(w.find('[data-testid="pdsa-decision"]').text()).toBe('Adopt')

    // A second cycle is numbered 2.
    await buttonNamed(w, 'Add a PDSA cycle').trigger('click')
    expect(w.find('[data-testid="pdsa-form"]').text()).toContain('New PDSA cycle 2')
  })

  it('warns about a pasted NHS number and saves nothing until it is confirmed or removed', async () => {
    const { w } = await open()
    await buttonNamed(w, 'Add a PDSA cycle').trigger('click')
    await field(w, 'What change will you test?').setValue('Check 943 476 5919 first')
    await buttonNamed(w, 'Save cycle').trigger('click')
    await settle()
    expect(w.text()).toMatch(/NHS number/)
    expect(await db.pdsaCycles.count()).toBe(0)
    await field(w, 'What change will you test?').setValue('Check the wristband first')
    await buttonNamed(w, 'Save cycle').trigger('click')
    await settle()
    expect(await db.pdsaCycles.count()).toBe(1)
  })

  it('refuses an empty change and keeps 10,000 characters typed elsewhere, saying how long it is', async () => {
    const { w } = await open()
    await buttonNamed(w, 'Add a PDSA cycle').trigger('click')
    await field(w, 'What happened?').setValue('x'.repeat(10_000))
    await buttonNamed(w, 'Save cycle').trigger('click')
    await settle()
    expect(w.text()).toContain('Enter the change you will test')
    expect(w.text()).toContain('What happened must be 2,000 characters or fewer (it has 10,000)')
    expect((field(w, 'What happened?').element as HTMLTextAreaElement).value).toHaveLength(10_000)
    expect(await db.pdsaCycles.count()).toBe(0)
  })

  it('links a measure and shows it before and after the first cycle started', async () => {
    const { w, start } = await open()
    await buttonNamed(w, 'Add a PDSA cycle').trigger('click')
    await field(w, 'What change will you test?').setValue('A box in bay 1')
    await field(w, 'Test started').setValue(start)
    await buttonNamed(w, 'Save cycle').trigger('click')
    await settle()
    await w.find('#idea-measure-link').setValue('falls')
    await settle()
    expect((await db.ideas.get('idea-1'))!.measureId).toBe('falls')
    expect(w.find('[data-testid="before-after"]').text()).toContain(
      `Change date ${formatDay(start)} (the start of the first PDSA cycle)`,
    )
    expect(w.find('[data-testid="before-window"]').text()).toBe(
      `Average 2 falls a day, total 56 falls (on 28 of 28 days, ${formatDay(addDays(start, -28))} to ${formatDay(addDays(start, -1))})`,
    )
    expect(w.find('[data-testid="after-window"]').text()).toBe(
      `Average 0 falls a day, total 0 falls (on 10 of 11 days, ${formatDay(start)} to ${formatDay(today)})`,
    )
  })

  it('rates effort and impact with buttons, and saves concepts on the idea', async () => {
    const { w } = await open()
    await w.find('[data-testid="rate-effort-low"]').trigger('click')
    await settle()
    await w.find('[data-testid="rate-impact-high"]').trigger('click')
    await settle()
    expect(await db.ideas.get('idea-1')).toMatchObject({ effort: 'low', impact: 'high' })
    expect(w.find('[data-testid="rate-effort-low"]').attributes('aria-pressed')).toBe('true')
    await buttonNamed(w, 'Change concepts of this idea').trigger('click')
    const chip = w.findAll('button.concept-chip').find((b) => accessibleName(b.element) === 'Standard work')!
    await chip.trigger('click')
    await buttonNamed(w, 'Save concepts').trigger('click')
    await settle()
    expect((await db.ideas.get('idea-1'))!.conceptIds).toEqual(['standard-work'])
  })
})
