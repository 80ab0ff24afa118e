import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Action, Board, Measure, Unit } from '@/domain/types'
import { storedSyncRecords } from '@/db/syncRecords'
import { syncStateOf } from '@/db/syncStates'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { action, board, makeTablet, measure, unit, UNIT_ID, type Tablet } from './tablets'

let server: MemorySyncServer
let a: Tablet
let b: Tablet

beforeEach(async () => {
  server = new MemorySyncServer()
  a = makeTablet('a', server)
  b = makeTablet('b', server)
  // Tablet A sets the ward up; tablet B is enrolled for it and pulls it down.
  await a.enrol()
  await a.repo.saveRecords(
    [
      { table: 'units', record: unit() },
      { table: 'boards', record: board() },
      { table: 'measures', record: measure() },
      { table: 'actions', record: action() },
    ],
    'Sam',
  )
  expect((await a.engine.syncOnce()).outcome).toBe('synced')
  await b.enrol()
  expect((await b.engine.syncOnce()).outcome).toBe('synced')
})

afterEach(async () => {
  a.database.close()
  b.database.close()
})

/** The server's last state of an action as tablet `t` stores it (sync state with its app row). */
async function storedRecord(t: Tablet, id: string) {
  const row = await syncStateOf(t.database, 'actions', id)
  return row ? (await storedSyncRecords(t.database, [row]))[0] : undefined
}

async function expectSameOnBoth() {
  const [fromA, fromB] = [await a.snapshot(), await b.snapshot()]
  expect(fromB).toEqual(fromA)
  expect(await a.database.outbox.count()).toBe(0)
  expect(await b.database.outbox.count()).toBe(0)
  return fromA
}

describe('two tablets editing one board offline', () => {
  it('pulls the whole board onto a newly enrolled tablet, as plain app records', async () => {
    const onB = await b.snapshot()
    expect(onB.boards).toEqual(await a.database.boards.toArray())
    expect(onB.units[0]).toMatchObject({ id: UNIT_ID, unitId: UNIT_ID, name: 'Ward 7', people: ['Sam', 'Priya'] })
    expect(onB.actions[0]).toMatchObject({ title: 'Fix the sluice door', boardId: 'board-7', unitId: UNIT_ID })
    expect(onB.actions[0]).not.toHaveProperty('deleted')
  })

  it.each([
    ['A then B', ['a', 'b', 'a']],
    ['B then A', ['b', 'a', 'b']],
  ])(
    'ends with the same records on both, nothing lost, when they sync %s with lost replies and retries',
    async (_name, order) => {
      const current = (tablet: Tablet, id: string) => tablet.database.actions.get(id) as Promise<Action>
      await a.repo.saveRecord<Action>('actions', { ...(await current(a, 'action-1')), owner: 'Priya' }, 'Priya')
      await a.repo.saveRecord<Measure>(
        'measures',
        { ...((await a.database.measures.get('measure-1')) as Measure), target: 1 },
        'Priya',
      )
      await a.repo.saveRecord<Action>('actions', action({ id: 'action-2', title: 'Order more gloves' }), 'Priya')
      await b.repo.saveRecord<Action>(
        'actions',
        { ...(await current(b, 'action-1')), status: 'done', closedAt: '2026-11-26T09:00:00.000Z' },
        'Sam',
      )
      await b.repo.saveRecord<Board>(
        'boards',
        { ...((await b.database.boards.get('board-7')) as Board), huddleMinutes: 15 },
        'Sam',
      )
      await b.repo.saveRecord<Unit>(
        'units',
        { ...((await b.database.units.get(UNIT_ID)) as Unit), people: ['Sam', 'Priya', 'Jo'] },
        'Sam',
      )

      // Each tablet's first push is applied but its reply is lost; the retry must not apply twice.
      server.failNext('response-lost')
      expect((await a.engine.syncOnce()).outcome).toBe('offline')
      server.failNext('request-lost')
      expect((await b.engine.syncOnce()).outcome).toBe('offline')
      expect(await a.database.outbox.count()).toBe(3)
      for (const name of order) expect((await (name === 'a' ? a : b).engine.syncOnce()).outcome).toBe('synced')
      await (order.at(-1) === 'a' ? b : a).engine.syncOnce()

      const both = await expectSameOnBoth()
      expect(both.actions.find((x) => x.id === 'action-1')).toMatchObject({
        owner: 'Priya',
        status: 'done',
        closedAt: '2026-11-26T09:00:00.000Z',
      })
      expect(both.actions.find((x) => x.id === 'action-2')).toMatchObject({ title: 'Order more gloves' })
      expect(both.measures[0]).toMatchObject({ target: 1 })
      expect(both.boards[0]).toMatchObject({ huddleMinutes: 15 })
      expect(both.units[0]).toMatchObject({ people: ['Sam', 'Priya', 'Jo'] })
      expect(server.applied.size).toBe(
        new Set(
          server.requests.flatMap((r) =>
            r.kind === 'push' && 'mutations' in r.body ? r.body.mutations.map((m) => m.mutationId) : [],
          ),
        ).size,
      )
    },
  )

  it('keeps both versions of a title typed on both tablets, on both, until someone chooses', async () => {
    await a.repo.saveRecord<Action>(
      'actions',
      { ...((await a.database.actions.get('action-1')) as Action), title: 'Fix the sluice door today' },
      'Priya',
    )
    await b.repo.saveRecord<Action>(
      'actions',
      { ...((await b.database.actions.get('action-1')) as Action), title: 'Sluice door: call estates' },
      'Sam',
    )
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    await a.engine.syncOnce()
    await expectSameOnBoth()
    expect(await a.engine.conflictCount()).toBe(1)
    expect(await b.engine.conflictCount()).toBe(1)

    // Someone on A picks a wording while seeing both: that resolves it everywhere.
    await a.repo.saveRecord<Action>(
      'actions',
      { ...((await a.database.actions.get('action-1')) as Action), title: 'Sluice door: call estates today' },
      'Priya',
    )
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    const both = await expectSameOnBoth()
    expect(both.actions[0]!.title).toBe('Sluice door: call estates today')
    expect(await a.engine.conflictCount()).toBe(0)
    expect(await b.engine.conflictCount()).toBe(0)
  })

  it("never treats one tablet's own consecutive edits of a text as a conflict", async () => {
    for (const title of ['First wording', 'Second wording', 'Third wording']) {
      await a.repo.saveRecord<Action>(
        'actions',
        { ...((await a.database.actions.get('action-1')) as Action), title },
        'Priya',
      )
    }
    await a.engine.syncOnce()
    await a.repo.saveRecord<Action>(
      'actions',
      { ...((await a.database.actions.get('action-1')) as Action), title: 'Fourth wording' },
      'Priya',
    )
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    expect((await expectSameOnBoth()).actions[0]!.title).toBe('Fourth wording')
    expect(await a.engine.conflictCount()).toBe(0)
  })

  it('edits a record only ever pulled (its state in a pack) from what it shows: no conflict with itself', async () => {
    expect(await b.database.syncState.get(['actions', 'action-1'])).toBeUndefined()
    const packed = await syncStateOf(b.database, 'actions', 'action-1')
    const titleStamp = Object.entries(packed!.stamps).find(([, fields]) => fields.includes('title'))![0]
    await b.repo.saveRecord<Action>(
      'actions',
      { ...((await b.database.actions.get('action-1')) as Action), title: 'Sluice door: call estates' },
      'Sam',
    )
    // The edit names the version it replaced: the one the pack holds.
    expect((await b.database.outbox.toArray())[0]!.textBases).toEqual({ title: titleStamp })
    await b.engine.syncOnce()
    await a.engine.syncOnce()
    expect((await expectSameOnBoth()).actions[0]!.title).toBe('Sluice door: call estates')
    expect(await a.engine.conflictCount()).toBe(0)
    expect(await b.engine.conflictCount()).toBe(0)
  })

  it("keeps the server's values of a record only ever pulled (its state in a pack) when it is deleted here", async () => {
    expect(await b.repo.deleteRecord('actions', 'action-1', 'Sam')).toBe(true)
    // Kept as a row now, whole: a restored server can be sent the record as it was.
    expect((await b.database.syncState.get(['actions', 'action-1']))?.values).toMatchObject({
      title: 'Fix the sluice door',
    })
    await b.engine.syncOnce()
    await a.engine.syncOnce()
    expect((await storedRecord(b, 'action-1'))?.fields).toMatchObject({ title: 'Fix the sluice door', deleted: true })
    await expectSameOnBoth()
  })

  it('removes a record deleted on one tablet from the other', async () => {
    expect(await a.repo.deleteRecord('actions', 'action-1', 'Priya')).toBe(true)
    expect(await a.database.actions.get('action-1')).toBeUndefined()
    await a.engine.syncOnce()
    const result = await b.engine.syncOnce()
    expect(result.changedTables).toEqual(new Set(['actions']))
    expect(await b.database.actions.get('action-1')).toBeUndefined()
    expect((await storedRecord(b, 'action-1'))?.fields.deleted).toBe(true)
    await expectSameOnBoth()
  })

  it('does not let an older pulled value hide a change not yet sent', async () => {
    await a.repo.saveRecord<Action>(
      'actions',
      { ...((await a.database.actions.get('action-1')) as Action), owner: 'Priya' },
      'Priya',
    )
    await a.engine.syncOnce()
    await b.repo.saveRecord<Action>(
      'actions',
      { ...((await b.database.actions.get('action-1')) as Action), owner: 'Jo' },
      'Jo',
    )

    const pulled = await b.engine.pullOnce()
    expect(pulled.pulled).toBeGreaterThan(0)
    expect((await b.database.actions.get('action-1'))!.owner).toBe('Jo')
    expect((await syncStateOf(b.database, 'actions', 'action-1'))!.values.owner).toBe('Priya')
    expect(await b.database.outbox.count()).toBe(1)

    await b.engine.syncOnce()
    await a.engine.syncOnce()
    expect((await expectSameOnBoth()).actions[0]!.owner).toBe('Jo')
  })

  it("stamps every change with this tablet's clock, later than anything it has pulled", async () => {
    await a.repo.saveRecord<Action>(
      'actions',
      { ...((await a.database.actions.get('action-1')) as Action), owner: 'Priya' },
      'Priya',
    )
    const [sent] = await a.database.outbox.toArray()
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    await b.repo.saveRecord<Action>(
      'actions',
      { ...((await b.database.actions.get('action-1')) as Action), owner: 'Jo' },
      'Jo',
    )
    const [mine] = await b.database.outbox.toArray()
    expect(mine!.hlc > sent!.hlc).toBe(true)
    expect(mine!.hlc.split(':')[2]).not.toBe(sent!.hlc.split(':')[2])
  })
})
