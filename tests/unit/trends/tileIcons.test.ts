import { describe, expect, it } from 'vitest'
import { addDays } from '@/domain/dates'
import { isSpcError } from '@/domain/spc'
import { measureSpc } from '@/domain/trends/measureSpc'
import { defaultRange } from '@/domain/trends/ranges'
import { tileIconRange, tileIcons } from '@/domain/trends/tileIcons'
import type { Measure } from '@/domain/types'

const falls: Pick<Measure, 'type' | 'direction' | 'unit' | 'target'> = {
  type: 'count',
  direction: 'lower',
  unit: 'falls',
  target: null,
}
const day = '2026-12-06'

/** One value a day, the last on `day`. */
function lastDays(values: number[], end = day) {
  return values.map((value, i) => ({ day: addDays(end, i - values.length + 1), value }))
}
const steady = (n: number) => Array.from({ length: n }, (_, i) => [3, 4, 2, 3, 5, 3, 4][i % 7]!)

describe('tileIcons', () => {
  it.each([
    ['no values', []],
    ['one value', lastDays([3])],
    ['12 values, one short of limits', lastDays(steady(12))],
  ])('says there is not enough data with %s', (_, values) => {
    expect(tileIcons(falls, values, day)).toEqual({ enough: false })
  })

  it('shows common cause for a steady month', () => {
    expect(tileIcons(falls, lastDays(steady(30)), day)).toEqual({
      enough: true,
      variation: 'common-cause',
      assurance: 'none',
    })
  })

  it('shows concern when falls (lower is better) jump for the last days', () => {
    const icons = tileIcons(falls, lastDays([...steady(30), 12, 13, 12, 14]), day)
    expect(icons).toMatchObject({ enough: true, variation: 'concern-high' })
  })

  it('shows improvement the other way round for a higher-is-better measure', () => {
    const icons = tileIcons({ ...falls, direction: 'higher' }, lastDays([...steady(30), 12, 13, 12, 14]), day)
    expect(icons).toMatchObject({ enough: true, variation: 'improvement-high' })
  })

  it('reads the target as MDC assurance: always met', () => {
    expect(tileIcons({ ...falls, target: 20 }, lastDays(steady(30)), day)).toMatchObject({ assurance: 'pass' })
  })

  it('reads only the 90 days up to the board day, so a later spike does not count', () => {
    const values = [...lastDays(steady(30)), ...lastDays([40, 41, 42, 43], addDays(day, 4))]
    expect(tileIcons(falls, values, day)).toMatchObject({ variation: 'common-cause' })
    expect(tileIconRange(day)).toEqual({ from: addDays(day, -89), to: day })
  })

  it.each(['2026-12-06', '2026-03-29', '2026-10-25', '2028-02-29'])(
    "reads the days the trend screen's daily chart opens on, ending %s",
    (end) => {
      expect(tileIconRange(end)).toEqual(defaultRange('day', end))
    },
  )

  it('says not enough data rather than failing when the engine throws', () => {
    const broken = () => {
      throw new Error('bug')
    }
    expect(tileIcons(falls, lastDays(steady(30)), day, broken)).toEqual({ enough: false })
  })

  // The tile reads the engine without the chart's notes (spcInput.ts): its icons must still be the chart's.
  const percent: Pick<Measure, 'type' | 'direction' | 'unit' | 'target'> = {
    type: 'percentage',
    direction: 'higher',
    unit: '%',
    target: 95,
  }
  const rising = (n: number) => Array.from({ length: n }, (_, i) => 2 + i / 4 + (i % 3))
  it.each([
    ['a steady month of falls', falls, lastDays(steady(30))],
    ['falls that jump at the end', falls, lastDays([...steady(25), 12, 13, 12, 14, 12])],
    ['falls rising all quarter', falls, lastDays(rising(90))],
    ['falls with gaps', falls, lastDays(steady(60)).filter((_, i) => i % 4 !== 0)],
    ['a percentage pressed against 100%', percent, lastDays(steady(40).map((v) => 96 + v))],
    ['a percentage with a target it misses', percent, lastDays(steady(40).map((v) => 80 + v))],
  ])('gives the icons of the chart behind the tile: %s', (_, measure, values) => {
    const { from, to } = tileIconRange(day)
    const { result } = measureSpc(measure, values, from, to, 'day', 'xmr')
    const chart =
      isSpcError(result) || result.variation === 'none'
        ? { enough: false }
        : { enough: true, variation: result.variation, assurance: result.assurance }
    expect(tileIcons(measure, values, day)).toEqual(chart)
  })
})
