import { describe, expect, it } from 'vitest'
import { beforeAfter, changeDayOf, compareRange, windowText } from '@/domain/beforeAfter'
import { addDays } from '@/domain/dates'
import type { EntryValue } from '@/domain/types'

const change = '2026-10-01'
/** One value a day from `from` for `count` days. */
function run(from: string, values: EntryValue[]) {
  return values.map((value, i) => ({ day: addDays(from, i), value }))
}

describe('changeDayOf', () => {
  it('uses the day implemented (London time), else the first cycle start, else none', () => {
    // 23:30 UTC in British Summer Time is the next London day.
    expect(changeDayOf({ implementedAt: '2026-06-30T23:30:00.000Z' }, [{ startDay: '2026-06-01' }])).toBe('2026-07-01')
    expect(changeDayOf({ implementedAt: null }, [{ startDay: '2026-06-09' }, { startDay: '2026-06-02' }])).toBe(
      '2026-06-02',
    )
    expect(changeDayOf({ implementedAt: null }, [])).toBeNull()
  })
})

describe('beforeAfter', () => {
  it('compares the 28 days before the change day with the 28 from it, stating the days', () => {
    const entries = [...run(addDays(change, -28), Array(28).fill(4)), ...run(change, Array(28).fill(2))]
    const result = beforeAfter('count', entries, change, '2026-11-26')
    expect(result.before).toMatchObject({
      from: '2026-09-03',
      to: '2026-09-30',
      days: 28,
      recorded: 28,
      mean: 4,
      total: 112,
    })
    expect(result.after).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-28',
      days: 28,
      recorded: 28,
      mean: 2,
      total: 56,
    })
    expect(windowText(result.before, 'falls')).toBe(
      'Average 4 falls a day, total 112 falls (on 28 of 28 days, 03/09/2026 to 30/09/2026)',
    )
  })

  it('ignores values outside both windows, and counts only days with a value', () => {
    const entries = [
      { day: '2026-08-01', value: 99 },
      { day: '2026-09-29', value: 10 },
      { day: '2026-09-30', value: 20 },
      { day: '2026-10-30', value: 99 },
    ]
    const result = beforeAfter('number', entries, change, '2026-11-26')
    expect(result.before).toMatchObject({ recorded: 2, mean: 15, total: null })
    expect(result.after).toMatchObject({ recorded: 0, mean: null })
    expect(windowText(result.after!, '')).toBe('No values recorded (28 days, 01/10/2026 to 28/10/2026)')
  })

  it('stops the after window at today, and has none when the change is still ahead', () => {
    expect(beforeAfter('number', [], change, '2026-10-10').after).toMatchObject({
      from: change,
      to: '2026-10-10',
      days: 10,
    })
    expect(beforeAfter('number', [], change, '2026-09-30').after).toBeNull()
  })

  it('counts yes answers and day colours', () => {
    const yesno = beforeAfter('yesno', run(addDays(change, -3), [true, false, true]), change, '2026-11-26')
    expect(yesno.before).toMatchObject({ recorded: 3, yes: 2, mean: null })
    expect(windowText(yesno.before, '')).toContain('Yes on 2 of 3 days recorded')
    const status = beforeAfter('daystatus', run(addDays(change, -3), ['green', 'red', 'green']), change, '2026-11-26')
    expect(status.before.statuses).toEqual({ green: 2, amber: 0, red: 1 })
  })

  it('averages percentages to one decimal place in words', () => {
    const result = beforeAfter('percentage', run(change, [90, 95, 96]), change, '2026-11-26')
    expect(windowText(result.after!, '%')).toBe('Average 93.7 % a day (on 3 of 28 days, 01/10/2026 to 28/10/2026)')
  })

  it('reads 28 days either side', () => {
    expect(compareRange(change)).toEqual({ from: '2026-09-03', to: '2026-10-28' })
  })
})
