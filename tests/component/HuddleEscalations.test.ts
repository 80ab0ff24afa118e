import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { db, resetDatabase } from '@/db/db'
import HuddleAnswers from '@/components/escalations/HuddleAnswers.vue'
import HuddleEscalations from '@/components/escalations/HuddleEscalations.vue'
import { useActorStore } from '@/stores/actor'
import { CSU_BOARD, makeEscalation, mountEscalations } from './escalationsFixture'
import { accessibleName, buttonNamed, loadCommandModules, settle } from '../helpers/dom'

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

const titles = (w: VueWrapper) => w.findAll('[data-testid="escalation"] h3').map((h) => h.text())

describe("the CSU huddle's escalations step", () => {
  it('walks through the open escalations one at a time, oldest first', async () => {
    ;({ wrapper } = await mountEscalations(HuddleEscalations, CSU_BOARD.id, [
      makeEscalation('b', { title: 'No porter after 8pm', tierSince: ago(2 * hour) }),
      makeEscalation('a', {
        title: 'Hoist broken in bay 2',
        status: 'accepted',
        owner: 'Jo',
        tierSince: ago(30 * hour),
      }),
      makeEscalation('c', { title: 'Already answered', status: 'answered', tierSince: ago(40 * hour) }),
    ]))
    const w = wrapper!
    expect(w.find('h2').text()).toBe('Escalation 1 of 2, oldest first')
    expect(titles(w)).toEqual(['Hoist broken in bay 2'])
    expect(w.text()).toContain('waiting 1 day 6 hours')
    await buttonNamed(w, 'Next escalation').trigger('click')
    expect(titles(w)).toEqual(['No porter after 8pm'])
    expect(w.find('h2').text()).toBe('Escalation 2 of 2, oldest first')
  })

  it('says so when nothing is waiting', async () => {
    ;({ wrapper } = await mountEscalations(HuddleEscalations, CSU_BOARD.id, []))
    expect(wrapper!.text()).toContain('No escalations waiting')
    expect(wrapper!.text()).toContain('Every escalation from below has an answer.')
  })
})

describe("the ward huddle's answers step", () => {
  it('shows the answers back and how long the rest have waited, and confirms one closed', async () => {
    ;({ wrapper } = await mountEscalations(HuddleAnswers, 'board-1', [
      makeEscalation('done', {
        title: 'Hoist broken in bay 2',
        status: 'returned',
        answer: 'Ask estates for the loan hoist',
        answeredBy: 'Jo',
        answeredAt: ago(hour),
      }),
      makeEscalation('open', { title: 'No porter after 8pm', tierSince: ago(5 * hour) }),
    ]))
    useActorStore().pick('Priya')
    const w = wrapper!
    expect(titles(w)).toEqual(['Hoist broken in bay 2'])
    expect(w.find('[data-testid="escalation-answer"]').text()).toContain('Advice from Jo')
    expect(w.find('[data-testid="huddle-answers-waiting"]').text()).toBe(
      '1 escalation is still waiting for an answer; the oldest for 5 hours.',
    )
    await buttonNamed(w, 'Confirm closed: Hoist broken in bay 2 from Ward 7').trigger('click')
    await settle()
    const dialog = document.querySelector('dialog[open]')!
    ;[...dialog.querySelectorAll('button')].find((b) => accessibleName(b) === 'Confirm closed')!.click()
    await settle()
    expect((await db.escalations.get('done'))?.status).toBe('closed')
    expect(w.text()).toContain('No new answers to our escalations.')
  })
})
