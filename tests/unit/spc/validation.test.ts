import { describe, expect, it } from 'vitest'
import { computeSpc, isSpcError } from '@/domain/spc'
import type { SpcError, SpcInputPoint, SpcOptions, SpcResult } from '@/domain/spc/types'
import { BASE_ENDS_LOW, daily } from './fixtures'

describe('bad input is a message, never a throw', () => {
  const good = daily([...BASE_ENDS_LOW])
  const withValue = (value: unknown): SpcInputPoint[] =>
    good.map((p, i) => (i === 3 ? { ...p, value: value as number } : p))
  it.each<[string, unknown, Partial<SpcOptions>, RegExp]>([
    ['text', withValue('12a'), {}, /"12a", which is not a number/],
    ['NaN', withValue(Number.NaN), {}, /not a number/],
    ['Infinity', withValue(Number.POSITIVE_INFINITY), {}, /infinite/],
    ['-Infinity', withValue(Number.NEGATIVE_INFINITY), {}, /infinite/],
    ['a huge value', withValue(1e13), {}, /too large/],
    ['a huge negative value', withValue(-1e13), {}, /too large/],
    ['one point', daily([4]), {}, /Only one value/],
    ['one value among gaps', daily([null, 4, null]), {}, /Only one value/],
    ['nothing recorded', daily([null, null]), {}, /Nothing has been recorded/],
    ['an empty series', [], {}, /Nothing has been recorded/],
    ['not a list', 'abc', {}, /no series/],
    ['a missing row', [null, ...good], {}, /not a day, week or month/],
    ['a bad period', [{ period: '2026-13-01', value: 1 }, ...good], {}, /"2026-13-01" is not a day/],
    ['a day that does not exist', [{ period: '2026-02-30', value: 1 }, ...good], {}, /"2026-02-30" is not a day/],
    ['mixed periods', [{ period: '2026-W02', value: 1 }, ...good], {}, /mixes days, weeks and months/],
    ['a repeated period', [...good, good[0]!], {}, /appears twice/],
    ['a bad direction', good, { direction: 'up' as never }, /which way is good/],
    ['an infinite target', good, { target: Number.POSITIVE_INFINITY }, /target must be an ordinary number/],
    ['a bad chart', good, { chart: 'pie' as never }, /XmR \(SPC\) chart or a run chart/],
    ['a rebase of another kind', good, { rebaseAt: ['2026-02'] }, /not the same kind of period/],
    ['a run length too short', good, { rules: { shiftLength: 3 } }, /run length must be a whole number from 5 to 12/],
    ['a fractional trend length', good, { rules: { trendLength: 7.5 } }, /trend length/],
    [
      'trial before the minimum',
      good,
      { rules: { minimumPoints: 15, trialLimitsUntil: 10 } },
      /Trial limits must end at or after/,
    ],
    ['a non-boolean choice', good, { rules: { screenMovingRangeOutliers: 'yes' as never } }, /yes or no/],
    ['a bad centre-line choice', good, { rules: { pointOnCentreLine: 'count' as never } }, /centre line/],
    ['a bad repeated-value choice', good, { rules: { trendTies: 'count' as never } }, /repeated value/],
  ])('%s', (_, series, options, message) => {
    let result: SpcResult | SpcError | undefined
    expect(() => {
      result = computeSpc(series as SpcInputPoint[], { direction: 'higher', ...options })
    }).not.toThrow()
    expect(result).toMatchObject({ error: true })
    expect((result as SpcError).message).toMatch(message)
  })

  it.each<[string, string]>([
    ['2026-01-04', 'The value for 04/01/2026 is "12a", which is not a number.'],
    ['2026-W02', 'The value for week beginning 05/01/2026 is "12a", which is not a number.'],
    ['2026-02', 'The value for February 2026 is "12a", which is not a number.'],
  ])('names the period the UK way (%s)', (period, message) => {
    expect(computeSpc([{ period, value: '12a' as never }], { direction: 'higher' })).toEqual({ error: true, message })
  })

  it('even a row that fails when read gives a message', () => {
    const hostile = {
      get period(): string {
        throw new Error('boom')
      },
      value: 1,
    }
    expect(computeSpc([hostile, ...good], { direction: 'higher' })).toEqual({
      error: true,
      message: 'The chart could not be worked out from these values.',
    })
  })

  it('the largest allowed value is accepted', () => {
    expect(isSpcError(computeSpc(withValue(1e12), { direction: 'higher' }))).toBe(false)
  })
  it('rows in any order are sorted by period', () => {
    const r = computeSpc([...good].reverse(), { direction: 'higher' })
    expect(isSpcError(r) ? [] : r.points.map((p) => p.period)).toEqual(good.map((p) => p.period))
  })
  it('weeks and months are understood', () => {
    const weeks = BASE_ENDS_LOW.map((value, i) => ({ period: `2026-W${String(i + 1).padStart(2, '0')}`, value }))
    const months = BASE_ENDS_LOW.slice(0, 12).map((value, i) => ({
      period: `2025-${String(i + 1).padStart(2, '0')}`,
      value,
    }))
    expect(isSpcError(computeSpc(weeks, { direction: 'higher' }))).toBe(false)
    expect(isSpcError(computeSpc(months, { direction: 'higher' }))).toBe(false)
  })
})
