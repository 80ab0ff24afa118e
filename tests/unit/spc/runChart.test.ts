import { describe, expect, it } from 'vitest'
import { computeSpc, isSpcError } from '@/domain/spc'
import { countRuns, runsRange } from '@/domain/spc/runChart'
import type { SpcOptions, SpcResult } from '@/domain/spc/types'
import { daily, dayAfter, mirror, repeat } from './fixtures'

function run(values: (number | null)[], options: Partial<SpcOptions> = {}): SpcResult {
  const result = computeSpc(daily(values), { direction: 'higher', chart: 'run', ...options })
  if (isSpcError(result)) throw new Error(result.message)
  return result
}
const flagged = (r: SpcResult): number[] => r.points.flatMap((p, i) => (p.rules.length > 0 ? [i] : []))
const BASE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12]

describe('run chart: median, no limits', () => {
  it.each<[string, number[], number]>([
    ['odd count', [3, 1, 2], 2],
    ['even count', [4, 1, 3, 2], 2.5],
  ])('median of an %s', (_, values, median) => {
    const r = run(values)
    expect(r.chart).toBe('run')
    expect(r.segments[0]).toMatchObject({ centre: median, upperLimit: null, lowerLimit: null, meanMovingRange: null })
  })
  it('has no assurance icon even with a target (no limits)', () => {
    expect(run([...BASE, ...BASE], { target: 5 }).assurance).toBe('none')
  })
})

describe('run chart rules at the boundary (IHI: shift 6, trend 5), both directions', () => {
  const shift = (k: number): number[] => [...BASE, ...repeat(13, k)]
  const trend = (k: number): number[] => [...BASE, ...[10.2, 10.4, 10.6, 10.8, 11.0].slice(0, k)]
  it.each<[string, number[], number[], string]>([
    ['5 above the median: nothing', shift(5), [], 'common-cause'],
    [
      '6 above the median: a shift (points on the median passed over)',
      shift(6),
      [10, 11, 12, 13, 14, 15],
      'improvement-high',
    ],
    ['5 below: nothing', mirror(shift(5)), [], 'common-cause'],
    ['6 below: a shift', mirror(shift(6)), [10, 11, 12, 13, 14, 15], 'concern-low'],
    ['4 rising: nothing', trend(4), [], 'common-cause'],
    ['5 rising: a trend', trend(5), [10, 11, 12, 13, 14], 'improvement-high'],
    ['4 falling: nothing', mirror(trend(4)), [], 'common-cause'],
    ['5 falling: a trend', mirror(trend(5)), [10, 11, 12, 13, 14], 'concern-low'],
  ])('%s', (_, values, expected, icon) => {
    const r = run(values)
    expect(flagged(r)).toEqual(expected)
    expect(r.variation).toBe(icon)
  })
  it('a repeated value counts once in a trend', () => {
    expect(flagged(run([...BASE, 10.2, 10.4, 10.4, 10.6, 10.8]))).toEqual([])
    expect(flagged(run([...BASE, 10.2, 10.4, 10.4, 10.6, 10.8, 11.0]))).toEqual([10, 11, 12, 13, 14, 15])
  })
  it('the lengths are options', () => {
    // The 12s sit on the median: passed over, the five 10s make a run of 5 as well…
    expect(flagged(run(shift(5), { rules: { runChartShiftLength: 5 } }))).toEqual([0, 2, 4, 6, 8, 10, 11, 12, 13, 14])
    // …unless a point on the median breaks a run.
    expect(flagged(run(shift(5), { rules: { runChartShiftLength: 5, pointOnCentreLine: 'breaks' } }))).toEqual([
      10, 11, 12, 13, 14,
    ])
    expect(flagged(run(trend(4), { rules: { runChartTrendLength: 4 } }))).toEqual([10, 11, 12, 13])
  })
})

describe('runs test', () => {
  it.each<[number, [number, number] | null]>([
    [9, null],
    [10, [3, 8]],
    [16, [5, 12]],
    [20, [6, 15]],
    [30, [10, 21]],
  ])('%d useful points → %j', (n, range) => {
    expect(runsRange(n)).toEqual(range)
  })
  it('counts runs, leaving out points on the median', () => {
    expect(countRuns([1, 1, 0, 1, -1, -1, 1], 0)).toEqual({ useful: 6, runs: 3 })
  })
  it('alternating values have too many runs', () => {
    const r = run([...BASE, ...BASE])
    expect(r.segments[0]!.runs).toMatchObject({ useful: 20, runs: 20, signal: 'too-many' })
    expect(r.notes.join(' ')).toMatch(/Too many runs/)
  })
  it('fewer than 10 useful points: no runs test, with a note', () => {
    const r = run([1, 2, 3, 4, 5])
    expect(r.segments[0]!.runs).toMatchObject({ lower: null, upper: null, signal: null })
    expect(r.notes.join(' ')).toMatch(/at least 10 values off the median/)
  })
  it('a short series still gets a run chart (no minimum beyond two values)', () => {
    expect(run([5, 6]).segments[0]!.centre).toBe(5.5)
  })
})

describe('run chart with rebasing and gaps', () => {
  it('each segment has its own median', () => {
    const r = run([...BASE, ...BASE.map((v) => v + 10)], { rebaseAt: [dayAfter('2026-01-01', 10)] })
    expect(r.segments.map((s) => s.centre)).toEqual([11, 21])
  })
  it('gaps are passed over', () => {
    const r = run([...BASE, 13, 13, 13, null, 13, 13, 13])
    expect(flagged(r)).toEqual([10, 11, 12, 14, 15, 16])
  })
})
