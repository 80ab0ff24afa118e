import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { db, resetDatabase } from '@/db/db'
import { historyOf } from '@/db/repo'
import { addDays, londonDay } from '@/domain/dates'
import { useActorStore } from '@/stores/actor'
import IdeasView from '@/views/IdeasView.vue'
import { IDEA_DRAG_TYPE } from '@/components/ideas/drag'
import { makeIdea, mountWithIdeas } from './ideasFixture'
import { accessibleName, buttonInDialog, openDialog, settle } from '../helpers/dom'

const today = londonDay()
const daysAgo = (days: number) => `${addDays(today, -days)}T12:00:00.000Z`
const FRESH = 'Nobody can find the bladder scanner'
const OLD = 'Drug round keeps being interrupted'
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
})
afterEach(() => wrapper?.unmount())

async function open() {
  ;({ wrapper } = await mountWithIdeas(IdeasView, '/board/ideas', [
    makeIdea('fresh', { problem: FRESH, statusChangedAt: daysAgo(2), raisedBy: 'Priya' }),
    makeIdea('old', { problem: OLD, statusChangedAt: daysAgo(20) }),
  ]))
  useActorStore().pick('Sam Okafor')
  return wrapper
}

const column = (w: VueWrapper, status: string) => w.find(`[data-testid="idea-column"][data-status="${status}"]`)
const card = (w: VueWrapper, problem: string) =>
  w.findAll('[data-testid="idea-card"]').find((c) => c.find('h3').text() === problem)!
const radio = (label: string) => {
  const forId = [...openDialog().querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.htmlFor
  return document.getElementById(forId) as HTMLInputElement
}
function moveButton(c: DOMWrapper<Element>) {
  return c.findAll('button').find((b) => accessibleName(b.element).startsWith('Move to…'))!
}

async function choose(label: string) {
  const input = radio(label)
  input.checked = true
  input.dispatchEvent(new Event('change'))
  await settle()
}

describe('the idea board', () => {
  it('shows every column, each card with who raised it and how long it has waited', async () => {
    const w = await open()
    expect(w.findAll('[data-testid="idea-column"] > h2').map((h) => h.text().replace(/\s+/g, ' '))).toEqual([
      'New (2), 1 stuck',
      'Under review (0)',
      'Testing (PDSA) (0)',
      'Implemented (0)',
      'Sustained (0)',
      'Not progressed (0)',
    ])
    // Longest-waiting first.
    expect(
      column(w, 'new')
        .findAll('h3')
        .map((h) => h.text()),
    ).toEqual([OLD, FRESH])
    expect(card(w, FRESH).text()).toContain('Priya')
    expect(card(w, OLD).text()).toContain('Anonymous')
    expect(card(w, FRESH).find('[data-testid="idea-age"]').text()).toBe('In New for 2 days')
  })

  it('flags an idea stuck in New past 14 days, with an icon and words', async () => {
    const w = await open()
    const flag = card(w, OLD).find('[data-testid="idea-stuck"]')
    expect(flag.text()).toBe('Stuck: 20 days in New (flagged after 14)')
    expect(flag.find('svg').exists()).toBe(true)
    expect(card(w, FRESH).find('[data-testid="idea-stuck"]').exists()).toBe(false)
    expect(w.find('[data-testid="ideas-stuck-summary"]').text()).toContain('1 idea is stuck')
  })

  it('moves a card with the accessible "Move to…" control', async () => {
    const w = await open()
    const button = moveButton(card(w, FRESH))
    expect(accessibleName(button.element)).toBe(`Move to… (idea: ${FRESH})`)
    await button.trigger('click')
    await settle()
    expect(openDialog()).not.toBeNull()
    // The current column is not offered.
    expect([...openDialog().querySelectorAll('label')].map((l) => l.textContent?.trim())).not.toContain('New')
    await choose('Testing (PDSA)')
    buttonInDialog('Move').click()
    await settle()

    expect(await db.ideas.get('fresh')).toMatchObject({ status: 'testing', updatedBy: 'Sam Okafor' })
    expect(
      column(w, 'testing')
        .findAll('h3')
        .map((h) => h.text()),
    ).toEqual([FRESH])
    expect(card(w, FRESH).find('[data-testid="idea-age"]').text()).toBe('In Testing (PDSA) since today')
    expect(w.find('[role="status"]').text()).toBe(`Moved “${FRESH}” to Testing (PDSA).`)
    expect((await historyOf('ideas', 'fresh'))[0]!.changes.map((c) => c.field)).toContain('status')
  })

  it('will not move a card to Not progressed without a reason, then shows the reason to everyone', async () => {
    const w = await open()
    await moveButton(card(w, OLD)).trigger('click')
    await settle()
    await choose('Not progressed')
    buttonInDialog('Move').click()
    await settle()
    expect(openDialog().textContent).toContain('Enter why this idea is not going ahead')
    expect((await db.ideas.get('old'))!.status).toBe('new')

    const reason = openDialog().querySelector('textarea')!
    reason.value = 'Pharmacy are changing the round next month; we will join their pilot'
    reason.dispatchEvent(new Event('input'))
    await settle()
    buttonInDialog('Move').click()
    await settle()
    expect(await db.ideas.get('old')).toMatchObject({
      status: 'not-progressed',
      notProgressedReason: 'Pharmacy are changing the round next month; we will join their pilot',
    })
    expect(column(w, 'not-progressed').find('[data-testid="idea-reason"]').text()).toBe(
      'Why not: Pharmacy are changing the round next month; we will join their pilot',
    )
  })

  it('moves a card dropped on another column, and asks why when it is dropped on Not progressed', async () => {
    const w = await open()
    const data = new Map<string, string>()
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      get types() {
        return [...data.keys()]
      },
      effectAllowed: 'all',
      dropEffect: 'none',
    }
    await card(w, FRESH).trigger('dragstart', { dataTransfer })
    expect(data.get(IDEA_DRAG_TYPE)).toBe('fresh')
    await column(w, 'review').trigger('dragover', { dataTransfer })
    await column(w, 'review').trigger('drop', { dataTransfer })
    await settle()
    expect((await db.ideas.get('fresh'))!.status).toBe('review')

    await card(w, OLD).trigger('dragstart', { dataTransfer })
    await column(w, 'not-progressed').trigger('drop', { dataTransfer })
    await settle()
    expect(radio('Not progressed').checked).toBe(true)
    expect(openDialog().querySelector('textarea')).not.toBeNull()
    expect((await db.ideas.get('old'))!.status).toBe('new')
  })

  it('sets the owner and sponsor, and lists the change in the idea’s history', async () => {
    const w = await open()
    const details = card(w, FRESH)
      .findAll('button')
      .find((b) => accessibleName(b.element).startsWith('Details'))!
    await details.trigger('click')
    await settle()
    await card(w, FRESH)
      .findAll('button')
      .find((b) => b.text().includes('Owner and sponsor'))!
      .trigger('click')
    await settle()
    ;[...openDialog().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Test Nurse')!.click()
    await settle()
    buttonInDialog('Save').click()
    await settle()
    expect(await db.ideas.get('fresh')).toMatchObject({ owner: 'Test Nurse', sponsor: '' })
    expect(card(w, FRESH).text()).toContain('Owner: Test Nurse')
    expect(
      card(w, FRESH)
        .findAll('[data-testid="history-entry"]')
        .map((e) => e.text())
        .join('\n'),
    ).toContain('Sam Okafor set owner to Test Nurse')
  })
})
