import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import BoardIdeasPanel from '@/components/ideas/BoardIdeasPanel.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, londonDay } from '@/domain/dates'
import { makeIdea, mountWithIdeas } from './ideasFixture'
import { settle } from '../helpers/dom'

const today = londonDay()
const daysAgo = (days: number) => `${addDays(today, -days)}T12:00:00.000Z`

enableAutoUnmount(afterEach)

describe("the board's ideas panel", () => {
  beforeEach(async () => {
    await resetDatabase()
  })

  it('counts new, stuck and testing ideas and names the longest-stuck one, live', async () => {
    const { wrapper } = await mountWithIdeas(BoardIdeasPanel, '/board', [
      makeIdea('fresh', { problem: 'Raised yesterday', statusChangedAt: daysAgo(1) }),
      makeIdea('old-new', { problem: 'Nobody has looked at this', statusChangedAt: daysAgo(20) }),
      makeIdea('older-test', { problem: 'Test running for months', status: 'testing', statusChangedAt: daysAgo(90) }),
      makeIdea('test', { problem: 'A fresh test', status: 'testing', statusChangedAt: daysAgo(3) }),
      makeIdea('done', { problem: 'Sustained long ago', status: 'sustained', statusChangedAt: daysAgo(400) }),
    ])
    const text = (id: string) => wrapper.find(`[data-testid="${id}"]`).text()
    expect(text('ideas-new')).toBe('2 new')
    expect(text('ideas-stuck')).toBe('2 stuck')
    expect(text('ideas-testing')).toBe('2 testing')
    expect(text('ideas-oldest-stuck')).toContain('Test running for months')
    expect(text('ideas-oldest-stuck')).toMatch(/Stuck: 90 days in Testing \(PDSA\) \(flagged after \d+\)/)

    await db.ideas.put(makeIdea('another', { problem: 'Raised today' }))
    await settle()
    expect(text('ideas-new')).toBe('3 new')
  })

  it('says none rather than hiding a line when the board has no ideas', async () => {
    const { wrapper } = await mountWithIdeas(BoardIdeasPanel, '/board')
    expect(wrapper.find('[data-testid="ideas-new"]').text()).toBe('0 new')
    expect(wrapper.find('[data-testid="ideas-stuck"]').text()).toBe('0 stuck')
    expect(wrapper.find('[data-testid="ideas-oldest-stuck"]').exists()).toBe(false)
  })
})
