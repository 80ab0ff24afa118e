import { describe, expect, it } from 'vitest'
import {
  buildPrintModel,
  compactValue,
  goalText,
  printMonthFrom,
  PRINT_KEY,
  PRINT_SYMBOL,
  type PrintInput,
} from '@/domain/print'
import type { EntryValue, Measure, MeasureCategory } from '@/domain/types'

type M = PrintInput['measures'][number]
const base = {
  direction: 'neutral',
  unit: '',
  goodAnswer: undefined,
  target: null,
  thresholds: null,
  archived: false,
} as const
const falls: M = {
  ...base,
  id: 'falls',
  name: 'Falls',
  categoryId: 'safety',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  thresholds: { green: 0, red: 1 },
  order: 2,
}
const cross: M = { ...base, id: 'cross', name: 'Harm-free day', categoryId: 'safety', type: 'daystatus', order: 1 }
const obs: M = {
  ...base,
  id: 'obs',
  name: 'Observations on time',
  categoryId: 'quality',
  type: 'percentage',
  unit: '%',
  direction: 'higher',
  target: 95,
  thresholds: { green: 95, red: 85 },
  order: 1,
}
const brief: M = {
  ...base,
  id: 'brief',
  name: 'Safety brief',
  categoryId: 'safety',
  type: 'yesno',
  goodAnswer: 'yes',
  order: 3,
}
const los: M = {
  ...base,
  id: 'los',
  name: 'Length of stay',
  categoryId: 'flow',
  type: 'number',
  unit: 'days',
  order: 1,
}
const old: M = { ...falls, id: 'old', name: 'Old measure', archived: true }
const categories: MeasureCategory[] = [
  { id: 'safety', name: 'Safety' },
  { id: 'quality', name: 'Quality' },
  { id: 'flow', name: 'Flow' },
]

const values: Record<string, EntryValue> = {
  'falls:2026-11-02': 0,
  'falls:2026-11-03': 2,
  'falls:2026-11-28': 0, // after "today": must not show
  'cross:2026-11-02': 'amber',
  'obs:2026-11-02': 92.5,
  'brief:2026-11-02': false,
  'los:2026-11-02': 6.25,
}

function model(overrides: Partial<PrintInput> = {}) {
  return buildPrintModel({
    month: '2026-11',
    today: '2026-11-26',
    measures: [obs, falls, los, old, brief, cross],
    categories,
    valueFor: (measureId, day) => values[`${measureId}:${day}`],
    ...overrides,
  })
}
const cell = (measureId: string, day: string) =>
  model()
    .blocks.find((b) => b.measureId === measureId)!
    .weeks.flat()
    .find((c) => c?.day === day)!

describe('buildPrintModel', () => {
  it('lists active measures in board order: by category, then position', () => {
    expect(model().blocks.map((b) => b.measureId)).toEqual(['cross', 'falls', 'brief', 'obs', 'los'])
    expect(model().blocks[0]!.categoryName).toBe('Safety')
    expect(model().monthLabel).toBe('November 2026')
  })

  it('puts measures whose category has gone after the rest', () => {
    const stray = { ...los, id: 'stray', categoryId: 'deleted-category', order: 0 }
    const blocks = model({ measures: [stray, falls] }).blocks
    expect(blocks.map((b) => b.measureId)).toEqual(['falls', 'stray'])
    expect(blocks[1]!.categoryName).toBe('')
  })

  it.each([
    // month, blank days before the 1st (Mon-first), weeks
    ['2026-11', 6, 6], // 1 Nov 2026 is a Sunday
    ['2026-02', 6, 5], // 1 Feb 2026 is a Sunday, 28 days
    ['2027-02', 0, 4], // 1 Feb 2027 is a Monday: exactly four rows
    ['2026-06', 0, 5],
  ])('lays %s out Monday first with %i leading blanks in %i weeks', (month, leading, weeks) => {
    const block = model({ month, today: '2027-12-31' }).blocks[0]!
    expect(block.weeks).toHaveLength(weeks)
    expect(block.weeks.every((w) => w.length === 7)).toBe(true)
    expect(block.weeks[0]!.findIndex((c) => c !== null)).toBe(leading)
    expect(
      block.weeks
        .flat()
        .filter(Boolean)
        .map((c) => c!.date)[0],
    ).toBe(1)
  })

  it.each([
    ['falls', '2026-11-02', 'green', '✓', '0'],
    ['falls', '2026-11-03', 'red', '✕', '2'],
    ['falls', '2026-11-04', 'missing', '', ''],
    ['cross', '2026-11-02', 'amber', '!', ''],
    ['obs', '2026-11-02', 'amber', '!', '92.5%'],
    ['brief', '2026-11-02', 'red', '✕', ''],
    ['los', '2026-11-02', 'none', '•', '6.3'],
  ])('%s on %s → %s %s %s', (measureId, day, status, symbol, value) => {
    expect(cell(measureId, day)).toMatchObject({ status, symbol, value, future: false })
  })

  it('leaves days after today blank even if something is stored for them', () => {
    expect(cell('falls', '2026-11-28')).toMatchObject({ status: 'missing', symbol: '', value: '', future: true })
    expect(cell('falls', '2026-11-28').label).toBe('28 November 2026: not yet')
  })

  it('says each day in words for screen readers', () => {
    expect(cell('falls', '2026-11-03').label).toBe('3 November 2026: Not met, 2')
    expect(cell('cross', '2026-11-02').label).toBe('2 November 2026: At risk')
    expect(cell('falls', '2026-11-04').label).toBe('4 November 2026: Not recorded')
  })

  it('counts the days so far by status, leaving out the future', () => {
    const counts = model().blocks.find((b) => b.measureId === 'falls')!.counts
    expect(counts).toEqual({ green: 1, amber: 0, red: 1, none: 0, missing: 24 })
  })
})

describe('print symbols', () => {
  it('gives every status a different symbol, blank only for not recorded', () => {
    const symbols = Object.values(PRINT_SYMBOL)
    expect(new Set(symbols).size).toBe(symbols.length)
    expect(PRINT_KEY.map((k) => [k.symbol, k.label])).toEqual([
      ['✓', 'Good'],
      ['!', 'At risk'],
      ['✕', 'Not met'],
      ['•', 'Recorded'],
      ['', 'Not recorded'],
    ])
  })
})

describe('compactValue', () => {
  it.each<[Pick<Measure, 'type'>, EntryValue | undefined, string]>([
    [{ type: 'count' }, 3, '3'],
    [{ type: 'number' }, 6.25, '6.3'],
    [{ type: 'percentage' }, 100, '100%'],
    [{ type: 'yesno' }, true, ''],
    [{ type: 'daystatus' }, 'green', ''],
    [{ type: 'count' }, undefined, ''],
  ])('%j %j → %j', (measure, value, expected) => {
    expect(compactValue(measure, value)).toBe(expected)
  })
})

describe('goalText', () => {
  it.each<[M, string]>([
    [falls, 'Lower is better'],
    [{ ...falls, target: 0 }, 'Target 0 falls, lower is better'],
    [obs, 'Target 95%, higher is better'],
    [los, 'Recorded, no target'],
    [brief, 'Good answer: Yes'],
    [{ ...brief, goodAnswer: 'no' }, 'Good answer: No'],
    [cross, 'Green, amber or red each day'],
  ])('%#: %s', (measure, expected) => {
    expect(goalText(measure)).toBe(expected)
  })
})

describe('printMonthFrom', () => {
  it.each<[unknown, string]>([
    [undefined, '2026-11'],
    ['2026-09', '2026-09'],
    ['2025-12', '2025-12'],
    ['2026-12', '2026-11'], // the future has nothing to print
    ['2026-13', '2026-11'],
    ['november', '2026-11'],
    [['2026-09'], '2026-11'],
  ])('%j → %s', (requested, expected) => {
    expect(printMonthFrom(requested, '2026-11-26')).toBe(expected)
  })
})
