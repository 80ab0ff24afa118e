import { describe, expect, it } from 'vitest'
import { keptWhileRemovedText, timeAgo, unsentReport } from '@/domain/deviceReports'

const now = Date.parse('2026-12-07T12:00:00Z')
const hours = (n: number) => now - n * 3_600_000

describe('unsent changes, as the admin and a removed tablet are told', () => {
  it('says how long ago, in whole minutes, hours or days', () => {
    expect(timeAgo(now - 20_000, now)).toBe('just now')
    expect(timeAgo(now - 60_000, now)).toBe('1 minute ago')
    expect(timeAgo(now - 59 * 60_000, now)).toBe('59 minutes ago')
    expect(timeAgo(hours(2), now)).toBe('2 hours ago')
    expect(timeAgo(hours(2.9), now)).toBe('2 hours ago')
    expect(timeAgo(hours(49), now)).toBe('2 days ago')
    // A report stamped a moment ahead of this screen's clock is not "in the future".
    expect(timeAgo(now + 5_000, now)).toBe('just now')
  })

  it('gives the count with how old it is', () => {
    expect(unsentReport(3, hours(2), now)).toBe('3 changes not sent, last reported 2 hours ago')
    expect(unsentReport(1, hours(30), now)).toBe('1 change not sent, last reported 1 day ago')
    expect(unsentReport(2, null, now)).toBe('2 changes not sent')
    expect(unsentReport(0, hours(1), now)).toBe('')
  })

  it('tells a removed tablet that its changes are kept and sent once enrolled again', () => {
    expect(keptWhileRemovedText(3)).toBe(
      'The 3 changes made on this tablet and not yet sent are kept on it, and will be sent once it is enrolled again.',
    )
    expect(keptWhileRemovedText(1)).toContain('The 1 change made on this tablet and not yet sent is kept on it')
    expect(keptWhileRemovedText(0)).toBe(
      'Changes made on this tablet from now on are kept on it, and will be sent once it is enrolled again.',
    )
  })
})
