import { describe, expect, it } from 'vitest'
import type { SpcResult } from '@/domain/spc/types'
import { trendAnnotations } from '@/domain/trends/annotations'
import { trendCsv, trendRows } from '@/domain/trends/table'

describe('trendAnnotations', () => {
  const ideas = [
    { id: 'i1', idea: 'Falls sensor mats in every bay', implementedAt: '2026-11-09T23:30:00Z', measureId: 'm1' }, // 23:30 UTC = 23:30 GMT
    { id: 'i2', idea: 'Other measure', implementedAt: '2026-11-05T10:00:00Z', measureId: 'm2' },
    { id: 'i3', idea: 'Still being tried', implementedAt: null, measureId: 'm1' },
  ]
  const cycles = [
    { ideaId: 'i1', number: 1, change: 'Mats in bay 2 only', startDay: '2026-11-02', endDay: '2026-11-06' },
    { ideaId: 'i3', number: 1, change: '', startDay: '2026-11-10', endDay: null },
    { ideaId: 'i2', number: 1, change: 'Elsewhere', startDay: '2026-11-02', endDay: null },
    { ideaId: 'i3', number: 2, change: 'Not started', startDay: null, endDay: null },
  ]

  it('marks ideas implemented and PDSA cycles of this measure only, in London days', () => {
    const marks = trendAnnotations('m1', ideas, cycles, '2026-11-01', '2026-11-30', 'week')
    expect(marks.map((m) => [m.kind, m.day, m.endDay, m.period, m.endPeriod, m.label])).toEqual([
      ['pdsa', '2026-11-02', '2026-11-06', '2026-W45', '2026-W45', 'PDSA cycle 1: Mats in bay 2 only'],
      ['idea', '2026-11-09', '2026-11-09', '2026-W46', '2026-W46', 'Idea implemented: Falls sensor mats in every bay'],
      ['pdsa', '2026-11-10', '2026-11-30', '2026-W46', '2026-W49', 'PDSA cycle 1 (running): Still being tried'],
    ])
  })

  it('leaves out what falls outside the range', () => {
    expect(trendAnnotations('m1', ideas, cycles, '2026-12-01', '2026-12-31', 'day').map((m) => m.kind)).toEqual([
      'pdsa',
    ])
    expect(trendAnnotations('m1', ideas, cycles, '2026-10-01', '2026-10-31', 'day')).toEqual([])
  })
})

describe('trendRows and trendCsv', () => {
  const result: SpcResult = {
    chart: 'xmr',
    variation: 'concern-high',
    assurance: 'none',
    notes: [],
    segments: [
      {
        fromPeriod: '2026-W45',
        toPeriod: '2026-W46',
        centre: 2,
        upperLimit: 5.5,
        lowerLimit: 0,
        trial: true,
        pointCount: 2,
        meanMovingRange: 1,
      },
      {
        fromPeriod: '2026-W47',
        toPeriod: '2026-W47',
        centre: 9,
        upperLimit: null,
        lowerLimit: null,
        trial: true,
        pointCount: 1,
        meanMovingRange: null,
      },
    ],
    points: [
      { period: '2026-W45', value: 1.5, segment: 0, rules: [], variation: 'common-cause', side: null },
      { period: '2026-W46', value: null, segment: 0, rules: [], variation: null, side: null },
      { period: '2026-W47', value: 9, segment: 1, rules: ['beyond-limit'], variation: 'concern', side: 'high' },
    ],
  }
  const rows = trendRows(
    result,
    'week',
    (v) => `${v} falls`,
    [
      {
        kind: 'idea',
        day: '2026-11-17',
        endDay: '2026-11-17',
        period: '2026-W47',
        endPeriod: '2026-W47',
        label: 'Idea implemented: mats',
      },
    ],
    ['2026-W47'],
    { '2026-W45': '3 of 5' },
  )

  it('gives each period its value, lines, reading and events', () => {
    expect(
      rows.map((r) => [r.periodText, r.valueText, r.centre, r.lower, r.upper, r.reading, r.rules, r.events, r.detail]),
    ).toEqual([
      ['w/c 02/11/2026', '1.5 falls', '2', '0', '5.5', 'Common cause', '', '', '3 of 5'],
      ['w/c 09/11/2026', 'Not recorded', '2', '0', '5.5', '', '', '', ''],
      [
        'w/c 16/11/2026',
        '9 falls',
        '9',
        '',
        '',
        'Concern',
        'Beyond a limit',
        'Limits recalculated from here; Idea implemented: mats',
        '',
      ],
    ])
  })

  it('exports the same rows with numbers as numbers', () => {
    const csv = trendCsv(rows, 'week', 'Falls per week', 'Mean')
    expect(csv[0]).toEqual([
      'Period',
      'Starts',
      'Falls per week',
      'Figures',
      'Mean',
      'Lower limit',
      'Upper limit',
      'Reading',
      'Special-cause rules',
      'Events',
    ])
    expect(csv[1]).toEqual(['w/c 02/11/2026', '02/11/2026', 1.5, '3 of 5', 2, 0, 5.5, 'Common cause', '', ''])
    expect(csv[2]![2]).toBeNull()
  })
})
