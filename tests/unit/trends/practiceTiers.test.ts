import { describe, expect, it } from 'vitest'
import { adherencePerWeek, escalationsPerWeek } from '@/domain/trends/practiceTiers'
import type { ChecklistRun, ChecklistTemplate, Escalation } from '@/domain/types'
import { DEFAULT_SHIFTS } from '@/domain/standardWork/shifts'

const meta = (id: string, at: string) => ({ id, unitId: 'u1', createdAt: at, updatedAt: at, updatedBy: 'Sam' })

const template: ChecklistTemplate = {
  ...meta('t1', '2026-11-01T08:00:00.000Z'),
  boardId: 'b1',
  title: 'Safety walk',
  purpose: '',
  forRole: 'Nurse in charge',
  frequency: { kind: 'daily', dueBy: '12:00' },
  steps: [{ id: 's1', text: 'Check the resus trolley', keyPoint: '', expectedMinutes: null, conceptIds: [] }],
  conceptIds: [],
  version: 1,
  leaderStandardWork: false,
  auditCard: false,
  retired: false,
  adoptedFromId: null,
}

function run(day: string, completedAt: string | null): ChecklistRun {
  return {
    ...meta(`t1_${day}_daily`, `${day}T08:00:00.000Z`),
    templateId: 't1',
    boardId: 'b1',
    templateVersion: 1,
    title: 'Safety walk',
    steps: template.steps,
    slot: `${day}/daily`,
    day,
    dueAt: `${day}T12:00:00.000Z`,
    startedAt: `${day}T08:00:00.000Z`,
    completedAt,
    completedBy: completedAt ? 'Sam' : '',
  }
}

describe('adherencePerWeek', () => {
  it('gives each ISO week the share of due checklists done on time, and a gap before the checklist existed', () => {
    // Week of Mon 16/11 to Sun 22/11: 7 daily slots, 5 done on time, 1 late, 1 missed.
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']
    const runs = [...days.map((d) => run(d, `${d}T10:00:00.000Z`)), run('2026-11-21', '2026-11-21T15:00:00.000Z')]
    const series = adherencePerWeek(
      { templates: [template], runs, results: [], shifts: DEFAULT_SHIFTS, now: new Date('2026-11-23T09:00:00.000Z') },
      '2026-10-19',
      '2026-11-22',
    )
    const byWeek = Object.fromEntries(series.points.map((p) => [p.period, p.value]))
    expect(byWeek['2026-W43']).toBeNull()
    expect(byWeek['2026-W47']).toBe(71.4)
    expect(series.details['2026-W47']).toBe('5 of 7 on time (1 late, 1 missed)')
    expect(series).toMatchObject({ unit: '%', direction: 'higher', target: 100, period: 'week' })
  })
})

describe('escalationsPerWeek', () => {
  const escalation = (id: string, raisedAt: string, answeredAt: string | null): Escalation =>
    ({
      ...meta(id, raisedAt),
      boardId: 'b1',
      tier: 'csu',
      title: 'Broken hoist',
      reason: 'No spare',
      category: 'Equipment',
      status: answeredAt ? 'answered' : 'raised',
      raisedBy: 'Sam',
      raisedAt,
      source: null,
      owner: '',
      answer: answeredAt ? 'Loan hoist on its way' : '',
      answeredBy: '',
      answeredAt,
      closedAt: null,
      tierSince: raisedAt,
      statusBy: 'Sam',
      statusAt: raisedAt,
    }) as Escalation

  it('counts raised and answered per week, with 0 for quiet weeks', () => {
    const [raised, answered] = escalationsPerWeek(
      [
        escalation('e1', '2026-11-16T09:00:00.000Z', '2026-11-24T09:00:00.000Z'),
        escalation('e2', '2026-11-17T09:00:00.000Z', null),
      ],
      '2026-11-09',
      '2026-11-29',
    )
    expect(raised!.points).toEqual([
      { period: '2026-W46', value: 0 },
      { period: '2026-W47', value: 2 },
      { period: '2026-W48', value: 0 },
    ])
    expect(answered!.points).toEqual([
      { period: '2026-W46', value: 0 },
      { period: '2026-W47', value: 0 },
      { period: '2026-W48', value: 1 },
    ])
  })
})
