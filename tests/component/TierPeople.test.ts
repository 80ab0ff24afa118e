// The quick name list on a CSU's own board (no unit record): Settings keeps it on the
// board, and "Who is doing this?", action owners, the huddle facilitator and escalation
// owners offer it instead of leaving staff to type names every time.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { h } from 'vue'
import ActionFormDialog from '@/components/actions/ActionFormDialog.vue'
import NamePickerDialog from '@/components/common/NamePickerDialog.vue'
import PeopleForm from '@/components/settings/PeopleForm.vue'
import { db, resetDatabase } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import EscalationsView from '@/views/EscalationsView.vue'
import HuddleView from '@/views/HuddleView.vue'
import { CSU_BOARD, makeEscalation, mountEscalations } from './escalationsFixture'
import { accessibleName, buttonNamed, loadCommandModules, settle } from '../helpers/dom'

beforeAll(loadCommandModules)

let wrapper: VueWrapper | undefined
const CSU_PEOPLE = ['Dr Okafor', 'Matron Lee']
const csuBoardWithPeople = { ...CSU_BOARD, people: CSU_PEOPLE }

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const openDialog = () => document.querySelector('dialog[open]') as HTMLDialogElement | null
const dialogButtons = () => [...(openDialog()?.querySelectorAll('button') ?? [])].map((b) => accessibleName(b))

const SettingsPeople = { render: () => [h(PeopleForm), h(NamePickerDialog)] }

describe('names on a CSU board', () => {
  it('Settings saves the tri-team to the CSU board, and "Who is doing this?" then offers them', async () => {
    ;({ wrapper } = await mountEscalations(SettingsPeople, CSU_BOARD.id))
    const w = wrapper!
    expect(w.find('[data-testid="people-heading"]').text()).toBe('People in the Medicine CSU tri-team')
    // Ward 7's list belongs to Ward 7, not to the CSU board.
    expect(w.find<HTMLTextAreaElement>('#people-list').element.value).toBe('')

    await w.find('#people-list').setValue('Dr Okafor\nMatron Lee\n')
    await w.find('form').trigger('submit')
    await settle()
    // Nobody has picked a name yet and the CSU's list was empty: type one.
    expect(openDialog()).not.toBeNull()
    expect(dialogButtons()).not.toContain('Test Nurse')
    const typed = openDialog()!.querySelector<HTMLInputElement>('[data-testid="name-picker"] input[type="text"]')!
    typed.value = 'Matron Lee'
    typed.dispatchEvent(new Event('input'))
    await settle()
    openDialog()!.querySelector('form')!.dispatchEvent(new Event('submit'))
    await settle()

    expect((await db.boards.get(CSU_BOARD.id))?.people).toEqual(CSU_PEOPLE)
    expect((await db.units.get('unit-1'))?.people).toEqual(['Test Nurse'])
    expect(await db.outbox.where('table').equals('boards').first()).toMatchObject({
      recordId: CSU_BOARD.id,
      unitId: 'csu-1',
      fields: { people: CSU_PEOPLE },
    })
    expect(w.text()).toContain('Saved')

    // Next time anyone is asked, the tri-team's names are one tap away.
    const actor = useActorStore()
    actor.forget()
    const who = actor.whoIsDoingThis()
    await settle()
    // Matron Lee, who typed her name, comes first as a recent name; the rest of the list follows.
    const recent = openDialog()!.querySelector('[role="group"][aria-label="Recent names on this tablet"]')!
    expect([...recent.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Matron Lee'])
    const group = openDialog()!.querySelector('[role="group"][aria-label="People in the Medicine CSU tri-team"]')!
    expect([...group.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Dr Okafor'])
    ;[...group.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Dr Okafor')!.click()
    expect(await who).toBe('Dr Okafor')
  })

  it('keeps what was typed and saves nothing when a name is too long', async () => {
    ;({ wrapper } = await mountEscalations(SettingsPeople, CSU_BOARD.id))
    const w = wrapper!
    const long = `Dr ${'x'.repeat(70)}`
    await w.find('#people-list').setValue(`Matron Lee\n${long}`)
    await w.find('form').trigger('submit')
    await settle()
    expect(w.text()).toContain('Each name must be 60 characters or fewer')
    expect(w.find<HTMLTextAreaElement>('#people-list').element.value).toBe(`Matron Lee\n${long}`)
    expect(openDialog()).toBeNull()
    expect((await db.boards.get(CSU_BOARD.id))?.people).toBeUndefined()
  })

  it("offers the CSU's names as action owners", async () => {
    const Dialog = { render: () => h(ActionFormDialog, { open: true }) }
    ;({ wrapper } = await mountEscalations(Dialog, CSU_BOARD.id, [], csuBoardWithPeople))
    expect(wrapper!.findAll('[data-testid="owner-option"]').map((b) => b.text())).toEqual(CSU_PEOPLE)
  })

  it("offers the CSU's names for the huddle facilitator", async () => {
    ;({ wrapper } = await mountEscalations(HuddleView, CSU_BOARD.id, [], csuBoardWithPeople))
    useActorStore().pick('Matron Lee')
    await buttonNamed(wrapper!, 'Start huddle').trigger('click')
    await settle()
    const options = wrapper!.findAll('#huddle-facilitator option').map((o) => o.text())
    expect(options).toEqual(['Choose a name', ...CSU_PEOPLE, 'Someone not listed'])
  })

  it("accepts an escalation with an owner tapped from the CSU's names", async () => {
    ;({ wrapper } = await mountEscalations(
      EscalationsView,
      CSU_BOARD.id,
      [makeEscalation('e1', { title: 'Hoist broken in bay 2' })],
      csuBoardWithPeople,
    ))
    useActorStore().pick('Matron Lee')
    await buttonNamed(wrapper!, 'Accept: Hoist broken in bay 2 from Ward 7').trigger('click')
    await settle()
    const options = [...openDialog()!.querySelectorAll<HTMLButtonElement>('[data-testid="escalation-owner-option"]')]
    expect(options.map((b) => b.textContent?.trim())).toEqual(CSU_PEOPLE)
    options[0]!.click()
    await settle()
    expect(openDialog()!.querySelector<HTMLInputElement>('input')!.value).toBe('Dr Okafor')
    expect(options[0]!.getAttribute('aria-pressed')).toBe('true')
    ;[...openDialog()!.querySelectorAll('button')].find((b) => accessibleName(b) === 'Accept')!.click()
    await settle()
    expect(await db.escalations.get('e1')).toMatchObject({
      status: 'accepted',
      owner: 'Dr Okafor',
      statusBy: 'Matron Lee',
    })
  })
})
