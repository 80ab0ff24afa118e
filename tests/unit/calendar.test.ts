import { describe, expect, it } from 'vitest'
import { canShowNextMonth, monthEnd, monthGrid, recordingDayError } from '@/domain/calendar'

describe('monthGrid', () => {
  it.each([
    // [month, leading blanks, weeks, trailing blanks]
    ['2026-11', 6, 6, 6], // 1 Nov 2026 is a Sunday
    ['2026-06', 0, 5, 5], // 1 Jun 2026 is a Monday
    ['2021-02', 0, 4, 0], // 28 days starting on a Monday: exactly four rows
    ['2024-02', 3, 5, 3], // leap year, 1 Feb 2024 is a Thursday
    ['2026-03', 6, 6, 5], // spans the clocks going forward
  ])('%s: %i blanks before, %i weeks, %i blanks after', (month, leading, weeks, trailing) => {
    const grid = monthGrid(month)
    expect(grid).toHaveLength(weeks)
    expect(grid.every((week) => week.length === 7)).toBe(true)
    const cells = grid.flat()
    expect(cells.findIndex((c) => c !== null)).toBe(leading)
    expect(cells.length - 1 - cells.findLastIndex((c) => c !== null)).toBe(trailing)
    expect(cells.filter(Boolean)[0]).toBe(`${month}-01`)
  })

  it('lists every day of the month once, in order', () => {
    const days = monthGrid('2026-10').flat().filter(Boolean)
    expect(days).toHaveLength(31)
    expect(days.at(-1)).toBe('2026-10-31')
  })
})

describe('monthEnd', () => {
  it.each([
    ['2026-11', '2026-11-30'],
    ['2024-02', '2024-02-29'],
    ['2026-12', '2026-12-31'],
  ])('%s ends on %s', (month, end) => {
    expect(monthEnd(month)).toBe(end)
  })
})

describe('canShowNextMonth', () => {
  it.each([
    ['an earlier month', '2026-10', true],
    ['the current month', '2026-11', false],
    ['a later month', '2026-12', false],
    ['last December from January', '2025-12', true],
  ])('%s', (_, month, expected) => {
    expect(canShowNextMonth(month, '2026-11-26')).toBe(expected)
  })
})

describe('recordingDayError', () => {
  it.each([
    ['today', '2026-11-26', undefined],
    ['a past day', '2025-01-31', undefined],
    ['tomorrow', '2026-11-27', 'You cannot record a day in the future. Choose today or an earlier day.'],
    ['blank', '', 'Enter the day you want to record'],
    ['not a real date', '2026-02-30', 'Enter a real date, like 27/11/2026'],
  ])('%s', (_, day, expected) => {
    expect(recordingDayError(day, '2026-11-26')).toBe(expected)
  })
})
