import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { useOrgStore } from '@/stores/org'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
})

describe('useOrgStore', () => {
  it('starts empty and not set up', async () => {
    const org = useOrgStore()
    await org.load()
    expect(org.isSetUp).toBe(false)
    expect(org.currentBoard).toBeNull()
  })

  it('sets up a trust, CSU, unit and board, and remembers the board across reloads', async () => {
    const org = useOrgStore()
    const board = await org.setUp(
      {
        trustName: 'Northfield',
        csuName: 'Medicine',
        unitName: 'Ward 9',
        unitKind: 'ward',
        boardName: 'Daily board',
        people: ['Sam'],
      },
      'Sam',
    )
    expect(org.currentBoard?.id).toBe(board.id)
    expect(org.currentUnit).toMatchObject({ name: 'Ward 9', people: ['Sam'] })
    expect(org.currentCsu?.name).toBe('Medicine')
    expect(board.agenda.length).toBeGreaterThan(0)
    expect(await db.outbox.count()).toBe(2) // unit + board

    setActivePinia(createPinia())
    const fresh = useOrgStore()
    await fresh.load()
    expect(fresh.currentBoard?.id).toBe(board.id)
  })

  it('loads the demo trust and can switch between its two ward boards', async () => {
    const org = useOrgStore()
    await org.loadDemo('2026-11-26')
    expect(org.units.map((u) => u.name)).toEqual(['Ward 12 – Respiratory', 'Ward 7 – Elderly care'])
    expect(org.currentUnit?.name).toBe('Ward 7 – Elderly care')
    await org.selectBoard('demo-board-2')
    expect(org.currentUnit?.name).toBe('Ward 12 – Respiratory')
    // Demo data is local only: it never queues for sync.
    expect(await db.outbox.count()).toBe(0)
  })

  it('updates the unit people list', async () => {
    const org = useOrgStore()
    await org.loadDemo('2026-11-26')
    await org.updateUnit('demo-unit-1', { people: ['Alex'] }, 'Alex')
    expect(org.currentUnit?.people).toEqual(['Alex'])
    expect((await db.units.get('demo-unit-1'))!.people).toEqual(['Alex'])
  })
})
