// A board tile's MDC icons. They come from the same chart the measure's trend screen
// opens on (daily values over the last 90 days), read at the day the board shows, so
// the tile and the chart behind it never disagree. Pure, and cheap enough to run for
// every tile: one measure's 90 days through the engine. The same input and answer as measureSpc (spcInput.ts)
// without the chart's notes, which a tile does not show, so the board loads without them.
import { isSpcError } from '../spc'
import type { AssuranceIcon, VariationIcon } from '../spc/types'
import type { DayKey, Measure } from '../types'
import type { DayValue } from './aggregate'
import { spcAnswer, spcInputOf, type SpcFn } from './spcInput'
import { tileIconRange } from './tileIconRange'

export { tileIconRange }

export type TileIcons =
  | { enough: true; variation: VariationIcon; assurance: AssuranceIcon }
  /** Too few values for limits (or none at all): the tile says so instead of guessing. */
  | { enough: false }

type IconMeasure = Pick<Measure, 'type' | 'direction' | 'goodAnswer' | 'unit' | 'target' | 'rebaseDays' | 'baseline'>

export function tileIcons(measure: IconMeasure, values: readonly DayValue[], day: DayKey, compute?: SpcFn): TileIcons {
  if (values.length < 2) return { enough: false }
  const { from, to } = tileIconRange(day)
  const result = spcAnswer(spcInputOf(measure, values, from, to, 'day', 'xmr'), compute)
  // The engine answers 'none' below its minimum points: no limits, so no icon to show.
  if (isSpcError(result) || result.variation === 'none') return { enough: false }
  return { enough: true, variation: result.variation, assurance: result.assurance }
}
