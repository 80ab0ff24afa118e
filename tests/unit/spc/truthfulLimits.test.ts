// Limits that do not overstate what is known: incomplete periods are not judged, a segment
// with no moving range has no limits and no assurance, and a value on the mean is on it.
import { describe, expect, it } from 'vitest'
import { computeSpc, isSpcError } from '@/domain/spc'
import { exactSum, mean, xmrLimits } from '@/domain/spc/limits'
import type { SpcInputPoint, SpcResult } from '@/domain/spc/types'
import { BASE_ENDS_LOW, daily, dayAfter, repeat } from './fixtures'

function ok(series: SpcInputPoint[], options: Parameters<typeof computeSpc>[1]): SpcResult {
  const result = computeSpc(series, options)
  if (isSpcError(result)) throw new Error(result.message)
  return result
}

describe('incomplete periods', () => {
  it('are shown with their value but left out of the limits, the rules and the icon', () => {
    const series = daily([...BASE_ENDS_LOW, 11, 11, 11, 11, 11, 11, 500])
    series[series.length - 1]!.incomplete = true
    const result = ok(series, { direction: 'higher', target: 5 })
    const last = result.points[result.points.length - 1]!
    expect(last).toMatchObject({ value: 500, incomplete: true, variation: null, rules: [] })
    expect(result.segments[0]!.pointCount).toBe(20)
    expect(result.segments[0]!.centre).toBeCloseTo(11, 10)
    expect(result.variation).toBe('common-cause')
  })

  it('break moving ranges like a gap', () => {
    const withHole = daily([10, 30, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12])
    withHole[1]!.incomplete = true
    const result = ok(withHole, { direction: 'higher' })
    // Ranges 10→12 only: 2 each (11 of them); the 30 would have added two ranges of 20.
    expect(result.segments[0]!.meanMovingRange).toBe(2)
  })

  it('are not enough on their own to chart', () => {
    const series = daily([1, 2, 3]).map((p, i) => ({ ...p, incomplete: i !== 0 }))
    const result = computeSpc(series, { direction: 'higher' })
    expect(isSpcError(result) && result.message).toBe(
      'Only one complete period has values; a chart needs at least two complete periods.',
    )
  })
})

describe('a segment with no moving ranges', () => {
  // A Monday/Wednesday/Friday audit on a daily chart: no two neighbouring days recorded.
  const audit: SpcInputPoint[] = []
  for (let i = 0; i < 60; i += 1) {
    const weekday = i % 7
    audit.push({ period: dayAfter('2026-01-05', i), value: [0, 2, 4].includes(weekday) ? 60 + (i % 5) : null })
  }

  it('has no limits, no assurance icon and a true note', () => {
    const result = ok(audit, { direction: 'higher', target: 95 })
    const segment = result.segments[0]!
    expect(segment.upperLimit).toBeNull()
    expect(segment.lowerLimit).toBeNull()
    expect(segment.meanMovingRange).toBeNull()
    expect(result.assurance).toBe('none')
    expect(result.notes.join(' ')).toMatch(/No two neighbouring values .* no limits are drawn/)
    expect(result.notes.join(' ')).not.toMatch(/consistently/)
  })

  it('still checks runs and trends', () => {
    const rising = audit.map((p, i) => (p.value === null ? p : { ...p, value: i < 30 ? 50 : 80 }))
    const result = ok(rising, { direction: 'higher', target: 95 })
    expect(result.variation).toBe('improvement-high')
  })
})

describe('exact sums and ties on the centre line', () => {
  it.each([
    [[92.4, 92.4, 92.4], 92.4],
    [[92.3, 92.5, 92.4], 92.4],
    [[92.4, 92.1, 92.7], 92.4],
    [repeat(92.4, 10), 92.4],
    [[0.1, 0.2, 0.3], 0.2],
    [[1e12, 0.1, -1e12, 0.2], 0.075],
  ])('mean of %o is %s exactly', (values, expected) => {
    expect(mean(values)).toBe(expected)
  })

  it('sums with compensation', () => {
    expect(exactSum(repeat(0.1, 10))).toBe(1)
    expect(exactSum([1e16, 1, -1e16])).toBe(1)
  })

  it('moving ranges of decimals are exact too', () => {
    expect(xmrLimits([92.4, 92.5, 92.4, 92.5], false).meanMovingRange).toBe(0.1)
  })

  it('a value exactly on the mean neither adds to nor breaks a run (the default, as documented)', () => {
    // Mean is 92.4 (naively 92.39999999999999): the 92.4s sit on it; six highs either side
    // of them must not join into a run of seven above.
    const values = [92.1, 92.7, 92.4, 92.1, 92.7, 92.4, 92.1, 92.7, 92.4, 92.1, 92.7, 92.4, 92.4]
    const result = ok(daily(values), { direction: 'higher' })
    expect(result.segments[0]!.centre).toBe(92.4)
    expect(result.points.filter((p) => p.value === 92.4).every((p) => p.rules.length === 0)).toBe(true)
    // Naively the mean is 92.39999999999999, so the 92.4 would sit above it and complete a
    // false run of seven above.
    const onCentre = ok(daily([...repeat(92.5, 3), 92.4, ...repeat(92.5, 3), ...repeat(92.3, 6)]), {
      direction: 'higher',
    })
    expect(onCentre.segments[0]!.centre).toBe(92.4)
    expect(onCentre.points.every((p) => !p.rules.includes('shift'))).toBe(true)
  })
})

it('names where the data starts, not a leading gap, in its notes', () => {
  const result = ok(daily([null, null, null, 4, 5, 6]), { direction: 'higher' })
  expect(result.notes[0]).toMatch(/^Only 3 values from 04\/01\/2026:/)
})
