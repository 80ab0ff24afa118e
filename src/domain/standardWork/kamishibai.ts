// Kamishibai: audit cards drawn at random for a leader to check on a round. The
// random source is passed in, so tests can fix the draw.
import type { ChecklistTemplate } from '../types'

/** The templates that can be drawn: audit cards still in use. */
export function auditCards(templates: readonly ChecklistTemplate[]): ChecklistTemplate[] {
  return templates.filter((t) => t.auditCard && !t.retired)
}

/**
 * Draw one card. `random` returns a number in [0, 1) like Math.random. When there is
 * more than one card, the one drawn last (`previousId`) is not drawn twice in a row.
 */
export function drawCard(
  templates: readonly ChecklistTemplate[],
  random: () => number = Math.random,
  previousId: string | null = null,
): ChecklistTemplate | null {
  const cards = auditCards(templates)
  const pool = cards.length > 1 ? cards.filter((c) => c.id !== previousId) : cards
  if (pool.length === 0) return null
  const index = Math.min(pool.length - 1, Math.floor(random() * pool.length))
  return pool[index]!
}
