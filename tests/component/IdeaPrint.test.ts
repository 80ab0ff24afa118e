// The printable views: the A3 summary (plain props, reusable by the learning portfolio)
// and "You said, we did".
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { resetDatabase } from '@/db/db'
import { addDays, formatDay, londonDay } from '@/domain/dates'
import { beforeAfter } from '@/domain/beforeAfter'
import type { PdsaCycle } from '@/domain/types'
import IdeaA3 from '@/components/ideas/IdeaA3.vue'
import IdeaYouSaidView from '@/views/IdeaYouSaidView.vue'
import { makeIdea, mountWithIdeas } from './ideasFixture'

const today = londonDay()
let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDatabase()
})
afterEach(() => wrapper?.unmount())

function cycle(number: number, fields: Partial<PdsaCycle>): PdsaCycle {
  const at = `2026-10-0${number}T09:00:00.000Z`
  return {
    id: `c${number}`,
    unitId: 'unit-1',
    ideaId: 'i',
    boardId: 'board-1',
    number,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Seed',
    change: '',
    prediction: '',
    measurePlan: '',
    whatHappened: '',
    study: '',
    decision: null,
    startDay: null,
    endDay: null,
    conceptIds: [],
    ...fields,
  }
}

describe('IdeaA3', () => {
  it('shows the problem, change, cycles, measure before and after, concepts and people on one sheet', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
    })
    const idea = {
      ...makeIdea('i', { problem: 'Walking to the store room', raisedBy: null, status: 'implemented' }),
      owner: 'Sam Okafor',
      sponsor: 'Priya Shah',
      conceptIds: ['pdsa'],
    }
    const comparison = beforeAfter(
      'count',
      [
        { day: '2026-09-20', value: 4 },
        { day: '2026-10-05', value: 1 },
      ],
      '2026-10-01',
      '2026-11-26',
    )
    wrapper = mount(IdeaA3, {
      global: { plugins: [router] },
      props: {
        idea,
        cycles: [
          cycle(1, { change: 'Box in bay 1', decision: 'adapt', study: 'Helped a bit' }),
          cycle(2, { change: 'Box in every bay', conceptIds: ['standard-work'] }),
        ],
        people: { raisedBy: 'Anonymous', owner: 'Sam Okafor', sponsor: 'Priya Shah', others: ['Jo Bloggs'] },
        measure: { name: 'Falls', unit: 'falls' },
        comparison,
        changeSource: 'the day it was implemented',
        organisation: 'Trust · CSU · Ward 7',
      },
    })
    const text = wrapper.text()
    expect(wrapper.find('h1').text()).toBe('Walking to the store room')
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual([
      '1. Problem',
      '2. Change tested',
      '4. Measure before and after',
      '5. LIM concepts practised',
      '6. People involved',
      '3. PDSA cycles',
    ])
    expect(wrapper.findAll('[data-testid="pdsa-cycle"]').map((c) => c.find('h3').text())).toEqual([
      'Cycle 1',
      'Cycle 2',
    ])
    expect(wrapper.find('[data-testid="before-window"]').text()).toContain('Average 4 falls a day')
    expect(wrapper.find('[data-testid="a3-concepts"]').text()).toBe('PDSA, Standard work')
    expect(
      wrapper
        .find('[data-testid="a3-people"]')
        .findAll('dt, dd')
        .map((e) => e.text()),
    ).toEqual(['Raised by', 'Anonymous', 'Owner', 'Sam Okafor', 'Sponsor', 'Priya Shah', 'Also involved', 'Jo Bloggs'])
    expect(text).toContain('Trust · CSU · Ward 7')
    // A plain component: no editing buttons on the sheet.
    expect(wrapper.findAll('button')).toHaveLength(0)
    // No sustain check given: nothing claims it is sustained.
    expect(wrapper.find('[data-testid="sustained-check"]').exists()).toBe(false)
  })

  it('shows whether the change is sustained, in words with an icon, and the figures behind it', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
    })
    // 26 weeks at 6 falls a week, then 20 at 2: a shift, held.
    const change = '2026-05-04'
    const entries = Array.from({ length: 46 * 7 }, (_, i) => {
      const day = addDays(change, i - 26 * 7)
      return { day, value: i % 7 === 0 ? (day < change ? 6 : 2) + ((i / 7) % 3) - 1 : 0 }
    })
    const today = addDays(change, 20 * 7 - 1)
    const { checkSustained } = await import('@/domain/certification/sustained')
    const falls = { name: 'Falls', type: 'count', direction: 'lower', unit: 'falls', target: null } as const
    const sustained = checkSustained(falls, entries, change, today)
    wrapper = mount(IdeaA3, {
      global: { plugins: [router] },
      props: {
        idea: makeIdea('i', { problem: 'Falls at night', status: 'implemented' }),
        cycles: [],
        people: { raisedBy: 'Sam', owner: '', sponsor: '', others: [] },
        measure: { name: 'Falls', unit: 'falls' },
        comparison: beforeAfter('count', entries, change, today),
        changeSource: 'the day it was implemented',
        sustained,
      },
    })
    const check = wrapper.find('[data-testid="sustained-check"]')
    expect(check.find('strong').text()).toBe('Is it sustained? Sustained.')
    expect(check.find('svg').exists()).toBe(true)
    expect(check.text()).toContain('Falls improved after the change and held for the last 12 weeks.')
    expect(check.findAll('li').map((li) => li.text())[0]).toBe('Falls per week: 5.96 before the change, 2 since.')
  })
})

describe('You said, we did', () => {
  it('lists ideas implemented in the period with who raised them, anonymous kept anonymous', async () => {
    const recent = new Date(`${addDays(today, -5)}T12:00:00.000Z`).toISOString()
    const old = new Date(`${addDays(today, -200)}T12:00:00.000Z`).toISOString()
    setActivePinia(createPinia())
    ;({ wrapper } = await mountWithIdeas(IdeaYouSaidView, '/board/ideas/new', [
      {
        ...makeIdea('a', { problem: 'Walking to the store room', raisedBy: 'Priya Shah', status: 'implemented' }),
        implementedAt: recent,
      },
      {
        ...makeIdea('b', { problem: 'Noisy bins at night', raisedBy: null, status: 'sustained' }),
        implementedAt: recent,
      },
      { ...makeIdea('c', { problem: 'Long ago', status: 'implemented' }), implementedAt: old },
      makeIdea('d', { problem: 'Still testing', status: 'testing' }),
    ]))
    const items = wrapper.findAll('[data-testid="said-item"]')
    expect(items.map((i) => i.find('.said__text').text()).sort()).toEqual([
      'Noisy bins at night',
      'Walking to the store room',
    ])
    expect(items.map((i) => i.find('.said__by').text()).sort()).toEqual([
      `Raised by Anonymous · implemented ${formatDay(addDays(today, -5))}`,
      `Raised by Priya Shah · implemented ${formatDay(addDays(today, -5))}`,
    ])
    expect(wrapper.find('[data-testid="said-period"]').text()).toContain(
      `${formatDay(addDays(today, -90))} to ${formatDay(today)}: 2`,
    )
    // The date boxes follow the browser's locale, so each writes its day out the UK way too.
    for (const [box, day] of [
      ['#said-from', addDays(today, -90)],
      ['#said-to', today],
    ] as const) {
      const describedBy = wrapper.find(box).attributes('aria-describedby')
      expect(wrapper.find(`[id="${describedBy}"]`).text()).toBe(formatDay(day))
    }
    const twelveMonths = wrapper.findAll('button').find((b) => b.text() === 'Last 12 months')!
    await twelveMonths.trigger('click')
    expect(wrapper.findAll('[data-testid="said-item"]')).toHaveLength(3)
  })
})
