// The wall view's grid: every measure on one screen, tiles as large as the screen allows.

/** Aim for tiles about 1.5 times as wide as they are tall on a landscape screen. */
const TILE_SHAPE = 1.5

/** Columns for `count` tiles in a grid area of the given aspect (width / height). */
export function wallColumns(count: number, aspect = 16 / 9): number {
  if (count <= 1) return 1
  const columns = Math.ceil(Math.sqrt((count * aspect) / TILE_SHAPE))
  return Math.min(count, Math.max(1, columns))
}
