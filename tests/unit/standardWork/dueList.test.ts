import { describe, expect, it } from 'vitest'
import { DEFAULT_SHIFTS, dueList, slotsOnDay, slotState } from '@/domain/standardWork'
import { run, template } from './fixtures'

const everyShift = template('shift', { kind: 'every-shift', shifts: ['early', 'late', 'night'] })
const nightOnly = template('night', { kind: 'every-shift', shifts: ['night'] })
const daily = template('daily', { kind: 'daily', dueBy: '10:00' })
const weekly = template('weekly', { kind: 'weekly', days: [0, 3], dueBy: '12:00' }) // Mondays and Thursdays
const onDemand = template('demand', { kind: 'on-demand' })

function keys(items: { template: { id: string }; slot: { key: string } }[]) {
  return items.map((i) => `${i.template.id} ${i.slot.key}`)
}

describe('what is due, at an instant', () => {
  it.each([
    // instant (UTC), due now, overdue — 26/11/2026 is a Thursday, GMT; a miss stays overdue for 24 hours
    [
      '2026-11-26T06:59:00.000Z',
      ['shift 2026-11-25/night', 'daily 2026-11-26/daily', 'weekly 2026-11-26/weekly'],
      ['shift 2026-11-25/early', 'shift 2026-11-25/late', 'daily 2026-11-25/daily'],
    ],
    [
      '2026-11-26T07:00:00.000Z',
      ['shift 2026-11-26/early', 'daily 2026-11-26/daily', 'weekly 2026-11-26/weekly'],
      ['shift 2026-11-25/early', 'shift 2026-11-25/late', 'daily 2026-11-25/daily', 'shift 2026-11-25/night'],
    ],
    [
      '2026-11-26T14:29:00.000Z',
      ['shift 2026-11-26/early'],
      [
        'shift 2026-11-25/early',
        'shift 2026-11-25/late',
        'shift 2026-11-25/night',
        'daily 2026-11-26/daily',
        'weekly 2026-11-26/weekly',
      ],
    ],
    [
      '2026-11-26T14:30:00.000Z',
      ['shift 2026-11-26/late'],
      [
        'shift 2026-11-25/late',
        'shift 2026-11-25/night',
        'daily 2026-11-26/daily',
        'weekly 2026-11-26/weekly',
        'shift 2026-11-26/early',
      ],
    ],
    [
      '2026-11-26T23:30:00.000Z',
      ['shift 2026-11-26/night'],
      [
        'shift 2026-11-25/night',
        'daily 2026-11-26/daily',
        'weekly 2026-11-26/weekly',
        'shift 2026-11-26/early',
        'shift 2026-11-26/late',
      ],
    ],
  ])('at %s', (instant, dueNow, overdue) => {
    const list = dueList([everyShift, daily, weekly, onDemand], [], new Date(instant), DEFAULT_SHIFTS)
    expect(keys(list.dueNow).sort()).toEqual([...dueNow].sort())
    expect(keys(list.overdue).sort()).toEqual([...overdue].sort())
    expect(list.onDemand.map((t) => t.id)).toEqual(['demand'])
  })

  it('keeps a night shift due after midnight, on the day it started', () => {
    const list = dueList([nightOnly], [], new Date('2026-11-27T03:00:00.000Z'), DEFAULT_SHIFTS)
    expect(keys(list.dueNow)).toEqual(['night 2026-11-26/night'])
  })

  it('shows a completed slot as done, even when done late, and not as overdue', () => {
    const now = new Date('2026-11-26T16:00:00.000Z')
    const runs = [run(everyShift, '2026-11-26/early', '2026-11-26T14:30:00.000Z', '2026-11-26T15:10:00.000Z')]
    const list = dueList([everyShift], runs, now, DEFAULT_SHIFTS)
    expect(keys(list.done)).toContain('shift 2026-11-26/early')
    expect(keys(list.overdue)).not.toContain('shift 2026-11-26/early')
  })

  it('carries a started run on its due item', () => {
    const started = run(everyShift, '2026-11-26/early', '2026-11-26T14:30:00.000Z', null)
    const list = dueList([everyShift], [started], new Date('2026-11-26T09:00:00.000Z'), DEFAULT_SHIFTS)
    expect(list.dueNow[0]!.run?.id).toBe(started.id)
  })

  it('leaves retired templates out', () => {
    const list = dueList([{ ...daily, retired: true }], [], new Date('2026-11-26T09:00:00.000Z'), DEFAULT_SHIFTS)
    expect(list.dueNow).toEqual([])
  })

  it('drops a missed slot from the overdue list a day after its deadline', () => {
    const slot = slotsOnDay(daily.frequency, '2026-11-25', DEFAULT_SHIFTS)[0]!
    expect(slotState(slot, null, new Date('2026-11-26T09:59:00.000Z'))).toBe('overdue')
    expect(slotState(slot, null, new Date('2026-11-26T10:00:00.000Z'))).toBe('lapsed')
  })
})

describe('across the clock changes', () => {
  it('29/03/2026: the night of 28/03 is 8 hours and the early shift of 29/03 opens at 07:00 BST', () => {
    const before = dueList([everyShift], [], new Date('2026-03-29T05:59:00.000Z'), DEFAULT_SHIFTS)
    expect(keys(before.dueNow)).toEqual(['shift 2026-03-28/night'])
    const after = dueList([everyShift], [], new Date('2026-03-29T06:00:00.000Z'), DEFAULT_SHIFTS)
    expect(keys(after.dueNow)).toEqual(['shift 2026-03-29/early'])
    expect(keys(after.overdue)).toContain('shift 2026-03-28/night')
  })

  it('25/10/2026: the night of 24/10 is 10 hours and ends at 07:00 GMT', () => {
    const late = dueList([everyShift], [], new Date('2026-10-25T06:59:00.000Z'), DEFAULT_SHIFTS)
    expect(keys(late.dueNow)).toEqual(['shift 2026-10-24/night'])
    const after = dueList([everyShift], [], new Date('2026-10-25T07:00:00.000Z'), DEFAULT_SHIFTS)
    expect(keys(after.dueNow)).toEqual(['shift 2026-10-25/early'])
  })

  it('a daily check due by 10:00 is due at 09:00 UTC in summer and 10:00 UTC in winter', () => {
    expect(slotsOnDay(daily.frequency, '2026-03-29', DEFAULT_SHIFTS)[0]!.dueAt.toISOString()).toBe(
      '2026-03-29T09:00:00.000Z',
    )
    expect(slotsOnDay(daily.frequency, '2026-10-25', DEFAULT_SHIFTS)[0]!.dueAt.toISOString()).toBe(
      '2026-10-25T10:00:00.000Z',
    )
    // The London day starts at 23:00 UTC the evening before in summer.
    expect(slotsOnDay(daily.frequency, '2026-03-30', DEFAULT_SHIFTS)[0]!.opensAt.toISOString()).toBe(
      '2026-03-29T23:00:00.000Z',
    )
  })
})

describe('weekly schedules', () => {
  it.each([
    ['2026-11-23', 1], // Monday
    ['2026-11-24', 0],
    ['2026-11-26', 1], // Thursday
    ['2026-11-29', 0], // Sunday
  ])('on %s there are %i slots', (day, count) => {
    expect(slotsOnDay(weekly.frequency, day, DEFAULT_SHIFTS)).toHaveLength(count)
  })

  it('is not due on a day it is not set for', () => {
    const list = dueList([weekly], [], new Date('2026-11-24T09:00:00.000Z'), DEFAULT_SHIFTS)
    expect(list.dueNow).toEqual([])
    // Monday's missed check stays overdue until Tuesday 12:00.
    expect(keys(list.overdue)).toEqual(['weekly 2026-11-23/weekly'])
  })
})

describe('a checklist written today', () => {
  it('is not overdue for shifts that ended before it existed', () => {
    const fresh = template(
      'fresh',
      { kind: 'every-shift', shifts: ['early', 'late', 'night'] },
      { createdAt: '2026-11-26T15:00:00.000Z' },
    )
    const list = dueList([fresh], [], new Date('2026-11-26T15:05:00.000Z'), DEFAULT_SHIFTS)
    expect(keys(list.overdue)).toEqual([])
    expect(keys(list.dueNow)).toEqual(['fresh 2026-11-26/late'])
  })
})
