import { describe, expect, it } from 'vitest'
import {
  daysInRange,
  formatPeriod,
  isoWeekOf,
  isoWeekStart,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
} from '@/domain/trends/periods'

describe('ISO weeks (Monday start)', () => {
  it.each([
    ['2026-11-23', '2026-W48'], // Monday
    ['2026-11-29', '2026-W48'], // Sunday: same week
    ['2026-11-30', '2026-W49'], // next Monday
    ['2021-01-03', '2020-W53'], // a Sunday in January belongs to the last year's week 53
    ['2024-12-30', '2025-W01'], // a Monday in December starts next year's week 1
    ['2026-03-29', '2026-W13'], // the day the clocks go forward
    ['2026-10-25', '2026-W43'], // the day the clocks go back
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week)
  })

  it.each([
    ['2026-W48', '2026-11-23'],
    ['2020-W53', '2020-12-28'],
    ['2025-W01', '2024-12-30'],
  ])('%s starts on Monday %s', (week, monday) => {
    expect(isoWeekStart(week)).toBe(monday)
  })
})

describe('periods', () => {
  it.each([
    ['2026-11-26', 'day', '2026-11-26', '2026-11-26', '2026-11-26'],
    ['2026-11-26', 'week', '2026-W48', '2026-11-23', '2026-11-29'],
    ['2026-02-14', 'month', '2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02-14', 'month', '2028-02', '2028-02-01', '2028-02-29'],
  ] as const)('%s by %s is %s (%s to %s)', (day, period, key, start, end) => {
    expect(periodOf(day, period)).toBe(key)
    expect(periodStart(key, period)).toBe(start)
    expect(periodEnd(key, period)).toBe(end)
  })

  it.each([
    ['2026-11-01', '2026-11-03', 'day', ['2026-11-01', '2026-11-02', '2026-11-03']],
    ['2026-12-28', '2027-01-10', 'week', ['2026-W53', '2027-W01']],
    ['2026-11-15', '2027-01-02', 'month', ['2026-11', '2026-12', '2027-01']],
    ['2026-11-05', '2026-11-04', 'day', []],
  ] as const)('from %s to %s by %s', (from, to, period, expected) => {
    expect(periodsBetween(from, to, period)).toEqual(expected)
  })

  it.each([
    ['2026-W48', 'week', 'w/c 23/11/2026'],
    ['2026-11', 'month', 'November 2026'],
    ['2026-11-26', 'day', '26/11/2026'],
  ] as const)('%s reads as %s', (key, period, text) => {
    expect(formatPeriod(key, period)).toBe(text)
  })

  it('counts the days of a period inside a range', () => {
    expect(daysInRange('2026-W48', 'week', '2026-11-25', '2026-12-31')).toBe(5)
    expect(daysInRange('2026-W48', 'week', '2026-12-01', '2026-12-31')).toBe(0)
  })
})
