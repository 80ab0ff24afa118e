import { describe, expect, it } from 'vitest'
import { addDays } from '@/domain/dates'
import type { SpcInputPoint, SpcOptions, SpcResult } from '@/domain/spc/types'
import { measureSpc } from '@/domain/trends/measureSpc'
import { buildRollup, nameKey } from '@/domain/trends/rollup'
import type { Measure } from '@/domain/types'

const at = '2026-01-01T00:00:00Z'
function measure(id: string, unitId: string, name: string, fields: Partial<Measure> = {}): Measure {
  return {
    id,
    unitId,
    name,
    boardId: `board-${unitId}`,
    categoryId: 'safety',
    type: 'count',
    unit: 'falls',
    direction: 'lower',
    target: null,
    thresholds: null,
    description: '',
    conceptIds: [],
    order: 1,
    archived: false,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Seed',
    ...fields,
  }
}
const units = [
  { id: 'u1', name: 'Ward 7' },
  { id: 'u2', name: 'Ward 12' },
]

/** Days from `from`, one value each, from a list of values. */
function days(from: string, values: number[]) {
  return values.map((value, i) => ({ day: addDays(from, i), value }))
}

/** A stand-in engine: the variation says what it was given, so matching is tested on its own. */
function fakeEngine(series: SpcInputPoint[], options: SpcOptions): SpcResult {
  const last = series.filter((p) => p.value !== null).at(-1)!
  return {
    chart: 'xmr',
    points: [],
    segments: [],
    notes: [],
    variation: last.value! > 5 ? (options.direction === 'lower' ? 'concern-high' : 'improvement-high') : 'common-cause',
    assurance: 'none',
  }
}

describe('buildRollup', () => {
  const from = '2026-11-02'
  const to = '2026-11-15'
  const measures = [
    measure('m1', 'u1', 'Falls'),
    measure('m2', 'u2', ' falls '), // same measure, different spelling
    measure('m3', 'u1', 'Agency shifts', { order: 2 }),
    measure('m4', 'u2', 'Breaks taken', { type: 'yesno', goodAnswer: 'yes' }),
    measure('m5', 'u2', 'Old measure', { archived: true }),
    measure('m6', 'elsewhere', 'Falls'),
  ]
  const entries = new Map([
    ['m1', days(from, [0, 1, 0, 0, 1, 0, 0, 9, 0, 0, 0, 0, 0, 0])], // 2 then 9 falls: a concern in the stand-in
    ['m2', days(from, [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])],
    ['m3', []],
    ['m4', days(from, [1, 1].map(Boolean) as unknown as number[])],
  ])
  const rollup = buildRollup(units, measures, entries, from, to, 'week', fakeEngine)

  it('matches measures across units by name and gives a unit-only measure its own row', () => {
    expect(rollup.rows.map((r) => r.name)).toEqual(['Agency shifts', 'Breaks taken', 'Falls'])
    const falls = rollup.rows.find((r) => r.key === nameKey('Falls'))!
    expect(falls.cells.u1?.measureId).toBe('m1')
    expect(falls.cells.u2?.measureId).toBe('m2')
    expect(rollup.rows.find((r) => r.name === 'Breaks taken')!.cells.u1).toBeUndefined()
  })

  it('leaves out archived measures and units this device does not show', () => {
    expect(rollup.rows.some((r) => r.name === 'Old measure')).toBe(false)
    expect(Object.keys(rollup.rows.find((r) => r.name === 'Falls')!.cells).sort()).toEqual(['u1', 'u2'])
  })

  it('shows the latest period and value, and counts concerns per unit', () => {
    const cell = rollup.rows.find((r) => r.name === 'Falls')!.cells.u1!
    expect(cell).toMatchObject({ latestPeriod: '2026-W46', latestText: '9', variation: 'concern-high', message: null })
    expect(rollup.concerns).toEqual({ u1: 1, u2: 0 })
  })

  it('shows the engine’s message for a measure it cannot chart', () => {
    const cell = rollup.rows.find((r) => r.name === 'Agency shifts')!.cells.u1!
    expect(cell.latestPeriod).toBeNull()
    expect(cell.variation).toBe('none')
    expect(cell.message).toBeTruthy()
  })

  it('gives a second measure of the same name in one unit a row of its own', () => {
    const twice = buildRollup(
      units,
      [measure('a', 'u1', 'Falls'), measure('b', 'u1', 'Falls')],
      new Map(),
      from,
      to,
      'week',
      fakeEngine,
    )
    expect(twice.rows).toHaveLength(2)
  })
})

describe('measureSpc with the real engine', () => {
  const from = '2026-01-05' // a Monday
  it('flags a rise in a count where lower is better as a concern', () => {
    const values = [...Array.from({ length: 20 }, (_, i) => [2, 3, 1, 2][i % 4]!), 12, 13, 12]
    // Every day of week i has values[i] falls.
    const days = values.flatMap((v, i) =>
      Array.from({ length: 7 }, (_, d) => ({ day: addDays(from, i * 7 + d), value: v })),
    )
    const spc = measureSpc(measure('m', 'u1', 'Falls'), days, from, addDays(from, values.length * 7 - 1), 'week')
    expect('error' in spc.result).toBe(false)
    expect((spc.result as SpcResult).variation).toBe('concern-high')
  })

  it.each([
    ['one value', [{ day: '2026-01-05', value: 3 }]],
    [
      'a value that is not a number',
      [
        { day: '2026-01-05', value: 'three' },
        { day: '2026-01-06', value: 2 },
        { day: '2026-01-07', value: 1 },
      ],
    ],
    ['nothing at all', []],
  ])('gives the engine’s plain message for %s, without throwing', (_name, entries) => {
    const spc = measureSpc(measure('m', 'u1', 'Falls'), entries, '2026-01-05', '2026-01-20', 'day')
    expect(spc.result).toMatchObject({ error: true })
    expect((spc.result as { message: string }).message.length).toBeGreaterThan(10)
  })

  it('only passes rebases inside the chart’s range to the engine', () => {
    const m = measure('m', 'u1', 'Falls', { rebaseDays: ['2025-06-01', '2026-01-12', '2027-01-01'] })
    const spc = measureSpc(
      m,
      days('2026-01-05', [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]),
      '2026-01-05',
      '2026-01-18',
      'day',
    )
    expect(spc.options.rebaseAt).toEqual(['2026-01-12'])
  })

  it('turns an engine that throws into a message', () => {
    const spc = measureSpc(
      measure('m', 'u1', 'Falls'),
      days('2026-01-05', [1, 2]),
      '2026-01-05',
      '2026-01-06',
      'day',
      'xmr',
      () => {
        throw new Error('boom')
      },
    )
    expect(spc.result).toEqual({ error: true, message: 'The chart could not be worked out (boom).' })
  })
})

describe('buildRollup grouped by CSU', () => {
  const from = '2026-11-02'
  const to = '2026-11-15'
  const csus = [
    { id: 'csu-s', name: 'Surgery' },
    { id: 'csu-m', name: 'Medicine CSU' },
  ]
  const wards = [
    { id: 'u1', name: 'Ward 7', csuId: 'csu-m' },
    { id: 'u2', name: 'Ward 12', csuId: 'csu-m' },
    { id: 'u3', name: 'Theatres', csuId: 'csu-s' },
    { id: 'u4', name: 'Ward 30', csuId: 'csu-gone' },
  ]
  const measures = [
    measure('m1', 'u1', 'Falls'),
    measure('m2', 'u2', 'Falls'),
    measure('m3', 'u3', 'Falls'),
    measure('m4', 'u4', 'Falls'),
    measure('m5', 'csu-m', 'Falls'),
    measure('m6', 'csu-m', 'Beds closed'),
    measure('m7', 'csu-s', 'Old', { archived: true }),
  ]
  const entries = new Map(measures.map((m) => [m.id, days(from, m.id === 'm5' ? [0, 9] : [0, 1])]))
  const rollup = buildRollup(wards, measures, entries, from, to, 'week', fakeEngine, csus)

  it.each<[string, string, string[]]>([
    // A CSU with board measures gets its own column first; one with only archived ones does not.
    ['csu-m', 'Medicine CSU', ['csu-m', 'u2', 'u1']],
    ['csu-s', 'Surgery CSU', ['u3']],
    ['', 'Other units', ['u4']],
  ])('groups %s as "%s" with columns %j', (id, name, columns) => {
    const group = rollup.groups.find((g) => g.id === id)!
    expect(group.name).toBe(name)
    expect(group.columns.map((c) => c.id)).toEqual(columns)
  })

  it('orders CSUs by name, unknown CSUs last, and flattens the columns in that order', () => {
    expect(rollup.groups.map((g) => g.id)).toEqual(['csu-m', 'csu-s', ''])
    expect(rollup.units.map((u) => u.id)).toEqual(['csu-m', 'u2', 'u1', 'u3', 'u4'])
    expect(rollup.units[0]).toEqual({ id: 'csu-m', name: 'Medicine CSU board', tier: 'csu' })
  })

  it('puts a CSU board’s measures in its column, counted like a unit’s', () => {
    const falls = rollup.rows.find((r) => r.name === 'Falls')!
    expect(Object.keys(falls.cells).sort()).toEqual(['csu-m', 'u1', 'u2', 'u3', 'u4'])
    expect(rollup.rows.find((r) => r.name === 'Beds closed')!.cells['csu-m']?.measureId).toBe('m6')
    expect(rollup.concerns).toEqual({ 'csu-m': 1, u1: 0, u2: 0, u3: 0, u4: 0 })
  })

  it('keeps one group (so no group headings) when all units share a CSU', () => {
    const one = buildRollup(wards.slice(0, 2), measures.slice(0, 2), entries, from, to, 'week', fakeEngine, csus)
    expect(one.groups.map((g) => [g.id, g.columns.length])).toEqual([['csu-m', 2]])
    expect(one.units.map((u) => u.name)).toEqual(['Ward 12', 'Ward 7'])
  })
})
