// Coaching on screen: a team asks a coach from its board, the improvement office (this tablet is not
// enrolled, so it keeps its own library) names the CSU's coaches, a named coach takes the request, logs a
// session (the patient-information check stops notes that name a patient) and marks it done; the coverage
// view offers coaching to a unit with one tap.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import AskCoachDialog from '@/components/coaching/AskCoachDialog.vue'
import { db, resetDatabase } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import { useCoachingStore } from '@/stores/coaching'
import CoachingView from '@/views/CoachingView.vue'
import CoverageView from '@/views/CoverageView.vue'
import { seedBoard } from './boardFixture'
import { buttonInDialog, buttonNamed, openDialog, settle } from '../helpers/dom'

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDatabase()
})
afterEach(() => wrapper?.unmount())

const created = '2026-11-01T09:00:00.000Z'

async function setUp(): Promise<{ pinia: Pinia; router: ReturnType<typeof createRouter> }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await db.trusts.put({ id: 'trust-1', name: 'Leeds Teaching Hospitals', createdAt: created })
  await db.csus.put({ id: 'csu-1', trustId: 'trust-1', name: 'Medicine', createdAt: created })
  await seedBoard(pinia)
  const blank = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/coaching', component: CoachingView },
      { path: '/concepts/coverage', component: CoverageView },
      { path: '/:rest(.*)', component: blank },
    ],
  })
  return { pinia, router }
}

describe('coaching screens', () => {
  it('asks a coach from the board; a named coach takes it, logs a session and marks it done', async () => {
    const { pinia, router } = await setUp()
    const place = useCoachingStore(pinia).placeOf('unit-1', 'board-1')
    expect(place).toEqual({ scopeId: 'unit-1', csuId: 'csu-1', place: 'Ward 7', boardId: 'board-1' })
    wrapper = mount(AskCoachDialog, {
      props: { open: true, about: 'board', subject: 'Daily huddle board', place },
      global: { plugins: [pinia, router] },
      attachTo: document.body,
    })
    await settle()
    expect(openDialog().textContent).toContain('The board: Daily huddle board')
    useActorStore().pick('Sam Jones')
    buttonInDialog('Ask a coach').click()
    await settle()
    expect(openDialog().querySelector('.nhsuk-error-summary')?.textContent).toContain(
      'Say in a sentence or two what you would like help with',
    )
    expect(await db.coachRequests.count()).toBe(0)
    const box = openDialog().querySelector('textarea')!
    box.value = 'Our falls chart has a shift and we are not sure what to test next'
    box.dispatchEvent(new Event('input'))
    useActorStore().pick('Sam Jones')
    buttonInDialog('Ask a coach').click()
    await settle()
    expect(openDialog().querySelector('[data-testid="coach-asked"]')?.textContent).toContain(
      'goes to the coaches of Ward 7',
    )
    const [asked] = await db.coachRequests.toArray()
    expect(asked).toMatchObject({
      unitId: 'unit-1',
      csuId: 'csu-1',
      state: 'open',
      askedBy: 'Sam Jones',
      about: 'board',
    })
    expect(await db.outbox.where('table').equals('coachRequests').count()).toBe(1)
    wrapper.unmount()

    await router.push('/coaching')
    wrapper = mount(CoachingView, { global: { plugins: [pinia, router] }, attachTo: document.body })
    await settle()
    const card = () => wrapper!.find('[data-testid="coach-request"]')
    expect(card().text()).toContain('Open: waiting for a coach')
    expect(card().text()).toContain('No coaches are named for this CSU yet.')

    // Nobody is a coach yet: taking it is refused and nothing changes.
    useActorStore().pick('Jo Coach')
    await buttonNamed(card(), 'Take it').trigger('click')
    await settle()
    expect(card().find('[role="alert"]').text()).toContain('No coaches are named for this CSU yet')

    // The office names Medicine's coaches.
    await wrapper.find('[data-testid="coach-roster-csu-1"] textarea').setValue('Jo Coach\nRavi Patel')
    useActorStore().pick('Kay Office')
    await wrapper.find('[data-testid="coach-roster-csu-1"]').trigger('submit')
    await settle()
    expect(await db.coachRosters.get('coaches-csu-1')).toMatchObject({
      unitId: 'library-trust-1',
      coaches: ['Jo Coach', 'Ravi Patel'],
    })
    expect(card().text()).toContain('Coaches who may take it: Jo Coach, Ravi Patel')

    // Someone else cannot take it; Jo can.
    useActorStore().pick('Sam Jones')
    await buttonNamed(card(), 'Take it').trigger('click')
    await settle()
    expect(card().find('[role="alert"]').text()).toContain('Sam Jones is not named as a coach for this CSU')
    useActorStore().pick('Jo Coach')
    await buttonNamed(card(), 'Take it').trigger('click')
    await settle()
    expect(card().text()).toContain('Taken · Jo Coach')
    expect(await db.coachRequests.get(asked!.id)).toMatchObject({ state: 'taken', takenBy: 'Jo Coach' })

    // A session whose notes name a patient's NHS number is stopped until the coach says otherwise.
    await buttonNamed(card(), 'Log a session').trigger('click')
    await card().find('textarea').setValue('Looked at 943 476 5919 falls')
    useActorStore().pick('Jo Coach')
    await card().find('[data-testid="coach-session-form"]').trigger('submit')
    await settle()
    expect(card().text()).toContain('NHS number')
    expect(await db.coachSessions.count()).toBe(0)
    await card().find('textarea').setValue('Read the falls chart together; next PDSA: bedside huddle on nights')
    useActorStore().pick('Jo Coach')
    await card().find('[data-testid="coach-session-form"]').trigger('submit')
    await settle()
    expect(card().find('[data-testid="coach-sessions"]').text()).toContain(
      'Jo Coach: Read the falls chart together; next PDSA: bedside huddle on nights',
    )
    expect(await db.coachSessions.where('requestId').equals(asked!.id).first()).toMatchObject({
      unitId: 'unit-1',
      coach: 'Jo Coach',
    })

    useActorStore().pick('Jo Coach')
    await buttonNamed(card(), 'Mark it done').trigger('click')
    await settle()
    expect(card().text()).toContain('Done · Jo Coach')
    expect(wrapper.find('[role="status"]').text()).toBe('The request from Ward 7 is done.')
  })

  it('offers coaching from the coverage view with one tap, once', async () => {
    const { pinia, router } = await setUp()
    await router.push('/concepts/coverage')
    wrapper = mount(CoverageView, { global: { plugins: [pinia, router] }, attachTo: document.body })
    await settle()
    useActorStore().pick('Kay Office')
    await buttonNamed(wrapper, 'Offer coaching to Ward 7').trigger('click')
    await settle()
    const [offer] = await db.coachRequests.toArray()
    expect(offer).toMatchObject({
      origin: 'offered',
      about: 'concepts',
      unitId: 'unit-1',
      csuId: 'csu-1',
      state: 'open',
    })
    expect(wrapper.find('[data-testid="coverage-offered"]').text()).toBe('Coaching offered · Open: waiting for a coach')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Offer coaching to Ward 7')).toBe(false)
  })
})
