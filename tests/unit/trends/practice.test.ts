import { describe, expect, it } from 'vitest'
import {
  actionsOverduePerWeek,
  huddlesHeldPerWeek,
  ideasPerMonth,
  median,
  medianTimeInStatus,
  overdueOn,
} from '@/domain/trends/practice'
import type { Action, HistoryEntry, Idea } from '@/domain/types'

describe('huddlesHeldPerWeek', () => {
  // Week 45 of 2026: Monday 2 to Sunday 8 November.
  const huddles = [
    { boardId: 'b1', day: '2026-11-02' },
    { boardId: 'b1', day: '2026-11-03' },
    { boardId: 'b1', day: '2026-11-03' }, // two on one day count once
    { boardId: 'b1', day: '2026-11-07' }, // a Saturday
    { boardId: 'other', day: '2026-11-04' }, // another unit's board
  ]

  it.each([
    ['weekdays', 40, '2 of 5'],
    ['every-day', (3 / 7) * 100, '3 of 7'],
  ] as const)('expects a huddle %s: %s%%', (expected, value, detail) => {
    const series = huddlesHeldPerWeek(huddles, ['b1'], '2026-11-02', '2026-11-08', expected)
    expect(series.points).toEqual([{ period: '2026-W45', value }])
    expect(series.details['2026-W45']).toBe(detail)
    expect(series.direction).toBe('higher')
  })

  it('leaves out days not yet reached, and a week with none expected is a gap', () => {
    const series = huddlesHeldPerWeek(huddles, ['b1'], '2026-11-02', '2026-11-03', 'weekdays')
    expect(series.points).toEqual([{ period: '2026-W45', value: 100 }])
    const weekend = huddlesHeldPerWeek(huddles, ['b1'], '2026-11-07', '2026-11-08', 'weekdays')
    expect(weekend.points).toEqual([{ period: '2026-W45', value: null }])
  })

  it('expects one huddle per board', () => {
    const series = huddlesHeldPerWeek(huddles, ['b1', 'b2'], '2026-11-02', '2026-11-06', 'weekdays')
    expect(series.details['2026-W45']).toBe('2 of 10')
  })
})

describe('ideasPerMonth', () => {
  const ideas = [
    { createdAt: '2026-09-10T09:00:00Z', implementedAt: '2026-11-02T09:00:00Z' },
    { createdAt: '2026-09-30T23:30:00Z', implementedAt: null }, // 00:30 on 1 October in London (BST)
    { createdAt: '2026-11-05T09:00:00Z', implementedAt: null },
  ]
  it('counts raised and implemented ideas by London month; a month with none is 0', () => {
    const [raised, implemented] = ideasPerMonth(ideas, '2026-09-01', '2026-11-30')
    expect(raised!.points).toEqual([
      { period: '2026-09', value: 1 },
      { period: '2026-10', value: 1 },
      { period: '2026-11', value: 1 },
    ])
    expect(implemented!.points).toEqual([
      { period: '2026-09', value: 0 },
      { period: '2026-10', value: 0 },
      { period: '2026-11', value: 1 },
    ])
  })
})

describe('medianTimeInStatus', () => {
  const now = new Date('2026-11-30T12:00:00Z')
  const idea = (id: string, status: Idea['status'], createdAt: string, statusChangedAt = createdAt) => ({
    id,
    status,
    createdAt,
    statusChangedAt,
  })
  const move = (
    recordId: string,
    at: string,
    from: string | null,
    to: string,
  ): Pick<HistoryEntry, 'recordId' | 'at' | 'changes'> => ({ recordId, at, changes: [{ field: 'status', from, to }] })

  it('follows each idea through its history; the current status counts to today', () => {
    const ideas = [idea('a', 'testing', '2026-11-01T09:00:00Z'), idea('b', 'review', '2026-11-10T09:00:00Z')]
    const history = [
      move('a', '2026-11-01T09:00:00Z', null, 'new'),
      move('a', '2026-11-05T09:00:00Z', 'new', 'review'),
      move('a', '2026-11-15T09:00:00Z', 'review', 'testing'),
      move('b', '2026-11-10T09:00:00Z', null, 'new'),
      move('b', '2026-11-12T09:00:00Z', 'new', 'review'),
      { recordId: 'b', at: '2026-11-13T09:00:00Z', changes: [{ field: 'owner', from: '', to: 'Sam' }] },
    ]
    const times = Object.fromEntries(medianTimeInStatus(ideas, history, now).map((t) => [t.status, t]))
    expect(times.new).toEqual({ status: 'new', medianDays: 3, ideas: 2 }) // 4 and 2 days
    expect(times.review).toEqual({ status: 'review', medianDays: 14, ideas: 2 }) // 10 and 18 days
    expect(times.testing).toEqual({ status: 'testing', medianDays: 15, ideas: 1 })
    expect(times.sustained).toEqual({ status: 'sustained', medianDays: null, ideas: 0 })
  })

  it('falls back to createdAt and statusChangedAt when an idea has no history here', () => {
    const times = medianTimeInStatus(
      [idea('c', 'implemented', '2026-11-20T09:00:00Z', '2026-11-25T09:00:00Z')],
      [],
      now,
    )
    expect(times.find((t) => t.status === 'new')!.medianDays).toBe(5)
    expect(times.find((t) => t.status === 'implemented')!.medianDays).toBe(5)
  })

  it.each([
    [[], null],
    [[3], 3],
    [[1, 5], 3],
    [[9, 1, 4], 4],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected)
  })
})

describe('actions overdue', () => {
  const action = (fields: Partial<Action>): Pick<Action, 'createdAt' | 'dueDay' | 'status' | 'closedAt'> => ({
    createdAt: '2026-11-01T09:00:00Z',
    dueDay: '2026-11-04',
    status: 'open',
    closedAt: null,
    ...fields,
  })

  it.each([
    ['open, due before the day', action({}), '2026-11-05', true],
    ['open, due that day (not yet late)', action({}), '2026-11-04', false],
    ['no due day', action({ dueDay: null }), '2026-11-30', false],
    ['not yet raised', action({ createdAt: '2026-11-10T09:00:00Z' }), '2026-11-06', false],
    ['done later: was overdue then', action({ status: 'done', closedAt: '2026-11-09T09:00:00Z' }), '2026-11-06', true],
    ['done before the day', action({ status: 'done', closedAt: '2026-11-05T09:00:00Z' }), '2026-11-06', false],
    ['done, closing time unknown', action({ status: 'done', closedAt: null }), '2026-11-06', false],
  ])('%s', (_name, a, day, expected) => {
    expect(overdueOn(a, day)).toBe(expected)
  })

  it('counts on each Sunday, and on the last day for the current week', () => {
    const actions = [
      action({}),
      action({ dueDay: '2026-11-10' }),
      action({ status: 'done', closedAt: '2026-11-12T10:00:00Z' }),
    ]
    const series = actionsOverduePerWeek(actions, '2026-11-02', '2026-11-11')
    expect(series.points).toEqual([
      { period: '2026-W45', value: 2 },
      { period: '2026-W46', value: 3 },
    ])
    expect(series.direction).toBe('lower')
  })
})
