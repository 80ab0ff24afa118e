import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SYNC_META, type DeviceClockRow } from '@/db/db'
import { allSyncStates } from '@/db/syncStates'
import { isNodeId } from '@/shared/sync/hlc'
import type { Action } from '@/domain/types'
import { PROTOCOL_VERSION, type PullRequest } from '@/shared/sync/protocol'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import type { SyncTransport } from '@/sync/transport-types'
import { action, makeTablet, unit, UNIT_ID, type Tablet } from './tablets'

let server: MemorySyncServer
let a: Tablet
let b: Tablet

beforeEach(async () => {
  server = new MemorySyncServer()
  a = makeTablet('a', server)
  b = makeTablet('b', server, { pageSize: 2 })
  await a.enrol()
  await a.repo.saveRecord('units', unit(), 'Sam')
  for (let i = 1; i <= 4; i++)
    await a.repo.saveRecord<Action>('actions', action({ id: `action-${i}`, title: `Action ${i}` }), 'Sam')
  await a.engine.syncOnce()
  await b.enrol()
})

afterEach(() => {
  a.database.close()
  b.database.close()
})

const pullsAfter = () =>
  server.requests
    .filter((r) => r.kind === 'pull' && (r.body as PullRequest).scope === UNIT_ID)
    .map((r) => (r.body as PullRequest).after)
const cursorOf = async (tablet: Tablet) => (await tablet.database.meta.get(SYNC_META.cursor(UNIT_ID)))?.value

describe('pulling page by page', () => {
  it('stores nothing from a lost reply, and a retry pulls every record once, page by page', async () => {
    const before = pullsAfter().length
    server.failNext('response-lost')
    expect(await b.engine.syncOnce()).toMatchObject({ outcome: 'offline', pulled: 0 })
    expect(await cursorOf(b)).toBeUndefined()

    const retry = await b.engine.syncOnce()
    expect(retry).toMatchObject({ outcome: 'synced', pulled: 5 })
    expect(pullsAfter().slice(before)).toEqual([0, 0, 2, 4])
    expect(await cursorOf(b)).toBe(5)
    expect(await b.database.actions.count()).toBe(4)
    expect(await b.engine.syncOnce()).toMatchObject({ outcome: 'synced', pulled: 0 })
  })

  it('resumes from the last stored page after a drop between pages', async () => {
    let pulls = 0
    const dropsSecondPage = (original: SyncTransport): SyncTransport => ({
      ...original,
      pull: (request: PullRequest) =>
        ++pulls === 2 ? Promise.resolve({ error: 'offline' as const, message: 'gone' }) : original.pull(request),
    })
    const c = makeTablet('c', server, { pageSize: 2, wrap: dropsSecondPage })
    await c.enrol()
    expect(await c.engine.syncOnce()).toMatchObject({ outcome: 'offline', pulled: 2 })
    expect(await cursorOf(c)).toBe(2)
    expect(await allSyncStates(c.database)).toHaveLength(2)

    const afterBefore = pullsAfter().length
    const resumed = await c.engine.syncOnce()
    expect(resumed).toMatchObject({ outcome: 'synced', pulled: 3 })
    expect(pullsAfter().slice(afterBefore)).toEqual([2, 4])
    expect((await c.database.actions.toArray()).map((x) => x.title).sort()).toEqual([
      'Action 1',
      'Action 2',
      'Action 3',
      'Action 4',
    ])
    c.database.close()
  })

  it('stores nothing of a page whose cursor could not be saved (one transaction)', async () => {
    const put = b.database.meta.put.bind(b.database.meta)
    const spy = vi.spyOn(b.database.meta, 'put').mockImplementation((row, ...rest) => {
      if (row.key === SYNC_META.cursor(UNIT_ID)) throw new Error('disk full')
      return put(row, ...(rest as []))
    })
    const result = await b.engine.syncOnce()
    spy.mockRestore()
    expect(result.outcome).toBe('error')
    expect(result.message).toMatch(/kept safe/)
    expect(await allSyncStates(b.database)).toHaveLength(0)
    expect(await b.database.actions.count()).toBe(0)
    expect(await cursorOf(b)).toBeUndefined()

    expect(await b.engine.syncOnce()).toMatchObject({ outcome: 'synced', pulled: 5 })
    expect(await b.database.actions.count()).toBe(4)
  })
})

describe('errors are states, and the outbox is kept', () => {
  it('asks for an update when the server no longer accepts this protocol, and keeps every unsent change', async () => {
    await b.repo.saveRecord<Action>('actions', action({ id: 'action-9', title: 'Offline change' }), 'Jo')
    const outbox = await b.database.outbox.toArray()
    server.minimumProtocol = PROTOCOL_VERSION + 1
    const result = await b.engine.syncOnce()
    expect(result.outcome).toBe('update-needed')
    expect(result.message).toMatch(/needs the latest version of LIM Huddle/)
    expect(await b.database.outbox.toArray()).toEqual(outbox)

    server.minimumProtocol = 1
    expect((await b.engine.syncOnce()).outcome).toBe('synced')
    expect(await b.database.outbox.count()).toBe(0)
    expect(server.recordsIn(UNIT_ID).some((r) => r.id === 'action-9')).toBe(true)
  })

  it.each([
    ['device-revoked', 'removed', /removed from sync/],
    ['unauthorised', 'removed', /not set up for sync/],
    ['rate-limited', 'error', /busy/],
  ] as const)('a %s reply is the %s state with a plain message, outbox intact', async (code, outcome, message) => {
    await b.repo.saveRecord<Action>('actions', action({ id: 'action-9' }), 'Jo')
    server.failNext(code)
    const result = await b.engine.syncOnce()
    expect(result.outcome).toBe(outcome)
    expect(result.message).toMatch(message)
    expect(await b.database.outbox.count()).toBe(1)
  })

  it('is offline, not broken, when the server cannot be reached', async () => {
    server.offline = true
    await expect(b.engine.syncOnce()).resolves.toMatchObject({
      outcome: 'offline',
      message: expect.stringMatching(/kept safe/),
    })
  })
})

describe('the device clock', () => {
  it('keeps a node id and its latest stamp in meta, and moves past pulled stamps', async () => {
    await b.engine.syncOnce()
    const device = (await b.database.meta.get(SYNC_META.device))?.value as DeviceClockRow
    const newestPulled = server
      .recordsIn(UNIT_ID)
      .flatMap((r) => Object.values(r.clocks))
      .sort()
      .at(-1)!
    expect(device.latest! > newestPulled).toBe(true)
    expect(device.latest!.endsWith(`:${device.nodeId}`)).toBe(true)
    expect(isNodeId(device.nodeId)).toBe(true)
  })
})
