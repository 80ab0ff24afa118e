import { describe, expect, it } from 'vitest'
import { escalationStats, isoWeek, median } from '@/domain/escalationsStats'
import { escalation } from './escalationFixture'

describe('isoWeek', () => {
  it.each([
    ['2026-11-26', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is %s', (day, week) => expect(isoWeek(day)).toBe(week))
})

describe('median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ] as const)('%j → %s', (values, m) => expect(median(values)).toBe(m))
})

describe('escalationStats', () => {
  const list = [
    escalation({
      id: 'a',
      unitId: 'ward7',
      category: 'Staffing',
      raisedAt: '2026-11-23T09:00:00.000Z',
      answeredAt: '2026-11-23T11:00:00.000Z',
    }),
    escalation({
      id: 'b',
      unitId: 'ward7',
      category: 'Staffing',
      raisedAt: '2026-11-24T09:00:00.000Z',
      answeredAt: '2026-11-30T09:00:00.000Z',
    }),
    escalation({
      id: 'c',
      unitId: 'ward8',
      category: 'Flow or beds',
      raisedAt: '2026-11-17T09:00:00.000Z',
      answeredAt: null,
    }),
  ]
  const names = (id: string) => ({ ward7: 'Ward 7', ward8: 'Ward 8' })[id] ?? id

  it('counts raised and answered per ISO week, the median time to answer, by category and unit', () => {
    const stats = escalationStats(list, names)
    expect(stats.weeks).toEqual([
      { week: '2026-W47', monday: '2026-11-16', raised: 1, answered: 0 },
      { week: '2026-W48', monday: '2026-11-23', raised: 2, answered: 1 },
      { week: '2026-W49', monday: '2026-11-30', raised: 0, answered: 1 },
    ])
    expect(stats).toMatchObject({ raised: 3, answered: 2, medianHoursToAnswer: 73 })
    expect(stats.byCategory).toEqual([
      { key: 'Staffing', raised: 2, answered: 2, medianHoursToAnswer: 73 },
      { key: 'Flow or beds', raised: 1, answered: 0, medianHoursToAnswer: null },
    ])
    expect(stats.byUnit.map((g) => [g.key, g.raised])).toEqual([
      ['Ward 7', 2],
      ['Ward 8', 1],
    ])
  })

  it('leaves out escalations raised before the given day', () => {
    expect(escalationStats(list, names, '2026-11-23').raised).toBe(2)
  })
})
