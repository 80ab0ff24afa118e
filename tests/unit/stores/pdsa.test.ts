import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { historyOf } from '@/db/repo'
import { emptyPdsaInput } from '@/domain/pdsa'
import { InputError } from '@/domain/errors'
import { usePdsaStore } from '@/stores/pdsa'

/** Live queries answer after IndexedDB does: generous for a loaded two-core machine. */
const LIVE = { timeout: 10_000, interval: 20 }

const idea = { id: 'idea-1', unitId: 'u1', boardId: 'b1' }
const today = '2026-11-26'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
})

describe('usePdsaStore', () => {
  it('adds numbered cycles: record, history and outbox together', async () => {
    const pdsa = usePdsaStore()
    await pdsa.load('u1')
    const first = await pdsa.add(
      idea,
      { ...emptyPdsaInput(), change: ' Box in bay 1 ', startDay: '2026-11-02', conceptIds: ['pdsa'] },
      'Sam',
      today,
    )
    const second = await pdsa.add(idea, { ...emptyPdsaInput(), change: 'Box in every bay' }, 'Ann', today)
    expect([first.number, second.number]).toEqual([1, 2])
    expect(pdsa.forIdea('idea-1').map((c) => c.change)).toEqual(['Box in bay 1', 'Box in every bay'])
    expect(await db.pdsaCycles.get(first.id)).toMatchObject({
      ideaId: 'idea-1',
      unitId: 'u1',
      boardId: 'b1',
      startDay: '2026-11-02',
      endDay: null,
      decision: null,
      conceptIds: ['pdsa'],
    })
    const outbox = await db.outbox.where('table').equals('pdsaCycles').toArray()
    expect(outbox.map((o) => [o.recordId, o.unitId, o.by])).toEqual([
      [first.id, 'u1', 'Sam'],
      [second.id, 'u1', 'Ann'],
    ])
    expect(pdsa.conceptsByIdea.get('idea-1')).toEqual(['pdsa'])
  })

  it('edits a cycle, sending only what changed, and names everyone involved', async () => {
    const pdsa = usePdsaStore()
    await pdsa.load('u1')
    const cycle = await pdsa.add(idea, { ...emptyPdsaInput(), change: 'Box' }, 'Sam', today)
    const input = {
      ...emptyPdsaInput(),
      change: 'Box',
      whatHappened: 'Used all week',
      study: 'Trips halved',
      decision: 'adopt' as const,
    }
    const saved = await pdsa.update(cycle.id, input, 'Ann', today)
    expect(saved).toMatchObject({ study: 'Trips halved', decision: 'adopt', number: 1 })
    const last = (await db.outbox.where('table').equals('pdsaCycles').toArray()).at(-1)!
    expect(Object.keys(last.fields).sort()).toEqual(['decision', 'study', 'updatedAt', 'updatedBy', 'whatHappened'])
    expect((await historyOf('pdsaCycles', cycle.id)).map((h) => h.by)).toEqual(['Ann', 'Sam'])
    expect(await pdsa.historyNames('idea-1')).toEqual(['Sam', 'Ann'])
  })

  it('refuses a cycle breaking the rules and stores nothing', async () => {
    const pdsa = usePdsaStore()
    await pdsa.load('u1')
    await expect(pdsa.add(idea, { ...emptyPdsaInput(), change: '', decision: 'adopt' }, 'Sam', today)).rejects.toThrow(
      InputError,
    )
    await expect(pdsa.add(idea, { ...emptyPdsaInput(), change: 'x', decision: 'adopt' }, 'Sam', today)).rejects.toThrow(
      'Write the result against the prediction',
    )
    expect(await db.pdsaCycles.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('loads only its unit, and shows a change stored since (a pull) without a reload', async () => {
    const pdsa = usePdsaStore()
    await pdsa.load('u1')
    await pdsa.add(idea, { ...emptyPdsaInput(), change: 'Box' }, 'Sam', today)
    await pdsa.add({ ...idea, id: 'other', unitId: 'u2' }, { ...emptyPdsaInput(), change: 'Elsewhere' }, 'Sam', today)
    expect(pdsa.unitId).toBe('u2')
    await pdsa.load('u1')
    expect(pdsa.cycles.map((c) => c.change)).toEqual(['Box'])
    await db.pdsaCycles.update(pdsa.cycles[0]!.id, { change: 'Changed on another tablet' })
    await vi.waitFor(() => expect(pdsa.cycles[0]!.change).toBe('Changed on another tablet'), LIVE)
  })
})
