import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import { useEnrolmentStore } from '@/stores/enrolment'
import { useOrgStore } from '@/stores/org'
import { useSyncStore } from '@/stores/sync'
import { readEnrolment } from '@/sync/enrolment'
import { createHttpTransport } from '@/sync/transport.http'
import { MemorySyncServer } from '../helpers/memorySyncServer'
import { INVALID_CODE_MESSAGE } from '@/sync/transport-types'
import EnrolView from '@/views/EnrolView.vue'
import { transportFor } from '../unit/sync/client/tablets'
import { WAIT } from '../helpers/dom'

/** Enrolment and sync run several IndexedDB transactions: generous under a loaded test run. */
let server: MemorySyncServer
/** The mounted screen's Pinia: stores are looked up in it, never in whichever is active. */
let pinia: Pinia

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  server = new MemorySyncServer()
  server.addUnit({ id: 'unit-7', name: 'Ward 7' }, { record: true })
})

afterEach(async () => {
  await useEnrolmentStore(pinia).settled()
  document.body.innerHTML = ''
})

async function mountEnrol() {
  pinia = createPinia()
  setActivePinia(pinia)
  useEnrolmentStore(pinia).useTransport(transportFor(server, db))
  useSyncStore(pinia).useTransport(transportFor(server, db))
  useActorStore(pinia).pick('Sam')
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/enrol', component: EnrolView },
      { path: '/board', component: { template: '<p>board</p>' } },
    ],
  })
  await router.push('/enrol')
  const wrapper = mount(EnrolView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('form, [data-testid="enrolment-summary"]').exists()).toBe(true), WAIT)
  return { wrapper, router }
}

const buttonNamed = (wrapper: Awaited<ReturnType<typeof mountEnrol>>['wrapper'], text: string) =>
  wrapper.findAll('button, a').find((b) => b.text() === text)

describe('EnrolView', () => {
  it('capitalises the code as it is typed, and keeps everything typed when the code is refused', async () => {
    const sent: unknown[] = []
    const { wrapper } = await mountEnrol()
    useEnrolmentStore(pinia).useTransport(
      createHttpTransport({
        fetch: (async (_url: string, init: RequestInit) => {
          sent.push(JSON.parse(String(init.body)))
          return new Response(JSON.stringify({ error: 'invalid-code', message: INVALID_CODE_MESSAGE }), { status: 400 })
        }) as typeof fetch,
      }),
    )
    await wrapper.find('#enrol-code').setValue('abcd-efgh jkmn')
    expect((wrapper.find('#enrol-code').element as HTMLInputElement).value).toBe('ABCD-EFGH JKMN')
    await wrapper.find('#enrol-deviceName').setValue("Ward 7 nurses' station")
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('.nhsuk-error-summary').exists()).toBe(true), WAIT)

    expect(sent).toEqual([{ code: 'ABCDEFGHJKMN', deviceName: "Ward 7 nurses' station" }])
    expect(wrapper.find('.nhsuk-error-summary').text()).toContain(INVALID_CODE_MESSAGE)
    expect(wrapper.find('#enrol-code-error').text()).toContain('not valid')
    expect((wrapper.find('#enrol-code').element as HTMLInputElement).value).toBe('ABCD-EFGH JKMN')
    expect((wrapper.find('#enrol-deviceName').element as HTMLInputElement).value).toBe("Ward 7 nurses' station")
    expect(await readEnrolment(db)).toBeUndefined()
  })

  it('lists what is missing before sending anything', async () => {
    const { wrapper } = await mountEnrol()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const summary = wrapper.find('.nhsuk-error-summary').text()
    expect(summary).toContain('Enter the enrolment code from your improvement office')
    expect(summary).toContain('Enter a name for this tablet')
    expect(server.requests).toEqual([])
  })

  it('enrols, fetches the unit, offers to set up its board and opens it', async () => {
    const { wrapper, router } = await mountEnrol()
    await wrapper
      .find('#enrol-code')
      .setValue(server.issueCode({ kind: 'unit', id: 'unit-7' }).toLowerCase().replace(/-/g, ' '))
    await wrapper.find('#enrol-deviceName').setValue("Ward 7 nurses' station")
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(buttonNamed(wrapper, "Set up Ward 7's board")).toBeDefined(), WAIT)

    expect(wrapper.find('[data-testid="enrolment-summary"]').text()).toContain(
      'Ward 7 (Medicine, Northfield Teaching Hospitals)',
    )
    expect(wrapper.text()).toContain('Ward 7 has no board yet')
    await buttonNamed(wrapper, "Set up Ward 7's board")!.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/board'), WAIT)
    expect(await db.boards.toArray()).toEqual([expect.objectContaining({ unitId: 'unit-7', updatedBy: 'Sam' })])
    expect(useOrgStore(pinia).isSetUp).toBe(true)
  })

  it('offers to share a board set up on this tablet before enrolment, then opens the shared board', async () => {
    const local = await useOrgStore(pinia).setUp(
      {
        trustName: 'Leeds',
        csuName: 'Medicine',
        unitName: 'My ward',
        unitKind: 'ward',
        boardName: 'Our board',
        people: ['Priya'],
      },
      'Sam',
    )
    const { wrapper } = await mountEnrol()
    await wrapper.find('#enrol-code').setValue(server.issueCode({ kind: 'unit', id: 'unit-7' }))
    await wrapper.find('#enrol-deviceName').setValue('Ward 7 office')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(buttonNamed(wrapper, 'Share this board with Ward 7')).toBeDefined(), WAIT)
    expect(wrapper.text()).toContain('“Our board” was set up on this tablet before it was enrolled')

    await buttonNamed(wrapper, 'Share this board with Ward 7')!.trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('“Our board” now belongs to Ward 7'), WAIT)
    expect(await db.boards.get(local.id)).toMatchObject({ unitId: 'unit-7' })
    expect(buttonNamed(wrapper, 'Open the board')?.attributes('href')).toBe('/board')
    await useEnrolmentStore(pinia).settled()
    expect(server.recordsIn('unit-7').some((r) => r.id === local.id)).toBe(true)
  })

  it('shows an enrolled tablet what it is enrolled for, with a way to use a new code', async () => {
    const first = await mountEnrol()
    await first.wrapper.find('#enrol-code').setValue(server.issueCode({ kind: 'unit', id: 'unit-7' }))
    await first.wrapper.find('#enrol-deviceName').setValue('Ward 7 office')
    await first.wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(useEnrolmentStore(pinia).firstSync).toBe('done'), WAIT)
    await useEnrolmentStore(pinia).settled()
    first.wrapper.unmount()

    const { wrapper } = await mountEnrol()
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.find('[data-testid="enrolment-summary"]').text()).toContain('Ward 7 office')
    await buttonNamed(wrapper, 'Enrol with a new code instead')!.trigger('click')
    expect(wrapper.find('#enrol-code').exists()).toBe(true)
  })
})
