// Limits beyond what a reading can be are drawn at the bound, and the chart says so.
import { describe, expect, it } from 'vitest'
import { addDays } from '@/domain/dates'
import { isSpcError } from '@/domain/spc'
import { drawnLimit, readingBounds } from '@/domain/trends/bounds'
import { measureSpc } from '@/domain/trends/measureSpc'
import type { Measure } from '@/domain/types'

type M = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'unit' | 'target' | 'rebaseDays'>
const percent: M = { type: 'percentage', direction: 'higher', unit: '%', target: 95 }
const count: M = { type: 'count', direction: 'lower', unit: 'falls', target: null }
const start = '2026-09-01'
const daily = (values: number[]) => values.map((value, i) => ({ day: addDays(start, i), value }))

describe('readingBounds', () => {
  it.each([
    ['percentage', 'day', 0, 100],
    ['count', 'week', 0, null],
    ['yesno', 'week', 0, 7],
    ['daystatus', 'month', 0, 30],
    ['number', 'day', null, null],
  ] as const)('%s by %s: %s to %s', (type, period, lower, upper) => {
    expect(readingBounds({ type }, period)).toEqual({ lower, upper })
  })

  it.each([
    [101.7, 100],
    [-1.2, 0],
    [57, 57],
    [null, null],
  ])('draws a limit of %s at %s for a percentage', (value, drawn) => {
    expect(drawnLimit(value, { lower: 0, upper: 100 })).toBe(drawn)
  })
})

describe('measureSpc says when a limit passes a physical bound', () => {
  it('a percentage whose upper limit comes out above 100 %', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i % 2 ? 100 : 94))
    const spc = measureSpc(percent, daily(values), start, addDays(start, 19), 'day')
    if (isSpcError(spc.result)) throw new Error(spc.result.message)
    expect(spc.result.segments[0]!.upperLimit).toBeCloseTo(97 + 2.66 * 6, 6)
    expect(spc.result.notes).toContain(
      'The upper process limit is 112.96%, above the most possible (100%): the chart draws it at 100%.',
    )
    expect(spc.bounds).toEqual({ lower: 0, upper: 100 })
  })

  it('a count whose lower limit comes out below 0', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? 3 : 0))
    const spc = measureSpc(count, daily(values), start, addDays(start, 19), 'day')
    if (isSpcError(spc.result)) throw new Error(spc.result.message)
    expect(
      spc.result.notes.some((n) =>
        /^The lower process limit is -?−?[\d.]+, below the least possible \(0\): the chart draws it at 0\.$/.test(n),
      ),
    ).toBe(true)
  })

  it('says nothing when the limits are within the bounds', () => {
    const values = Array.from({ length: 20 }, (_, i) => 50 + (i % 2))
    const spc = measureSpc(percent, daily(values), start, addDays(start, 19), 'day')
    if (isSpcError(spc.result)) throw new Error(spc.result.message)
    expect(spc.result.notes.join(' ')).not.toMatch(/process limit is/)
  })
})
