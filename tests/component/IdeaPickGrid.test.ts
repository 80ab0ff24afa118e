// The idea board's PICK view and its search and filters: rate by tapping, ideas move
// between boxes; unrated ideas are listed apart; closed ideas are not on the grid.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { db, resetDatabase } from '@/db/db'
import { useActorStore } from '@/stores/actor'
import IdeasView from '@/views/IdeasView.vue'
import { makeIdea, mountWithIdeas } from './ideasFixture'
import { buttonNamed, settle } from '../helpers/dom'

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
})
afterEach(() => wrapper?.unmount())

async function open() {
  ;({ wrapper } = await mountWithIdeas(IdeasView, '/board/ideas', [
    {
      ...makeIdea('quick', { problem: 'Label the linen cupboard', raisedBy: 'Priya Shah' }),
      effort: 'low',
      impact: 'high',
      wastes: ['motion'],
    },
    makeIdea('unrated', { problem: 'Bleep holders for the night team', status: 'review' }),
    { ...makeIdea('done', { problem: 'Already in place', status: 'implemented' }), effort: 'low', impact: 'low' },
  ]))
  useActorStore().pick('Sam Okafor')
  return wrapper
}

const quadrant = (w: VueWrapper, id: string) => w.find(`[data-testid="pick-quadrant"][data-quadrant="${id}"]`)
const namesIn = (w: VueWrapper, selector: string) =>
  w
    .find(selector)
    .findAll('[data-testid="pick-idea"] a')
    .map((a) => a.text())

describe('PICK grid', () => {
  it('places open ideas by effort and impact, lists the unrated apart, and moves an idea when it is rated', async () => {
    const w = await open()
    await buttonNamed(w, 'Effort and impact (PICK)').trigger('click')
    expect(namesIn(w, '[data-quadrant="implement"]')).toEqual(['Label the linen cupboard'])
    expect(namesIn(w, '[data-testid="pick-unrated"]')).toEqual(['Bleep holders for the night team'])
    expect(w.text()).not.toContain('Already in place')

    const unrated = w.find('[data-testid="pick-unrated"] [data-testid="pick-idea"]')
    await unrated.find('[data-testid="rate-effort-high"]').trigger('click')
    await settle()
    // Half rated: still apart.
    expect(namesIn(w, '[data-testid="pick-unrated"]')).toEqual(['Bleep holders for the night team'])
    await w.find('[data-testid="pick-unrated"] [data-testid="rate-impact-low"]').trigger('click')
    await settle()
    expect(namesIn(w, '[data-quadrant="kill"]')).toEqual(['Bleep holders for the night team'])
    expect(await db.ideas.get('unrated')).toMatchObject({ effort: 'high', impact: 'low', updatedBy: 'Sam Okafor' })

    // Tapping the chosen answer again clears it.
    await quadrant(w, 'implement').find('[data-testid="rate-impact-high"]').trigger('click')
    await settle()
    expect(namesIn(w, '[data-testid="pick-unrated"]')).toEqual(['Label the linen cupboard'])
    expect((await db.ideas.get('quick'))!.impact).toBeNull()
  })
})

describe('search and filters', () => {
  const cards = (w: VueWrapper) => w.findAll('[data-testid="idea-card"] h3').map((h) => h.text())
  const input = (w: VueWrapper, label: string) =>
    w.find(
      `[id="${w
        .findAll('label')
        .find((l) => l.text() === label)!
        .attributes('for')}"]`,
    )

  it('narrows the board by words, person, waste and status, says how many are shown, and clears', async () => {
    const w = await open()
    expect(cards(w)).toHaveLength(3)
    await input(w, 'Words').setValue('LINEN')
    expect(cards(w)).toEqual(['Label the linen cupboard'])
    expect(w.find('[data-testid="ideas-filter-count"]').text()).toBe('Showing 1 of 3 ideas')
    await input(w, 'Words').setValue('')
    await input(w, 'Person (who raised it, owner or sponsor)').setValue('priya')
    expect(cards(w)).toEqual(['Label the linen cupboard'])
    await input(w, 'Person (who raised it, owner or sponsor)').setValue('')
    await input(w, 'Status').setValue('review')
    expect(cards(w)).toEqual(['Bleep holders for the night team'])
    await input(w, 'Waste').setValue('motion')
    expect(cards(w)).toEqual([])
    await buttonNamed(w, 'Clear filters').trigger('click')
    expect(cards(w)).toHaveLength(3)
  })

  it('explains a date range that cannot match', async () => {
    const w = await open()
    await input(w, 'Raised from').setValue('2026-11-10')
    await input(w, 'Raised to').setValue('2026-11-01')
    expect(w.find('[role="alert"]').text()).toContain('The “from” date is after the “to” date')
  })
})
