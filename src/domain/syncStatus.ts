// What the header's sync chip says, in words and by icon: pure, so every state can be
// checked in a table. Colour is never the only signal: each state has its own icon
// and its own words.
import { formatClock, formatInstant, londonDay } from './dates'

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'update-needed' | 'removed' | 'not-enrolled'

export interface SyncSituation {
  status: SyncState
  /** What the browser says about the network. */
  online: boolean
  /** Changes saved here that will be sent. */
  pending: number
  lastSyncedAt: string | null
  now?: Date
  /** How far ahead the server found this tablet's clock (ms), while its changes are re-stamped. */
  clockSkewMs?: number | null
  /** While pulling: records stored so far, of how many. */
  progress?: { stored: number; total: number } | null
}

/** 'ok': all is well or on its way; 'offline': works here, sends later; 'problem': someone
 * should act; 'quiet': not sharing, by choice. */
export type SyncTone = 'ok' | 'offline' | 'problem' | 'quiet'

export interface SyncSummary {
  icon: 'online' | 'offline' | 'sync' | 'warning' | 'info'
  tone: SyncTone
  /** The words on the chip. */
  text: string
  /** A coarse state: the chip announces only when this changes, so it never chatters
   * about counts or times. */
  key: string
}

/** "3 changes waiting to sync". */
export function pendingText(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} waiting to sync`
}

/** "1,500 of 17,000 records". */
export function progressText({ stored, total }: { stored: number; total: number }): string {
  const n = (count: number) => count.toLocaleString('en-GB')
  return `${n(stored)} of ${n(total)} ${total === 1 ? 'record' : 'records'}`
}

/** "Synced 07:42" today (London time); "Synced 25/11/2026 18:03" before today. */
export function lastSyncedText(at: string, now: Date = new Date()): string {
  const date = new Date(at)
  return `Synced ${londonDay(date) === londonDay(now) ? formatClock(date) : formatInstant(date)}`
}

export function summariseSync({
  status,
  online,
  pending,
  lastSyncedAt,
  now = new Date(),
  clockSkewMs,
  progress,
}: SyncSituation): SyncSummary {
  const waiting = pending > 0 ? pendingText(pending) : ''
  // Someone has to act: said first, whatever the network.
  if (status === 'update-needed')
    return { icon: 'warning', tone: 'problem', text: 'Update needed to sync', key: status }
  if (status === 'removed')
    return { icon: 'warning', tone: 'problem', text: 'Not syncing – tablet removed', key: status }
  // A tablet that does not share still works offline, and may want to know.
  if (!online || status === 'offline') {
    // Not enrolled, nothing waits for a server: the changes are simply kept here.
    const kept =
      pending > 0
        ? `${pending} ${pending === 1 ? 'change' : 'changes'} saved on this tablet`
        : 'changes are saved on this tablet'
    const detail = status === 'not-enrolled' || !waiting ? kept : waiting
    return { icon: 'offline', tone: 'offline', text: `Offline – ${detail}`, key: 'offline' }
  }
  if (status === 'not-enrolled')
    return { icon: 'info', tone: 'quiet', text: 'Not shared: this tablet is not enrolled', key: status }
  if (status === 'error')
    return { icon: 'warning', tone: 'problem', text: `Sync problem${waiting ? ` – ${waiting}` : ''}`, key: 'error' }
  // Sync works, but the server re-times every change from here: someone should set the clock.
  if (clockSkewMs) return { icon: 'warning', tone: 'problem', text: 'Online – tablet clock is wrong', key: 'clock' }
  if (status === 'syncing') {
    const text = progress && progress.total > 0 ? `Online – Syncing ${progressText(progress)}` : 'Online – Syncing…'
    return { icon: 'sync', tone: 'ok', text, key: 'ok' }
  }
  const detail = waiting || (lastSyncedAt ? lastSyncedText(lastSyncedAt, now) : '')
  return { icon: 'online', tone: 'ok', text: detail ? `Online – ${detail}` : 'Online', key: 'ok' }
}

/** What a screen reader hears when the coarse state changes ('' for nothing): the chip
 * itself is not a live region, so counts and times changing are never read out. */
export function announcementFor(key: string, previous: string | undefined, message: string | null): string {
  switch (key) {
    case 'offline':
      return 'Offline. Changes are saved on this tablet.'
    case 'error':
      return `Sync problem. ${message ?? 'Changes are kept safe on this tablet.'}`
    case 'update-needed':
      return 'Sync is paused until this tablet has the latest version of LIM Huddle.'
    case 'removed':
      return message ?? 'This tablet is no longer enrolled for sync.'
    case 'not-enrolled':
      return previous === 'offline' ? 'Back online.' : ''
    case 'clock':
      return "This tablet's clock is wrong. Its changes are timed by the sync server instead. Ask IT to set the clock right."
    default:
      if (previous === 'clock') return "This tablet's clock is right again."
      if (previous === 'offline') return 'Back online.'
      return previous && previous !== 'not-enrolled' ? 'Sync is working again.' : ''
  }
}

/** After a round that failed for a passing reason (offline, server busy or down), the next try comes this long
 * after, doubling with each further failure up to `RETRY_MAX_MS`, up to a quarter more at random so a ward's
 * tablets do not all come back at once. */
export const RETRY_FIRST_MS = 5_000
export const RETRY_MAX_MS = 5 * 60_000

export function retryDelayMs(failuresInARow: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, failuresInARow - 1))
  return Math.round(base * (1 + 0.25 * random()))
}
