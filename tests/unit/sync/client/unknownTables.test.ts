// @vitest-environment node
// A tablet still on an older version pulls records of a table it does not know: it keeps them (the cursor moves
// past them, so they are never pulled again) and shows them once it has updated (real engine and server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYNC_META } from '@/db/db'
import type { Action } from '@/domain/types'
import { createSyncEngine } from '@/sync/engine'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import { startRealServer, type RealServer } from '../harness/realServer'
import { newAction } from '../harness/records'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

describe('a table this version does not know', () => {
  it('is kept when pulled and appears after the update', async () => {
    const unitId = server.org.unitB.id
    const { actions: _actions, ...olderTables } = SYNCED_TABLES
    const writer = server.tablet('new-version')
    const old = server.tablet('old-version')
    await writer.enrol('unit', unitId)
    await old.enrol('unit', unitId)
    const olderEngine = createSyncEngine({ database: old.database, transport: old.transport, tables: olderTables })

    const action = newAction(`new-table-${unitId}`, unitId, { title: 'Made on the new version' })
    await writer.repo.saveRecord<Action>('actions', action, 'Sam')
    await writer.engine.syncOnce()

    expect(await olderEngine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(await old.database.actions.count()).toBe(0)
    expect(await old.database.keptRecords.get(['actions', action.id])).toMatchObject({ scope: unitId })
    const cursor = (await old.database.meta.get(SYNC_META.cursor(unitId)))?.value
    expect(cursor).toBeGreaterThan(0)

    // "Update now": the same database, an engine that knows the table. Nothing is pulled again.
    const result = await old.engine.syncOnce()
    expect(result.outcome).toBe('synced')
    expect(await old.database.actions.get(action.id)).toMatchObject({ title: 'Made on the new version', unitId })
    expect(await old.database.keptRecords.count()).toBe(0)
    expect(result.changedTables.has('actions')).toBe(true)
    // Later changes arrive as usual.
    await writer.repo.updateRecord<Action>('actions', action.id, { owner: 'Priya' }, 'Sam')
    await writer.engine.syncOnce()
    await old.engine.syncOnce()
    expect(await old.database.actions.get(action.id)).toMatchObject({ owner: 'Priya' })
  })
})
