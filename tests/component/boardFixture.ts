// A small board stored in fake IndexedDB and loaded into the stores, for component
// tests of the board and measure screens.
import type { Pinia } from 'pinia'
import { db } from '@/db/db'
import { DEFAULT_AGENDA, DEFAULT_CATEGORIES } from '@/domain/defaults'
import { entryId } from '@/domain/ids'
import type { Board, DayEntry, DayKey, EntryValue, Measure, Unit } from '@/domain/types'
import { useBoardStore } from '@/stores/board'
import { useOrgStore } from '@/stores/org'

const at = '2026-01-01T08:00:00.000Z'
const meta = (id: string) => ({ id, unitId: 'unit-1', createdAt: at, updatedAt: at, updatedBy: 'Seed' })

export function makeMeasure(overrides: Partial<Measure> & Pick<Measure, 'id' | 'name' | 'type'>): Measure {
  return {
    ...meta(overrides.id),
    boardId: 'board-1',
    categoryId: 'safety',
    unit: '',
    direction: 'higher',
    target: null,
    thresholds: null,
    description: '',
    conceptIds: [],
    order: 1,
    archived: false,
    ...overrides,
  }
}

export function makeEntry(measure: Measure, day: DayKey, value: EntryValue, comment = ''): DayEntry {
  return { ...meta(entryId(measure.id, day)), measureId: measure.id, boardId: measure.boardId, day, value, comment }
}

/** Store a unit, a board with the default categories, `measures` and `entries`, and load
 * them into `pinia`'s stores. The Pinia is passed in, not taken from the active one: an
 * action still finishing from the previous test can make its own Pinia active again. */
export async function seedBoard(pinia: Pinia, measures: Measure[] = [], entries: DayEntry[] = []) {
  const unit: Unit = { ...meta('unit-1'), csuId: 'csu-1', name: 'Ward 7', kind: 'ward', people: ['Test Nurse'] }
  const board: Board = {
    ...meta('board-1'),
    name: 'Daily huddle board',
    categories: DEFAULT_CATEGORIES,
    agenda: DEFAULT_AGENDA,
    huddleMinutes: 15,
  }
  await db.units.put(unit)
  await db.boards.put(board)
  await db.measures.bulkPut(measures)
  await db.entries.bulkPut(entries)
  await useOrgStore(pinia).load()
  await useBoardStore(pinia).load(board.id)
  return { unit, board }
}
