// A fresh tablet's first pull reads back only the app rows that can be there (docs/SYNC.md, "How a tablet stores
// records"): none on a new tablet, the rows this round stored, and the records saved here while it runs.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SYNC_META } from '@/db/db'
import type { Action } from '@/domain/types'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import type { SyncTransport } from '@/sync/transport-types'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { action, board, makeTablet, unit, UNIT_ID, type Tablet } from './tablets'

const tablets: Tablet[] = []
afterEach(() => {
  for (const tablet of tablets.splice(0)) tablet.database.close()
})

function tablet(...args: Parameters<typeof makeTablet>): Tablet {
  const made = makeTablet(...args)
  tablets.push(made)
  return made
}

/** A unit with a board and `count` actions, made and sent by tablet A. */
async function unitWithActions(server: MemorySyncServer, count: number): Promise<Tablet> {
  const a = tablet('a', server)
  await a.enrol()
  await a.repo.saveRecords(
    [
      { table: 'units', record: unit() },
      { table: 'boards', record: board() },
      ...Array.from({ length: count }, (_, i) => ({
        table: 'actions' as const,
        record: action({ id: `action-${i + 1}`, title: `Action ${i + 1}` }),
      })),
    ],
    'Sam',
  )
  expect(await a.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
  return a
}

const historyOf = (t: Tablet, id: string) => t.repo.historyOf('actions', id)

describe("a fresh tablet's first pull", () => {
  it('reads back no app rows: a new tablet showed none of the records before', async () => {
    const server = new MemorySyncServer()
    await unitWithActions(server, 7)
    const b = tablet('b', server, { pageSize: 2 })
    await b.enrol()
    const appReads: string[] = []
    const originalGet = IDBObjectStore.prototype.get
    const get = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (
      this: IDBObjectStore,
      key: IDBValidKey | IDBKeyRange,
    ) {
      if (Object.hasOwn(SYNCED_TABLES, this.name)) appReads.push(`${this.name}/${String(key)}`)
      return originalGet.call(this, key)
    })
    let result
    try {
      result = await b.engine.syncOnce()
    } finally {
      get.mockRestore()
    }
    expect(result).toMatchObject({ outcome: 'synced', pulled: 9 })
    expect([...result.changedTables].sort()).toEqual(['actions', 'boards', 'units'])
    expect(appReads).toEqual([])
    expect(await b.database.actions.count()).toBe(7)
    expect(await historyOf(b, 'action-1')).toEqual([])
  })

  it('reads back a record a later page brings again, and records what changed in it', async () => {
    const server = new MemorySyncServer()
    const a = await unitWithActions(server, 4)
    let changed = false
    const b = tablet('b', server, {
      pageSize: 3,
      wrap: (transport): SyncTransport => ({
        ...transport,
        // While B stores its first page (which holds action-1), Priya changes action-1 on A: the server then
        // holds it at a later sequence, so a later page of the same first pull brings it again.
        pull: async (request) => {
          if (request.after > 0 && !changed) {
            changed = true
            await a.repo.updateRecord<Action>('actions', 'action-1', { owner: 'Priya' }, 'Priya')
            expect(await a.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })
          }
          return transport.pull(request)
        },
      }),
    })
    await b.enrol()
    const pulledFirst = server.requests.length
    expect(await b.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(changed).toBe(true)
    // The first page held action-1 (the unit, the board, action-1): it came twice.
    expect(server.requests.slice(pulledFirst).filter((r) => r.kind === 'pull').length).toBeGreaterThan(2)
    expect(await b.database.actions.get('action-1')).toMatchObject({ owner: 'Priya' })
    expect(await historyOf(b, 'action-1')).toEqual([
      expect.objectContaining({ kind: 'updated', by: 'Priya', fromOtherTablet: true }),
    ])
  })

  it('reads back a record saved here while it runs, whose id a later page brings', async () => {
    const server = new MemorySyncServer()
    const a = await unitWithActions(server, 4)
    // A closed action-5 (a later page brings it); B, mid-pull, saves its own action-5 without a closing time.
    await a.repo.saveRecord(
      'actions',
      action({ id: 'action-5', title: 'Same id', status: 'done', closedAt: '2026-11-20T10:00:00.000Z' }),
      'Sam',
    )
    expect(await a.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })
    // One record to a page: unit, board, action-1 to action-4, then action-5.
    let asked = 0
    let saved = false
    const b: Tablet = tablet('b', server, {
      pageSize: 1,
      wrap: (transport): SyncTransport => ({
        ...transport,
        pull: async (request) => {
          // The request for the last page (action-5) is asked for while the sixth is stored, when the pages before
          // have put actions here: this save waits for the sixth page and is committed before the last is stored.
          if (request.after > 0 && ++asked === 6) {
            const { closedAt: _closedAt, ...mine } = action({ id: 'action-5', title: 'Same id', status: 'done' })
            await b.repo.saveRecord('actions', mine as Omit<Action, 'createdAt' | 'updatedAt' | 'updatedBy'>, 'Priya')
            saved = (await b.database.actions.count()) > 1
          }
          return transport.pull(request)
        },
      }),
    })
    await b.enrol()
    expect(await b.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(saved).toBe(true)
    const shown = await b.database.actions.get('action-5')
    expect(shown).toMatchObject({ updatedBy: 'Priya', closedAt: '2026-11-20T10:00:00.000Z' })
    // What it showed (Priya's save) changed under the pull: that is news, recorded as from the other tablet.
    const history = await historyOf(b, 'action-5')
    expect(history.filter((entry) => entry.fromOtherTablet)).toHaveLength(1)
  })

  it('on a tablet that already shows the records (pulling again from the start), reads them all back', async () => {
    const server = new MemorySyncServer()
    const a = await unitWithActions(server, 3)
    const b = tablet('b', server, { pageSize: 2 })
    await b.enrol()
    expect(await b.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    await a.repo.updateRecord<Action>('actions', 'action-2', { owner: 'Priya' }, 'Priya')
    expect(await a.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })
    // As after a change of server: the cursor is gone, so B catches up from the start over what it shows.
    await b.database.meta.delete(SYNC_META.cursor(UNIT_ID))
    const result = await b.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'synced' })
    expect([...result.changedTables]).toEqual(['actions'])
    expect(await historyOf(b, 'action-2')).toEqual([
      expect.objectContaining({ kind: 'updated', by: 'Priya', fromOtherTablet: true }),
    ])
    expect(await historyOf(b, 'action-1')).toEqual([])
  })
})
