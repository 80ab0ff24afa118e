import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { historyOf } from '@/db/repo'
import { ANONYMOUS } from '@/domain/ideas'
import type { Board } from '@/domain/types'
import { useIdeasStore } from '@/stores/ideas'
import { useOrgStore } from '@/stores/org'

/** Live queries answer after IndexedDB does: generous for a loaded two-core machine. */
const LIVE = { timeout: 10_000, interval: 20 }

const at = '2026-11-01T08:00:00.000Z'
const board: Board = {
  id: 'b1',
  unitId: 'u1',
  createdAt: at,
  updatedAt: at,
  updatedBy: 'Seed',
  name: 'Daily board',
  categories: [],
  agenda: [],
  huddleMinutes: 15,
}
const idea = { problem: 'We walk to the far store room for dressings', idea: 'Keep a small stock in each bay' }

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
})

async function store() {
  await db.boards.put(board)
  await useOrgStore().load()
  const ideas = useIdeasStore()
  await ideas.load('b1', 'u1')
  return ideas
}

describe('useIdeasStore', () => {
  it('captures an anonymous idea: record, history and outbox together, with no name anywhere', async () => {
    const ideas = await store()
    const saved = await ideas.add({ ...idea, wastes: ['motion'], raisedBy: '' }, ANONYMOUS)
    expect(ideas.columns.new.map((i) => i.id)).toEqual([saved.id])
    expect(await db.ideas.get(saved.id)).toMatchObject({
      ...idea,
      wastes: ['motion'],
      raisedBy: null,
      status: 'new',
      updatedBy: ANONYMOUS,
      unitId: 'u1',
      boardId: 'b1',
    })
    const outbox = await db.outbox.where('table').equals('ideas').toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({
      recordId: saved.id,
      unitId: 'u1',
      by: ANONYMOUS,
      fields: expect.objectContaining({ problem: idea.problem, raisedBy: null }),
    })
    expect((await historyOf('ideas', saved.id)).map((h) => [h.kind, h.by])).toEqual([['created', ANONYMOUS]])
  })

  it('refuses an idea with no problem, saving nothing', async () => {
    const ideas = await store()
    await expect(ideas.add({ problem: ' ', idea: 'x' }, ANONYMOUS)).rejects.toThrow('Enter what the problem is')
    expect(await db.ideas.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('moves an idea, and will not put it in Not progressed without a reason', async () => {
    const ideas = await store()
    const saved = await ideas.add({ ...idea, raisedBy: 'Priya' }, 'Priya')
    await ideas.move(saved.id, 'testing', '', 'Sam', new Date('2026-11-20T09:00:00Z'))
    expect(await db.ideas.get(saved.id)).toMatchObject({
      status: 'testing',
      statusChangedAt: '2026-11-20T09:00:00.000Z',
      updatedBy: 'Sam',
    })

    await expect(ideas.move(saved.id, 'not-progressed', '  ', 'Sam')).rejects.toThrow(
      'Enter why this idea is not going ahead',
    )
    expect((await db.ideas.get(saved.id))!.status).toBe('testing')

    await ideas.move(saved.id, 'not-progressed', 'Estates cannot fit shelves in the bays', 'Sam')
    expect(ideas.columns['not-progressed'][0]).toMatchObject({
      notProgressedReason: 'Estates cannot fit shelves in the bays',
    })
    const sent = await db.outbox.where('[table+recordId]').equals(['ideas', saved.id]).toArray()
    expect(sent.at(-1)!.fields).toMatchObject({
      status: 'not-progressed',
      notProgressedReason: 'Estates cannot fit shelves in the bays',
    })

    // Picked up again: no reason needed, and the old one goes (its history keeps it).
    await ideas.move(saved.id, 'review', '', 'Sam')
    expect(await db.ideas.get(saved.id)).toMatchObject({ status: 'review', notProgressedReason: '' })
  })

  it('sets the owner and sponsor, sending only what changed', async () => {
    const ideas = await store()
    const saved = await ideas.add(idea, ANONYMOUS)
    await ideas.setPeople(saved.id, { owner: ' Sam Okafor ', sponsor: '' }, 'Sam Okafor')
    expect(await db.ideas.get(saved.id)).toMatchObject({ owner: 'Sam Okafor', sponsor: '' })
    const last = (await db.outbox.where('[table+recordId]').equals(['ideas', saved.id]).toArray()).at(-1)!
    expect(Object.keys(last.fields).sort()).toEqual(['owner', 'updatedAt', 'updatedBy'])
    await expect(ideas.setPeople(saved.id, { owner: 'Sam', sponsor: 'x'.repeat(61) }, 'Sam')).rejects.toThrow(
      /sponsor's name/,
    )
  })

  it('flags ideas stuck past the board’s limit, and the limit can be changed per board', async () => {
    const ideas = await store()
    ideas.today = '2026-11-30'
    const old = await ideas.add(idea, ANONYMOUS, new Date('2026-11-10T09:00:00Z'))
    await ideas.add({ ...idea, problem: 'Another problem' }, ANONYMOUS, new Date('2026-11-25T09:00:00Z'))
    expect(ideas.flagged.map((i) => i.id)).toEqual([old.id])

    await ideas.setStuckLimits({ new: 3 }, 'Sam')
    expect(ideas.flagged).toHaveLength(2)
    expect((await db.boards.get('b1'))!.ideaStuckDays).toEqual({ new: 3 })
    expect(await db.outbox.where('table').equals('boards').count()).toBe(1)
  })

  it('loads only the board’s own ideas, and shows ideas stored since without a reload', async () => {
    const ideas = await store()
    const saved = await ideas.add(idea, ANONYMOUS)
    await db.ideas.put({ ...saved, id: 'other-board', boardId: 'b2' })
    await db.ideas.put({ ...saved, id: 'pulled', problem: 'From another tablet' })
    await vi.waitFor(() => expect(ideas.ideas.map((i) => i.id).sort()).toEqual(['pulled', saved.id].sort()), LIVE)
  })
})

describe('useIdeasStore: rating, concepts, measure', () => {
  it('saves effort/impact, concepts and the linked measure, sending only what changed', async () => {
    const ideas = await store()
    const saved = await ideas.add({ ...idea, raisedBy: 'Priya' }, 'Priya')
    await ideas.setRating(saved.id, { effort: 'low' }, 'Sam')
    await ideas.setRating(saved.id, { effort: 'low', impact: 'high' }, 'Sam')
    await ideas.setConcepts(saved.id, ['pdsa', 'pdsa', '5s'], 'Sam')
    await ideas.setMeasure(saved.id, 'm1', 'Sam')
    expect(await db.ideas.get(saved.id)).toMatchObject({
      effort: 'low',
      impact: 'high',
      conceptIds: ['pdsa', '5s'],
      measureId: 'm1',
    })
    const sent = (await db.outbox.where('table').equals('ideas').toArray())
      .slice(1)
      .map((o) => Object.keys(o.fields).filter((f) => !f.startsWith('updated')))
    expect(sent).toEqual([['effort'], ['impact'], ['conceptIds'], ['measureId']])
  })

  it('reads a measure’s values between two days, inclusive', async () => {
    const ideas = await store()
    const entry = (day: string, value: number) => ({
      id: `m1:${day}`,
      unitId: 'u1',
      measureId: 'm1',
      boardId: 'b1',
      day,
      value,
      comment: '',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'Seed',
    })
    await db.entries.bulkPut([
      entry('2026-10-31', 1),
      entry('2026-11-01', 2),
      entry('2026-11-02', 3),
      entry('2026-11-03', 4),
      { ...entry('2026-11-02', 9), id: 'm2:2026-11-02', measureId: 'm2' },
    ])
    expect(await ideas.measureValues('m1', '2026-11-01', '2026-11-02')).toEqual([
      { day: '2026-11-01', value: 2 },
      { day: '2026-11-02', value: 3 },
    ])
  })
})
