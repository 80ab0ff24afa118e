// The days a tile's icons are read over, apart from the SPC engine that works them out
// (tileIcons.ts): the board reads those days at once and loads the engine after its values show.
// On its own (not ranges.ts, which the board does not otherwise need): the trend screen's daily
// chart opens on the same days (ranges.ts takes its day count from here).
import { addDays } from '../dates'
import type { DayKey } from '../types'

/** Days a daily chart opens on: enough points for stable limits. */
export const DAILY_CHART_DAYS = 90

/** The days a tile's icons are worked out over, ending on the board's day. */
export function tileIconRange(day: DayKey) {
  return { from: addDays(day, 1 - DAILY_CHART_DAYS), to: day }
}
