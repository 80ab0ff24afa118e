// @vitest-environment node
// A tablet still on an older version keeps records of a table it does not know. When the server is restored from
// a backup that lacks some of them, the tablet sends them back whole (stamps, writers and text bases as the server
// had them), like the records it knows, so nothing is lost even when it is the only tablet that still has them;
// after its update it shows exactly the server's records. Real engine and server (SQLite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Action } from '@/domain/types'
import { storedSyncRecords } from '@/db/syncRecords'
import type { ServerRecord } from '@/shared/sync/protocol'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import { backUp, restore } from '../../../server/backupRestore'
import { startRealServer, type RealServer } from '../harness/realServer'
import { newAction } from '../harness/records'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

const sameRecords = (records: readonly ServerRecord[]) =>
  [...records].map(({ seq: _seq, ...record }) => record).sort((a, b) => a.id.localeCompare(b.id))

describe('records of a table this version does not know, after a restore', () => {
  it('are sent back whole by the older tablet and shown once it updates', { timeout: 120_000 }, async () => {
    const unit = server.org.unitA.id
    const { actions: _actions, ...olderTables } = SYNCED_TABLES
    const writer = server.tablet('restore-writer')
    const old = server.tablet('restore-old', { tables: olderTables })
    await writer.enrol('unit', unit)
    await old.enrol('unit', unit)

    await writer.repo.saveRecord<Action>('actions', newAction('kept-1', unit, { title: 'Before the backup' }), 'Sam')
    await writer.engine.syncOnce()
    const backup = await backUp(server.test)
    // Acknowledged after the backup, and edited twice, so its fields carry different stamps and writers.
    await writer.repo.saveRecord<Action>('actions', newAction('kept-2', unit, { title: 'Lost by the restore' }), 'Sam')
    await writer.engine.syncOnce()
    await writer.repo.updateRecord<Action>('actions', 'kept-2', { title: 'Chase estates today', owner: 'Jo' }, 'Jo')
    await writer.engine.syncOnce()
    expect(await old.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    const before = await server.records([unit])
    const actionsBefore = sameRecords(before.filter((record) => record.table === 'actions'))
    expect(actionsBefore.map((record) => record.id)).toEqual(['kept-1', 'kept-2'])
    expect(await old.database.keptRecords.count()).toBe(2)

    // The writer is gone (wiped), so only the older tablet still holds kept-2.
    await server.restart(() => restore(server.test, backup))
    backup.discard()
    expect((await server.records([unit])).some((record) => record.id === 'kept-2')).toBe(false)

    const first = await old.engine.syncOnce()
    expect(first).toMatchObject({ outcome: 'synced', serverRestored: true })
    expect(await old.database.outbox.count()).toBe(0)
    const after = sameRecords((await server.records([unit])).filter((record) => record.table === 'actions'))
    expect(after).toEqual(actionsBefore)
    expect(sameRecords(await old.database.keptRecords.toArray())).toEqual(actionsBefore)

    // A new tablet sees both; the older one, once updated, shows both and holds exactly the server's records.
    const fresh = server.tablet('restore-fresh')
    await fresh.enrol('unit', unit)
    await fresh.engine.syncOnce()
    expect((await fresh.database.actions.toArray()).map((a) => [a.id, a.title]).sort()).toEqual([
      ['kept-1', 'Before the backup'],
      ['kept-2', 'Chase estates today'],
    ])
    const updated = server.tablet('restore-old-updated', { database: old.database })
    expect(await updated.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(await old.database.keptRecords.count()).toBe(0)
    expect(await old.database.actions.get('kept-2')).toMatchObject({ title: 'Chase estates today', owner: 'Jo' })
    const rows = await old.database.syncState.where('table').equals('actions').toArray()
    expect(
      sameRecords((await storedSyncRecords(old.database, rows)).map((record, i) => ({ ...record, seq: rows[i]!.seq }))),
    ).toEqual(actionsBefore)
  })
})
