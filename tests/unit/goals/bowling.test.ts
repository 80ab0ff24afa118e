import { describe, expect, it } from 'vitest'
import { bowlingChart } from '@/domain/goals'
import type { DayValue } from '@/domain/trends/aggregate'
import type { Goal } from '@/domain/types'

const goal: Pick<Goal, 'baseline' | 'target' | 'targetDay' | 'direction' | 'createdAt'> = {
  baseline: 1,
  target: 0.5,
  targetDay: '2027-03-31',
  direction: 'lower',
  createdAt: '2026-10-20T09:00:00.000Z',
}
const falls = { type: 'count' as const }
const days = (month: string, values: number[]): DayValue[] =>
  values.map((value, i) => ({ day: `${month}-${String(i + 1).padStart(2, '0')}`, value }))

describe('the bowling chart', () => {
  it('plans a straight path from the baseline to the target, one step a month, ending on the target', () => {
    const chart = bowlingChart(goal, falls, [], '2026-12-07')
    expect(chart.map((m) => [m.month, m.plan])).toEqual([
      ['2026-10', 0.92],
      ['2026-11', 0.83],
      ['2026-12', 0.75],
      ['2027-01', 0.67],
      ['2027-02', 0.58],
      ['2027-03', 0.5],
    ])
  })

  it.each<[string, Partial<typeof goal>, DayValue[], [string, number | null, number, boolean | null][]]>([
    [
      'lower is better: a month at or under its plan is met',
      {},
      [
        ...days('2026-10', [1, 1, 0, 1]),
        ...days('2026-11', [1, 0, 0, 0]),
        ...days('2026-12', [0, 0, 0, 0, 0, 0, 0, 1]),
      ],
      [
        ['2026-10', 0.75, 4, true],
        ['2026-11', 0.25, 4, true],
        ['2026-12', 0, 7, true],
        ['2027-01', null, 0, null],
      ],
    ],
    [
      'higher is better: under the plan is missed',
      { baseline: 80, target: 95, direction: 'higher' },
      [...days('2026-10', [85, 86]), ...days('2026-11', [83])],
      [
        ['2026-10', 85.5, 2, true],
        ['2026-11', 83, 1, false],
      ],
    ],
    [
      'no baseline: the plan is the target every month',
      { baseline: null },
      days('2026-11', [1, 0]),
      [
        ['2026-10', null, 0, null],
        ['2026-11', 0.5, 2, true],
      ],
    ],
  ])('%s', (_name, over, values, expected) => {
    const chart = bowlingChart({ ...goal, ...over }, falls, values, '2026-12-07')
    for (const [month, actual, count, met] of expected) {
      expect(chart.find((m) => m.month === month)).toMatchObject({ actual, days: count, met })
    }
  })

  it('runs to this month when the goal has no date, and counts yes/no answers as the share that went wrong', () => {
    const chart = bowlingChart(
      { ...goal, targetDay: null, baseline: null, target: null },
      { type: 'yesno', goodAnswer: 'yes' },
      [
        { day: '2026-12-01', value: true },
        { day: '2026-12-02', value: false },
        { day: '2026-12-09', value: false },
      ],
      '2026-12-07',
    )
    expect(chart.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(chart[2]).toEqual({ month: '2026-12', plan: null, actual: 0.5, days: 2, met: null })
  })
})
