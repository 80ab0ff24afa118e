import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { useBoardStore } from '@/stores/board'
import { InputError } from '@/domain/errors'
import { useOrgStore } from '@/stores/org'

const today = '2026-11-26'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  await useOrgStore().loadDemo(today)
})

async function openDemoBoard() {
  const board = useBoardStore()
  await board.load('demo-board-1', today)
  return board
}

describe('useBoardStore', () => {
  it('loads the board with its measures grouped by category and recent values', async () => {
    const board = await openDemoBoard()
    expect(board.activeMeasures).toHaveLength(10)
    expect(board.measuresByCategory.map((g) => g.category.name)).toEqual([
      'Safety',
      'Quality',
      'People',
      'Flow',
      'Cost and sustainability',
    ])
    expect(board.entryFor('demo-m-1-2', '2026-11-25')).toBeDefined()
    // Only the recent window is loaded with the board.
    expect(board.entryFor('demo-m-1-2', '2026-10-01')).toBeUndefined()
    await board.ensureLoaded('2026-10-01', '2026-10-31')
    expect(board.entryFor('demo-m-1-2', '2026-10-15')).toBeDefined()
  })

  it('records a value: stored, in the outbox, and in memory', async () => {
    const board = await openDemoBoard()
    const falls = board.activeMeasures.find((m) => m.name === 'Falls')!
    await board.recordValue(falls, today, 2, 'Bay 3 at night', 'Sam', today)
    expect(board.entryFor(falls.id, today)).toMatchObject({ value: 2, comment: 'Bay 3 at night', updatedBy: 'Sam' })
    expect(await db.entries.get(`${falls.id}:${today}`)).toMatchObject({ value: 2 })
    expect(await db.outbox.where('table').equals('entries').count()).toBe(1)
  })

  it('refuses bad values with a plain message and stores nothing', async () => {
    const board = await openDemoBoard()
    const obs = board.activeMeasures.find((m) => m.type === 'percentage')!
    await expect(board.recordValue(obs, today, 140, '', 'Sam', today)).rejects.toThrow(
      new InputError('A percentage must be between 0 and 100 (you entered 140)'),
    )
    await expect(board.recordValue(obs, '2026-11-27', 90, '', 'Sam', today)).rejects.toThrow(
      'You cannot record a value for a day in the future',
    )
    expect(await db.outbox.count()).toBe(0)
  })

  it('adds, moves, archives and restores measures; archived ones keep their history', async () => {
    const board = await openDemoBoard()
    const added = await board.addMeasure(
      {
        categoryId: 'safety',
        name: 'Pressure ulcers',
        type: 'count',
        unit: 'ulcers',
        direction: 'lower',
        description: '',
        conceptIds: [],
        target: 0,
        thresholds: null,
      },
      'Sam',
    )
    const safety = () => board.measuresByCategory.find((g) => g.category.id === 'safety')!.measures.map((m) => m.name)
    expect(safety().at(-1)).toBe('Pressure ulcers')
    await board.moveMeasure(added.id, -1, 'Sam')
    expect(safety().at(-2)).toBe('Pressure ulcers')

    const falls = board.activeMeasures.find((m) => m.name === 'Falls')!
    const historyBefore = await db.entries
      .where('[measureId+day]')
      .between([falls.id, ''], [falls.id, '\uffff'])
      .count()
    await board.setArchived(falls.id, true, 'Sam')
    expect(board.activeMeasures.map((m) => m.id)).not.toContain(falls.id)
    expect(board.archivedMeasures.map((m) => m.id)).toContain(falls.id)
    expect(await db.entries.where('[measureId+day]').between([falls.id, ''], [falls.id, '\uffff']).count()).toBe(
      historyBefore,
    )
    await board.setArchived(falls.id, false, 'Sam')
    expect(board.activeMeasures.at(-1)!.id).toBe(falls.id)
  })

  it('renames categories and keeps the org list in step', async () => {
    const board = await openDemoBoard()
    const categories = board.categories.map((c) => (c.id === 'flow' ? { ...c, name: 'Flow and discharge' } : c))
    await board.updateBoard({ categories }, 'Sam')
    expect(useOrgStore().boards.find((b) => b.id === 'demo-board-1')!.categories[3]!.name).toBe('Flow and discharge')
  })
})
