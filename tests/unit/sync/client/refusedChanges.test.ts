// @vitest-environment node
// A change the server refuses (or this tablet cannot send) is set aside into the "could not be
// sent" list, and the round goes on: the rest of the outbox is sent and every scope is pulled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutboxEntry } from '@/db/db'
import { discardNotSent, notSentEntries } from '@/db/notSent'
import type { Action } from '@/domain/types'
import { startRealServer, type RealServer } from '../harness/realServer'
import { newAction, outboxEntry } from '../harness/records'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

describe('a change the server refuses', () => {
  it('is set aside with the reason, the rest is sent, and pulls go on', async () => {
    const { org } = server
    const a = server.tablet('a')
    const b = server.tablet('b')
    await a.enrol('unit', org.unitA.id)
    await b.enrol('unit', org.unitA.id)
    await b.repo.saveRecord<Action>('actions', newAction('from-b', org.unitA.id, { title: 'From B' }), 'Priya')
    expect(await b.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })

    await a.repo.saveRecord<Action>('actions', newAction('good', org.unitA.id, { title: 'Good change' }), 'Sam')
    // A unit record outside its own scope: the server refuses it.
    const refused = outboxEntry({ table: 'units', recordId: org.unitB.id, unitId: org.unitA.id })
    // A change this tablet cannot even send (a table the protocol does not know).
    const unreadable = outboxEntry({ table: 'nonsense' as OutboxEntry['table'], recordId: 'n1', unitId: org.unitA.id })
    await a.database.outbox.bulkAdd([refused, unreadable])

    const result = await a.engine.syncOnce()
    expect(result).toMatchObject({ pushed: 1, setAside: 2 })
    expect(await a.database.outbox.count()).toBe(0)
    expect((await a.database.actions.get('from-b'))?.title).toBe('From B')
    const list = await notSentEntries(a.database)
    expect(list.map((row) => [row.mutationId, row.error]).sort()).toEqual(
      [
        [refused.mutationId, 'forbidden-scope'],
        [unreadable.mutationId, 'invalid-on-tablet'],
      ].sort(),
    )
    expect(list.every((row) => row.message.length > 20)).toBe(true)

    // The other tablet gets the good change; nothing of the refused one reached anyone.
    await b.engine.syncOnce()
    expect((await b.database.actions.get('good'))?.title).toBe('Good change')
    expect((await b.database.units.get(org.unitB.id))?.name).not.toBe('Renamed')

    // Later rounds neither resend nor lose what was set aside; discarding removes it.
    expect(await a.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 0, setAside: 0 })
    expect(await a.database.notSent.count()).toBe(2)
    await discardNotSent(refused.mutationId, a.database)
    expect((await notSentEntries(a.database)).map((row) => row.mutationId)).toEqual([unreadable.mutationId])
  })

  it('pulls even when the whole push fails', async () => {
    const { org } = server
    const writer = server.tablet('writer')
    await writer.enrol('unit', org.unitB.id)
    await writer.repo.saveRecord<Action>(
      'actions',
      newAction('from-writer', org.unitB.id, { title: 'Pulled anyway' }),
      'Sam',
    )
    await writer.engine.syncOnce()

    const reader = server.tablet('reader', {
      wrap: (transport) => ({
        ...transport,
        push: async () => ({ error: 'unavailable', message: 'The sync server is not available right now.' }),
      }),
    })
    await reader.enrol('unit', org.unitB.id)
    await reader.repo.saveRecord<Action>('actions', newAction('unsent', org.unitB.id, { title: 'Waits' }), 'Sam')
    const result = await reader.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'error', retryable: true })
    expect((await reader.database.actions.get('from-writer'))?.title).toBe('Pulled anyway')
    expect(await reader.database.outbox.count()).toBe(1)
  })
})
