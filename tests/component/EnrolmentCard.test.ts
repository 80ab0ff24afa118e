import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import EnrolmentCard from '@/components/enrol/EnrolmentCard.vue'
import { db, resetDatabase } from '@/db/db'
import { createAppRouter } from '@/router'
import { useActorStore } from '@/stores/actor'
import { useEnrolmentStore } from '@/stores/enrolment'
import { useOrgStore } from '@/stores/org'
import { useSyncStore } from '@/stores/sync'
import { MemorySyncServer } from '../helpers/memorySyncServer'
import { enrolDatabase, transportFor } from '../unit/sync/client/tablets'
import { WAIT } from '../helpers/dom'

/** Enrolment and sync run several IndexedDB transactions: generous under a loaded test run. */
let pinia: Pinia
let server: MemorySyncServer

beforeEach(async () => {
  await resetDatabase()
  pinia = createPinia()
  setActivePinia(pinia)
  server = new MemorySyncServer()
  useSyncStore(pinia).useTransport(transportFor(server, db))
})

afterEach(async () => {
  await useEnrolmentStore(pinia).settled()
  document.body.innerHTML = ''
})

async function mountCard() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)', component: { template: '<p />' } }],
  })
  const wrapper = mount(EnrolmentCard, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(useEnrolmentStore(pinia).loaded).toBe(true), WAIT)
  await flushPromises()
  return wrapper
}

describe('Settings: the enrolment card', () => {
  it('offers enrolment on a tablet that is not enrolled', async () => {
    const wrapper = await mountCard()
    expect(wrapper.text()).toContain('This tablet is not enrolled')
    expect(wrapper.find('a[href="/enrol"]').text()).toBe('Enrol this tablet')
  })

  it('shows the unit and tablet name, and offers to share a board made here before enrolment', async () => {
    const board = await useOrgStore(pinia).setUp(
      {
        trustName: 'Leeds',
        csuName: 'Medicine',
        unitName: 'My ward',
        unitKind: 'ward',
        boardName: 'Our board',
        people: [],
      },
      'Sam',
    )
    server.addUnit({ id: 'unit-7', name: 'Ward 7' }, { record: true })
    await enrolDatabase(server, db, 'unit-7', "Ward 7 nurses' station")
    useActorStore(pinia).pick('Sam')
    const wrapper = await mountCard()
    const summary = wrapper.find('[data-testid="enrolment-summary"]').text()
    expect(summary).toContain('Ward 7 (Medicine, Northfield Teaching Hospitals)')
    expect(summary).toContain("Ward 7 nurses' station")
    const share = wrapper.findAll('button').find((b) => b.text() === 'Share this board with Ward 7')!
    await share.trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('“Our board” now belongs to Ward 7'), WAIT)
    expect(await db.boards.get(board.id)).toMatchObject({ unitId: 'unit-7' })
    // The card goes once the store has re-read the tablet (one more table to move takes a moment longer).
    await vi.waitFor(
      () => expect(wrapper.findAll('button').some((b) => b.text().startsWith('Share this board'))).toBe(false),
      WAIT,
    )
  })
})

describe('routes', () => {
  it('opens enrolment and admin before any board exists, and nothing else', async () => {
    const router = createAppRouter()
    await router.push('/enrol')
    expect(router.currentRoute.value.name).toBe('enrol')
    await router.push('/admin')
    expect(router.currentRoute.value.name).toBe('admin')
    await router.push('/settings')
    expect(router.currentRoute.value.name).toBe('setup')
  })
})
