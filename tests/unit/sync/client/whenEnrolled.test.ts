import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { HuddleDatabase, SYNC_META } from '@/db/db'
import { NOT_ENROLLED_MESSAGE } from '@/sync/engine'
import { createHttpTransport, createSyncEngine, readEnrolment } from '@/sync/whenEnrolled'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { enrolDatabase, transportFor } from './tablets'

// Counts the loads of the module that holds the engine, the HTTP transport and their validators.
const loads = vi.hoisted(() => ({ count: 0 }))
vi.mock('@/sync/enrolledModules', async (importOriginal) => {
  loads.count += 1
  return importOriginal()
})

let server: MemorySyncServer
let database: HuddleDatabase
let count = 0

beforeEach(() => {
  server = new MemorySyncServer()
  database = new HuddleDatabase(`when-enrolled-${++count}`)
})

afterEach(() => {
  database.close()
})

// In this order: the module is loaded once per test file, by the first enrolled tablet.
describe('the sync engine behind whenEnrolled', () => {
  it('answers a tablet that is not enrolled without loading the engine or calling the server', async () => {
    const engine = createSyncEngine({ database, transport: transportFor(server, database) })
    expect(await engine.syncOnce()).toMatchObject({
      outcome: 'not-enrolled',
      message: NOT_ENROLLED_MESSAGE,
      pushed: 0,
      pulled: 0,
    })
    expect((await engine.pullOnce()).outcome).toBe('not-enrolled')
    expect(await readEnrolment(database)).toBeUndefined()
    const stop = createHttpTransport().events(['unit-7'], () => undefined)
    stop()
    expect(server.requests).toEqual([])
    expect(loads.count).toBe(0)
  })

  it('loads the engine for an enrolled tablet, which then syncs as before', async () => {
    await enrolDatabase(server, database)
    const engine = createSyncEngine({ database, transport: transportFor(server, database) })
    expect(await engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(server.requests.map((r) => r.kind)).toContain('pull')
    expect((await readEnrolment(database))?.units.map((u) => u.id)).toEqual(['unit-7'])
    expect(loads.count).toBe(1)
  })

  it('checks a stored enrolment with the full validator: an unreadable one is no enrolment', async () => {
    await database.meta.put({ key: SYNC_META.enrolment, value: { token: 42 } })
    expect(await readEnrolment(database)).toBeUndefined()
    const engine = createSyncEngine({ database, transport: transportFor(server, database) })
    expect((await engine.syncOnce()).outcome).toBe('not-enrolled')
    expect(server.requests).toEqual([])
  })
})
