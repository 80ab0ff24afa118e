import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  daysBetween,
  daysOfMonth,
  formatDay,
  formatDuration,
  formatInstant,
  isDayKey,
  lastDays,
  londonDay,
  parseUkDate,
  weekStart,
  weekdayIndex,
} from '@/domain/dates'

describe('londonDay: the Europe/London day an instant falls in', () => {
  it.each([
    ['winter, just after midnight (GMT)', '2026-01-15T00:30:00Z', '2026-01-15'],
    ['summer, 00:30 BST is 23:30 UTC the day before', '2026-07-14T23:30:00Z', '2026-07-15'],
    ['summer, 23:59 BST', '2026-07-15T22:59:00Z', '2026-07-15'],
    ['spring forward: 00:30 GMT on 29/03/2026', '2026-03-29T00:30:00Z', '2026-03-29'],
    ['spring forward: 02:30 BST, after the change', '2026-03-29T01:30:00Z', '2026-03-29'],
    ['the evening before the spring change', '2026-03-28T23:59:00Z', '2026-03-28'],
    ['fall back: 00:30 BST on 25/10/2026 is 23:30 UTC on the 24th', '2026-10-24T23:30:00Z', '2026-10-25'],
    ['fall back: 01:30 the first time (BST)', '2026-10-25T00:30:00Z', '2026-10-25'],
    ['fall back: 01:30 the second time (GMT)', '2026-10-25T01:30:00Z', '2026-10-25'],
    ['fall back: 23:30 GMT on the 25th', '2026-10-25T23:30:00Z', '2026-10-25'],
    ['new year in London', '2026-12-31T23:59:59Z', '2026-12-31'],
  ])('%s', (_, instant, day) => {
    expect(londonDay(new Date(instant))).toBe(day)
  })

  it('refuses an instant that is not a time, rather than naming a day', () => {
    expect(() => londonDay(new Date('not a time'))).toThrow(RangeError)
  })
})

describe('day arithmetic ignores clock changes', () => {
  it.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', -1, '2026-10-24'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('addDays(%s, %i) = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected)
  })

  it('daysBetween across both BST changes is whole days', () => {
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245)
    expect(daysBetween('2026-10-26', '2026-10-24')).toBe(-2)
  })

  it('lastDays lists the window oldest first, ending on the day', () => {
    expect(lastDays('2026-03-30', 3)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30'])
  })

  it.each([
    ['2026-02', 28],
    ['2028-02', 29],
    ['2026-10', 31],
    ['2026-11', 30],
  ])('%s has %i days', (month, n) => {
    const days = daysOfMonth(month)
    expect(days).toHaveLength(n)
    expect(days[0]).toBe(`${month}-01`)
  })

  it('addMonths crosses years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
  })

  it.each([
    ['2026-11-23', 0], // Monday
    ['2026-11-26', 3],
    ['2026-11-29', 6], // Sunday
  ])('weekdayIndex(%s) = %i (weeks start on Monday)', (day, index) => {
    expect(weekdayIndex(day)).toBe(index)
    expect(weekStart(day)).toBe('2026-11-23')
  })
})

describe('UK formats', () => {
  it('formats days as dd/mm/yyyy', () => {
    expect(formatDay('2026-03-09')).toBe('09/03/2026')
  })

  it('formats instants in London time, 24-hour', () => {
    expect(formatInstant('2026-07-14T23:30:00Z')).toBe('15/07/2026 00:30')
    expect(formatInstant('2026-01-14T23:30:00Z')).toBe('14/01/2026 23:30')
  })

  it.each([
    ['27/11/2026', '2026-11-27'],
    ['1/2/2026', '2026-02-01'],
    ['2026-11-27', '2026-11-27'],
    ['31/02/2026', null],
    ['29/02/2027', null],
    ['11/27/2026', null],
    ['tomorrow', null],
    ['', null],
  ])('parseUkDate(%j) = %j', (text, expected) => {
    expect(parseUkDate(text)).toBe(expected)
  })

  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
  ])('isDayKey(%s) = %s', (day, ok) => {
    expect(isDayKey(day)).toBe(ok)
  })

  it.each([
    [0, '0:00'],
    [65, '1:05'],
    [900, '15:00'],
    [-30, '−0:30'],
  ])('formatDuration(%i) = %s', (s, text) => {
    expect(formatDuration(s)).toBe(text)
  })
})
