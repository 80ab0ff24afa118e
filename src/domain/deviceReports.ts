// What an admin and a removed tablet are told about changes that have not reached the server.
import { countOf } from './plural'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "just now", "5 minutes ago", "2 hours ago", "3 days ago": how long ago `at` was (ms since the epoch). */
export function timeAgo(at: number, now: number): string {
  const ago = Math.max(0, now - at)
  if (ago < MINUTE) return 'just now'
  if (ago < HOUR) return `${countOf(Math.floor(ago / MINUTE), 'minute')} ago`
  if (ago < DAY) return `${countOf(Math.floor(ago / HOUR), 'hour')} ago`
  return `${countOf(Math.floor(ago / DAY), 'day')} ago`
}

/**
 * A tablet's unsent changes as the admin sees them, with how old the count is: a tablet reports its count with
 * each request it makes, so a removed or silent tablet's count is only as fresh as its last request.
 * "3 changes not sent, last reported 2 hours ago"; "" when it reported none.
 */
export function unsentReport(pendingCount: number, lastReportedAt: number | null, now: number): string {
  if (pendingCount <= 0) return ''
  const count = `${countOf(pendingCount, 'change')} not sent`
  return lastReportedAt === null ? count : `${count}, last reported ${timeAgo(lastReportedAt, now)}`
}

/** What a tablet removed from sync says about its own unsent changes. */
export function keptWhileRemovedText(pending: number): string {
  return pending > 0
    ? `The ${countOf(pending, 'change')} made on this tablet and not yet sent ${pending === 1 ? 'is' : 'are'} kept on it, and will be sent once it is enrolled again.`
    : 'Changes made on this tablet from now on are kept on it, and will be sent once it is enrolled again.'
}
