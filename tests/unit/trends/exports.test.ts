// The trend screen's CSVs: dd/mm/yyyy (and HH:mm in London) throughout, every record kind.
import { describe, expect, it } from 'vitest'
import { actionsCsv, escalationsCsv, huddlesCsv, rollupCsv } from '@/domain/trends/exports'
import type { Rollup } from '@/domain/trends/rollup'
import type { Action, Escalation, HuddleRecord } from '@/domain/types'

const names: Record<string, string> = { u7: 'Ward 7', u12: 'Ward 12' }
const unitName = (id: string) => names[id] ?? ''
const ISO_DATE = /\d{4}-\d{2}-\d{2}/

/** No cell anywhere holds a year-first date or an ISO instant. */
const noIsoDates = (rows: unknown[][]) =>
  expect(rows.flat().filter((c) => typeof c === 'string' && ISO_DATE.test(c))).toEqual([])

describe('rollupCsv', () => {
  it('has one row per measure and unit, with the icons in words and the period as people read it', () => {
    const rollup: Rollup = {
      units: [
        { id: 'u12', name: 'Ward 12', tier: 'unit' },
        { id: 'u7', name: 'Ward 7', tier: 'unit' },
      ],
      groups: [{ id: 'c', name: 'Medicine', columns: [] }],
      rows: [
        {
          key: 'falls',
          name: 'Falls',
          cells: {
            u7: {
              measureId: 'm1',
              unitId: 'u7',
              latestPeriod: '2026-W47',
              latestText: '3',
              variation: 'concern-high',
              assurance: 'fail',
              message: null,
            },
          },
        },
      ],
      concerns: {},
    }
    const rows = rollupCsv(rollup, 'week')
    expect(rows).toEqual([
      ['Measure', 'Unit', 'Group', 'Latest period', 'Latest value', 'Variation', 'Assurance', 'Problem'],
      ['Falls', 'Ward 7', '', 'w/c 16/11/2026', '3', 'Special cause: concern, high', 'Target consistently missed', ''],
    ])
    noIsoDates(rows)
  })
})

describe('records behind the roll-up', () => {
  it('actions: due, raised and closed as dd/mm/yyyy', () => {
    const action = {
      unitId: 'u7',
      title: 'Re-stock sensor mats',
      owner: 'Sam',
      dueDay: '2026-11-30',
      status: 'done',
      createdAt: '2026-11-20T23:30:00.000Z',
      closedAt: '2026-06-01T23:30:00.000Z',
    } as Action
    const rows = actionsCsv([action], unitName)
    // 23:30 UTC on 20/11 is still 20/11 in London (GMT); on 01/06 it is 02/06 (BST).
    expect(rows[1]).toEqual(['Ward 7', 'Re-stock sensor mats', 'Sam', '30/11/2026', 'Done', '20/11/2026', '02/06/2026'])
    noIsoDates(rows)
  })

  it('escalations: raised, answered and closed as dd/mm/yyyy HH:mm in London', () => {
    const escalation = {
      unitId: 'u12',
      title: 'No bariatric beds',
      reason: 'Two patients waiting',
      tier: 'csu',
      status: 'answered',
      raisedBy: 'Aisha',
      raisedAt: '2026-07-01T08:05:00.000Z',
      owner: 'Matron',
      answer: 'Two on order',
      answeredAt: '2026-07-02T10:00:00.000Z',
      closedAt: null,
    } as Escalation
    const rows = escalationsCsv([escalation], unitName)
    expect(rows[1]).toEqual([
      'Ward 12',
      'No bariatric beds',
      'Two patients waiting',
      'CSU',
      expect.any(String),
      'Aisha',
      '01/07/2026 09:05',
      'Matron',
      'Two on order',
      '02/07/2026 11:00',
      '',
    ])
    noIsoDates(rows)
  })

  it('huddle records: the day, the London start time and minutes', () => {
    const huddle = {
      unitId: 'u7',
      day: '2026-11-25',
      startedAt: '2026-11-25T08:02:00.000Z',
      durationSeconds: 754,
      attendance: 8,
      facilitator: 'Jo',
    } as HuddleRecord
    const rows = huddlesCsv([huddle], unitName)
    expect(rows).toEqual([
      ['Unit', 'Day', 'Started', 'Minutes', 'Attendance', 'Facilitator'],
      ['Ward 7', '25/11/2026', '08:02', 12.6, 8, 'Jo'],
    ])
    noIsoDates(rows)
  })
})
