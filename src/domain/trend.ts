// The trend strip under each tile: how the last fortnight went, counted by status so
// the same picture is available as words (screen readers, colour-blind staff).
import { STATUS_LABEL, type Status } from './status'

export const TREND_DAYS = 14

/** Statuses in the order people read them: good first, gaps last. */
const ORDER: readonly Status[] = ['green', 'amber', 'red', 'none', 'missing']

export function countStatuses(statuses: readonly Status[]): Record<Status, number> {
  const counts: Record<Status, number> = { green: 0, amber: 0, red: 0, none: 0, missing: 0 }
  for (const status of statuses) counts[status] += 1
  return counts
}

/** e.g. "Last 14 days: 10 good, 2 at risk, 1 not met, 1 not recorded" (zeros left out). */
export function trendSummary(statuses: readonly Status[]): string {
  const counts = countStatuses(statuses)
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATUS_LABEL[s].toLowerCase()}`)
  const days = statuses.length === 1 ? 'Last day' : `Last ${statuses.length} days`
  return parts.length ? `${days}: ${parts.join(', ')}` : `${days}: nothing to show`
}
