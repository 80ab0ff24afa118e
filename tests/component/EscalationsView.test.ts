import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { db, resetDatabase } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import EscalationsView from '@/views/EscalationsView.vue'
import { CSU_BOARD, makeEscalation, mountEscalations } from './escalationsFixture'
import { accessibleName, buttonInDialog, buttonNamed, loadCommandModules, openDialog, settle } from '../helpers/dom'

beforeAll(loadCommandModules)

let wrapper: VueWrapper | undefined
const hour = 3_600_000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

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

async function openCsu() {
  ;({ wrapper } = await mountEscalations(EscalationsView, CSU_BOARD.id, [
    makeEscalation('newer', { title: 'No porter after 8pm', tierSince: ago(2 * hour), raisedAt: ago(2 * hour) }),
    makeEscalation('older', { title: 'Hoist broken in bay 2', tierSince: ago(26 * hour), raisedAt: ago(26 * hour) }),
  ]))
  useActorStore().pick('Jo Bloggs')
  return wrapper!
}

describe('the CSU inbox', () => {
  it('lists what the wards raised, oldest first: from which unit, what, why, category, by whom and how long it has waited', async () => {
    const w = await openCsu()
    const inbox = w.find('[data-testid="escalation-inbox"]')
    expect(inbox.find('h2').text()).toBe("Inbox: from Medicine's wards (2)")
    const cards = inbox.findAll('[data-testid="escalation"]')
    expect(cards.map((c) => c.find('h3').text())).toEqual(['Hoist broken in bay 2', 'No porter after 8pm'])
    expect(cards[0]!.text()).toContain('From Ward 7')
    expect(cards[0]!.text()).toContain('Equipment or estates')
    expect(cards[0]!.text()).toContain('by Priya')
    expect(cards[0]!.text()).toContain('Why: Estates cannot come until Monday')
    expect(cards[0]!.find('[data-testid="escalation-status"]').text()).toContain('waiting 1 day 2 hours')
  })

  it('accepts with an owner (required), then answers; the answer is stored for the ward', async () => {
    const w = await openCsu()
    await buttonNamed(w, 'Accept: Hoist broken in bay 2 from Ward 7').trigger('click')
    await settle()
    buttonInDialog('Accept').click()
    await settle()
    expect(openDialog().textContent).toContain('Enter who owns this')
    expect((await db.escalations.get('older'))?.status).toBe('raised')
    await type('input', 'Jo Bloggs')
    buttonInDialog('Accept').click()
    await settle()
    expect(await db.escalations.get('older')).toMatchObject({
      status: 'accepted',
      owner: 'Jo Bloggs',
      statusBy: 'Jo Bloggs',
    })

    await buttonNamed(w, 'Answer: Hoist broken in bay 2 from Ward 7').trigger('click')
    await settle()
    await type('textarea', 'A hire hoist arrives at 2pm today')
    buttonInDialog('Send answer').click()
    await settle()
    expect(await db.escalations.get('older')).toMatchObject({
      status: 'answered',
      answer: 'A hire hoist arrives at 2pm today',
      answeredBy: 'Jo Bloggs',
    })
    expect(w.find('[data-testid="escalation-inbox"] h2').text()).toBe("Inbox: from Medicine's wards (1)")
    expect(w.text()).toContain('Answered, waiting for the ward to confirm (1)')
  })

  it('answering one the ward withdrew meanwhile says who and when, sends nothing and keeps the answer', async () => {
    const w = await openCsu()
    await db.escalations.update('older', { status: 'accepted', owner: 'Jo Bloggs' })
    const { useEscalationsStore } = await import('@/stores/escalations')
    await useEscalationsStore().load()
    await settle()
    await buttonNamed(w, 'Answer: Hoist broken in bay 2 from Ward 7').trigger('click')
    await settle()
    await type('textarea', 'Hire hoist at 2pm')
    // Meanwhile a pull brings the ward's withdrawal.
    await db.escalations.update('older', {
      status: 'withdrawn',
      statusBy: 'Priya',
      statusAt: '2026-11-26T09:12:00.000Z',
    })
    const outbox = await db.outbox.count()
    buttonInDialog('Send answer').click()
    await settle()
    expect(openDialog().querySelector('[data-testid="escalation-changed"]')?.textContent).toMatch(
      /This escalation was withdrawn by Ward 7 at .*09:12; your answer is kept below/,
    )
    expect((openDialog().querySelector('textarea') as HTMLTextAreaElement).value).toBe('Hire hoist at 2pm')
    expect(await db.outbox.count()).toBe(outbox)
    buttonInDialog('Keep my answer and close').click()
    await settle()
    const kept = w.find('[data-testid="kept-answer"]')
    expect(kept.find('[data-testid="kept-answer-text"]').text()).toBe('Hire hoist at 2pm')
    expect(kept.text()).toContain('withdrawn by Ward 7')
  })
})

describe("the ward's escalations", () => {
  it("never shows the CSU's inbox on a ward board, even on a tablet holding two of its wards (the demo)", async () => {
    await db.units.put({
      id: 'unit-2',
      unitId: 'unit-2',
      csuId: 'csu-1',
      name: 'Ward 8',
      kind: 'ward',
      people: [],
      createdAt: '2026-01-01T08:00:00.000Z',
      updatedAt: '2026-01-01T08:00:00.000Z',
      updatedBy: 'Seed',
    })
    ;({ wrapper } = await mountEscalations(EscalationsView, 'board-1', [
      makeEscalation('from-ward-8', { title: 'No porter after 8pm', unitId: 'unit-2', boardId: 'board-8' }),
    ]))
    const w = wrapper!
    expect(w.find('[data-testid="escalation-inbox"]').exists()).toBe(false)
    expect(w.text()).not.toContain('No porter after 8pm')
    expect(w.findAll('button').some((b) => accessibleName(b.element).startsWith('Accept'))).toBe(false)
  })

  it('shows the answer and confirms it closed', async () => {
    ;({ wrapper } = await mountEscalations(EscalationsView, 'board-1', [
      makeEscalation('e1', {
        title: 'Hoist broken in bay 2',
        status: 'answered',
        answer: 'Hire hoist at 2pm',
        answeredBy: 'Jo Bloggs',
        answeredAt: ago(hour),
      }),
    ]))
    useActorStore().pick('Priya')
    const w = wrapper!
    expect(w.find('[data-testid="escalation-inbox"]').exists()).toBe(false)
    expect(w.find('[data-testid="our-escalations"] h2').text()).toBe('Our escalations to the CSU (1)')
    expect(w.find('[data-testid="escalation-answer"]').text()).toContain('Answer from Jo Bloggs')
    await buttonNamed(w, 'Confirm closed: Hoist broken in bay 2 from Ward 7').trigger('click')
    await settle()
    buttonInDialog('Confirm closed').click()
    await settle()
    expect(await db.escalations.get('e1')).toMatchObject({ status: 'closed', statusBy: 'Priya' })
    expect(w.text()).toContain('Closed and withdrawn (1)')
  })
})
