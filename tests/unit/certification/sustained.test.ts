import { describe, expect, it } from 'vitest'
import { checkSustained, type SustainMeasure } from '@/domain/certification/sustained'
import { addDays } from '@/domain/dates'
import type { DayKey } from '@/domain/types'

// Real-shaped series: daily values drawn from the distributions a ward's measures have
// (falls are Poisson counts, observations on time a noisy percentage, a yes/no safety
// brief done most days), from a seeded generator so every run sees the same days.
function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
function poisson(random: () => number, rate: number): number {
  const limit = Math.exp(-rate)
  let k = 0
  for (let p = random(); p > limit; p *= random()) k++
  return k
}
function normal(random: () => number, mean: number, sd: number): number {
  const u = 1 - random()
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/** One value a day from `from` to `to`; `value` gets the day index and may skip a day (null). */
function daily<T>(from: DayKey, to: DayKey, value: (i: number, day: DayKey) => T | null) {
  const out: { day: DayKey; value: T }[] = []
  for (let i = 0, day = from; day <= to; i++, day = addDays(day, 1)) {
    const v = value(i, day)
    if (v !== null) out.push({ day, value: v })
  }
  return out
}

const falls: SustainMeasure = {
  name: 'Falls',
  type: 'count',
  direction: 'lower',
  unit: 'falls',
  target: null,
}
const obs: SustainMeasure = {
  name: 'Observations on time',
  type: 'percentage',
  direction: 'higher',
  unit: '%',
  target: 95,
}
const brief: SustainMeasure = {
  name: 'Safety brief done',
  type: 'yesno',
  direction: 'higher',
  goodAnswer: 'yes',
  unit: '',
  target: null,
}

// A Wednesday: the change week is part before, part after.
const change = '2026-05-06'
const start = addDays(change, -26 * 7)
const weeksAfter = (n: number) => addDays(change, n * 7 + 5)

function fallsSeries(seed: number, rateAfter: (i: number) => number, to: DayKey, from = start) {
  const random = seeded(seed)
  return daily(from, to, (_i, day) =>
    poisson(random, day < change ? 0.9 : rateAfter(Math.floor((Date.parse(day) - Date.parse(change)) / 864e5))),
  )
}

describe('checkSustained', () => {
  it('falls halved after the change and stayed down for 20 weeks: sustained', () => {
    const today = weeksAfter(20)
    const check = checkSustained(
      falls,
      fallsSeries(1, () => 0.35, today),
      change,
      today,
    )
    expect(check.verdict).toBe('sustained')
    expect(check.headline).toBe('Sustained: Falls improved after the change and held for the last 12 weeks.')
    expect(check.beforeLevel!).toBeGreaterThan(5)
    expect(check.afterLevel!).toBeLessThan(3.5)
    expect(check.weeksBefore).toBe(26)
    expect(check.afterFromWeek).toBe('2026-W20')
    expect(check.reasons[1]).toMatch(
      /^Against the old level the chart shows a run of weeks on the better side of the old average/,
    )
    expect(
      check.chart?.points.filter((p) => p.period >= '2026-W20' && p.variation === 'improvement').length,
    ).toBeGreaterThan(6)
  })

  it('falls dropped for 8 weeks, then crept back: the improvement showed but has not held', () => {
    const today = weeksAfter(22)
    const check = checkSustained(
      falls,
      fallsSeries(2, (i) => (i < 56 ? 0.3 : 1.1), today),
      change,
      today,
    )
    expect(check.verdict).toBe('not-held')
    expect(check.headline).toBe('The improvement showed but has not held over the last 12 weeks.')
    expect(check.reasons).toContain('The level since the change is no better than the old one.')
    expect(check.reasons[check.reasons.length - 1]).toMatch(
      /^Special cause of concern in the weeks beginning 20\/07\/2026, .* and 07\/09\/2026: the measure is slipping back\.$/,
    )
  })

  it('no change in the rate of falls: no measurable improvement, however good a week looks', () => {
    const today = weeksAfter(20)
    const check = checkSustained(
      falls,
      fallsSeries(3, () => 0.9, today),
      change,
      today,
    )
    expect(check.verdict).toBe('no-improvement')
    expect(check.reasons[1]).toContain('7 weeks in a row')
  })

  it('five weeks after the change: too soon, and says when it can be checked', () => {
    const today = weeksAfter(5)
    const check = checkSustained(
      falls,
      fallsSeries(4, () => 0.3, today),
      change,
      today,
    )
    expect(check.verdict).toBe('not-yet')
    // Whole weeks from Monday 11/05/2026; the 12th ends on Sunday 02/08/2026.
    expect(check.readyOn).toBe('2026-08-02')
    expect(check.headline).toContain('12 whole weeks after the change are needed and 5 have passed')
    expect(check.headline).toContain('02/08/2026')
  })

  it('the office can set a shorter sustain period', () => {
    const today = weeksAfter(9)
    const check = checkSustained(
      falls,
      fallsSeries(1, () => 0.35, today),
      change,
      today,
      8,
    )
    expect(check.verdict).toBe('sustained')
    expect(check.headline).toContain('held for the last 8 weeks')
  })

  it('only 8 weeks recorded before the change: the old level is not known', () => {
    const today = weeksAfter(20)
    const check = checkSustained(
      falls,
      fallsSeries(5, () => 0.3, today, addDays(change, -8 * 7)),
      change,
      today,
    )
    expect(check.verdict).toBe('cannot-judge')
    expect(check.headline).toBe(
      'The old level is not known: 12 recorded weeks before the change are needed and there are 8.',
    )
  })

  it('after the change the ward recorded falls two days a week: too many gaps to judge', () => {
    const today = weeksAfter(20)
    const random = seeded(6)
    const entries = daily(start, today, (i, day) =>
      day >= change && i % 7 > 1 ? null : poisson(random, day < change ? 0.9 : 0.3),
    )
    const check = checkSustained(falls, entries, change, today)
    expect(check.verdict).toBe('cannot-judge')
    expect(check.headline).toBe('Too many gaps: 0 of the last 12 weeks are recorded and at least 9 are needed.')
  })

  it('observations on time rose from about 82% to 93% and held: sustained (higher is better)', () => {
    const today = weeksAfter(16)
    const random = seeded(7)
    const entries = daily(start, today, (_i, day) =>
      Math.min(100, Math.round(normal(random, day < change ? 82 : 93, day < change ? 5 : 3))),
    )
    const check = checkSustained(obs, entries, change, today)
    expect(check.verdict).toBe('sustained')
    expect(check.reasons[0]).toMatch(
      /^Mean of daily percentages per week: 8\d(\.\d)?% before the change, 9\d(\.\d)?% since\.$/,
    )
  })

  it('safety brief missed on fewer days after the change: sustained (the bad days fall)', () => {
    const today = weeksAfter(16)
    const random = seeded(8)
    const entries = daily(start, today, (_i, day) => random() > (day < change ? 0.4 : 0.05))
    const check = checkSustained(brief, entries, change, today)
    expect(check.verdict).toBe('sustained')
    // Misses are rare now, so the new level's limits are tight: a week with two misses
    // crosses them, which is worth a look but is not a slide back.
    expect(check.reasons[2]).toBe(
      "No slide back in the last 12 weeks; the weeks beginning 29/06/2026, 06/07/2026 and 10/08/2026 went beyond the new level's limits: worth a look.",
    )
  })

  it('a measure with no direction of good cannot be judged', () => {
    const today = weeksAfter(16)
    const check = checkSustained(
      { ...falls, direction: 'neutral' },
      fallsSeries(9, () => 0.3, today),
      change,
      today,
    )
    expect(check.verdict).toBe('cannot-judge')
    expect(check.headline).toBe('Falls has no direction of good, so an improvement cannot be told from a change.')
  })

  it('the week of the change is shown but not judged, and a change on a Monday starts its own week', () => {
    const today = weeksAfter(16)
    const mid = checkSustained(
      falls,
      fallsSeries(1, () => 0.35, today),
      change,
      today,
    )
    expect(mid.series.find((p) => p.period === '2026-W19')?.incomplete).toBe(true)
    const monday = checkSustained(
      falls,
      fallsSeries(1, () => 0.35, today),
      '2026-05-04',
      today,
    )
    expect(monday.afterFromWeek).toBe('2026-W19')
    expect(monday.series.find((p) => p.period === '2026-W19')?.incomplete).toBeFalsy()
  })
})
