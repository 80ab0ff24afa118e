import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SYNC_META } from '@/db/db'
import type { Action, Unit } from '@/domain/types'
import type { PullRequest, PushRequest } from '@/shared/sync/protocol'
import { NOT_ENROLLED_MESSAGE, SERVER_CHANGED_NOTICE } from '@/sync/engine'
import { readEnrolment, saveEnrolment } from '@/sync/enrolment'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { isFailure } from '@/sync/transport-types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { action, makeTablet, unit, UNIT_ID, type Tablet } from './tablets'

let server: MemorySyncServer
let tablet: Tablet
/** Every tablet also reads its trust's library, after its own scopes. */
const LIBRARY = libraryScopeId('trust-1')

beforeEach(() => {
  server = new MemorySyncServer()
  tablet = makeTablet('t', server)
})

afterEach(() => {
  tablet.database.close()
})

const pushed = () => server.requests.flatMap((r) => (r.kind === 'push' ? [r.body as PushRequest] : []))
const pulledScopes = () => [
  ...new Set(server.requests.flatMap((r) => (r.kind === 'pull' ? [(r.body as PullRequest).scope] : []))),
]

async function saveActions(count: number, unitId = UNIT_ID, prefix = 'action') {
  for (let i = 1; i <= count; i++) {
    await tablet.repo.saveRecord<Action>(
      'actions',
      action({ id: `${prefix}-${i}`, unitId, title: `${prefix} ${i}` }),
      'Sam',
    )
  }
}

describe('a tablet that is not enrolled', () => {
  it('makes no network call at all and keeps every change', async () => {
    await tablet.repo.saveRecord('units', unit(), 'Sam')
    await saveActions(2)
    const result = await tablet.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'not-enrolled', message: NOT_ENROLLED_MESSAGE, pushed: 0, pulled: 0 })
    expect(await tablet.engine.pullOnce()).toMatchObject({ outcome: 'not-enrolled' })
    expect(server.requests).toEqual([])
    expect(await tablet.database.outbox.count()).toBe(3)
  })

  it('treats an unreadable enrolment as no enrolment', async () => {
    await tablet.database.meta.put({ key: SYNC_META.enrolment, value: { token: 42 } })
    expect((await tablet.engine.syncOnce()).outcome).toBe('not-enrolled')
    expect(server.requests).toEqual([])
  })
})

describe('an enrolled tablet', () => {
  it('sends only the changes of its enrolled units, counts the rest as local-only, and pulls exactly its units and the library', async () => {
    server.addUnit({ id: 'unit-9', name: 'Ward 9' })
    await tablet.enrol()
    await tablet.repo.saveRecord('units', unit(), 'Sam')
    await saveActions(2)
    // A board set up on this tablet before enrolment: it stays here until shared.
    await tablet.repo.saveRecord('units', unit({ id: 'local-unit', unitId: 'local-unit', name: 'My ward' }), 'Sam')
    await saveActions(3, 'local-unit', 'local')

    const result = await tablet.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'synced', pushed: 3, localOnly: 4, held: 0 })
    expect(pushed().flatMap((p) => p.mutations.map((m) => m.scope))).toEqual([UNIT_ID, UNIT_ID, UNIT_ID])
    expect(pulledScopes()).toEqual([UNIT_ID, LIBRARY])
    const left = await tablet.database.outbox.toArray()
    expect(left.map((e) => e.unitId)).toEqual(Array(4).fill('local-unit'))
    expect(server.recordsIn('local-unit')).toEqual([])
  })

  it('asks the server what it may sync at the start of every round, so a CSU tablet picks up a new unit', async () => {
    server.addUnit({ id: UNIT_ID, name: 'Ward 7' }, { record: true })
    const response = await tablet.transport.enrol(server.issueCode({ kind: 'csu', id: 'csu' }), 'Medicine office')
    if (isFailure(response)) throw new Error(response.message)
    await saveEnrolment(tablet.database, response, 'Medicine office')
    expect((await tablet.engine.syncOnce()).outcome).toBe('synced')
    // Its units, then its own CSU board's scope, then the library.
    expect(pulledScopes()).toEqual([UNIT_ID, 'csu', LIBRARY])

    server.addUnit({ id: 'unit-8', name: 'Ward 8' }, { record: true })
    const result = await tablet.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'synced', pulled: 1 })
    expect(pulledScopes()).toEqual([UNIT_ID, 'csu', LIBRARY, 'unit-8'])
    expect((await readEnrolment(tablet.database))?.units.map((u) => u.name)).toEqual(['Ward 7', 'Ward 8'])
    expect((await tablet.database.units.get('unit-8')) as Unit).toMatchObject({
      name: 'Ward 8',
      csuId: 'csu',
      people: [],
    })
    expect(server.requests.filter((r) => r.kind === 'device')).toHaveLength(2)
  })

  it('keeps the organisation names it shows in step with the server', async () => {
    await tablet.enrol()
    server.csus.set('csu', { id: 'csu', trustId: 'trust-1', name: 'Medicine and Elderly Care' })
    await tablet.engine.syncOnce()
    expect(await tablet.database.csus.get('csu')).toMatchObject({
      name: 'Medicine and Elderly Care',
      trustId: 'trust-1',
    })
    expect(await tablet.database.trusts.get('trust-1')).toMatchObject({ name: 'Northfield Teaching Hospitals' })
  })

  it('starts pulling again from the beginning, and says so, when the server is a different one', async () => {
    await tablet.enrol()
    await tablet.repo.saveRecord('units', unit(), 'Sam')
    await saveActions(2)
    await tablet.engine.syncOnce()
    expect(await tablet.database.meta.get(SYNC_META.cursor(UNIT_ID))).toMatchObject({ value: 3 })
    expect((await tablet.engine.syncOnce()).serverChanged).toBeUndefined()

    server.serverId = 'restored-server'
    const before = server.requests.length
    const result = await tablet.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'synced', serverChanged: true, notice: SERVER_CHANGED_NOTICE, pulled: 3 })
    expect(
      server.requests
        .slice(before)
        .filter((r) => r.kind === 'pull')
        .map((r) => (r.body as PullRequest).after),
    ).toEqual([0, 0])
    expect((await readEnrolment(tablet.database))?.serverId).toBe('restored-server')
    expect((await tablet.engine.syncOnce()).serverChanged).toBeUndefined()
  })

  it('hears that it was removed, with the unit named, and keeps its changes', async () => {
    const enrolment = await tablet.enrol()
    await saveActions(1)
    server.revokeDevice(enrolment.deviceId)
    const result = await tablet.engine.syncOnce()
    expect(result).toMatchObject({
      outcome: 'removed',
      message:
        'This tablet was removed from Ward 7. Its changes are kept on it and will be sent once it is enrolled again. Ask your manager to re-enrol it.',
    })
    expect(server.requests.filter((r) => r.kind === 'push' || r.kind === 'pull')).toEqual([])
    expect(await tablet.database.outbox.count()).toBe(1)
  })

  it('is offline before sending anything when the server cannot be reached', async () => {
    await tablet.enrol()
    await saveActions(1)
    server.offline = true
    expect(await tablet.engine.syncOnce()).toMatchObject({ outcome: 'offline', pushed: 0 })
    expect(await tablet.database.outbox.count()).toBe(1)
  })
})

describe('a push the server finds too large', () => {
  beforeEach(async () => {
    await tablet.enrol()
    await tablet.repo.saveRecord('units', unit(), 'Sam')
    await saveActions(6)
  })

  it('is sent again in halves until the server accepts every part, in order', async () => {
    server.tooLarge = (batch) => batch.length > 2
    const result = await tablet.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'synced', pushed: 7, held: 0 })
    expect(pushed().map((p) => p.mutations.length)).toEqual([7, 4, 2, 2, 3, 2, 1])
    expect(await tablet.database.outbox.count()).toBe(0)
    const order = pushed()
      .filter((p) => p.mutations.length <= 2)
      .flatMap((p) => p.mutations.map((m) => m.recordId))
    expect(order).toEqual([UNIT_ID, 'action-1', 'action-2', 'action-3', 'action-4', 'action-5', 'action-6'])
  })

  it('holds a single change that is too large on its own, sends the rest and says so plainly', async () => {
    server.tooLarge = (batch) => batch.some((m) => m.recordId === 'action-3')
    const result = await tablet.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'error', pushed: 6, held: 1 })
    expect(result.message).toMatch(/too large for the sync server.*kept on this tablet/)
    expect((await tablet.database.outbox.toArray()).map((e) => e.recordId)).toEqual(['action-3'])
    expect(
      server
        .recordsIn(UNIT_ID)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['action-1', 'action-2', 'action-4', 'action-5', 'action-6', UNIT_ID])
  })
})
