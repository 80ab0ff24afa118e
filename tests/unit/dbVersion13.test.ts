import { describe, expect, it } from 'vitest'
import { HuddleDatabase } from '@/db/db'
import { coachingWritesFor } from '@/db/coachingWrites'
import { at, latestVersion, meta, shippedDatabase } from './shippedSchemas'

describe('database version 13', () => {
  it('opens a version-10 database with its certification records and kept records intact, and adds the coaching and learning-together tables', async () => {
    const old = shippedDatabase('upgrade-to-v13', 10)
    await old.table('certSubmissions').put({ ...meta('s1'), ideaId: 'i1', title: 'Red trays at lunch' })
    // A request pulled while this tablet's version did not know the table: kept until the update.
    await old.table('keptRecords').put({
      table: 'coachRequests',
      id: 'r0',
      scope: 'u1',
      seq: 4,
      fields: { subject: 'Ward 7 board' },
      clocks: { subject: '1764144000000:000000:dabc' },
    })
    old.close()

    const upgraded = new HuddleDatabase('upgrade-to-v13')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    expect(await upgraded.certSubmissions.get('s1')).toMatchObject({ title: 'Red trays at lunch' })
    expect(await upgraded.keptRecords.get(['coachRequests', 'r0'])).toMatchObject({ seq: 4 })

    const writes = coachingWritesFor(upgraded)
    const now = new Date(at)
    await writes.saveRoster('t1', 'csu-1', ['Jo Coach'], 'Kay', now)
    const asked = await writes.ask(
      {
        unitId: 'u1',
        origin: 'asked',
        about: 'board',
        boardId: 'b1',
        ideaId: null,
        subject: 'Ward 7 board',
        text: 'Help us read our chart',
        csuId: 'csu-1',
        place: 'Ward 7',
      },
      'Sam',
      now,
    )
    await writes.take(asked.id, 'Jo Coach', now)
    await writes.logSession(asked.id, { day: '2026-11-26', notes: 'Read the run chart together' }, 'Jo Coach', now)
    expect(await upgraded.coachRequests.where('unitId').equals('u1').first()).toMatchObject({
      state: 'taken',
      takenBy: 'Jo Coach',
    })
    expect(await upgraded.coachSessions.where('requestId').equals(asked.id).count()).toBe(1)
    expect(await upgraded.coachRosters.get('coaches-csu-1')).toMatchObject({ unitId: 'library-t1' })
    // Each write is history and outbox in its own transaction.
    expect(await upgraded.outbox.where('table').anyOf('coachRosters', 'coachRequests', 'coachSessions').count()).toBe(4)
    expect(await upgraded.history.where('unitId').equals('u1').count()).toBe(3)
    // A second coach's take of a taken request is refused and writes nothing.
    await expect(writes.take(asked.id, 'Jo Coach', now)).rejects.toThrow('Jo Coach has already taken it')
    expect(await upgraded.outbox.count()).toBe(4)
    upgraded.close()
  })
})
