import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import { formatDayLong } from '@/domain/dates'
import { thisWeek } from '@/domain/huddle'
import HuddleView from '@/views/HuddleView.vue'
import { useActorStore } from '@/stores/actor'
import { useOrgStore } from '@/stores/org'
import { settle } from '../helpers/dom'

const TODAY = '2026-11-26'
const T0 = Date.parse(`${TODAY}T08:00:00Z`) // Thursday, 08:00 GMT

async function mountHuddle(options: { fresh?: boolean } = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  if (options.fresh !== false) await useOrgStore().loadDemo(TODAY)
  else await useOrgStore().load()
  useActorStore().pick('Sam Okafor')
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: { template: '<p>board</p>' } },
      { path: '/board/huddle', component: HuddleView },
    ],
  })
  await router.push('/board/huddle')
  const wrapper = mount(HuddleView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

function button(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((b) => (b.attributes('aria-label') ?? b.text()).trim() === name)
  if (!found) throw new Error(`No button named "${name}"`)
  return found
}

async function tap(wrapper: VueWrapper, name: string) {
  await button(wrapper, name).trigger('click')
  await settle()
}

/** Let the huddle clock run on by `seconds`, one tick a second as on the tablet. */
async function pass(seconds: number) {
  vi.advanceTimersByTime(seconds * 1000)
  await flushPromises()
}

let wrapper: VueWrapper | undefined

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: T0 })
  await resetDatabase()
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(() => {
  vi.restoreAllMocks()
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('HuddleView start screen', () => {
  it('shows the board, today, the agenda with its total and the recent huddles', async () => {
    wrapper = await mountHuddle()
    const text = wrapper.text()
    expect(wrapper.find('h1').text()).toContain('Daily huddle board')
    expect(text).toContain(formatDayLong(TODAY))
    expect(wrapper.findAll('.huddle-start__agenda li').map((li) => li.text())).toEqual([
      'Safety3 min',
      "Yesterday's measures3 min",
      "Today's plan3 min",
      'Actions due2 min 30 s',
      'Answers back from CSU1 min',
      'Ideas1 min 30 s',
      'Recognition1 min',
    ])
    expect(wrapper.find('[data-testid="agenda-total"]').text()).toBe('Total: 15 min of a 15 minute huddle')
    const records = await db.huddles.where('boardId').equals('demo-board-1').toArray()
    const held = thisWeek(records, TODAY).weekdaysHeld
    expect(wrapper.find('[data-testid="huddles-this-week"]').text()).toBe(
      `Huddles held this week: ${held} of 5 weekdays`,
    )
    const rows = wrapper.findAll('.recent-huddles__table tbody tr')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows[0]!.text()).toContain('25/11/2026')
    expect(wrapper.find('a[href="/board"]').text()).toBe('Back to board')
  })
})

describe('HuddleView running a huddle', () => {
  it('starts on Safety with yesterday’s safety tiles, and Next moves on', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    expect(wrapper.find('h1').text()).toBe('Safety')
    expect(wrapper.find('[data-testid="huddle-countdown"]').text()).toContain('15:00')
    expect(wrapper.find('[data-testid="item-countdown"]').text()).toContain('3:00')
    const tiles = wrapper.findAll('.measure-tile')
    expect(tiles.map((t) => t.find('h3').text())).toEqual([
      'Harm-free day (safety cross)',
      'Falls',
      'Safety brief done every shift',
    ])
    expect(tiles[0]!.find('.status-badge').exists()).toBe(true)
    expect(wrapper.text()).toContain(`Reviewing yesterday, ${formatDayLong('2026-11-25')}`)

    await pass(20)
    await tap(wrapper, 'Next item')
    expect(wrapper.find('h1').text()).toBe("Yesterday's measures")
    expect(wrapper.findAll('.measure-tile')).toHaveLength(7)
    const rail = wrapper.findAll('.agenda-rail__item')
    expect(rail[0]!.attributes('data-progress')).toBe('done')
    expect(rail[0]!.text()).toContain('Done')
    expect(rail[1]!.attributes('aria-current')).toBe('step')
    expect(rail[1]!.text()).toContain('Now')
    expect(rail[2]!.text()).toContain('Upcoming')
    expect(wrapper.find('[data-testid="huddle-countdown"]').text()).toContain('14:40')

    await tap(wrapper, 'Previous item')
    expect(wrapper.find('h1').text()).toBe('Safety')
  })

  it('nudges when the item runs over, and again when the whole huddle does', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    await pass(180)
    expect(wrapper.find('[data-testid="item-nudge"]').exists()).toBe(false)
    await pass(1)
    const nudge = wrapper.find('[data-testid="item-nudge"]')
    expect(nudge.text()).toBe('Safety is 1 second over its 3 minutes – move on?')
    expect(nudge.find('svg').exists()).toBe(true)
    const live = wrapper.find('[data-testid="nudge-announcement"]')
    expect(live.attributes('aria-live')).toBe('polite')
    expect(live.text()).toBe('Safety is 1 second over its 3 minutes – move on?')
    await pass(29)
    expect(wrapper.find('[data-testid="item-nudge"]').text()).toBe('Safety is 30 seconds over its 3 minutes – move on?')
    // Announced once, not every second.
    expect(live.text()).toBe('Safety is 1 second over its 3 minutes – move on?')
    expect(wrapper.find('[data-testid="item-countdown"]').text()).toContain('0:30over')

    await tap(wrapper, 'Next item')
    expect(wrapper.find('[data-testid="item-nudge"]').exists()).toBe(false)
    await pass(15 * 60 - 210 + 5)
    expect(wrapper.find('[data-testid="huddle-nudge"]').text()).toBe(
      'The huddle is 5 seconds over its 15 minutes – time to finish?',
    )
    expect(wrapper.find('[data-testid="nudge-announcement"]').text()).toBe(
      'The huddle is 5 seconds over its 15 minutes – time to finish?',
    )
    expect(wrapper.find('[data-testid="huddle-countdown"]').attributes('data-over')).toBe('true')
  })

  it('counts people with − and +, and will not finish until someone is counted', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    const input = () => wrapper!.find<HTMLInputElement>('#huddle-attendance').element
    expect(input().value).toBe('0')
    expect(button(wrapper, 'Decrease attendance').attributes('disabled')).toBeDefined()

    await tap(wrapper, 'Finish huddle')
    expect(wrapper.find('.nhsuk-error-summary').text()).toContain(
      'Enter how many people were at the huddle (at least 1)',
    )
    expect(wrapper.find('dialog[open]').exists()).toBe(false)

    for (let i = 0; i < 3; i++) await tap(wrapper, 'Increase attendance')
    expect(input().value).toBe('3')
    await tap(wrapper, 'Decrease attendance')
    expect(input().value).toBe('2')
    await wrapper.find('#huddle-attendance').setValue('9')
    await tap(wrapper, 'Increase attendance')
    expect(input().value).toBe('10')
  })

  it('finishes: confirms a summary, saves the record and says so on the start screen', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    expect(wrapper.find<HTMLSelectElement>('#huddle-facilitator').element.value).toBe('Sam Okafor')
    await wrapper.find('#huddle-facilitator').setValue('Priya Natarajan')
    for (let i = 0; i < 8; i++) await tap(wrapper, 'Increase attendance')
    await pass(200)
    await tap(wrapper, 'Next item')
    await tap(wrapper, 'Next item')
    await wrapper.find('textarea').setValue('Two discharges before noon')
    await pass(550)

    await tap(wrapper, 'Finish huddle')
    const dialog = wrapper.find('dialog[open]')
    expect(dialog.text()).toContain('Save this huddle?')
    expect(dialog.text()).toContain('12 min 30 s')
    expect(dialog.text()).toContain('8 people')
    expect(dialog.text()).toContain('Priya Natarajan')
    await dialog.find('#huddle-notes').setValue('Fire drill at 2pm')
    useActorStore().pick('Sam Okafor')
    await tap(wrapper, 'Save huddle')

    expect(wrapper.find('[data-testid="huddle-saved"]').text()).toBe('Huddle saved: 12 min 30 s, 8 people')
    expect(button(wrapper, 'Start huddle').exists()).toBe(true)
    const saved = await db.huddles
      .where('boardId')
      .equals('demo-board-1')
      .filter((h) => h.day === TODAY)
      .toArray()
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({
      durationSeconds: 750,
      attendance: 8,
      facilitator: 'Priya Natarajan',
      updatedBy: 'Sam Okafor',
      notes: "Fire drill at 2pm\n\nToday's plan: Two discharges before noon",
    })
    expect(await db.outbox.where('table').equals('huddles').count()).toBe(1)
    expect(wrapper.findAll('.recent-huddles__table tbody tr')[0]!.text()).toContain('26/11/2026')
  })

  it('takes a facilitator who is not on the unit list', async () => {
    wrapper = await mountHuddle()
    useActorStore().forget()
    await tap(wrapper, 'Start huddle')
    await tap(wrapper, 'Increase attendance')
    await tap(wrapper, 'Finish huddle')
    expect(wrapper.find('.nhsuk-error-summary').text()).toContain('Enter who facilitated the huddle')
    expect(wrapper.find('.nhsuk-error-summary a[href="#huddle-facilitator"]').exists()).toBe(true)

    const notListed = wrapper.findAll('#huddle-facilitator option').find((o) => o.text() === 'Someone not listed')!
    await wrapper.find('#huddle-facilitator').setValue(notListed.attributes('value'))
    await wrapper.find('#huddle-facilitator-typed').setValue('Bank nurse Alex Reid')
    await tap(wrapper, 'Finish huddle')
    expect(wrapper.find('dialog[open]').text()).toContain('Bank nurse Alex Reid')
    useActorStore().pick('Sam Okafor')
    await tap(wrapper, 'Save huddle')
    const saved = await db.huddles.filter((h) => h.day === TODAY).toArray()
    expect(saved.map((h) => h.facilitator)).toEqual(['Bank nurse Alex Reid'])
  })

  it('says notes too long for the record in a summary in the finish dialog, linked to the box, and keeps them', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    await wrapper.find('#huddle-facilitator').setValue('Sam Okafor')
    await tap(wrapper, 'Increase attendance')
    await tap(wrapper, 'Finish huddle')
    const long = 'Bed state discussed. '.repeat(200)
    await wrapper.find('dialog[open] #huddle-notes').setValue(long)
    useActorStore().pick('Sam Okafor')
    await tap(wrapper, 'Save huddle')
    const summary = wrapper.find('dialog[open] .nhsuk-error-summary')
    expect(summary.text()).toMatch(/notes must be .* characters or fewer/i)
    expect(summary.find('a[href="#huddle-notes"]').exists()).toBe(true)
    expect(wrapper.find<HTMLTextAreaElement>('dialog[open] #huddle-notes').element.value).toBe(long)
    expect(await db.huddles.filter((h) => h.day === TODAY).count()).toBe(0)
  })

  it('closes a due action with its big Done button', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    await wrapper.findAll('.agenda-rail__item')[3]!.trigger('click')
    await settle()
    expect(wrapper.find('h1').text()).toBe('Actions due')
    const cards = wrapper.findAll('.due-action')
    expect(cards.map((c) => c.find('h3').text())).toEqual([
      'Re-stock the falls sensor mats in bay 2',
      'Chase estates about the broken sluice door',
      'Book bank cover for Saturday nights',
    ])
    expect(cards[0]!.text()).toContain('Overdue')
    expect(cards[2]!.text()).toContain('Due today')

    await tap(wrapper, 'Done: Chase estates about the broken sluice door')
    expect(wrapper.findAll('.due-action')).toHaveLength(2)
    expect(await db.actions.get('demo-a-1-6')).toMatchObject({ status: 'done', updatedBy: 'Sam Okafor' })
  })

  it('picks up the running huddle after a reload, notes and all', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    await tap(wrapper, 'Increase attendance')
    await pass(40)
    await tap(wrapper, 'Next item')
    await tap(wrapper, 'Next item')
    await wrapper.find('textarea').setValue('Bed 4 to theatre')
    await pass(30)
    wrapper.unmount()

    wrapper = await mountHuddle({ fresh: false })
    expect(wrapper.find('h1').text()).toBe("Today's plan")
    expect(wrapper.find<HTMLTextAreaElement>('textarea').element.value).toBe('Bed 4 to theatre')
    expect(wrapper.find<HTMLInputElement>('#huddle-attendance').element.value).toBe('1')
    expect(wrapper.find('[data-testid="huddle-countdown"]').text()).toContain('13:50')
  })

  it('says "Loading the board…" after a reload until the values are read, never a recorded measure as not recorded', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    expect(wrapper.find('h1').text()).toBe('Safety')
    wrapper.unmount()

    // The day values answer only when released (a year of them on a busy tablet).
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
      for (const tile of document.querySelectorAll('[data-testid="huddle-tile"]'))
        seen.push(`${tile.querySelector('h3')?.textContent}=${tile.getAttribute('data-status')}`)
    })
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
    wrapper = await mountHuddle({ fresh: false })
    release()
    await vi.waitFor(() => expect(wrapper!.findAll('[data-testid="huddle-tile"]')).toHaveLength(3))
    await settle()
    observer.disconnect()
    const final = wrapper
      .findAll('[data-testid="huddle-tile"]')
      .map((t) => `${t.find('h3').text()}=${t.attributes('data-status')}`)
    const recorded = final.filter((s) => !s.endsWith('=missing')).map((s) => s.split('=')[0])
    expect(recorded.length).toBeGreaterThan(0)
    expect(seen.filter((s) => s.endsWith('=missing') && recorded.includes(s.split('=')[0]))).toEqual([])
    expect(busySeen).toBe(true)
  })

  it('stops without saving after a confirmation', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    await tap(wrapper, 'Stop without saving')
    await tap(wrapper, 'Stop and discard')
    expect(button(wrapper, 'Start huddle').exists()).toBe(true)
    expect(await db.huddles.filter((h) => h.day === TODAY).count()).toBe(0)
  })
})

describe('HuddleView screen wake lock', () => {
  it('keeps the screen on while running, asks again when visible, and lets go on finishing', async () => {
    const sentinels: {
      released: boolean
      release: ReturnType<typeof vi.fn>
      addEventListener: ReturnType<typeof vi.fn>
    }[] = []
    const request = vi.fn(async () => {
      const sentinel = {
        released: false,
        release: vi.fn(async () => void (sentinel.released = true)),
        addEventListener: vi.fn(),
      }
      sentinels.push(sentinel)
      return sentinel
    })
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { wakeLock: { request } }))

    wrapper = await mountHuddle()
    expect(request).not.toHaveBeenCalled()
    await tap(wrapper, 'Start huddle')
    expect(request).toHaveBeenCalledWith('screen')
    expect(wrapper.find('[data-testid="wake-lock-status"]').text()).toBe('Screen kept on')

    sentinels[0]!.released = true // the browser lets go while the tablet is locked
    document.dispatchEvent(new Event('visibilitychange'))
    await settle()
    expect(request).toHaveBeenCalledTimes(2)

    await tap(wrapper, 'Stop without saving')
    await tap(wrapper, 'Stop and discard')
    expect(sentinels[1]!.release).toHaveBeenCalled()
  })

  it('says the screen may dim when the browser cannot keep it on', async () => {
    wrapper = await mountHuddle()
    await tap(wrapper, 'Start huddle')
    expect(wrapper.find('[data-testid="wake-lock-status"]').text()).toBe(
      'Screen may dim: this browser cannot keep it on',
    )
  })
})
