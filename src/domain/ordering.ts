// Fractional ordering: moving an item changes only that item's `order`, so two tablets
// reordering different measures offline do not overwrite each other's moves.

/** An order value strictly between `before` and `after` (either may be missing). */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1
  if (before === undefined) return after! - 1
  if (after === undefined) return before + 1
  return (before + after) / 2
}

/** The new order for the item at `from` when moved to index `to` in `sorted`. */
export function orderForMove(sorted: { order: number }[], from: number, to: number): number {
  const rest = sorted.filter((_, i) => i !== from)
  return orderBetween(rest[to - 1]?.order, rest[to]?.order)
}
