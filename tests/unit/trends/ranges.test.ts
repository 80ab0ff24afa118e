import { describe, expect, it } from 'vitest'
import { defaultRange, rangeProblem } from '@/domain/trends/ranges'

describe('defaultRange: whole periods before today', () => {
  it.each([
    ['day', '2026-11-26', { from: '2026-08-29', to: '2026-11-26' }],
    ['week', '2026-11-26', { from: '2026-05-25', to: '2026-11-22' }], // 26 weeks to last Sunday
    ['week', '2026-11-23', { from: '2026-05-25', to: '2026-11-22' }], // on a Monday too
    ['month', '2026-11-26', { from: '2024-11-01', to: '2026-10-31' }],
  ] as const)('%s on %s', (period, today, expected) => {
    expect(defaultRange(period, today)).toEqual(expected)
  })
})

describe('rangeProblem', () => {
  it.each([
    ['2026-11-01', '2026-11-30', null],
    ['2026-11-30', '2026-11-30', null],
    ['', '2026-11-30', 'Enter a start date, for example 01/09/2026'],
    ['2026-02-30', '2026-11-30', 'Enter a start date, for example 01/09/2026'],
    ['2026-11-01', 'soon', 'Enter an end date, for example 30/11/2026'],
    ['2026-12-01', '2026-11-30', 'The start date must be on or before the end date'],
    ['2000-01-01', '2026-11-30', 'Choose a range of ten years or less'],
  ])('%s to %s', (from, to, expected) => {
    expect(rangeProblem(from, to)).toBe(expected)
  })
})
