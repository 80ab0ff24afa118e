// Weeks and months built from days never invent a signal: a period the typed dates cut,
// or one with days not yet entered, is not read as a change (docs/SPC.md, "Weeks and
// months from days").
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregateSeries, seriesDetails, type DayValue } from '@/domain/trends/aggregate'
import { measureSpc } from '@/domain/trends/measureSpc'
import { isSpcError } from '@/domain/spc'
import { addDays, daysBetween, monthOf } from '@/domain/dates'
import { isoWeekOf } from '@/domain/trends/periods'
import type { Measure } from '@/domain/types'

type M = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'unit' | 'target' | 'rebaseDays'>
const count: M = { type: 'count', direction: 'lower', unit: 'falls', target: null }
const percent: M = { type: 'percentage', direction: 'higher', unit: '%', target: null }
const yesno: M = { type: 'yesno', direction: 'higher', unit: '', goodAnswer: 'yes', target: null }
const cross: M = { type: 'daystatus', direction: 'neutral', unit: '', target: null }

/** Every day from `from` for `n` days, valued by `value(i)`; `null` leaves the day out. */
function days(from: string, n: number, value: (i: number, day: string) => DayValue['value'] | null): DayValue[] {
  const out: DayValue[] = []
  for (let i = 0; i < n; i += 1) {
    const day = addDays(from, i)
    const v = value(i, day)
    if (v !== null) out.push({ day, value: v })
  }
  return out
}

// 2026-06-01 is a Monday. Falls: 1 a day, with a little wobble, for 21 whole weeks.
const START = '2026-06-01'
const wobble = (i: number) => [1, 1, 2, 0, 1, 1, 1, 2, 1, 0][i % 10]!

describe('a typed range cuts its first and last periods', () => {
  it('marks the cut weeks incomplete, counts only the typed days, and leaves them out of the limits', () => {
    const entries = days('2026-11-02', 14, () => 2)
    const series = aggregateSeries(count, entries, '2026-11-04', '2026-11-10', 'week')
    expect(series.map((p) => [p.period, p.incomplete ?? false, p.incompleteReason, p.recordedDays])).toEqual([
      ['2026-W45', true, 'partial-range', 5],
      ['2026-W46', true, 'partial-range', 2],
    ])
  })

  it('a Monday-to-Wednesday last week of a count is not flagged as an improvement', () => {
    // 21 whole weeks then Mon–Wed of the 22nd: that week's sum (3-ish) is far below ~7.
    const to = addDays(START, 21 * 7 + 2)
    const entries = days(START, 21 * 7 + 3, wobble)
    const spc = measureSpc(count, entries, START, to, 'week')
    if (isSpcError(spc.result)) throw new Error(spc.result.message)
    const last = spc.result.points[spc.result.points.length - 1]!
    expect(last.incomplete).toBe(true)
    expect(last.variation).toBeNull()
    expect(last.rules).toEqual([])
    expect(spc.result.variation).not.toMatch(/improvement|concern/)
    expect(spc.result.segments[0]!.pointCount).toBe(21)
    expect(spc.result.notes.join(' ')).toMatch(/incomplete \(shown hollow\)/)
  })
})

describe('missing days are a rate over the days recorded, never zeros', () => {
  it('a week with the weekend not yet entered is put on a 7-day scale and not flagged', () => {
    // Every day recorded for 20 weeks; the last week has only Monday to Friday.
    const entries = days(START, 21 * 7, (i) => (i >= 20 * 7 + 5 ? null : wobble(i)))
    const spc = measureSpc(count, entries, START, addDays(START, 21 * 7 - 1), 'week')
    if (isSpcError(spc.result)) throw new Error(spc.result.message)
    const last = spc.series[spc.series.length - 1]!
    expect(last.recordedDays).toBe(5)
    expect(last.incomplete).toBeUndefined()
    const lastFive = entries.slice(-5).reduce((s, e) => s + (e.value as number), 0)
    expect(last.value).toBeCloseTo((lastFive * 7) / 5, 10)
    expect(spc.result.points[spc.result.points.length - 1]!.variation).toBe('common-cause')
    expect(seriesDetails(spc.series, 'sum')[last.period]).toBe('5 of 7 days recorded (a rate over those days)')
  })

  it('a week with fewer than half its days recorded is incomplete', () => {
    const series = aggregateSeries(
      count,
      days('2026-11-02', 3, () => 1),
      '2026-11-02',
      '2026-11-08',
      'week',
    )
    expect(series[0]).toMatchObject({ value: 7, incomplete: true, incompleteReason: 'few-days', recordedDays: 3 })
    expect(seriesDetails(series, 'sum')['2026-W45']).toBe('Incomplete: 3 of 7 days recorded')
  })

  it.each([
    ['yes/no', yesno, (i: number) => i % 2 === 0, 'Days answered no per week'],
    ['day status', cross, (i: number) => (i % 2 === 0 ? 'green' : 'red'), 'Red days per week'],
  ] as const)('%s measures count bad days as a rate too', (_, measure, answer, label) => {
    // Six days recorded (Sunday missing): 3 bad of 6 → 3.5 per week, not 3.
    const series = aggregateSeries(measure, days('2026-11-02', 6, answer), '2026-11-02', '2026-11-08', 'week')
    expect(series[0]!.value).toBe(3.5)
    expect(measureSpc(measure, [], '2026-11-02', '2026-11-08', 'week').reading.label).toBe(label)
  })

  it('averaged measures stay a mean of the days recorded (a weekly audit is one day a week)', () => {
    const series = aggregateSeries(percent, [{ day: '2026-11-02', value: 90 }], '2026-11-02', '2026-11-08', 'week')
    expect(series[0]).toMatchObject({ value: 90, recordedDays: 1 })
    expect(series[0]!.incomplete).toBeUndefined()
  })
})

describe('month length', () => {
  it('February and January with the same daily rate chart the same (per 30 days)', () => {
    const entries = days('2027-01-01', 59, () => 1)
    const series = aggregateSeries(count, entries, '2027-01-01', '2027-02-28', 'month')
    expect(series.map((p) => p.value)).toEqual([30, 30])
    expect(measureSpc(count, entries, '2027-01-01', '2027-02-28', 'month').reading.label).toBe('Falls per 30 days')
  })

  it('a daily count target carries over to months on the same 30-day scale', () => {
    const spc = measureSpc({ ...count, target: 2 }, [], '2027-01-01', '2027-02-28', 'month')
    expect(spc.options.target).toBe(60)
  })
})

/** The day-level reference: what a week or month should read, worked out one day at a
 * time straight from the day values (no buckets, no shortcuts). */
function reference(
  entries: ReadonlyMap<string, number>,
  key: string,
  period: 'week' | 'month',
  from: string,
  to: string,
  summed: boolean,
): { value: number | null; incomplete: boolean } {
  const keyOf = (day: string) => (period === 'week' ? isoWeekOf(day) : monthOf(day))
  // The period's first and last days, found by walking out from a day inside it.
  let inside = from
  while (keyOf(inside) !== key) inside = addDays(inside, 1)
  let first = inside
  while (keyOf(addDays(first, -1)) === key) first = addDays(first, -1)
  let last = inside
  while (keyOf(addDays(last, 1)) === key) last = addDays(last, 1)
  let sum = 0
  let seen = 0
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (day < from || day > to || !entries.has(day)) continue
    sum += entries.get(day)!
    seen += 1
  }
  if (seen === 0) return { value: null, incomplete: false }
  const length = daysBetween(first, last) + 1
  const scale = period === 'week' ? 7 : 30
  const value = summed ? (sum / seen) * scale : sum / seen
  const incomplete = first < from || last > to || (summed && seen < length / 2)
  return { value, incomplete }
}

describe('property: weekly and monthly aggregates agree with a day-level reference', () => {
  const series = fc.record({
    offset: fc.integer({ min: 0, max: 400 }),
    length: fc.integer({ min: 1, max: 150 }),
    seed: fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 9 })), { minLength: 150, maxLength: 150 }),
    summed: fc.boolean(),
    period: fc.constantFrom('week' as const, 'month' as const),
  })

  it('on random gappy series', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(series, ({ offset, length, seed, summed, period }) => {
        const from = addDays('2025-01-01', offset)
        const to = addDays(from, length - 1)
        // Entries reach beyond the typed dates on both sides: they must be ignored.
        const entries = days(addDays(from, -10), length + 20, (i) => seed[i % seed.length] ?? null) as {
          day: string
          value: number
        }[]
        const byDay = new Map(entries.map((e) => [e.day, e.value]))
        const measure = summed ? count : { ...count, type: 'number' as const }
        const got = aggregateSeries(measure, entries, from, to, period)
        for (const point of got) {
          const want = reference(byDay, point.period, period, from, to, summed)
          if (want.value === null) expect(point.value).toBeNull()
          else expect(point.value).toBeCloseTo(want.value, 9)
          expect(point.value !== null && point.incomplete === true).toBe(want.value !== null && want.incomplete)
        }
      }),
      { numRuns: 200 },
    )
  })
})
