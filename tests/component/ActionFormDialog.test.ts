import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ActionFormDialog from '@/components/actions/ActionFormDialog.vue'
import { flushDrafts } from '@/composables/useDraft'
import { db, resetDatabase } from '@/db/db'
import { addDays, londonDay } from '@/domain/dates'
import type { Action } from '@/domain/types'
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
  return wrapper
}

/** The form control a visible label points at. */
function field(w: VueWrapper, label: string) {
  const found = w.findAll('label').find((l) => l.text() === label)
  if (!found) throw new Error(`No label "${label}"`)
  return w.find<HTMLInputElement>(`[id="${found.attributes('for')}"]`)
}

function saveButton(w: VueWrapper) {
  return w.findAll('button').find((b) => b.text() === 'Save action')!
}

const outboxForActions = () => db.outbox.where('table').equals('actions').count()

describe('ActionFormDialog', () => {
  it('shows "Enter what needs doing" for an empty title and keeps everything else typed', async () => {
    const w = await mountForm()
    useActorStore().pick('Test Nurse')
    const before = await db.actions.count()
    await w
      .findAll('[data-testid="owner-option"]')
      .find((b) => b.text() === 'Priya Natarajan')!
      .trigger('click')
    await field(w, 'Due date (optional)').setValue(addDays(today, 3))
    await field(w, 'Linked measure (optional)').setValue('demo-m-1-2')

    await saveButton(w).trigger('click')
    await settle()

    expect(w.find('.nhsuk-error-summary').text()).toContain('Enter what needs doing')
    expect(w.find('.nhsuk-form-group--error .nhsuk-error-message').text()).toContain('Enter what needs doing')
    expect(field(w, "Or type the owner's name").element.value).toBe('Priya Natarajan')
    expect(field(w, 'Due date (optional)').element.value).toBe(addDays(today, 3))
    expect(field(w, 'Linked measure (optional)').element.value).toBe('demo-m-1-2')
    expect(await db.actions.count()).toBe(before)
    expect(w.emitted('saved')).toBeUndefined()
  })

  it('saves a valid action to the database and the outbox, then closes', async () => {
    const w = await mountForm()
    useActorStore().pick('Test Nurse')
    await field(w, 'What needs doing?').setValue('Order more pressure cushions')
    await w
      .findAll('[data-testid="owner-option"]')
      .find((b) => b.text() === 'Sam Okafor')!
      .trigger('click')
    await w
      .findAll('button')
      .find((b) => b.text() === 'Tomorrow')!
      .trigger('click')
    expect(w.find('[data-testid="due-date-shown"]').text()).toBe(addDays(today, 1).split('-').reverse().join('/'))

    await saveButton(w).trigger('click')
    await settle()

    const stored = (await db.actions.toArray()).find((a) => a.title === 'Order more pressure cushions')
    expect(stored).toMatchObject({
      owner: 'Sam Okafor',
      dueDay: addDays(today, 1),
      status: 'open',
      updatedBy: 'Test Nurse',
    })
    expect(await outboxForActions()).toBe(1)
    expect((w.emitted('saved')![0]![0] as Action).id).toBe(stored!.id)
    expect(w.emitted('close')).toHaveLength(1)
  })

  it('refuses a past due date on a new action with an inline error', async () => {
    const w = await mountForm()
    useActorStore().pick('Test Nurse')
    await field(w, 'What needs doing?').setValue('Chase the blood results')
    await field(w, "Or type the owner's name").setValue('Agency nurse')
    await field(w, 'Due date (optional)').setValue(addDays(today, -2))

    await saveButton(w).trigger('click')
    await settle()

    expect(w.text()).toContain('The due date is in the past')
    expect(field(w, 'What needs doing?').element.value).toBe('Chase the blood results')
    expect(await outboxForActions()).toBe(0)
  })

  it('lets an edit keep a past due date and records only what changed', async () => {
    const existing = { title: 'Re-stock the falls sensor mats in bay 2' }
    const w = await mountForm()
    const action = useActionsStore().actions.find((a) => a.title === existing.title)!
    await w.setProps({ open: false })
    await w.setProps({ open: true, action })
    useActorStore().pick('Test Nurse')
    expect(w.find('h2').text()).toBe('Edit action')
    expect(field(w, 'What needs doing?').element.value).toBe(existing.title)
    await field(w, "Or type the owner's name").setValue('Grace Mensah')

    await saveButton(w).trigger('click')
    await settle()

    expect(await db.actions.get(action.id)).toMatchObject({ owner: 'Grace Mensah', dueDay: action.dueDay })
    const history = await db.history.where({ table: 'actions', recordId: action.id }).toArray()
    expect(history.map((h) => h.changes.map((c) => c.field))).toEqual([['owner']])
  })

  it('keeps the form open and saves nothing when "Who is doing this?" is cancelled', async () => {
    const w = await mountForm()
    const actor = useActorStore()
    await field(w, 'What needs doing?').setValue('Fix the bay 3 call bell')
    await field(w, "Or type the owner's name").setValue('Tom Whitley')

    await saveButton(w).trigger('click')
    await settle()
    expect(actor.asking).toBe(true)
    actor.answerWho(null)
    await settle()

    expect(await outboxForActions()).toBe(0)
    expect(w.emitted('saved')).toBeUndefined()
    expect(w.emitted('close')).toBeUndefined()
    expect(field(w, 'What needs doing?').element.value).toBe('Fix the bay 3 call bell')
  })

  it('prefills the measure and says which day the action came from', async () => {
    const w = await mountForm({ measureId: 'demo-m-1-2', measureDay: '2026-11-24' })
    useActorStore().pick('Test Nurse')
    expect(w.find('[data-testid="action-origin"]').text()).toBe('From Falls on 24/11/2026')
    expect(field(w, 'Linked measure (optional)').element.value).toBe('demo-m-1-2')
    await field(w, 'What needs doing?').setValue('Review the fall in bay 4')
    await field(w, "Or type the owner's name").setValue('Hannah Cole')
    await w
      .findAll('.concept-chip')
      .find((b) => b.text().includes('Root cause'))!
      .trigger('click')

    await saveButton(w).trigger('click')
    await settle()

    const stored = (await db.actions.toArray()).find((a) => a.title === 'Review the fall in bay 4')
    expect(stored).toMatchObject({
      measureId: 'demo-m-1-2',
      measureDay: '2026-11-24',
      conceptIds: ['root-cause'],
      dueDay: null,
    })
  })

  it('drops the origin day when the link to that measure is removed', async () => {
    const w = await mountForm({ measureId: 'demo-m-1-2', measureDay: '2026-11-24' })
    useActorStore().pick('Test Nurse')
    await field(w, 'What needs doing?').setValue('Talk to the falls lead')
    await field(w, "Or type the owner's name").setValue('Hannah Cole')
    await field(w, 'Linked measure (optional)').setValue('')
    expect(w.find('[data-testid="action-origin"]').exists()).toBe(false)

    await saveButton(w).trigger('click')
    await settle()

    const stored = (await db.actions.toArray()).find((a) => a.title === 'Talk to the falls lead')
    expect(stored).toMatchObject({ measureId: null, measureDay: null })
  })

  // Mounts three times, and each mount loads the demo trust (18 months of values) afresh.
  it(
    'brings back what was typed after a reload (e.g. "Update now") until it is saved or cancelled',
    { timeout: 30_000 },
    async () => {
      let w = await mountForm()
      await field(w, 'What needs doing?').setValue('Order more falls sensor mats')
      flushDrafts()
      w.unmount()
      w = await mountForm()
      expect(field(w, 'What needs doing?').element.value).toBe('Order more falls sensor mats')
      await w
        .findAll('button')
        .find((b) => b.text() === 'Cancel')!
        .trigger('click')
      w.unmount()
      w = await mountForm()
      expect(field(w, 'What needs doing?').element.value).toBe('')
    },
  )
})
