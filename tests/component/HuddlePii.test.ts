// The patient-identifier guard on a huddle's notes: a live nudge on the notes step, and
// a stop before the huddle is saved (see usePiiCheck).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import HuddleView from '@/views/HuddleView.vue'
import { useActorStore } from '@/stores/actor'
import { useOrgStore } from '@/stores/org'
import { settle } from '../helpers/dom'

const TODAY = '2026-11-26'
const T0 = Date.parse(`${TODAY}T08:00:00Z`)

async function mountHuddle() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useOrgStore().loadDemo(TODAY)
  useActorStore().pick('Sam Okafor')
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: { template: '<p>board</p>' } },
      { path: '/board/huddle', component: HuddleView },
    ],
  })
  await router.push('/board/huddle')
  const w = mount(HuddleView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

async function tap(w: VueWrapper, name: string) {
  const found = w.findAll('button').find((b) => (b.attributes('aria-label') ?? b.text()).trim() === name)
  if (!found) throw new Error(`No button named "${name}"`)
  await found.trigger('click')
  await settle()
}

const savedToday = () => db.huddles.filter((h) => h.day === TODAY).toArray()
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: T0 })
  await resetDatabase()
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
})

describe('Huddle notes: patient identifiers', () => {
  it('nudges on the notes step, stops "Save huddle", and saves once the note is changed', async () => {
    const w = (wrapper = await mountHuddle())
    await tap(w, 'Start huddle')
    await tap(w, 'Increase attendance')
    await tap(w, 'Next item')
    await tap(w, 'Next item')
    expect(w.find('h1').text()).toBe("Today's plan")
    const note = w.find<HTMLTextAreaElement>('textarea')
    await note.setValue('Mr Jones in bed 6 for discharge')
    // A nudge while typing: no button, and the focus stays in the notes box.
    const nudge = w.find('[data-testid="pii-warning"]')
    expect(nudge.text()).toContain('a bed and a name together (Mr Jones in bed 6)')
    expect(nudge.find('button').exists()).toBe(false)
    expect(note.attributes('aria-describedby')).toContain(nudge.attributes('id'))

    await tap(w, 'Finish huddle')
    await w.find('#huddle-notes').setValue('DOB 12/03/1948 on the wrong wristband')
    await tap(w, 'Save huddle')
    const stop = w.find('dialog[open] [data-testid="pii-warning"]')
    expect(stop.findAll('li').map((li) => li.text())).toEqual([
      'a date of birth (DOB 12/03/1948) in Anything else to note',
      "a bed and a name together (Mr Jones in bed 6) in the notes for Today's plan",
    ])
    expect(await savedToday()).toEqual([])

    await w.find('#huddle-notes').setValue('Wrong wristband found and changed')
    await tap(w, 'Keep going')
    await w.find('textarea').setValue('Bed 6 going home today')
    await tap(w, 'Finish huddle')
    expect(w.find('dialog[open] [data-testid="pii-warning"]').exists()).toBe(false)
    await tap(w, 'Save huddle')
    expect((await savedToday()).map((h) => h.notes)).toEqual([
      "Wrong wristband found and changed\n\nToday's plan: Bed 6 going home today",
    ])
  })

  it('"Save anyway" saves the huddle with its notes as typed', async () => {
    const w = (wrapper = await mountHuddle())
    await tap(w, 'Start huddle')
    await tap(w, 'Increase attendance')
    await tap(w, 'Finish huddle')
    await w.find('#huddle-notes').setValue('New stock code 943 476 5919')
    await tap(w, 'Save huddle')
    expect(w.find('dialog[open] [data-testid="pii-warning"]').text()).toContain(
      'an NHS number (943 476 5919) in Anything else to note',
    )
    expect(await savedToday()).toEqual([])

    await tap(w, 'Save anyway — it is not patient information')
    expect((await savedToday()).map((h) => h.notes)).toEqual(['New stock code 943 476 5919'])
  })
})
