import { describe, expect, it } from 'vitest'
import { aggregateSeries, dayReading, readingOf, rebasePeriods, targetFor } from '@/domain/trends/aggregate'
import type { Measure } from '@/domain/types'

type M = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'unit' | 'target'>
const count: M = { type: 'count', direction: 'lower', unit: 'falls', target: 0 }
const number: M = { type: 'number', direction: 'lower', unit: 'days', target: 7 }
const percent: M = { type: 'percentage', direction: 'higher', unit: '%', target: 95 }
const yesno: M = { type: 'yesno', direction: 'higher', unit: '', goodAnswer: 'yes', target: null }
const yesnoNoGood: M = { type: 'yesno', direction: 'neutral', unit: '', target: null }
const cross: M = { type: 'daystatus', direction: 'neutral', unit: '', target: null }

describe('dayReading: one day as a number', () => {
  it.each([
    [count, 3, 3],
    [percent, 92.5, 92.5],
    [yesno, true, 0], // the good answer: not a bad day
    [yesno, false, 1],
    [{ ...yesno, goodAnswer: 'no' as const }, true, 1],
    [yesnoNoGood, true, 1],
    [yesnoNoGood, false, 0],
    [cross, 'red', 1],
    [cross, 'amber', 0],
    [cross, 'green', 0],
  ])('%o: %s → %s', (measure, value, expected) => {
    expect(dayReading(measure, value)).toBe(expected)
  })

  it.each([
    [count, 'three'],
    [count, true],
    [yesno, 1],
    [cross, 'purple'],
  ])('%o: %s is not a number (NaN, so the engine can say so)', (measure, value) => {
    expect(dayReading(measure, value)).toBeNaN()
  })
})

describe('readingOf: how each type is aggregated', () => {
  it.each([
    [count, 'week', 'sum', 'lower', 'Falls per week'],
    [number, 'month', 'mean', 'lower', 'Mean days per month'],
    [percent, 'week', 'mean', 'higher', 'Mean of daily percentages per week'],
    [percent, 'day', 'mean', 'higher', 'Percentage'],
    [yesno, 'week', 'sum', 'lower', 'Days answered no per week'],
    [yesnoNoGood, 'day', 'sum', 'neutral', 'Days answered yes'],
    [cross, 'month', 'sum', 'lower', 'Red days per 30 days'],
  ] as const)('%o by %s: %s, %s is better, "%s"', (measure, period, aggregation, direction, label) => {
    expect(readingOf(measure, period)).toEqual({ aggregation, direction, label })
  })
})

describe('aggregateSeries', () => {
  // Monday 2026-11-02 to Sunday 2026-11-15: two whole ISO weeks.
  it('sums a fully recorded week and leaves a week with no entries as a gap, never zero', () => {
    const entries = ['02', '03', '04', '05', '06', '07', '08'].map((d, i) => ({ day: `2026-11-${d}`, value: i % 2 }))
    expect(aggregateSeries(count, entries, '2026-11-02', '2026-11-15', 'week')).toEqual([
      { period: '2026-W45', value: 3, recordedDays: 7, periodDays: 7 },
      { period: '2026-W46', value: null, recordedDays: 0, periodDays: 7 },
    ])
  })

  it('averages numbers and percentages over the days recorded', () => {
    const entries = [
      { day: '2026-11-02', value: 90 },
      { day: '2026-11-03', value: 100 },
      { day: '2026-11-10', value: 80 },
    ]
    expect(aggregateSeries(percent, entries, '2026-11-02', '2026-11-15', 'week').map((p) => p.value)).toEqual([95, 80])
  })

  it('counts bad yes/no days and red safety-cross days', () => {
    const week = ['02', '03', '04', '05', '06', '07', '08'].map((d) => `2026-11-${d}`)
    const answers = week.map((day, i) => ({ day, value: i === 0 || i > 2 }))
    expect(aggregateSeries(yesno, answers, '2026-11-02', '2026-11-08', 'week')).toMatchObject([
      { period: '2026-W45', value: 2 },
    ])
    const days = Array.from({ length: 30 }, (_, i) => ({
      day: `2026-11-${String(i + 1).padStart(2, '0')}`,
      value: i === 1 || i === 29 ? 'red' : 'green',
    }))
    expect(aggregateSeries(cross, days, '2026-11-01', '2026-11-30', 'month')).toMatchObject([
      { period: '2026-11', value: 2 },
    ])
  })

  it('keeps days with no entry as gaps on a daily chart', () => {
    expect(aggregateSeries(count, [{ day: '2026-11-03', value: 2 }], '2026-11-02', '2026-11-04', 'day')).toMatchObject([
      { period: '2026-11-02', value: null },
      { period: '2026-11-03', value: 2 },
      { period: '2026-11-04', value: null },
    ])
  })

  it('passes a value that is not a number on as NaN (the engine explains it)', () => {
    const series = aggregateSeries(
      count,
      [
        { day: '2026-11-02', value: 'lots' },
        { day: '2026-11-03', value: 1 },
      ],
      '2026-11-02',
      '2026-11-08',
      'week',
    )
    expect(series[0]!.value).toBeNaN()
  })
})

describe('targetFor', () => {
  it.each([
    [count, 'day', 0],
    [count, 'week', 0],
    [count, 'month', 0],
    [{ ...count, target: 4 }, 'week', 28],
    [{ ...count, target: 4 }, 'month', 120],
    [percent, 'month', 95],
    [number, 'week', 7],
    [yesno, 'day', null],
    [{ ...count, target: null }, 'day', null],
  ] as const)('%o by %s → %s', (measure, period, expected) => {
    expect(targetFor(measure, period)).toBe(expected)
  })
})

it('turns rebase days into sorted periods without repeats', () => {
  expect(rebasePeriods(['2026-11-10', '2026-11-03', '2026-11-04'], 'week')).toEqual(['2026-W45', '2026-W46'])
  expect(rebasePeriods(undefined, 'day')).toEqual([])
})
