// One fixed reading of London wall-clock times, whatever the device's own time zone.
// Run under several zones by `npm run test:time-zones` (scripts/test-time-zones.sh),
// which sets TZ before Node starts (a zone cannot be changed once Date has been used).
import { describe, expect, it } from 'vitest'
import { londonInstant, shiftWindow } from '@/domain/standardWork'

describe(`London wall-clock times (device time zone ${process.env.TZ ?? 'not set'})`, () => {
  it.each([
    // 25/10/2026, clocks go back at 02:00 BST: 01:00–01:59 happen twice; the first is meant.
    ['2026-10-25', '00:59', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25', '01:00', '2026-10-25T00:00:00.000Z'],
    ['2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '01:59', '2026-10-25T00:59:00.000Z'],
    ['2026-10-25', '02:00', '2026-10-25T02:00:00.000Z'],
    ['2026-10-25', '07:00', '2026-10-25T07:00:00.000Z'],
    ['2027-10-31', '01:30', '2027-10-31T00:30:00.000Z'],
    // 29/03/2026, clocks go forward at 01:00 GMT: 01:00–01:59 never happen; the hour after is meant.
    ['2026-03-29', '00:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '01:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', '01:30', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29', '02:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    // Ordinary days either side.
    ['2026-10-24', '01:30', '2026-10-24T00:30:00.000Z'],
    ['2026-10-26', '01:30', '2026-10-26T01:30:00.000Z'],
    ['2026-03-28', '01:30', '2026-03-28T01:30:00.000Z'],
    ['2026-03-30', '01:30', '2026-03-30T00:30:00.000Z'],
  ])('%s %s London is %s', (day, clock, instant) => {
    expect(londonInstant(day, clock).toISOString()).toBe(instant)
  })

  it('a night shift 22:00–01:30 on the autumn change ends at the first 01:30', () => {
    const window = shiftWindow('2026-10-24', { start: '22:00', end: '01:30' })
    expect(window.start.toISOString()).toBe('2026-10-24T21:00:00.000Z')
    expect(window.end.toISOString()).toBe('2026-10-25T00:30:00.000Z')
  })
})
