// The history import store on fake IndexedDB, each test with a fresh Pinia: imported
// values are charted and rolled up at once, like typed ones.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { addDays, formatDay, londonDay } from '@/domain/dates'
import { InputError } from '@/domain/errors'
import type { Board, Measure, Unit } from '@/domain/types'
import { useHistoryImportStore } from '@/stores/historyImport'
import { useTrendsStore } from '@/stores/trends'

const at = '2026-01-01T08:00:00.000Z'
const meta = (id: string) => ({ id, unitId: 'unit-1', createdAt: at, updatedAt: at, updatedBy: 'Seed' })
const unit: Unit = { ...meta('unit-1'), csuId: 'csu', name: 'Ward 7', kind: 'ward', people: [] }
const board: Board = { ...meta('board-1'), name: 'Board', categories: [], agenda: [], huddleMinutes: 15 }
const falls: Measure = {
  ...meta('m-falls'),
  boardId: 'board-1',
  categoryId: 'safety',
  name: 'Falls',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 2,
  thresholds: null,
  description: '',
  conceptIds: [],
  order: 1,
  archived: false,
}

const today = londonDay()
/** A year of daily falls ending yesterday, in a ward's own column names. */
const yearCsv = [
  'Date,Falls',
  ...Array.from({ length: 365 }, (_, i) => `${formatDay(addDays(today, i - 365))},${(i * 7) % 4}`),
].join('\n')

describe('useHistoryImportStore', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await resetDatabase()
    await db.units.put(unit)
    await db.boards.put(board)
    await db.measures.put(falls)
  })

  it('writes nothing until confirmed, then the roll-up and the chart use the values at once', async () => {
    const trends = useTrendsStore()
    await trends.loadRollup('week')
    expect(trends.rollup!.rows[0]!.cells['unit-1']!.variation).toBe('none')

    const store = useHistoryImportStore()
    store.start(falls)
    await store.readFile(new File([yearCsv], 'falls.csv', { type: 'text/csv' }))
    expect(store.plan!.counts.new).toBe(365)
    expect(await db.entries.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)

    const days = await store.confirm('Sam Okafor')
    expect(days).toHaveLength(365)
    expect(await db.outbox.count()).toBe(365)

    await trends.loadRollup('week')
    const cell = trends.rollup!.rows[0]!.cells['unit-1']!
    expect(cell.message).toBeNull()
    expect(cell.variation).not.toBe('none')
    expect(cell.assurance).not.toBe('none')

    expect(await trends.openMeasure('m-falls', { period: 'day', from: addDays(today, -365), to: today })).toBe(true)
    const result = trends.trend!.result
    expect('error' in result).toBe(false)
    expect('segments' in result && result.segments[0]!.upperLimit).not.toBeNull()
  })

  it('refuses to import a file in which no row can be imported', async () => {
    const store = useHistoryImportStore()
    store.start(falls)
    await store.readFile(new File(['Date,Falls\nsoon,1\n'], 'bad.csv'))
    expect(store.plan!.problem).toContain('No row of the file can be imported')
    await expect(store.confirm('Sam Okafor')).rejects.toThrow(InputError)
    expect(await db.entries.count()).toBe(0)
  })

  it('refuses a file whose every value is already recorded', async () => {
    const store = useHistoryImportStore()
    store.start(falls)
    const file = () => new File([`Date,Falls\n${formatDay(addDays(today, -1))},3\n`], 'one.csv')
    await store.readFile(file())
    await store.confirm('Sam Okafor')
    await store.readFile(file())
    expect(store.plan!.counts.same).toBe(1)
    await expect(store.confirm('Sam Okafor')).rejects.toThrow('every value in the file is already recorded')
  })
})
