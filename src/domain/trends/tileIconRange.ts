// The days a tile's icons are read over, apart from the SPC engine that works them out
// (tileIcons.ts): the board reads those days at once and loads the engine after its values show.
import type { DayKey } from '../types'
import { defaultRange } from './ranges'

/** The days a tile's icons are worked out over, ending on the board's day. */
export function tileIconRange(day: DayKey) {
  return defaultRange('day', day)
}
