import { describe, expect, it } from 'vitest'
import { assuranceIcon, classify, variationIcon } from '@/domain/spc/classify'
import type { Signal } from '@/domain/spc/rules'
import type {
  AssuranceIcon,
  PointVariation,
  SpcDirection,
  SpcPointResult,
  SpcSegment,
  VariationIcon,
} from '@/domain/spc/types'

const high = (rule: Signal['rule']): Signal => ({ rule, side: 'high' })
const low = (rule: Signal['rule']): Signal => ({ rule, side: 'low' })

describe('classify a point by the direction of good', () => {
  it.each<[string, Signal[], SpcDirection, PointVariation, 'high' | 'low' | null]>([
    ['no signal: common cause', [], 'higher', 'common-cause', null],
    ['high, higher is better: improvement', [high('beyond-limit')], 'higher', 'improvement', 'high'],
    ['high, lower is better: concern', [high('beyond-limit')], 'lower', 'concern', 'high'],
    ['low, higher is better: concern', [low('shift')], 'higher', 'concern', 'low'],
    ['low, lower is better: improvement', [low('shift')], 'lower', 'improvement', 'low'],
    ['neutral measure: neutral, high', [high('two-of-three')], 'neutral', 'neutral-special', 'high'],
    ['neutral measure: neutral, low', [low('trend')], 'neutral', 'neutral-special', 'low'],
    [
      'improvement and concern at once: improvement (MDC)',
      [high('shift'), low('trend')],
      'higher',
      'improvement',
      'high',
    ],
    ['improvement and concern at once, lower is better', [high('shift'), low('trend')], 'lower', 'improvement', 'low'],
    [
      'neutral: the strongest rule gives the side',
      [high('shift'), low('beyond-limit')],
      'neutral',
      'neutral-special',
      'low',
    ],
  ])('%s', (_, signals, direction, variation, side) => {
    expect(classify(signals, direction)).toMatchObject({ variation, side })
  })

  it('lists each rule once, strongest first', () => {
    expect(classify([high('shift'), high('beyond-limit'), high('shift')], 'higher').rules).toEqual([
      'beyond-limit',
      'shift',
    ])
  })
})

const point = (
  variation: PointVariation | null,
  side: 'high' | 'low' | null,
  value: number | null = 1,
): SpcPointResult => ({ period: '2026-01-01', value, segment: 0, rules: [], variation, side })

describe('variation icon of the latest point', () => {
  it.each<[string, SpcPointResult[], VariationIcon]>([
    ['common cause', [point('common-cause', null)], 'common-cause'],
    ['improvement high', [point('improvement', 'high')], 'improvement-high'],
    ['improvement low', [point('improvement', 'low')], 'improvement-low'],
    ['concern high', [point('concern', 'high')], 'concern-high'],
    ['concern low', [point('concern', 'low')], 'concern-low'],
    ['neutral high', [point('neutral-special', 'high')], 'neutral-high'],
    ['neutral low', [point('neutral-special', 'low')], 'neutral-low'],
    ['not judged (too few points)', [point(null, null)], 'none'],
    ['a trailing gap is passed over', [point('concern', 'low'), point(null, null, null)], 'concern-low'],
    ['only an earlier point is special', [point('concern', 'low'), point('common-cause', null)], 'common-cause'],
    ['no points', [], 'none'],
  ])('%s', (_, points, icon) => {
    expect(variationIcon(points)).toBe(icon)
  })
})

describe('assurance icon: target against the latest limits', () => {
  const segment = (lower: number | null, upper: number | null): SpcSegment => ({
    fromPeriod: '2026-01-01',
    toPeriod: '2026-01-31',
    centre: 10,
    upperLimit: upper,
    lowerLimit: lower,
    trial: false,
    pointCount: 31,
    meanMovingRange: 1,
  })
  const limits = segment(7, 13)
  it.each<[string, SpcDirection, number | null | undefined, SpcSegment, AssuranceIcon]>([
    ['higher, target below the lower limit: consistently met', 'higher', 5, limits, 'pass'],
    ['higher, target above the upper limit: consistently missed', 'higher', 15, limits, 'fail'],
    ['higher, target between the limits: hit and miss', 'higher', 10, limits, 'hit-and-miss'],
    ['higher, target exactly on the lower limit: hit and miss', 'higher', 7, limits, 'hit-and-miss'],
    ['lower, target above the upper limit: consistently met', 'lower', 15, limits, 'pass'],
    ['lower, target below the lower limit: consistently missed', 'lower', 5, limits, 'fail'],
    ['lower, target exactly on the upper limit: hit and miss', 'lower', 13, limits, 'hit-and-miss'],
    ['neutral measure: none', 'neutral', 5, limits, 'none'],
    ['no target: none', 'higher', null, limits, 'none'],
    ['target not given: none', 'higher', undefined, limits, 'none'],
    ['no limits yet: none', 'higher', 5, segment(null, null), 'none'],
  ])('%s', (_, direction, target, seg, icon) => {
    expect(assuranceIcon(direction, target, seg)).toBe(icon)
  })
})
