// @vitest-environment node
// The server restored from a backup (the README's procedure) on SQLite and PostgreSQL: tablets
// notice that the server went back, pull their scopes again and send what it no longer has, so
// every tablet and the server end with the same records and nothing acknowledged is lost.
// Real engine and fake-indexeddb against the real server code.
import { afterEach, describe, expect, it } from 'vitest'
import type { Action } from '@/domain/types'
import { storedSyncRecords } from '@/db/syncRecords'
import { syncStatesOfScope } from '@/db/syncStates'
import type { SyncTransport } from '@/sync/transport-types'
import { BACKENDS } from '../../../server/backends'
import { backUp, restore } from '../../../server/backupRestore'
import { startRealServer, type RealServer, type RealTablet } from '../harness/realServer'
import { newAction } from '../harness/records'

const action = (id: string, unitId: string, title: string) => newAction(id, unitId, { title })

let server: RealServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Each tablet's actions, as its screens show them, by id. */
async function actionsOn(tablet: RealTablet): Promise<Record<string, unknown>> {
  const rows = (await tablet.database.table('actions').toArray()) as Action[]
  return Object.fromEntries(rows.map((row) => [row.id, { title: row.title, owner: row.owner, status: row.status }]))
}

/** The server's actions in a scope, as the same shape. */
async function actionsOnServer(real: RealServer, scope: string): Promise<Record<string, unknown>> {
  const rows = await real.test.db
    .selectFrom('records')
    .selectAll()
    .where('scope', '=', scope)
    .where('tbl', '=', 'actions')
    .execute()
  return Object.fromEntries(
    rows.map((row) => {
      const fields = JSON.parse(row.fields) as Record<string, unknown>
      return [row.id, { title: fields.title, owner: fields.owner, status: fields.status }]
    }),
  )
}

async function syncAll(tablets: RealTablet[], rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const tablet of tablets) {
      const result = await tablet.engine.syncOnce()
      expect(result.outcome, `${tablet.name}: ${result.message}`).toBe('synced')
    }
  }
}

describe.each(BACKENDS)('a server restored from a backup (%s)', (backend) => {
  // Three tablets, a backup and a restore take a few seconds alone and far longer on a busy machine.
  it('loses nothing: every tablet and the server end with the same actions', { timeout: 180_000 }, async () => {
    server = await startRealServer(backend)
    const unit = server.org.unitA.id
    const real = server
    // After every push from b, the server must hold either none of an action or all of it (never a headless one).
    const headless: string[] = []
    const watched = (transport: SyncTransport): SyncTransport => ({
      ...transport,
      async push(request) {
        const answer = await transport.push(request)
        for (const [id, fields] of Object.entries(await actionsOnServer(real, unit)))
          if ((fields as { title?: unknown }).title === undefined) headless.push(id)
        return answer
      },
    })
    // c keeps each record new to it in a pack (syncStates.ts): sent again whole from there too.
    const [a, b, c] = [server.tablet('a'), server.tablet('b', { wrap: watched }), server.tablet('c', { packFrom: 1 })]
    for (const tablet of [a, b, c]) await tablet.enrol('unit', unit)
    await a.repo.saveRecord<Action>('actions', action('before-1', unit, 'Fix the bay 3 door'), 'Sam')
    await b.repo.saveRecord<Action>('actions', action('before-2', unit, 'Order more gloves'), 'Priya')
    await syncAll([a, b, c])

    const backup = await backUp(server.test)
    // Acknowledged after the backup: two new actions and an edit, seen by every tablet.
    await b.repo.saveRecord<Action>('actions', action('lost-1', unit, 'Chase the pharmacy order'), 'Priya')
    await c.repo.saveRecord<Action>('actions', action('lost-2', unit, 'Book the hoist service'), 'Jo')
    await a.repo.updateRecord<Action>('actions', 'before-1', { owner: 'Priya' }, 'Sam')
    await syncAll([a, b, c])
    expect(Object.keys(await actionsOn(c)).sort()).toEqual(['before-1', 'before-2', 'lost-1', 'lost-2'])
    expect(await b.database.outbox.count()).toBe(0)

    await server.restart(() => restore(server!.test, backup))
    backup.discard()
    expect(Object.keys(await actionsOnServer(server, unit)).sort()).toEqual(['before-1', 'before-2'])

    // After the restore: an edit to an action the server no longer has, sent first. It must not plant a
    // record holding only the changed fields: the server asks for the whole record.
    await b.repo.updateRecord<Action>('actions', 'lost-1', { status: 'done' }, 'Priya')
    const first = await b.engine.syncOnce()
    expect(first).toMatchObject({ outcome: 'synced', serverRestored: true })
    expect(headless).toEqual([])
    expect((await actionsOnServer(server, unit))['lost-1']).toEqual({
      title: 'Chase the pharmacy order',
      owner: 'Sam',
      status: 'done',
    })
    // Three new actions, on tablets that have not noticed the restore yet.
    await a.repo.saveRecord<Action>('actions', action('after-1', unit, 'Audit the crash trolley'), 'Sam')
    await a.repo.saveRecord<Action>('actions', action('after-2', unit, 'Update the rota'), 'Sam')
    await c.repo.saveRecord<Action>('actions', action('after-3', unit, 'Fix the sluice light'), 'Jo')
    await syncAll([c, a, b], 2)

    const expected = await actionsOnServer(server, unit)
    expect(Object.keys(expected).sort()).toEqual([
      'after-1',
      'after-2',
      'after-3',
      'before-1',
      'before-2',
      'lost-1',
      'lost-2',
    ])
    expect(expected).toMatchObject({
      'before-1': { owner: 'Priya' },
      'lost-1': { title: 'Chase the pharmacy order', status: 'done' },
      'lost-2': { title: 'Book the hoist service' },
    })
    const serverRows = await server.test.db.selectFrom('records').selectAll().where('scope', '=', unit).execute()
    const serverState = Object.fromEntries(
      serverRows.map((row) => [
        `${row.tbl}/${row.id}`,
        { fields: JSON.parse(row.fields), clocks: JSON.parse(row.clocks) },
      ]),
    )
    for (const tablet of [a, b, c]) {
      expect(await actionsOn(tablet), tablet.name).toEqual(expected)
      expect(await tablet.database.outbox.count(), tablet.name).toBe(0)
      const rows = await syncStatesOfScope(tablet.database, unit)
      const records = await storedSyncRecords(tablet.database, rows)
      const state = Object.fromEntries(
        records.map((record) => [`${record.table}/${record.id}`, { fields: record.fields, clocks: record.clocks }]),
      )
      expect(state, tablet.name).toEqual(serverState)
    }
  })

  it(
    'brings back a change acknowledged after the backup by a tablet that had not pulled since',
    { timeout: 180_000 },
    async () => {
      server = await startRealServer(backend)
      const unit = server.org.unitA.id
      let pullsFail = false
      const flaky = (transport: SyncTransport): SyncTransport => ({
        ...transport,
        pull: (request) =>
          pullsFail
            ? Promise.resolve({ error: 'offline' as const, message: 'No connection' })
            : transport.pull(request),
      })
      const [d, e] = [server.tablet('d', { wrap: flaky }), server.tablet('e')]
      for (const tablet of [d, e]) await tablet.enrol('unit', unit)
      await d.repo.saveRecord<Action>('actions', action('before', unit, 'Fix the bay 3 door'), 'Sam')
      await syncAll([d, e])

      const backup = await backUp(server.test)
      // The push is acknowledged (it leaves d's outbox), then the connection drops before d pulls.
      pullsFail = true
      await d.repo.saveRecord<Action>('actions', action('pushed-only', unit, 'Chase the pharmacy order'), 'Sam')
      expect(await d.engine.syncOnce()).toMatchObject({ pushed: 1, outcome: 'offline' })
      expect(await d.database.outbox.count()).toBe(0)
      pullsFail = false

      await server.restart(() => restore(server!.test, backup))
      backup.discard()
      // Another tablet writes first, so the restored sequence numbers are issued again.
      await e.repo.saveRecord<Action>('actions', action('after', unit, 'Update the rota'), 'Jo')
      await syncAll([e, d, e])

      const expected = await actionsOnServer(server, unit)
      expect(Object.keys(expected).sort()).toEqual(['after', 'before', 'pushed-only'])
      for (const tablet of [d, e]) expect(await actionsOn(tablet), tablet.name).toEqual(expected)
    },
  )
})
