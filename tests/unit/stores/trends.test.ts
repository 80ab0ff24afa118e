import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { practiceSeriesProviders, loadPracticeSeries, type PracticeSeriesProvider } from '@/db/queries/trends'
import { addDays } from '@/domain/dates'
import { entryId } from '@/domain/ids'
import type { Board, DayEntry, Measure, Unit } from '@/domain/types'
import { InputError } from '@/domain/errors'
import { useTrendsStore } from '@/stores/trends'

/** Live queries answer after IndexedDB does: generous for a loaded two-core machine. */
const LIVE = { timeout: 10_000, interval: 20 }

const at = '2026-01-01T08:00:00.000Z'
const meta = (id: string, unitId: string) => ({ id, unitId, createdAt: at, updatedAt: at, updatedBy: 'Seed' })
const unit = (id: string, name: string): Unit => ({ ...meta(id, id), csuId: 'csu', name, kind: 'ward', people: [] })
const board = (id: string, unitId: string): Board => ({
  ...meta(id, unitId),
  name: 'Board',
  categories: [],
  agenda: [],
  huddleMinutes: 15,
})
const falls = (id: string, unitId: string): Measure => ({
  ...meta(id, unitId),
  boardId: `b-${unitId}`,
  categoryId: 'safety',
  name: 'Falls',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 0,
  thresholds: null,
  description: '',
  conceptIds: [],
  order: 1,
  archived: false,
})
const entry = (m: Measure, day: string, value: number): DayEntry => ({
  ...meta(entryId(m.id, day), m.unitId),
  measureId: m.id,
  boardId: m.boardId,
  day,
  value,
  comment: '',
})

const TODAY = '2026-11-26'
const m1 = falls('m1', 'u1')
const m2 = falls('m2', 'u2')

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  await db.units.bulkPut([unit('u1', 'Ward 7'), unit('u2', 'Ward 12')])
  await db.boards.bulkPut([board('b-u1', 'u1'), board('b-u2', 'u2')])
  await db.measures.bulkPut([m1, m2])
  // 180 days: Ward 7 steady at about 1 fall a day, Ward 12 jumps to 6 a day for the last five weeks.
  const entries: DayEntry[] = []
  for (let i = 0; i < 180; i++) {
    const day = addDays(TODAY, -180 + i)
    entries.push(entry(m1, day, i % 3 === 0 ? 2 : i % 2))
    entries.push(entry(m2, day, i >= 145 ? 6 : i % 3 === 0 ? 2 : i % 2))
  }
  await db.entries.bulkPut(entries)
})

function store() {
  const trends = useTrendsStore()
  trends.today = TODAY
  return trends
}

describe('useTrendsStore', () => {
  it('builds the weekly roll-up of both wards and flags the ward with a rise', async () => {
    const trends = store()
    await trends.loadRollup('week')
    expect(trends.rollup!.units.map((u) => u.name)).toEqual(['Ward 12', 'Ward 7'])
    const row = trends.rollup!.rows.find((r) => r.name === 'Falls')!
    expect(row.cells.u2!.variation).toBe('concern-high')
    expect(row.cells.u1!.variation).toBe('common-cause')
    expect(trends.rollup!.concerns).toEqual({ u1: 0, u2: 1 })
  })

  it('switches the roll-up to months', async () => {
    const trends = store()
    await trends.loadRollup('month')
    expect(trends.rollupPeriod).toBe('month')
    expect(trends.rollup!.rows[0]!.cells.u1!.latestPeriod).toBe('2026-10')
  })

  it('opens one measure, recomputes for a new period and refuses a bad range in words', async () => {
    const trends = store()
    expect(await trends.openMeasure('m2', { period: 'week' })).toBe(true)
    expect(trends.trend!.series).toHaveLength(26)
    await trends.setView({ period: 'day' })
    expect(trends.period).toBe('day')
    expect(trends.trend!.series).toHaveLength(90)
    await expect(trends.openMeasure('m2', { from: '2026-11-30', to: '2026-11-01' })).rejects.toThrow(InputError)
    expect(trends.period).toBe('day') // the screen keeps what it showed
    expect(await trends.openMeasure('gone')).toBe(false)
  })

  it('saves a rebase day on the measure through the repo (history and outbox), and removes it', async () => {
    const trends = store()
    await trends.openMeasure('m2', { period: 'day' })
    await expect(trends.addRebase('2026-10-20', 'Ward Manager', ' ')).rejects.toThrow('Say why the limits are changing')
    await trends.addRebase('2026-10-20', 'Ward Manager', 'New falls huddle')
    expect((await db.measures.get('m2'))!.rebaseDays).toEqual(['2026-10-20'])
    expect(trends.trend!.options.rebaseAt).toEqual(['2026-10-20'])
    const outbox = await db.outbox.where('[table+recordId]').equals(['measures', 'm2']).toArray()
    expect(outbox.at(-1)!.fields).toMatchObject({ rebaseDays: ['2026-10-20'] })
    await expect(trends.addRebase('2020-01-01', 'Ward Manager', 'Why not')).rejects.toThrow(
      'Choose a date within the chart’s range',
    )
    await trends.removeRebase('2026-10-20', 'Ward Manager', 'Entered on the wrong measure')
    expect((await db.measures.get('m2'))!.rebaseDays).toEqual([])
    expect((await db.measures.get('m2'))!.limitsReason).toBe('Entered on the wrong measure')
  })

  it('fixes the limits on a baseline period, refuses a bad one, and lets them move again', async () => {
    const trends = store()
    await trends.openMeasure('m2', { period: 'day' })
    await expect(
      trends.setBaseline({ kind: 'period', from: '2026-10-20', to: '2026-10-01' }, 'Ward Manager', 'Settled month'),
    ).rejects.toThrow('The baseline must start on or before the day it ends')
    await trends.setBaseline({ kind: 'period', from: '2026-09-01', to: '2026-09-30' }, 'Ward Manager', 'Settled month')
    expect(trends.trend!.options.baseline).toEqual({ fromPeriod: '2026-09-01', toPeriod: '2026-09-30' })
    const outbox = await db.outbox.where('[table+recordId]').equals(['measures', 'm2']).toArray()
    expect(outbox.at(-1)!.fields).toMatchObject({ limitsReason: 'Settled month' })
    await trends.setBaseline(null, 'Ward Manager', 'Back to moving limits')
    expect(trends.trend!.options.baseline).toBeUndefined()
  })

  it('moves the roll-up and the open chart when values are stored later (a pull), without a reload', async () => {
    const trends = store()
    await trends.loadRollup('week')
    await trends.openMeasure('m1', { period: 'day' })
    expect(trends.rollup!.rows.find((r) => r.name === 'Falls')!.cells.u1!.variation).toBe('common-cause')
    // Ward 7 now has a run of bad weeks, stored the way a pull stores them.
    const rise: DayEntry[] = []
    for (let i = 1; i <= 35; i++) rise.push(entry(m1, addDays(TODAY, -35 + i - 1), 9))
    await db.entries.bulkPut(rise)
    await vi.waitFor(
      () => expect(trends.rollup!.rows.find((r) => r.name === 'Falls')!.cells.u1!.variation).toBe('concern-high'),
      LIVE,
    )
    const yesterday = addDays(TODAY, -1)
    await vi.waitFor(() => expect(trends.trend!.series.find((p) => p.period === yesterday)?.value).toBe(9), LIVE)
  })

  it('loads the practice series of one unit, and takes extra providers', async () => {
    await db.huddles.put({
      ...meta('h1', 'u1'),
      boardId: 'b-u1',
      day: '2026-11-23',
      startedAt: at,
      endedAt: at,
      durationSeconds: 600,
      attendance: 6,
      facilitator: 'Sam',
      notes: '',
      timings: [],
    })
    const trends = store()
    await trends.loadPractice('u1', 'weekdays', new Date('2026-11-26T12:00:00Z'))
    expect(trends.practice.map((s) => s.id)).toEqual([
      'huddles-held',
      'ideas-raised',
      'ideas-implemented',
      'actions-overdue',
    ])
    const huddles = trends.practice[0]!
    expect(huddles.points.at(-1)).toEqual({ period: '2026-W48', value: 25 }) // 1 of Monday to Thursday
    expect(trends.statusTimes).toHaveLength(6)
    await expect(trends.loadPractice('nowhere')).rejects.toThrow('That unit is not on this tablet')

    const extra: PracticeSeriesProvider = async (c) => [{ ...huddles, id: `extra-${c.unit.id}` }]
    const series = await loadPracticeSeries(
      {
        unit: unit('u1', 'Ward 7'),
        boardIds: ['b-u1'],
        from: '2026-11-01',
        to: TODAY,
        now: new Date(),
        expectedHuddles: 'weekdays',
      },
      [...practiceSeriesProviders, extra],
    )
    expect(series.at(-1)!.id).toBe('extra-u1')
  })
})
