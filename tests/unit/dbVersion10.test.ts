import { describe, expect, it } from 'vitest'
import { HuddleDatabase } from '@/db/db'
import { repoFor } from '@/db/repo'
import { localViewOf, storedSyncRecords } from '@/db/syncRecords'
import type { ServerRecord } from '@/shared/sync/protocol'
import { at, latestVersion, meta, shippedDatabase } from './shippedSchemas'

const created = '1764144000000:000000:dabc'
const edited = '1764144060000:000000:dbcd'
const unsent = '1764144120000:000000:dabc'

const actionFields = {
  boardId: 'b1',
  title: 'Chase estates',
  owner: 'Sam',
  dueDay: null,
  status: 'open' as const,
  measureId: null,
  measureDay: null,
  conceptIds: ['c1'],
  closedAt: null,
  createdAt: at,
  updatedAt: at,
  updatedBy: 'Sam',
}

/** A server record of unit u1 with every field under `stamp`, and `later` fields under `edited`. */
function serverRecord(id: string, fields: Record<string, unknown>, later: string[] = []): ServerRecord {
  return {
    table: 'actions',
    id,
    scope: 'u1',
    seq: 3,
    fields: fields as ServerRecord['fields'],
    clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, later.includes(f) ? edited : created])),
  }
}

describe('database version 10', () => {
  it('keeps stamps and text versions in the sync state, not a second copy of the values, and loses nothing', async () => {
    const old = shippedDatabase('upgrade-from-v9', 9)
    // In step with the server.
    const same = serverRecord('a1', actionFields, ['owner'])
    // Shown with an unsent change over the server's owner.
    const changed = serverRecord('a2', actionFields)
    // Deleted: no app row, only the sync state holds its values.
    const gone = serverRecord('a3', { ...actionFields, deleted: true }, ['deleted'])
    // Two versions of the title to choose between.
    const conflicted: ServerRecord = {
      ...serverRecord('a4', { ...actionFields, title: 'Call estates' }, ['title']),
      conflicts: {
        title: [
          { value: 'Chase estates', hlc: created, by: 'Sam' },
          { value: 'Call estates', hlc: edited, by: 'Priya' },
        ],
      },
    }
    const { deleted: _deleted, ...goneFields } = gone.fields
    await old.table('actions').bulkPut([
      { ...meta('a1'), ...actionFields },
      { ...meta('a2'), ...actionFields, owner: 'Priya' },
      { ...meta('a4'), ...actionFields, title: 'Call estates' },
    ])
    await old.table('outbox').add({
      mutationId: 'm1',
      table: 'actions',
      recordId: 'a2',
      unitId: 'u1',
      op: 'put',
      fields: { owner: 'Priya' },
      at,
      by: 'Priya',
      hlc: unsent,
    })
    await old
      .table('syncState')
      .bulkPut([same, changed, gone, conflicted].map((record) => ({ ...record, conflicted: record.conflicts ? 1 : 0 })))
    expect(old.verno).toBe(9)
    old.close()

    const upgraded = new HuddleDatabase('upgrade-from-v9')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    const rows = await upgraded.syncState.orderBy(['table', 'id']).toArray()
    expect(rows.map((row) => row.id)).toEqual(['a1', 'a2', 'a3', 'a4'])
    for (const row of rows) expect(row).not.toHaveProperty('fields')
    // Only what the app rows do not show is kept as values.
    expect(rows.map((row) => row.values)).toEqual([{}, { owner: 'Sam' }, { ...goneFields, deleted: true }, {}])
    expect(rows[0]!.stamps).toEqual({
      [created]: Object.keys(actionFields).filter((f) => f !== 'owner'),
      [edited]: ['owner'],
    })
    // Only a conflicted row is in the index.
    expect(rows.map((row) => row.conflicted)).toEqual([undefined, undefined, undefined, 1])
    expect(await upgraded.syncState.where('conflicted').equals(1).primaryKeys()).toEqual([['actions', 'a4']])

    // Read back, each is the server's record exactly as before.
    const records = await upgraded.transaction('r', [upgraded.syncState, upgraded.actions], () =>
      storedSyncRecords(upgraded, rows),
    )
    expect(records).toEqual([same, changed, gone, conflicted].map(({ seq: _seq, ...record }) => record))
    // The app rows and the unsent change are as they were, and the change still shows over the server's value.
    expect(await upgraded.actions.get('a2')).toMatchObject({ owner: 'Priya', title: 'Chase estates' })
    expect(await upgraded.outbox.count()).toBe(1)
    const view = await upgraded.transaction('r', [upgraded.syncState, upgraded.actions, upgraded.outbox], () =>
      localViewOf(upgraded, 'actions', 'a2'),
    )
    expect(view?.fields.owner).toBe('Priya')
    expect(view?.clocks.owner).toBe(unsent)
    upgraded.close()
  })

  it('keeps the values of a synced record deleted on this tablet, so the whole record can be sent again', async () => {
    const database = new HuddleDatabase('version-10-local-delete')
    await database.open()
    const record = serverRecord('a1', actionFields)
    await database.actions.put({ ...meta('a1'), ...actionFields })
    await database.syncState.put({
      table: 'actions',
      id: 'a1',
      scope: 'u1',
      seq: 3,
      stamps: { [created]: Object.keys(actionFields) },
      values: {},
    })
    expect(await repoFor(database).deleteRecord('actions', 'a1', 'Sam')).toBe(true)
    expect(await database.actions.get('a1')).toBeUndefined()
    const rows = await database.syncState.toArray()
    expect(rows[0]!.values).toEqual(actionFields)
    const [stored] = await database.transaction('r', [database.syncState, database.actions], () =>
      storedSyncRecords(database, rows),
    )
    const { seq: _seq, ...expected } = record
    expect(stored).toEqual(expected)
    database.close()
  })
})
