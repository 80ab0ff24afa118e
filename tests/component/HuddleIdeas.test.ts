import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import StepContent from '@/components/huddle/StepContent.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, londonDay } from '@/domain/dates'
import type { HuddleRecord } from '@/domain/types'
import { useHuddleStore } from '@/stores/huddle'
import { seedBoard } from './boardFixture'
import { makeIdea } from './ideasFixture'
import { settle } from '../helpers/dom'

const today = londonDay()
const at = (days: number, hour = 12) => `${addDays(today, -days)}T${String(hour).padStart(2, '0')}:00:00.000Z`
let wrapper: VueWrapper | undefined

beforeEach(async () => {
  await resetDatabase()
})
afterEach(() => wrapper?.unmount())

describe("huddle mode's ideas step", () => {
  it('shows stuck ideas, the ideas raised since the last huddle and those being tested, above the notes box', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const { board } = await seedBoard(pinia)
    await db.ideas.bulkPut([
      makeIdea('stuck', { problem: 'Drug round keeps being interrupted', statusChangedAt: at(20) }),
      makeIdea('before', { problem: 'Raised before the last huddle', statusChangedAt: at(3) }),
      makeIdea('after', { problem: 'Raised since the last huddle', statusChangedAt: at(1, 15), raisedBy: 'Priya' }),
      makeIdea('pdsa', {
        problem: 'Bed-side handover test',
        status: 'testing',
        createdAt: at(30),
        statusChangedAt: at(5),
      }),
    ])
    const last: HuddleRecord = {
      id: 'h1',
      unitId: 'unit-1',
      boardId: board.id,
      day: addDays(today, -1),
      startedAt: at(1, 8),
      endedAt: at(1, 9),
      durationSeconds: 900,
      attendance: 6,
      facilitator: 'Sam',
      notes: '',
      timings: [],
      createdAt: at(1, 9),
      updatedAt: at(1, 9),
      updatedBy: 'Sam',
    }
    await db.huddles.put(last)
    const huddle = useHuddleStore()
    await huddle.loadRecent(board.id)
    huddle.start(board)

    const item = board.agenda.find((a) => a.kind === 'ideas')!
    wrapper = mount(StepContent, { props: { item, today }, global: { plugins: [pinia] } })
    await settle()

    const stuck = wrapper.findAll('[data-testid="huddle-stuck-idea"]')
    expect(stuck.map((s) => s.find('.huddle-idea__problem').text())).toEqual(['Drug round keeps being interrupted'])
    expect(stuck[0]!.text()).toContain('Stuck: 20 days in New (flagged after 14)')
    const fresh = wrapper.findAll('[data-testid="huddle-new-idea"]')
    expect(fresh.map((s) => s.find('.huddle-idea__problem').text())).toEqual(['Raised since the last huddle'])
    expect(fresh[0]!.text()).toContain('Raised by Priya')
    const testing = wrapper.findAll('[data-testid="huddle-testing-idea"]')
    expect(testing.map((s) => s.find('.huddle-idea__problem').text())).toEqual(['Bed-side handover test'])
    expect(testing[0]!.text()).toContain('In Testing (PDSA) for 5 days')
    expect(wrapper.find('textarea').exists()).toBe(true)
  })
})
