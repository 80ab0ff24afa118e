import { describe, expect, it } from 'vitest'
import { adherenceByWeek, DEFAULT_SHIFTS, weeklyAdherence } from '@/domain/standardWork'
import { result, run, template } from './fixtures'

// The ISO week of Monday 02/03/2026 to Sunday 08/03/2026 (GMT).
const daily = template('daily', { kind: 'daily', dueBy: '10:00' })
const weekly = template('weekly', { kind: 'weekly', days: [0], dueBy: '12:00' })
const afterWeek = new Date('2026-03-10T00:00:00.000Z')

function input(runs: ReturnType<typeof run>[], now = afterWeek, results: ReturnType<typeof result>[] = []) {
  return { templates: [daily, weekly], runs, results, shifts: DEFAULT_SHIFTS, now }
}

describe('weekly adherence', () => {
  it('is the share of due slots completed by their deadline', () => {
    const runs = [
      run(daily, '2026-03-02/daily', '2026-03-02T10:00:00.000Z', '2026-03-02T09:00:00.000Z'), // on time
      run(daily, '2026-03-03/daily', '2026-03-03T10:00:00.000Z', '2026-03-03T10:00:00.000Z'), // on time, to the minute
      run(daily, '2026-03-04/daily', '2026-03-04T10:00:00.000Z', '2026-03-04T10:01:00.000Z'), // late
      run(daily, '2026-03-05/daily', '2026-03-05T10:00:00.000Z', null), // started, never completed
      run(weekly, '2026-03-02/weekly', '2026-03-02T12:00:00.000Z', '2026-03-02T11:00:00.000Z'),
    ]
    const week = weeklyAdherence(input(runs), '2026-03-04')
    expect(week.weekStart).toBe('2026-03-02')
    const d = week.templates.find((t) => t.templateId === 'daily')!
    expect(d).toMatchObject({ due: 7, onTime: 2, late: 1, missed: 4 })
    expect(d.share).toBeCloseTo(2 / 7)
    expect(week.unit).toMatchObject({ due: 8, onTime: 3, late: 1, missed: 4 })
    expect(week.unit.share).toBeCloseTo(3 / 8)
  })

  it('counts only slots whose deadline has passed, or that are already done on time', () => {
    const now = new Date('2026-03-04T09:00:00.000Z') // Wednesday, before 10:00
    const runs = [run(daily, '2026-03-04/daily', '2026-03-04T10:00:00.000Z', '2026-03-04T08:30:00.000Z')]
    const d = weeklyAdherence(input(runs, now), '2026-03-04').templates.find((t) => t.templateId === 'daily')!
    expect(d).toMatchObject({ due: 3, onTime: 1, missed: 2 })
  })

  it('leaves out slots before the template existed and after it was retired', () => {
    const young = {
      ...daily,
      createdAt: '2026-03-05T12:00:00.000Z',
      retired: true,
      retiredAt: '2026-03-07T08:00:00.000Z',
    }
    const week = weeklyAdherence({ ...input([]), templates: [young] }, '2026-03-02')
    expect(week.templates[0]).toMatchObject({ due: 2, missed: 2 }) // Friday and Saturday
  })

  it('has no share when nothing was due', () => {
    const week = weeklyAdherence({ ...input([]), templates: [template('demand', { kind: 'on-demand' })] }, '2026-03-02')
    expect(week.unit.share).toBeNull()
    expect(week.templates).toEqual([])
  })

  it('lists the steps most often not done, with their reasons, newest first', () => {
    const r1 = run(daily, '2026-03-02/daily', '2026-03-02T10:00:00.000Z', '2026-03-02T09:00:00.000Z')
    const r2 = run(daily, '2026-03-03/daily', '2026-03-03T10:00:00.000Z', '2026-03-03T09:00:00.000Z')
    const other = run(daily, '2026-03-10/daily', '2026-03-10T10:00:00.000Z', '2026-03-10T09:00:00.000Z') // next week
    const results = [
      result(r1, 's2', 'not-done', 'No stock', '2026-03-02T09:00:00.000Z'),
      result(r2, 's2', 'not-done', 'Too busy', '2026-03-03T09:00:00.000Z'),
      result(r2, 's1', 'not-done', 'Broken', '2026-03-03T09:00:00.000Z'),
      result(r1, 's1', 'done'),
      result(other, 's1', 'not-done', 'Next week'),
    ]
    const week = weeklyAdherence(input([r1, r2, other], afterWeek, results), '2026-03-02')
    expect(week.mostMissed.map((m) => [m.stepId, m.count, m.reasons])).toEqual([
      ['s2', 2, ['Too busy', 'No stock']],
      ['s1', 1, ['Broken']],
    ])
  })

  it('gives several weeks, oldest first, across the spring clock change', () => {
    const weeks = adherenceByWeek(input([], new Date('2026-04-06T00:00:00.000Z')), '2026-03-30', 2)
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-03-23', '2026-03-30'])
    expect(weeks[0]!.unit.due).toBe(8) // 7 daily + 1 weekly, the week of 29/03
  })
})
