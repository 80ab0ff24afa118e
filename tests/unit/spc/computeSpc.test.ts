import { describe, expect, it } from 'vitest'
import { computeSpc, DEFAULT_SPC_RULES, isSpcError } from '@/domain/spc'
import type { SpcInputPoint, SpcOptions, SpcResult } from '@/domain/spc/types'
import { BASE_ENDS_HIGH, BASE_ENDS_LOW, daily, dayAfter, mirror, repeat } from './fixtures'

function ok(series: SpcInputPoint[], options: SpcOptions): SpcResult {
  const result = computeSpc(series, options)
  if (isSpcError(result)) throw new Error(`unexpected error: ${result.message}`)
  return result
}

const flaggedIndices = (r: SpcResult): number[] => r.points.flatMap((p, i) => (p.rules.length > 0 ? [i] : []))

describe('defaults follow MDC today', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SPC_RULES).toEqual({
      shiftLength: 7,
      trendLength: 7,
      screenMovingRangeOutliers: false,
      twoOfThreeIncludesBeyondLimit: true,
      minimumPoints: 13,
      trialLimitsUntil: 20,
      pointOnCentreLine: 'ignore',
      trendTies: 'ignore',
      runChartShiftLength: 6,
      runChartTrendLength: 5,
    })
    expect(Object.isFrozen(DEFAULT_SPC_RULES)).toBe(true)
  })
})

describe('shift and trend at the boundary, both directions, through the engine', () => {
  // Baselines alternate about 11 so that nothing else fires (see fixtures.ts).
  const shift = (k: number): number[] => [...BASE_ENDS_LOW, ...repeat(11.5, k)]
  const trend = (k: number): number[] => [...BASE_ENDS_HIGH, ...[10.4, 10.6, 10.8, 11.0, 11.2, 11.4, 11.6].slice(0, k)]
  it.each<[string, number[], number[], string]>([
    ['6 above the mean: common cause', shift(6), [], 'common-cause'],
    [
      '7 above the mean: a shift, improvement (higher is better)',
      shift(7),
      [14, 15, 16, 17, 18, 19, 20],
      'improvement-high',
    ],
    ['6 below the mean: common cause', mirror(shift(6)), [], 'common-cause'],
    ['7 below the mean: a shift, concern', mirror(shift(7)), [14, 15, 16, 17, 18, 19, 20], 'concern-low'],
    ['6 rising: common cause', trend(6), [], 'common-cause'],
    ['7 rising: a trend, improvement', trend(7), [14, 15, 16, 17, 18, 19, 20], 'improvement-high'],
    ['6 falling: common cause', mirror(trend(6)), [], 'common-cause'],
    ['7 falling: a trend, concern', mirror(trend(7)), [14, 15, 16, 17, 18, 19, 20], 'concern-low'],
  ])('%s', (_, values, flagged, icon) => {
    const r = ok(daily(values), { direction: 'higher' })
    expect(flaggedIndices(r)).toEqual(flagged)
    expect(r.variation).toBe(icon)
  })

  it('lower is better turns the same shift into improvement', () => {
    expect(ok(daily(mirror(shift(7))), { direction: 'lower' }).variation).toBe('improvement-low')
  })

  it('a neutral measure gets the neutral icon on the right side', () => {
    expect(ok(daily(shift(7)), { direction: 'neutral' }).variation).toBe('neutral-high')
    expect(ok(daily(mirror(trend(7))), { direction: 'neutral' }).variation).toBe('neutral-low')
  })

  it('a repeated value inside a trend neither breaks nor adds (default), or breaks (option)', () => {
    const values = [...BASE_ENDS_HIGH, 10.4, 10.6, 10.8, 10.8, 11.0, 11.2, 11.4, 11.6]
    expect(flaggedIndices(ok(daily(values), { direction: 'higher' }))).toEqual([14, 15, 16, 17, 18, 19, 20, 21])
    expect(flaggedIndices(ok(daily(values), { direction: 'higher', rules: { trendTies: 'breaks' } }))).toEqual([])
  })

  it('shiftLength 6 makes six points a signal', () => {
    expect(flaggedIndices(ok(daily(shift(6)), { direction: 'higher', rules: { shiftLength: 6 } }))).toEqual([
      14, 15, 16, 17, 18, 19,
    ])
  })
})

describe('point on the mean, built so the mean is exact', () => {
  // Three 12s, an 11, four 12s; the 10s balance the mean to exactly 11.
  const values = [10, 12, 10, 12, 10, 12, 10, 12, 12, 12, 11, 12, 12, 12, 12, 10, 10, 10, 10, 10, 10]
  it('the layout is what the test needs', () => {
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBe(11)
  })
  it.each<['ignore' | 'breaks', boolean]>([
    ['ignore', true],
    ['breaks', false],
  ])('pointOnCentreLine %s → shift %s', (mode, expected) => {
    const r = ok(daily(values), { direction: 'higher', rules: { pointOnCentreLine: mode } })
    expect(r.points[10]!.rules).toEqual([])
    expect(flaggedIndices(r)).toEqual(expected ? [7, 8, 9, 11, 12, 13, 14] : [])
  })
})

describe('too few points, trial limits, zero variation', () => {
  it('12 points: no limits, nothing judged, a note, no icons', () => {
    const r = ok(daily(BASE_ENDS_LOW.slice(0, 12)), { direction: 'higher', target: 5 })
    expect(r.segments[0]).toMatchObject({ upperLimit: null, lowerLimit: null, centre: 11, pointCount: 12 })
    expect(r.points.every((p) => p.variation === null && p.rules.length === 0)).toBe(true)
    expect(r.variation).toBe('none')
    expect(r.assurance).toBe('none')
    expect(r.notes.join(' ')).toMatch(/Only 12 values .* at least 13/)
  })
  it('13 points: trial limits with a note', () => {
    const r = ok(daily([...BASE_ENDS_LOW.slice(0, 12), 12]), { direction: 'higher' })
    expect(r.segments[0]!.trial).toBe(true)
    expect(r.segments[0]!.upperLimit).not.toBeNull()
    expect(r.notes.join(' ')).toMatch(/trial until there are 20/)
  })
  it('20 points: firm limits, no note', () => {
    const r = ok(daily([...BASE_ENDS_LOW, ...BASE_ENDS_LOW.slice(0, 6)]), { direction: 'higher' })
    expect(r.segments[0]!.trial).toBe(false)
    expect(r.notes).toEqual([])
  })
  it('custom minimum and trial lengths', () => {
    const r = ok(daily(BASE_ENDS_LOW.slice(0, 8)), {
      direction: 'higher',
      rules: { minimumPoints: 8, trialLimitsUntil: 8 },
    })
    expect(r.segments[0]).toMatchObject({ trial: false, upperLimit: 11 + 2.66 * 2 })
  })
  it('all values equal: limits on the mean, nothing flagged, no division by zero', () => {
    const r = ok(daily(repeat(7, 30)), { direction: 'higher', target: 8 })
    expect(r.segments[0]).toMatchObject({ centre: 7, upperLimit: 7, lowerLimit: 7, meanMovingRange: 0 })
    expect(flaggedIndices(r)).toEqual([])
    expect(r.variation).toBe('common-cause')
    expect(r.assurance).toBe('fail')
    expect(r.notes.join(' ')).toMatch(/same/)
  })
  it('flat runs either side of a gap: spread unmeasurable, no point flagged as beyond', () => {
    const r = ok(daily([...repeat(5, 10), null, ...repeat(7, 10)]), { direction: 'higher' })
    expect(r.points.filter((p) => p.rules.includes('beyond-limit'))).toEqual([])
    expect(r.notes.join(' ')).toMatch(/spread cannot be measured/)
  })
})

describe('missing values (gaps)', () => {
  it('a gap has no variation and no moving range either side', () => {
    const values = [...BASE_ENDS_LOW, null, 12, 10, 12, 10, 12, 10]
    const r = ok(daily(values), { direction: 'higher' })
    expect(r.points[14]).toMatchObject({ value: null, variation: null, rules: [], side: null })
    // 13 ranges of 2 before the gap, 5 after: the gap's two neighbours give none.
    expect(r.segments[0]!.meanMovingRange).toBe(2)
    expect(r.segments[0]!.pointCount).toBe(20)
  })
  it('a gap neither breaks nor adds to a run', () => {
    const values: (number | null)[] = [...BASE_ENDS_LOW, 11.5, 11.5, 11.5, null, 11.5, 11.5, 11.5, 11.5]
    const r = ok(daily(values), { direction: 'higher' })
    expect(flaggedIndices(r)).toEqual([14, 15, 16, 18, 19, 20, 21])
    expect(r.variation).toBe('improvement-high')
  })
  it('a trailing gap: the icon reads the latest recorded value', () => {
    const r = ok(daily([...BASE_ENDS_LOW, ...repeat(11.5, 7), null, null]), { direction: 'higher' })
    expect(r.variation).toBe('improvement-high')
  })
  it('missing value given as undefined counts as a gap', () => {
    const series = daily([...BASE_ENDS_LOW, 12]) as { period: string; value: number | null | undefined }[]
    series[3]!.value = undefined
    const r = ok(series as SpcInputPoint[], { direction: 'higher' })
    expect(r.points[3]!.value).toBeNull()
  })
})

describe('rebasing', () => {
  const before = [...BASE_ENDS_LOW, 12, 10, 12, 10, 12, 10]
  const after = before.map((v) => v + 10)
  const series = daily([...before, ...after])
  const rebaseDay = dayAfter('2026-01-01', 20)

  it('without a rebase the step is a long shift', () => {
    expect(flaggedIndices(ok(series, { direction: 'higher' })).length).toBeGreaterThan(14)
  })
  it('each segment has its own mean and limits, and the step is no longer a signal', () => {
    const r = ok(series, { direction: 'higher', rebaseAt: [rebaseDay] })
    expect(r.segments.map((s) => [s.fromPeriod, s.centre, s.meanMovingRange])).toEqual([
      ['2026-01-01', 11, 2],
      [rebaseDay, 21, 2],
    ])
    expect(r.points[20]!.segment).toBe(1)
    expect(flaggedIndices(r)).toEqual([])
  })
  it('a rebase between recorded periods starts at the next one', () => {
    const weekly = [...before, ...after].map((value, i) => ({ period: dayAfter('2026-01-01', 7 * i), value }))
    const r = ok(weekly, { direction: 'higher', rebaseAt: [dayAfter('2026-01-01', 7 * 20 - 3)] })
    expect(r.segments[1]!.fromPeriod).toBe(dayAfter('2026-01-01', 7 * 20))
  })
  it('a short new segment gets no limits until it has enough values', () => {
    const r = ok(series, { direction: 'higher', rebaseAt: [dayAfter('2026-01-01', 30)] })
    expect(r.segments[1]).toMatchObject({ upperLimit: null, pointCount: 10 })
    expect(r.variation).toBe('none')
  })
  it.each<[string, string, RegExp]>([
    ['on the first value', '2026-01-01', /at or before the first value/],
    ['after the last value', '2027-01-01', /after the last value/],
  ])('a rebase %s changes nothing, with a note', (_, at, note) => {
    const r = ok(series, { direction: 'higher', rebaseAt: [at] })
    expect(r.segments).toHaveLength(1)
    expect(r.notes.join(' ')).toMatch(note)
  })
  it('a rebase with only gaps after it changes nothing', () => {
    const r = ok(daily([...before, null, null]), { direction: 'higher', rebaseAt: [dayAfter('2026-01-01', 20)] })
    expect(r.segments).toHaveLength(1)
    expect(r.notes.join(' ')).toMatch(/no values after it/)
  })
})

describe('targets through the engine', () => {
  const values = [...BASE_ENDS_LOW, 12, 10, 12, 10, 12, 10] // mean 11, limits 11 ± 5.32
  it.each<[SpcOptions['direction'], number, string]>([
    ['higher', 5, 'pass'],
    ['higher', 17, 'fail'],
    ['higher', 11, 'hit-and-miss'],
    ['lower', 17, 'pass'],
    ['lower', 5, 'fail'],
    ['lower', 11, 'hit-and-miss'],
    ['neutral', 5, 'none'],
  ])('%s is better, target %d: %s', (direction, target, icon) => {
    expect(ok(daily(values), { direction, target }).assurance).toBe(icon)
  })
})

describe('beyond a limit and two of three, through the engine', () => {
  // 30 values alternating 10.5 / 11.5 (moving range 1), then a tail.
  const base = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 10.5 : 11.5))
  const tail = (rules: Partial<SpcOptions['rules']>, values: number[]): string[] =>
    ok(daily([...base, ...values]), { direction: 'lower', rules })
      .points.slice(-3)
      .map((p) => `${p.rules.join('+')}:${p.variation}`)
  it.each<[string, number[], boolean, string[]]>([
    [
      'near, not near, beyond: counts the beyond point (MDC)',
      [13.4, 11.6, 15],
      true,
      ['two-of-three:concern', ':common-cause', 'beyond-limit+two-of-three:concern'],
    ],
    [
      'near, not near, beyond: only the limit rule (NHSRplotthedots)',
      [13.4, 11.6, 15],
      false,
      [':common-cause', ':common-cause', 'beyond-limit:concern'],
    ],
    [
      'two near, either way',
      [13.4, 11.6, 13.6],
      false,
      ['two-of-three:concern', ':common-cause', 'two-of-three:concern'],
    ],
  ])('%s', (_, values, includeBeyond, expected) => {
    expect(tail({ twoOfThreeIncludesBeyondLimit: includeBeyond }, values)).toEqual(expected)
  })
  it('a single point beyond the lower limit is an improvement when lower is better', () => {
    const r = ok(daily([...base, 7]), { direction: 'lower' })
    expect(r.points[30]).toMatchObject({ rules: ['beyond-limit'], variation: 'improvement', side: 'low' })
    expect(r.variation).toBe('improvement-low')
  })
})
