// The patient-identifier guard on an action's title (see usePiiCheck).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ActionFormDialog from '@/components/actions/ActionFormDialog.vue'
import { db, resetDatabase } from '@/db/db'
import { londonDay } from '@/domain/dates'
import { useActionsStore } from '@/stores/actions'
import { useActorStore } from '@/stores/actor'
import { useBoardStore } from '@/stores/board'
import { useOrgStore } from '@/stores/org'
import { settle } from '../helpers/dom'

const today = londonDay()
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => wrapper?.unmount())

async function mountForm(props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const org = useOrgStore()
  await org.loadDemo(today)
  const board = org.currentBoard!
  await useBoardStore().load(board.id, today)
  await useActionsStore().load(board.id, board.unitId)
  wrapper = mount(ActionFormDialog, {
    props: { open: true, ...props },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
  await settle()
  useActorStore().pick('Test Nurse')
  // An owner is required; the title is what these tests are about.
  await owner(wrapper).setValue('Sam Okafor')
  return wrapper
}

const title = (w: VueWrapper) => w.find<HTMLInputElement>('input[id$="-action-title"]')
const owner = (w: VueWrapper) => w.find<HTMLInputElement>('input[id$="-action-owner"]')
const warning = (w: VueWrapper) => w.find('[data-testid="pii-warning"]')
const button = (w: VueWrapper, name: string) => w.findAll('button').find((b) => b.text().trim() === name)
const storedTitles = async () => (await db.actions.toArray()).map((a) => a.title)

describe('ActionFormDialog: patient identifiers', () => {
  it('stops a title with a valid NHS number, keeps it typed, and saves once it is edited away', async () => {
    const w = await mountForm()
    const before = await db.actions.count()
    await title(w).setValue('Chase bloods for 943 476 5919')
    await button(w, 'Save action')!.trigger('click')
    await settle()

    expect(warning(w).text()).toContain('This looks like it may identify a patient: an NHS number (943 476 5919).')
    expect(document.activeElement).toBe(warning(w).element)
    expect(title(w).element.value).toBe('Chase bloods for 943 476 5919')
    expect(await db.actions.count()).toBe(before)
    expect(await db.outbox.where('table').equals('actions').count()).toBe(0)
    expect(w.emitted('saved')).toBeUndefined()

    // The warning follows the text as it changes, and goes when it is clean.
    await title(w).setValue('Chase bloods for 943 476 5919 and MRN 1234567')
    expect(warning(w).findAll('li')).toHaveLength(2)
    await title(w).setValue('Chase bloods for bay 4')
    expect(warning(w).exists()).toBe(false)
    await button(w, 'Save action')!.trigger('click')
    await settle()
    expect(await storedTitles()).toContain('Chase bloods for bay 4')
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('does not stop an invalid 10-digit number such as a phone number', async () => {
    const w = await mountForm()
    await title(w).setValue('Ring estates on 943 476 5918')
    await button(w, 'Save action')!.trigger('click')
    await settle()
    expect(warning(w).exists()).toBe(false)
    expect(await storedTitles()).toContain('Ring estates on 943 476 5918')
  })

  it('"Save anyway" saves the text exactly as typed', async () => {
    const w = await mountForm()
    await title(w).setValue('Order 10 of item 943 476 5919')
    await button(w, 'Save action')!.trigger('click')
    await settle()
    expect(await storedTitles()).not.toContain('Order 10 of item 943 476 5919')

    await button(w, 'Save anyway — it is not patient information')!.trigger('click')
    await settle()
    expect(await storedTitles()).toContain('Order 10 of item 943 476 5919')
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('does not ask again about an existing title that has not changed', async () => {
    const w = await mountForm()
    await title(w).setValue('Order 10 of item 943 476 5919')
    await button(w, 'Save action')!.trigger('click')
    await settle()
    await button(w, 'Save anyway — it is not patient information')!.trigger('click')
    await settle()
    const action = useActionsStore().actions.find((a) => a.title === 'Order 10 of item 943 476 5919')!

    await w.setProps({ open: false })
    await w.setProps({ open: true, action })
    await owner(w).setValue('Grace Mensah')
    await button(w, 'Save action')!.trigger('click')
    await settle()
    expect(warning(w).exists()).toBe(false)
    expect(await db.actions.get(action.id)).toMatchObject({
      owner: 'Grace Mensah',
      title: 'Order 10 of item 943 476 5919',
    })
  })
})
