import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { db, resetDatabase } from '@/db/db'
import { DEFAULT_ESCALATION_CRITERIA } from '@/domain/escalations'
import EscalateButton from '@/components/escalations/EscalateButton.vue'
import { useActorStore } from '@/stores/actor'
import { CSU_BOARD, mountEscalations } from './escalationsFixture'
import { buttonInDialog, buttonNamed, loadCommandModules, openDialog, settle } from '../helpers/dom'

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

async function type(selector: string, text: string) {
  const field = openDialog().querySelector(selector) as HTMLInputElement | HTMLTextAreaElement
  field.value = text
  field.dispatchEvent(new Event('input'))
  await settle()
}
async function choose(label: string) {
  const forId = [...openDialog().querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.htmlFor
  const input = document.getElementById(forId) as HTMLInputElement
  input.checked = true
  input.dispatchEvent(new Event('change'))
  await settle()
}

/** The button as an action on Ward 7's board offers it. */
async function openFromAction(boardId = 'board-1', csuBoard = CSU_BOARD) {
  const Host = {
    components: { EscalateButton },
    template: `<EscalateButton :source="{ table: 'actions', id: 'a1' }" suggested-title="Order a new hoist" />`,
  }
  ;({ wrapper } = await mountEscalations(Host, boardId, [], csuBoard))
  useActorStore().pick('Priya')
  return wrapper!
}

describe('escalating in one tap', () => {
  it('shows the criteria, needs a reason and a category, keeps what was typed, and saves nothing until they are there', async () => {
    const w = await openFromAction()
    await buttonNamed(w, 'Escalate: Order a new hoist').trigger('click')
    await settle()
    expect(openDialog().querySelector('h2')?.textContent).toBe('Escalate to the CSU')
    expect(openDialog().querySelector('[data-testid="escalation-criteria"]')?.textContent).toBe(
      DEFAULT_ESCALATION_CRITERIA,
    )
    expect((openDialog().querySelector('input[type="text"], input:not([type])') as HTMLInputElement).value).toBe(
      'Order a new hoist',
    )
    // The reason is limited: the NHS character count says how much is left.
    const reasonBox = openDialog().querySelector('textarea')!
    const info = reasonBox
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
    expect(info).toContain('You can enter up to 500 characters')
    expect(openDialog().querySelector('[data-testid="character-count"]')?.textContent?.trim()).toBe(
      'You have 500 characters remaining',
    )
    buttonInDialog('Escalate').click()
    await settle()
    const summary = openDialog().querySelector('.nhsuk-error-summary')!.textContent
    expect(summary).toContain('Enter why the team cannot solve this itself')
    expect(summary).toContain('Choose a category')
    expect(await db.escalations.count()).toBe(0)

    await choose('Equipment or estates')
    buttonInDialog('Escalate').click()
    await settle()
    expect(openDialog().querySelector('.nhsuk-error-summary')!.textContent).toContain(
      'Enter why the team cannot solve this itself',
    )
    expect(await db.escalations.count()).toBe(0)

    await type('textarea', 'Estates cannot repair it until Monday; we have tried the hire company')
    buttonInDialog('Escalate').click()
    await settle()
    const [saved] = await db.escalations.toArray()
    expect(saved).toMatchObject({
      unitId: 'unit-1',
      boardId: 'board-1',
      tier: 'csu',
      status: 'raised',
      title: 'Order a new hoist',
      category: 'Equipment or estates',
      reason: 'Estates cannot repair it until Monday; we have tried the hire company',
      raisedBy: 'Priya',
      source: { table: 'actions', id: 'a1' },
    })
    expect(document.querySelector('dialog[open]')).toBeNull()
    expect(w.text()).toContain('Escalated.')
  })

  it('warns before sending a reason that may identify a patient', async () => {
    const w = await openFromAction()
    await buttonNamed(w, 'Escalate: Order a new hoist').trigger('click')
    await settle()
    await choose('Safety risk')
    await type('textarea', 'Hoist needed for Mrs Smith, NHS number 943 476 5919')
    buttonInDialog('Escalate').click()
    await settle()
    expect(openDialog().textContent).toContain('patient')
    expect(await db.escalations.count()).toBe(0)
    expect((openDialog().querySelector('textarea') as HTMLTextAreaElement).value).toBe(
      'Hoist needed for Mrs Smith, NHS number 943 476 5919',
    )
  })

  it("escalates from a CSU board to the trust, with the board's own categories and criteria", async () => {
    const w = await openFromAction(CSU_BOARD.id, {
      ...CSU_BOARD,
      escalationCategories: ['Beds', 'Money'],
      escalationCriteria: 'Only what the CSU cannot fix',
    })
    await buttonNamed(w, 'Escalate: Order a new hoist').trigger('click')
    await settle()
    expect(openDialog().querySelector('h2')?.textContent).toBe('Escalate to the Trust')
    expect(openDialog().querySelector('[data-testid="escalation-criteria"]')?.textContent).toBe(
      'Only what the CSU cannot fix',
    )
    expect([...openDialog().querySelectorAll('.nhsuk-radios__label')].map((l) => l.textContent?.trim())).toEqual([
      'Beds',
      'Money',
    ])
  })
})
