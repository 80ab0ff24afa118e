// A problem-solving A3 on two tablets of one ward, each offline, through the real sync engine: both start the
// same idea's A3 (one record, by the idea's id), then each writes a different part of it; every part survives
// on both, and a countermeasure's action lands on the ward's board with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { problemA3WritesFor, type ProblemA3Subject } from '@/db/problemA3Writes'
import { problemA3DraftOf, type ProblemA3Draft } from '@/domain/problemA3'
import type { Idea } from '@/domain/types'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { board, makeTablet, unit, UNIT_ID, type Tablet } from './tablets'

let server: MemorySyncServer
let a: Tablet
let b: Tablet
const subject: ProblemA3Subject = { table: 'ideas', id: 'idea-1', unitId: UNIT_ID, boardId: 'board-7' }

const idea = (): Omit<Idea, 'createdAt' | 'updatedAt' | 'updatedBy'> => ({
  id: 'idea-1',
  unitId: UNIT_ID,
  boardId: 'board-7',
  problem: 'Meals missed at lunch',
  idea: 'Red trays',
  benefit: '',
  wastes: [],
  raisedBy: null,
  status: 'new',
  statusChangedAt: '2026-12-01T09:00:00.000Z',
  notProgressedReason: '',
  implementedAt: null,
  owner: '',
  sponsor: '',
  effort: null,
  impact: null,
  measureId: null,
  conceptIds: [],
})

beforeEach(async () => {
  server = new MemorySyncServer()
  a = makeTablet('a', server)
  b = makeTablet('b', server)
  await a.enrol()
  await a.repo.saveRecords(
    [
      { table: 'units', record: unit() },
      { table: 'boards', record: board() },
      { table: 'ideas', record: idea() },
    ],
    'Sam',
  )
  expect((await a.engine.syncOnce()).outcome).toBe('synced')
  await b.enrol()
  expect((await b.engine.syncOnce()).outcome).toBe('synced')
})

afterEach(() => {
  a.database.close()
  b.database.close()
})

async function write(t: Tablet, change: (draft: ProblemA3Draft) => ProblemA3Draft, by: string) {
  const shown = problemA3DraftOf(await t.database.problemA3s.get('a3-idea-idea-1'), {
    title: 'Meals missed at lunch',
    measureId: null,
  })
  return problemA3WritesFor(t.database).saveProblemA3(subject, change(structuredClone(shown)), shown, by)
}

describe('a problem-solving A3 on two tablets offline', () => {
  it('started on both and written in different parts: one A3 with every part, on both tablets', async () => {
    await write(a, (d) => ({ ...d, because1: 'Patients who need help are not seen in time' }), 'Sam')
    await write(
      b,
      (d) => ({
        ...d,
        causesPeople: 'Agency staff',
        countermeasures: [
          { id: 'c1', text: 'Red trays', owner: 'Aisha', dueDay: '2027-01-12', actionId: null, makeAction: true },
        ],
      }),
      'Priya',
    )
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    await a.engine.syncOnce()

    const [onA, onB] = [await a.database.problemA3s.toArray(), await b.database.problemA3s.toArray()]
    expect(onA).toEqual(onB)
    expect(onA).toHaveLength(1)
    expect(onA[0]).toMatchObject({
      unitId: UNIT_ID,
      title: 'Meals missed at lunch',
      because1: 'Patients who need help are not seen in time',
      causesPeople: 'Agency staff',
    })
    expect(onA[0]!.countermeasures).toHaveLength(1)
    expect(await a.database.actions.get(onA[0]!.countermeasures[0]!.actionId!)).toMatchObject({
      title: 'Red trays',
      boardId: 'board-7',
    })
    // Both typed the same title (the idea's problem): the same text is no conflict.
    expect(await a.engine.conflictCount()).toBe(0)

    // Then each changes another part, again offline: both kept, the version counted.
    const latest = (await a.database.problemA3s.toArray())[0]!.version
    await write(a, (d) => ({ ...d, targetCondition: 'No meals missed by March' }), 'Sam')
    await write(b, (d) => ({ ...d, followUp: 'Audit at the Friday huddle' }), 'Priya')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    await a.engine.syncOnce()
    const after = await b.database.problemA3s.get('a3-idea-idea-1')
    expect(after).toEqual(await a.database.problemA3s.get('a3-idea-idea-1'))
    expect(after).toMatchObject({ targetCondition: 'No meals missed by March', followUp: 'Audit at the Friday huddle' })
    expect(after!.version).toBe(latest + 1)
  })

  it('one part typed differently on both keeps both versions to choose from', async () => {
    await write(a, (d) => ({ ...d, background: 'Lunch is the busiest hour' }), 'Sam')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    await write(a, (d) => ({ ...d, background: 'Lunch clashes with the drug round' }), 'Sam')
    await write(b, (d) => ({ ...d, background: 'Two staff are on break at lunch' }), 'Priya')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    await a.engine.syncOnce()
    expect(await a.engine.conflictCount()).toBe(1)
    expect(await b.engine.conflictCount()).toBe(1)
  })
})
