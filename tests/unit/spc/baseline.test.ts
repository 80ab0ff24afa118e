// Fixed limits: from the first N values (fix_after_n_points) or a baseline period (freeze).
import { describe, expect, it } from 'vitest'
import { computeSpc, isSpcError } from '@/domain/spc'
import type { SpcOptions, SpcResult } from '@/domain/spc/types'
import { baselineOption, baselineProblem, baselineText } from '@/domain/trends/baseline'
import { daily, dayAfter } from './fixtures'

// 20 values about 10 (moving range 1), then 10 values at 13: a real change.
const before = Array.from({ length: 20 }, (_, i) => (i % 2 ? 10.5 : 9.5))
const series = daily([...before, ...Array<number>(10).fill(13)])

function ok(options: Omit<SpcOptions, 'direction'>): SpcResult {
  const result = computeSpc(series, { direction: 'higher', ...options })
  if (isSpcError(result)) throw new Error(result.message)
  return result
}

describe('baselines in the engine', () => {
  it('without one, the later values pull the limits with them', () => {
    const result = ok({})
    expect(result.segments[0]!.centre).toBe(11)
    expect(result.segments[0]!.baseline).toBeNull()
  })

  it.each([
    ['the first 20 values', { points: 20 }],
    ['a baseline period', { fromPeriod: dayAfter('2026-01-01', 0), toPeriod: dayAfter('2026-01-01', 19) }],
  ])('fixed on %s, the limits come from the baseline and later values are judged against them', (_, baseline) => {
    const result = ok({ baseline })
    const segment = result.segments[0]!
    expect(segment.centre).toBe(10)
    expect(segment.meanMovingRange).toBe(1)
    expect(segment.upperLimit).toBe(12.66)
    expect(segment.pointCount).toBe(30)
    expect(segment.baseline).toEqual({ fromPeriod: '2026-01-01', toPeriod: '2026-01-20', pointCount: 20 })
    expect(result.points.slice(20).every((p) => p.rules.includes('beyond-limit'))).toBe(true)
    expect(result.variation).toBe('improvement-high')
    expect(result.notes.join(' ')).toMatch(/fixed on the baseline 01\/01\/2026 to 20\/01\/2026 \(20 values\)/)
  })

  it('keeps moving until a segment has more than N values', () => {
    expect(ok({ baseline: { points: 30 } }).segments[0]!.baseline).toBeNull()
  })

  it('starts again after a rebase, each segment with its own first N', () => {
    const result = ok({ baseline: { points: 13 }, rebaseAt: [dayAfter('2026-01-01', 10)] })
    expect(result.segments.map((s) => s.baseline?.pointCount ?? null)).toEqual([null, 13])
  })

  it.each([
    [{ points: 1 }, 'The baseline must be a whole number of values, at least 2.'],
    [{ fromPeriod: '2026-W01', toPeriod: '2026-W05' }, 'The baseline is not the same kind of period as the series.'],
    [{ fromPeriod: '2026-01-09', toPeriod: '2026-01-02' }, 'The baseline must start on or before the period it ends.'],
  ])('refuses %o', (baseline, message) => {
    const result = computeSpc(series, { direction: 'higher', baseline })
    expect(isSpcError(result) && result.message).toBe(message)
  })
})

describe('a measure’s baseline', () => {
  it.each([
    [{ kind: 'points', points: 20 }, null],
    [{ kind: 'points', points: 12 }, 'Fix the limits after 13 to 500 values (at least 13, as limits need)'],
    [{ kind: 'points', points: 13.5 }, 'Fix the limits after 13 to 500 values (at least 13, as limits need)'],
    [{ kind: 'period', from: '2026-03-01', to: '2026-08-31' }, null],
    [{ kind: 'period', from: '2026-09-01', to: '2026-08-31' }, 'The baseline must start on or before the day it ends'],
    [{ kind: 'period', from: '', to: '2026-08-31' }, 'Enter the first day of the baseline, for example 01/03/2026'],
  ] as const)('%o → %s', (baseline, problem) => {
    expect(baselineProblem(baseline)).toBe(problem)
  })

  it('becomes the engine option for the chart’s period, and reads in words', () => {
    const period = { kind: 'period', from: '2026-03-04', to: '2026-08-31' } as const
    expect(baselineOption(period, 'week')).toEqual({ fromPeriod: '2026-W10', toPeriod: '2026-W36' })
    expect(baselineOption(period, 'month')).toEqual({ fromPeriod: '2026-03', toPeriod: '2026-08' })
    expect(baselineOption({ kind: 'points', points: 20 }, 'day')).toEqual({ points: 20 })
    expect(baselineOption(null, 'day')).toBeUndefined()
    expect(baselineText(period)).toBe('limits fixed on the baseline 04/03/2026 to 31/08/2026')
    expect(baselineText({ kind: 'points', points: 20 })).toBe('limits fixed after the first 20 values')
    expect(baselineText(null)).toBe('limits that move with every value')
  })
})
