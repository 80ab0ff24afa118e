import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import BoardView from '@/views/BoardView.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, formatDayLong, londonDay } from '@/domain/dates'
import { useActorStore } from '@/stores/actor'
import { useBoardStore } from '@/stores/board'
import { useOrgStore } from '@/stores/org'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { buttonNamed, settle, WAIT } from '../helpers/dom'

enableAutoUnmount(afterEach)
afterEach(() => vi.restoreAllMocks())

const today = londonDay()
const yesterday = addDays(today, -1)
const brief = makeMeasure({ id: 'm-brief', name: 'Safety brief', type: 'yesno', order: 1 })
const obs = makeMeasure({
  id: 'm-obs',
  name: 'Obs on time',
  type: 'percentage',
  unit: '%',
  categoryId: 'quality',
  order: 2,
})

async function mountBoard(pinia: ReturnType<typeof createPinia>) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
  })
  const view = mount(BoardView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(view.text()).not.toContain('Loading the board'))
  return view
}

describe('BoardView', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
  })

  it('invites the team to start from a ready-made set, or add measures one by one, when the board has none', async () => {
    await seedBoard(pinia)
    const view = await mountBoard(pinia)
    const empty = view.find('[data-testid="board-empty"]')
    expect(empty.text()).toContain('This board has no measures yet')
    expect(empty.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Start from a ready-made set', '/board/measures/starter'],
      ['Add measures one by one', '/board/measures'],
    ])
  })

  it('shows tiles grouped by category, skipping empty categories, for today', async () => {
    await seedBoard(pinia, [brief, obs])
    const view = await mountBoard(pinia)
    expect(view.find('h1').text()).toBe('Ward 7')
    expect(view.find('[data-testid="board-day"]').text()).toContain(formatDayLong(today))
    expect(view.findAll('h2').map((h) => h.text())).toEqual(expect.arrayContaining(['Safety', 'Quality']))
    expect(view.findAll('h2').map((h) => h.text())).not.toContain('People')
    expect(view.findAll('[data-testid="measure-tile"]').map((t) => t.attributes('data-measure-id'))).toEqual([
      'm-brief',
      'm-obs',
    ])
    expect(view.find('a[href="/board/huddle"]').exists()).toBe(true)
    expect(view.find('a[href="/board/print"]').exists()).toBe(true)
  })

  it('says "Loading the board…" until the values are read, and never shows a recorded measure as not recorded', async () => {
    await seedBoard(pinia, [brief, obs], [makeEntry(brief, today, true), makeEntry(obs, today, 96)])
    // A fresh start, as when the app opens on the board, with the day values slower to
    // read than the measures (a year of them on a busy tablet).
    const fresh = createPinia()
    setActivePinia(fresh)
    await useOrgStore(fresh).load()
    // The day values answer only when released; everything else reads as usual.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const where = db.entries.where.bind(db.entries)
    vi.spyOn(db.entries, 'where').mockImplementation(((index: string) => {
      const clause = where(index)
      if (index !== '[boardId+day]') return clause
      return {
        between: (...range: Parameters<typeof clause.between>) => {
          const collection = clause.between(...range)
          return { toArray: () => held.then(() => collection.toArray()) }
        },
      }
    }) as unknown as typeof db.entries.where)
    const seen: string[] = []
    let busySeen = false
    const observer = new MutationObserver(() => {
      const busy = document.querySelector('[aria-busy="true"]')
      if (busy?.querySelector('[role="status"]')?.textContent?.includes('Loading the board')) busySeen = true
      for (const tile of document.querySelectorAll('[data-testid="measure-tile"]'))
        seen.push(`${tile.getAttribute('data-measure-id')}=${tile.getAttribute('data-status')}`)
    })
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
    })
    const view = mount(BoardView, { global: { plugins: [fresh, router] }, attachTo: document.body })
    // The board and its measures have been read while the values wait.
    await vi.waitFor(() => expect(useBoardStore(fresh).activeMeasures).toHaveLength(2))
    await settle()
    // The side panels wait for the values too: their code is fetched once the tiles show them.
    expect(view.find('.board-view__actions').text()).toBe('Loading actions, ideas and goals…')
    expect(view.find('#actions-panel-heading').exists()).toBe(false)
    release()
    await vi.waitFor(() =>
      expect(view.find('[data-measure-id="m-obs"] [data-testid="tile-value"]').exists()).toBe(true),
    )
    observer.disconnect()
    expect(seen.filter((s) => s.endsWith('=missing'))).toEqual([])
    expect(busySeen).toBe(true)
    expect(view.find('[data-measure-id="m-obs"] [data-testid="tile-value"]').text()).toBe('96%')
    expect(view.find('[data-measure-id="m-brief"]').attributes('data-status')).toBe('green')
  })

  it('shows the side panels (standard work, escalations, goals, ideas, actions) once the tiles show their values', async () => {
    await seedBoard(pinia, [brief], [makeEntry(brief, today, true)])
    const view = await mountBoard(pinia)
    await vi.waitFor(() =>
      expect(
        view
          .find('.board-view__actions')
          .findAll('h2')
          .map((h) => h.text()),
      ).toEqual(['Standard work', 'Escalations', 'Our goals', 'Ideas', 'Actions']),
    )
    expect(view.text()).not.toContain('Loading actions, ideas and goals')
  })

  it('records yesterday after tapping "Yesterday"', async () => {
    await seedBoard(pinia, [brief], [makeEntry(brief, today, true)])
    useActorStore(pinia).pick('Test Nurse')
    const view = await mountBoard(pinia)
    await buttonNamed(view, 'Yesterday').trigger('click')
    expect(view.find('[data-testid="board-day"]').text()).toContain(formatDayLong(yesterday))
    expect(buttonNamed(view, 'Yes').attributes('aria-pressed')).toBe('false')
    await buttonNamed(view, 'No').trigger('click')
    await vi.waitFor(async () => expect((await db.entries.get(`m-brief:${yesterday}`))?.value).toBe(false))
    expect((await db.entries.get(`m-brief:${today}`))?.value).toBe(true)
  })

  it('refuses a future day typed into the date box, and stays on the day shown', async () => {
    await seedBoard(pinia, [brief])
    const view = await mountBoard(pinia)
    const input = view.find('#board-day-input')
    await input.setValue(addDays(today, 3))
    await input.trigger('change')
    expect(view.find('#board-day-error').text()).toContain(
      'You cannot record a day in the future. Choose today or an earlier day.',
    )
    expect(view.find('[data-testid="board-day"]').text()).toContain(formatDayLong(today))

    const past = addDays(today, -60)
    await input.setValue(past)
    await input.trigger('change')
    expect(view.find('#board-day-error').exists()).toBe(false)
    expect(view.find('[data-testid="board-day"]').text()).toContain(formatDayLong(past))
  })

  it('opens the keypad from a tile and saves the value', async () => {
    await seedBoard(pinia, [obs])
    useActorStore(pinia).pick('Test Nurse')
    const view = await mountBoard(pinia)
    await buttonNamed(view, 'Enter value for Obs on time').trigger('click')
    // The keypad's code is fetched when it is first opened.
    await vi.waitFor(() => buttonNamed(view, 'Save'), WAIT)
    for (const key of ['9', '7', 'Save']) await buttonNamed(view, key).trigger('click')
    await vi.waitFor(async () => expect((await db.entries.get(`m-obs:${today}`))?.value).toBe(97))
    await vi.waitFor(() => expect(view.find('[data-measure-id="m-obs"] [data-testid="tile-value"]').text()).toBe('97%'))
  })
})
