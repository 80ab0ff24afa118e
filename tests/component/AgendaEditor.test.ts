import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import AgendaEditor from '@/components/huddle/AgendaEditor.vue'
import { useActorStore } from '@/stores/actor'
import { useBoardStore } from '@/stores/board'
import { useOrgStore } from '@/stores/org'
import { labelInNameProblems } from '../helpers/labelInName'

const TODAY = '2026-11-26'
let wrapper: VueWrapper | undefined

async function mountEditor() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useOrgStore().loadDemo(TODAY)
  await useBoardStore().load('demo-board-1', TODAY)
  useActorStore().pick('Grace Mensah')
  wrapper = mount(AgendaEditor, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

function button(name: string) {
  const found = wrapper!.findAll('button').find((b) => (b.attributes('aria-label') ?? b.text()).trim() === name)
  if (!found) throw new Error(`No button named "${name}"`)
  return found
}

const titles = () => wrapper!.findAll<HTMLInputElement>('input[id^="agenda-editor-title-"]').map((i) => i.element.value)

async function save() {
  await wrapper!.find('form').trigger('submit')
  // Dexie transactions settle over several macrotasks; live queries re-run on a timer.
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('AgendaEditor', () => {
  it('shows the board’s agenda and the total against the huddle length', async () => {
    await mountEditor()
    expect(titles()).toEqual([
      'Safety',
      "Yesterday's measures",
      "Today's plan",
      'Actions due',
      'Answers back from CSU',
      'Ideas',
      'Recognition',
    ])
    expect(wrapper!.find<HTMLInputElement>('#agenda-editor-huddleMinutes').element.value).toBe('15')
    expect(wrapper!.find('[data-testid="agenda-editor-total"]').text()).toBe(
      'The items add up to 15 min of the 15 minute huddle.',
    )
    expect(wrapper!.find('[data-testid="agenda-editor-over"]').exists()).toBe(false)
    const kind = wrapper!.find<HTMLSelectElement>('#agenda-editor-safety-kind')
    expect(kind.element.value).toBe('safety')
    expect(kind.findAll('option').map((o) => o.text())).toContain('Actions due and overdue')
  })

  it('reorders, removes and adds items, then saves them to the board with who did it', async () => {
    await mountEditor()
    await button('Remove Answers back from CSU').trigger('click')
    expect(labelInNameProblems(wrapper!.element)).toEqual([])
    await button('Move up: Ideas').trigger('click')
    await button('Remove Recognition').trigger('click')
    await button('Add item').trigger('click')
    const newTitle = wrapper!.findAll('input[id^="agenda-editor-title-"]').at(-1)!
    await newTitle.setValue('Fire safety reminder')
    const newId = newTitle.attributes('id')!.replace('agenda-editor-title-', '')
    await wrapper!.find(`#agenda-editor-${newId}-kind`).setValue('safety')
    await wrapper!.find(`#agenda-editor-time-${newId}`).setValue('0')
    await wrapper!.find(`#agenda-editor-${newId}-seconds`).setValue('45')
    await wrapper!.find('#agenda-editor-huddleMinutes').setValue('20')
    expect(titles()).toEqual([
      'Safety',
      "Yesterday's measures",
      "Today's plan",
      'Ideas',
      'Actions due',
      'Fire safety reminder',
    ])

    await save()

    expect(wrapper!.text()).toContain('Agenda saved')
    const board = await db.boards.get('demo-board-1')
    expect(board?.huddleMinutes).toBe(20)
    expect(board?.agenda.map((i) => [i.title, i.kind, i.seconds])).toEqual([
      ['Safety', 'safety', 180],
      ["Yesterday's measures", 'measures', 180],
      ["Today's plan", 'plan', 180],
      ['Ideas', 'ideas', 90],
      ['Actions due', 'actions', 150],
      ['Fire safety reminder', 'safety', 45],
    ])
    expect(board?.updatedBy).toBe('Grace Mensah')
    expect(useOrgStore().currentBoard?.huddleMinutes).toBe(20)
    expect(await db.outbox.where('table').equals('boards').count()).toBe(1)
  })

  it('shows each problem inline and in a summary, keeps what was typed, and saves nothing', async () => {
    await mountEditor()
    await wrapper!.find('#agenda-editor-title-plan').setValue('  ')
    await wrapper!.find('#agenda-editor-time-ideas').setValue('one')
    await wrapper!.find('#agenda-editor-huddleMinutes').setValue('90')
    await save()

    const summary = wrapper!.find('.nhsuk-error-summary')
    expect(summary.text()).toContain('There is a problem')
    expect(summary.findAll('a').map((a) => a.text())).toEqual([
      'Enter the huddle length as a whole number of minutes from 5 to 60',
      'Enter a title for agenda item 3',
      "Enter agenda item 6's time as whole minutes and seconds (0 to 59 seconds)",
    ])
    expect(summary.findAll('a').map((a) => a.attributes('href'))).toEqual([
      '#agenda-editor-huddleMinutes',
      '#agenda-editor-title-plan',
      '#agenda-editor-time-ideas',
    ])
    expect(wrapper!.findAll('.nhsuk-form-group--error .nhsuk-error-message')).toHaveLength(3)
    expect(wrapper!.find<HTMLInputElement>('#agenda-editor-time-ideas').element.value).toBe('one')
    expect(wrapper!.find<HTMLInputElement>('#agenda-editor-huddleMinutes').element.value).toBe('90')
    expect((await db.boards.get('demo-board-1'))?.huddleMinutes).toBe(15)
    expect(await db.outbox.count()).toBe(0)
  })

  it('needs at least one item', async () => {
    await mountEditor()
    for (const title of [
      'Safety',
      "Yesterday's measures",
      "Today's plan",
      'Actions due',
      'Answers back from CSU',
      'Ideas',
      'Recognition',
    ]) {
      await button(`Remove ${title}`).trigger('click')
    }
    await save()
    expect(wrapper!.find('.nhsuk-error-summary').text()).toContain('The agenda needs at least one item')
    expect((await db.boards.get('demo-board-1'))?.agenda).toHaveLength(7)
  })

  it('warns, but still saves, when the items add up to more than the huddle', async () => {
    await mountEditor()
    await wrapper!.find('#agenda-editor-huddleMinutes').setValue('10')
    expect(wrapper!.find('[data-testid="agenda-editor-over"]').text()).toContain(
      'The items add up to 5 min more than the 10 minute huddle. You can still save it.',
    )
    await save()
    expect(wrapper!.find('.nhsuk-error-summary').exists()).toBe(false)
    expect((await db.boards.get('demo-board-1'))?.huddleMinutes).toBe(10)
  })

  it('keeps the changes on screen and saves nothing when the person cancels "Who is doing this?"', async () => {
    await mountEditor()
    useActorStore().forget()
    await wrapper!.find('#agenda-editor-title-safety').setValue('Safety first')
    await save()
    expect(useActorStore().asking).toBe(true)
    useActorStore().answerWho(null)
    await flushPromises()
    expect(titles()[0]).toBe('Safety first')
    expect((await db.boards.get('demo-board-1'))?.agenda[0]?.title).toBe('Safety')
    expect(wrapper!.text()).not.toContain('Agenda saved')
  })
})
