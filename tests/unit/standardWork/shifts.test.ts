import { describe, expect, it } from 'vitest'
import { DEFAULT_SHIFTS, londonInstant, shiftWindow, validateShifts, type ShiftTimes } from '@/domain/standardWork'

describe('shift times', () => {
  it('accepts the default pattern, where shifts meet but do not overlap', () => {
    expect(validateShifts(DEFAULT_SHIFTS)).toEqual({})
  })

  it.each<[string, ShiftTimes, RegExp]>([
    [
      'early runs into late',
      { ...DEFAULT_SHIFTS, early: { start: '07:00', end: '15:00' } },
      /early shift \(07:00–15:00\) and the late shift \(14:30–22:00\) overlap/,
    ],
    ['night runs past the early start', { ...DEFAULT_SHIFTS, night: { start: '21:00', end: '07:30' } }, /overlap/],
    [
      'night wraps round into the early',
      { ...DEFAULT_SHIFTS, night: { start: '22:00', end: '08:00' } },
      /early shift .* and the night shift .* overlap/,
    ],
  ])('names the overlap when %s', (_, shifts, message) => {
    expect(validateShifts(shifts).overlap).toMatch(message)
  })

  it.each([['7am'], ['25:00'], ['07:60'], ['']])('asks for a real time instead of %j', (text) => {
    expect(validateShifts({ ...DEFAULT_SHIFTS, late: { start: text, end: '22:00' } })['late-start']).toMatch(
      /like 07:00/,
    )
  })

  it('refuses a shift that ends when it starts', () => {
    expect(validateShifts({ ...DEFAULT_SHIFTS, late: { start: '14:30', end: '14:30' } })['late-end']).toMatch(
      /different time/,
    )
  })

  it.each([
    // day, clock, UTC instant
    ['2026-11-26', '07:00', '2026-11-26T07:00:00.000Z'],
    ['2026-07-01', '07:00', '2026-07-01T06:00:00.000Z'],
    // 29/03/2026: clocks go forward at 01:00 GMT; 01:30 does not exist and becomes 02:30 BST.
    ['2026-03-29', '01:30', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29', '07:00', '2026-03-29T06:00:00.000Z'],
    ['2026-10-25', '07:00', '2026-10-25T07:00:00.000Z'],
  ])('on %s, %s London time is %s', (day, clock, instant) => {
    expect(londonInstant(day, clock).toISOString()).toBe(instant)
  })

  it.each([
    // A night shift belongs to the day it starts; across the BST changes it is an hour shorter or longer.
    ['2026-11-26', '2026-11-26T22:00:00.000Z', '2026-11-27T07:00:00.000Z', 9],
    ['2026-03-28', '2026-03-28T22:00:00.000Z', '2026-03-29T06:00:00.000Z', 8],
    ['2026-10-24', '2026-10-24T21:00:00.000Z', '2026-10-25T07:00:00.000Z', 10],
  ])('the night shift starting %s runs %s to %s (%i hours)', (day, start, end, hours) => {
    const window = shiftWindow(day, DEFAULT_SHIFTS.night)
    expect(window.start.toISOString()).toBe(start)
    expect(window.end.toISOString()).toBe(end)
    expect((window.end.getTime() - window.start.getTime()) / 3_600_000).toBe(hours)
  })
})
