import { describe, expect, it } from 'vitest'
import { beyondLimitRule, emptySignals, shiftRule, trendRule, twoOfThreeRule, type Signals } from '@/domain/spc/rules'
import { meanMovingRange, movingRanges, xmrLimits } from '@/domain/spc/limits'
import { repeat } from './fixtures'

/** Which indices carry `rule`, and on which side. */
function flagged(signals: Signals, rule: string): string[] {
  return signals.flatMap((list, i) =>
    list.filter((s) => s.rule === rule).map((s) => `${i}${s.side === 'high' ? '+' : '-'}`),
  )
}

describe('shift: a run on one side of the centre line', () => {
  it.each<[string, number[], number, 'ignore' | 'breaks', string[]]>([
    ['6 above: no signal', repeat(1, 6), 7, 'ignore', []],
    ['7 above: all 7 flagged', repeat(1, 7), 7, 'ignore', ['0+', '1+', '2+', '3+', '4+', '5+', '6+']],
    ['6 below: no signal', repeat(-1, 6), 7, 'ignore', []],
    ['7 below: all 7 flagged', repeat(-1, 7), 7, 'ignore', ['0-', '1-', '2-', '3-', '4-', '5-', '6-']],
    [
      'a point on the mean is passed over (MDC)',
      [1, 1, 1, 0, 1, 1, 1, 1],
      7,
      'ignore',
      ['0+', '1+', '2+', '4+', '5+', '6+', '7+'],
    ],
    ['a point on the mean does not add to the run', [1, 1, 1, 0, 1, 1, 1], 7, 'ignore', []],
    ['a point on the mean breaks the run (NHSRplotthedots)', [1, 1, 1, 0, 1, 1, 1, 1], 7, 'breaks', []],
    ['a crossing ends the run', [1, 1, 1, -1, 1, 1, 1, 1], 7, 'ignore', []],
    ['6 counts with shiftLength 6', repeat(1, 6), 6, 'ignore', ['0+', '1+', '2+', '3+', '4+', '5+']],
  ])('%s', (_, values, length, onCentre, expected) => {
    const out = emptySignals(values.length)
    shiftRule(values, 0, length, onCentre, out)
    expect(flagged(out, 'shift')).toEqual(expected)
  })
})

describe('trend: points all rising or all falling', () => {
  it.each<[string, number[], 'ignore' | 'breaks', string[]]>([
    ['6 rising: no signal', [1, 2, 3, 4, 5, 6], 'breaks', []],
    ['7 rising: all 7 flagged high', [1, 2, 3, 4, 5, 6, 7], 'breaks', ['0+', '1+', '2+', '3+', '4+', '5+', '6+']],
    ['6 falling: no signal', [6, 5, 4, 3, 2, 1], 'breaks', []],
    ['7 falling: all 7 flagged low', [7, 6, 5, 4, 3, 2, 1], 'breaks', ['0-', '1-', '2-', '3-', '4-', '5-', '6-']],
    ['a repeated value breaks a trend (NHSRplotthedots)', [1, 2, 3, 3, 4, 5, 6, 7], 'breaks', []],
    [
      'a repeated value neither breaks nor adds (MDC guidance)',
      [1, 2, 3, 3, 4, 5, 6, 7],
      'ignore',
      ['0+', '1+', '2+', '3+', '4+', '5+', '6+', '7+'],
    ],
    ['a repeated value does not make the trend longer', [1, 2, 3, 3, 4, 5, 6], 'ignore', []],
    [
      'a falling trend with a repeat',
      [7, 6, 5, 5, 4, 3, 2, 1],
      'ignore',
      ['0-', '1-', '2-', '3-', '4-', '5-', '6-', '7-'],
    ],
  ])('%s', (_, values, ties, expected) => {
    const out = emptySignals(values.length)
    trendRule(values, 7, ties, out)
    expect(flagged(out, 'trend')).toEqual(expected)
  })

  it('the turning point belongs to both trends', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]
    const out = emptySignals(values.length)
    trendRule(values, 7, 'breaks', out)
    expect(out[6]!.map((s) => s.side)).toEqual(['high', 'low'])
    expect(flagged(out, 'trend')).toHaveLength(14)
  })
})

describe('beyond a limit', () => {
  it.each<[string, number[], string[]]>([
    ['exactly on a limit is inside', [3, -3], []],
    ['just above the upper limit', [3.0001], ['0+']],
    ['just below the lower limit', [-3.0001], ['0-']],
  ])('%s', (_, values, expected) => {
    const out = emptySignals(values.length)
    beyondLimitRule(values, 3, -3, out)
    expect(flagged(out, 'beyond-limit')).toEqual(expected)
  })
})

describe('two of three beyond two sigma, all three on one side', () => {
  const limits = { mean: 0, upper: 3, lower: -3, nearUpper: 2, nearLower: -2 }
  it.each<[string, number[], boolean, string[]]>([
    ['two near the upper limit, the third above the mean', [2.5, 0.5, 2.5], true, ['0+', '2+']],
    ['two near the lower limit', [-2.5, -0.5, -2.5], true, ['0-', '2-']],
    ['the third below the mean: no signal', [2.5, 2.5, -0.5], true, []],
    ['only one near: no signal', [2.5, 1, 1], true, []],
    ['exactly on two sigma is not beyond it', [2, 2.5, 1], true, []],
    ['a point beyond the limit counts (MDC since 2023)', [2.5, 3.5, 0.5], true, ['0+', '1+']],
    ['a point beyond the limit does not count (NHSRplotthedots)', [2.5, 3.5, 0.5], false, []],
    [
      'opposite sides near the limits: no signal (NHSRplotthedots test)',
      [1, -1, 5.5, -5.5].map((v) => v / 2.5),
      true,
      [],
    ],
    ['only the near points are flagged, each once', [2.5, 2.6, 0.5, 2.7], true, ['0+', '1+', '3+']],
  ])('%s', (_, values, includeBeyond, expected) => {
    const out = emptySignals(values.length)
    twoOfThreeRule(values, limits, includeBeyond, out)
    expect(flagged(out, 'two-of-three')).toEqual(expected)
  })
})

describe('moving ranges and limits', () => {
  it.each<[string, (number | null)[], number[]]>([
    ['neighbours only', [1, 3, 2], [2, 1]],
    ['never across a gap', [1, null, 5, 6], [1]],
    ['a gap at each end', [null, 4, 6, null], [2]],
    ['no two neighbours recorded', [1, null, 5], []],
  ])('%s', (_, values, expected) => {
    expect(movingRanges(values)).toEqual(expected)
  })

  it('screening drops ranges above 3.267 × the mean moving range, once', () => {
    // ranges 1,1,1,8,9,1,… (NHSRplotthedots "deviations" vignette data)
    const values = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
    expect(meanMovingRange(values, false)).toBeCloseTo(32 / 17, 10)
    expect(meanMovingRange(values, true)).toBe(1)
  })

  it('a flat series keeps zero spread and limits on the mean, screened or not', () => {
    for (const screen of [false, true]) {
      expect(xmrLimits(repeat(4, 10), screen)).toMatchObject({ mean: 4, meanMovingRange: 0, upper: 4, lower: 4 })
    }
  })
})
