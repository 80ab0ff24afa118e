// Apart from the history's field labels and diffs (history.ts), which only the write path and the history
// screens need: the stores the first screen imports use this one.

/**
 * The fields of `proposed` that differ from `shown` (what the person was looking at).
 * Stores send only these, applied to the record as stored now, so a copy on screen
 * that predates a pull can never write back values nobody changed. Undefined means
 * "not given" and is left out.
 */
export function changedFields<T extends object>(shown: T, proposed: Partial<T>): Partial<T> {
  const old = shown as Record<string, unknown>
  const changed: Record<string, unknown> = {}
  for (const [field, to] of Object.entries(proposed)) {
    if (to !== undefined && JSON.stringify(old[field]) !== JSON.stringify(to)) changed[field] = to
  }
  return changed as Partial<T>
}
