import { describe, expect, it } from 'vitest'
import { countStatuses, trendSummary } from '@/domain/trend'
import type { Status } from '@/domain/status'

const repeat = (status: Status, n: number): Status[] => Array<Status>(n).fill(status)

describe('countStatuses', () => {
  it('counts each status', () => {
    expect(countStatuses(['green', 'green', 'red', 'missing'])).toEqual({
      green: 2,
      amber: 0,
      red: 1,
      none: 0,
      missing: 1,
    })
  })
})

describe('trendSummary', () => {
  it.each<[string, Status[], string]>([
    [
      'the issue example',
      [...repeat('green', 10), ...repeat('amber', 2), 'red', 'missing'],
      'Last 14 days: 10 good, 2 at risk, 1 not met, 1 not recorded',
    ],
    [
      'order does not depend on the days',
      ['missing', 'red', 'green'],
      'Last 3 days: 1 good, 1 not met, 1 not recorded',
    ],
    ['zeros are left out', repeat('green', 14), 'Last 14 days: 14 good'],
    ['nothing recorded', repeat('missing', 14), 'Last 14 days: 14 not recorded'],
    [
      'neutral measures are "recorded"',
      [...repeat('none', 12), 'missing', 'missing'],
      'Last 14 days: 12 recorded, 2 not recorded',
    ],
    ['one day', ['amber'], 'Last day: 1 at risk'],
    ['no days', [], 'Last 0 days: nothing to show'],
  ])('%s', (_, statuses, expected) => {
    expect(trendSummary(statuses)).toBe(expected)
  })
})
