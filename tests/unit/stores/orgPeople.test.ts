import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { DEFAULT_AGENDA, DEFAULT_CATEGORIES } from '@/domain/defaults'
import type { Board, Unit } from '@/domain/types'
import { useConceptsStore } from '@/stores/concepts'
import { useOrgStore } from '@/stores/org'

const at = '2026-01-01T08:00:00.000Z'
const meta = { createdAt: at, updatedAt: at, updatedBy: 'Seed' }
const board = (id: string, unitId: string, name: string, extra: Partial<Board> = {}): Board => ({
  id,
  unitId,
  name,
  categories: DEFAULT_CATEGORIES,
  agenda: DEFAULT_AGENDA,
  huddleMinutes: 15,
  ...meta,
  ...extra,
})
const ward: Unit = {
  id: 'ward-7',
  unitId: 'ward-7',
  csuId: 'csu-med',
  name: 'Ward 7',
  kind: 'ward',
  people: ['Sam', 'Priya'],
  ...meta,
}

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  await db.trusts.put({ id: 'trust-1', name: 'Northfield Teaching Hospitals', createdAt: at })
  await db.csus.put({ id: 'csu-med', trustId: 'trust-1', name: 'Medicine', createdAt: at })
  await db.units.put(ward)
  await db.boards.bulkPut([
    board('ward-board', 'ward-7', 'Daily board'),
    board('csu-board', 'csu-med', 'Medicine CSU board'),
    board('trust-board', 'trust-1', 'Northfield Teaching Hospitals trust board', { people: ['Chief nurse'] }),
  ])
})

async function orgShowing(boardId: string) {
  const org = useOrgStore()
  await org.load()
  await org.selectBoard(boardId)
  return org
}

describe('the name list on every tier of board', () => {
  it("offers the ward's unit list on the ward board", async () => {
    const org = await orgShowing('ward-board')
    expect(org.currentPeople).toEqual(['Sam', 'Priya'])
    expect(org.currentPeopleHeading).toBe('People on Ward 7')
  })

  it("keeps a CSU board's list on the board, synced in the CSU's scope, and leaves the ward's alone", async () => {
    const org = await orgShowing('csu-board')
    expect(org.currentTier).toBe('csu')
    expect(org.currentPeople).toEqual([])
    expect(org.currentPeopleHeading).toBe('People in the Medicine CSU tri-team')

    await org.updateCurrentPeople(['Dr Okafor', 'Matron Lee'], 'Matron Lee')
    expect(org.currentPeople).toEqual(['Dr Okafor', 'Matron Lee'])
    expect((await db.boards.get('csu-board'))!.people).toEqual(['Dr Okafor', 'Matron Lee'])
    expect((await db.units.get('ward-7'))!.people).toEqual(['Sam', 'Priya'])
    const queued = await db.outbox.toArray()
    expect(queued).toHaveLength(1)
    expect(queued[0]).toMatchObject({
      table: 'boards',
      recordId: 'csu-board',
      unitId: 'csu-med',
      fields: { people: ['Dr Okafor', 'Matron Lee'] },
      by: 'Matron Lee',
    })

    // Another board on the same tablet shows its own list; a reload still has the CSU's.
    await org.selectBoard('ward-board')
    expect(org.currentPeople).toEqual(['Sam', 'Priya'])
    setActivePinia(createPinia())
    const fresh = await orgShowing('csu-board')
    expect(fresh.currentPeople).toEqual(['Dr Okafor', 'Matron Lee'])
    expect(fresh.peopleOn('csu-board')).toEqual(['Dr Okafor', 'Matron Lee'])
  })

  it("edits the unit's list, not the board, on a ward board", async () => {
    const org = await orgShowing('ward-board')
    await org.updateCurrentPeople(['Sam'], 'Sam')
    expect((await db.units.get('ward-7'))!.people).toEqual(['Sam'])
    expect((await db.boards.get('ward-board'))!.people).toBeUndefined()
    expect(org.currentPeople).toEqual(['Sam'])
  })

  it('offers the trust board its own list', async () => {
    const org = await orgShowing('trust-board')
    expect(org.currentTier).toBe('trust')
    expect(org.currentPeople).toEqual(['Chief nurse'])
    expect(org.currentPeopleHeading).toBe('People at the Northfield Teaching Hospitals trust huddle')
  })

  it('saves nothing and says why when a ward board has no unit record yet', async () => {
    await db.boards.put(board('orphan-board', 'ward-unknown', 'Ward 9 board'))
    const org = await orgShowing('orphan-board')
    await expect(org.updateCurrentPeople(['Jo'], 'Jo')).rejects.toThrow(
      'That unit is not on this tablet yet. Sync, then try again.',
    )
    expect(await db.outbox.count()).toBe(0)
  })

  it("puts the CSU's people in the learning record's list of names", async () => {
    await db.boards.update('csu-board', { people: ['Dr Okafor'] })
    const concepts = useConceptsStore()
    await concepts.loadPeople()
    expect(concepts.people).toEqual(['Chief nurse', 'Dr Okafor', 'Priya', 'Sam'])
  })
})
