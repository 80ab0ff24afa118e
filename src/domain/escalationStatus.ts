// Where an escalation stands, as the board's escalations tile reads it: which statuses are open or answered,
// the tier above, how long one has waited and which waited longest. Apart from escalations.ts (the moves, their
// checks and wording), so the board loads without those; escalations.ts re-exports these.
import type { Escalation, EscalationStatus, EscalationTier, Instant } from './types'

/** Statuses in which the tier above still owes an answer. */
export const OPEN_STATUSES: readonly EscalationStatus[] = ['raised', 'accepted']
/** Statuses in which the answer has come back and the ward has yet to confirm it closed. */
export const ANSWERED_STATUSES: readonly EscalationStatus[] = ['answered', 'returned']

/** The tier above, or null at the top. */
export function nextTier(tier: EscalationTier): EscalationTier | null {
  return tier === 'unit' ? 'csu' : tier === 'csu' ? 'trust' : null
}

/** "2 days 3 hours", "45 minutes": how long since `since`, in words read from across the room. */
export function waitingFor(since: Instant, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day')
  if (hours > 0) return plural(hours, 'hour')
  return minutes < 1 ? 'less than a minute' : plural(minutes, 'minute')
}

/** Oldest at its current tier first: the one waiting longest is talked about first. */
export function oldestFirst(list: readonly Escalation[]): Escalation[] {
  return [...list].sort((a, b) => a.tierSince.localeCompare(b.tierSince) || a.id.localeCompare(b.id))
}
