// Tablets at every tier against the in-memory server: a CSU tablet's own board, the
// improvement office's (trust) tablet, and the trust library that every tablet reads
// and only the office may change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Board, ConceptEdit } from '@/domain/types'
import type { PushRequest } from '@/shared/sync/protocol'
import { libraryScopeId } from '@/shared/sync/scopes'
import { readOnlyNotice } from '@/sync/engine'
import { deviceCredentials, readEnrolment, saveEnrolment } from '@/sync/enrolment'
import { MemorySyncServer, type MemoryScope } from '../../../helpers/memorySyncServer'
import { isFailure } from '@/sync/transport-types'
import { action, board, makeTablet, UNIT_ID, type Tablet } from './tablets'

const LIBRARY = libraryScopeId('trust-1')
let server: MemorySyncServer
let tablets: Tablet[] = []

beforeEach(() => {
  server = new MemorySyncServer()
  server.addUnit({ id: UNIT_ID, name: 'Ward 7' }, { record: true })
  server.addUnit({ id: 'unit-8', name: 'Ward 8' }, { record: true })
  tablets = []
})

afterEach(() => {
  for (const tablet of tablets) tablet.database.close()
})

async function tabletFor(name: string, scope: MemoryScope): Promise<Tablet> {
  const tablet = makeTablet(name, server)
  tablets.push(tablet)
  const response = await tablet.transport.enrol(server.issueCode(scope), name)
  if (isFailure(response)) throw new Error(response.message)
  await saveEnrolment(tablet.database, response, name)
  return tablet
}

const conceptEdit = (over: Partial<ConceptEdit> = {}): Omit<ConceptEdit, 'createdAt' | 'updatedAt' | 'updatedBy'> => ({
  id: 'concept-5s',
  unitId: LIBRARY,
  builtIn: true,
  name: null,
  summary: 'Sort, set, shine, standardise, sustain: our sluice rooms',
  sections: {},
  group: null,
  relatedIds: null,
  resources: [],
  retired: false,
  baseVersion: 1,
  ...over,
})

const pushedScopes = () =>
  server.requests.flatMap((r) => (r.kind === 'push' ? (r.body as PushRequest).mutations.map((m) => m.scope) : []))

describe('the trust library', () => {
  it("keeps a ward tablet's library changes unsent, says why, and never lets them hold up its other changes", async () => {
    const ward = await tabletFor('Ward 7 station', { kind: 'unit', id: UNIT_ID })
    await ward.repo.saveRecord<ConceptEdit>('conceptEdits', conceptEdit(), 'Sam')
    await ward.repo.saveRecord('actions', action(), 'Sam')

    const first = await ward.engine.syncOnce()
    expect(first).toMatchObject({
      outcome: 'synced',
      pushed: 1,
      readOnly: 1,
      localOnly: 0,
      held: 0,
      notice: readOnlyNotice(1),
    })
    expect(first.notice).toBe(
      '1 change to the trust library can only be sent by the improvement office. It is kept on this tablet.',
    )
    expect(pushedScopes()).toEqual([UNIT_ID])
    expect(server.recordsIn(LIBRARY)).toEqual([])
    expect((await ward.database.outbox.toArray()).map((entry) => entry.unitId)).toEqual([LIBRARY])
    // Not counted as waiting to be sent (the admin list would flag the tablet for ever).
    expect(await deviceCredentials(ward.database)).toMatchObject({ pendingCount: 0, oldestPendingMs: 0 })

    await ward.repo.saveRecord('actions', action({ id: 'action-2', title: 'Order more aprons' }), 'Priya')
    expect(await ward.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1, readOnly: 1 })
    expect(
      server
        .recordsIn(UNIT_ID)
        .filter((r) => r.table === 'actions')
        .map((r) => r.id),
    ).toEqual(['action-1', 'action-2'])
    expect(await ward.database.outbox.count()).toBe(1)
  })

  it("is written by the improvement office's tablet and read by every tablet of the trust", async () => {
    const office = await tabletFor('Improvement office', { kind: 'trust', id: 'trust-1' })
    const enrolment = await readEnrolment(office.database)
    expect(enrolment?.scope).toEqual({ kind: 'trust', id: 'trust-1', name: 'Northfield Teaching Hospitals' })
    expect(enrolment?.writable).toEqual([UNIT_ID, 'unit-8', 'csu', 'trust-1', LIBRARY])
    expect(await office.database.csus.toArray()).toMatchObject([{ id: 'csu', name: 'Medicine' }])

    await office.repo.saveRecord<ConceptEdit>('conceptEdits', conceptEdit(), 'Kay')
    expect(await office.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1, readOnly: 0 })
    expect(server.recordsIn(LIBRARY).map((r) => r.id)).toEqual(['concept-5s'])

    const ward = await tabletFor('Ward 8 station', { kind: 'unit', id: 'unit-8' })
    expect(await ward.engine.syncOnce()).toMatchObject({ outcome: 'synced' })
    expect(await ward.database.conceptEdits.get('concept-5s')).toMatchObject({
      unitId: LIBRARY,
      summary: conceptEdit().summary,
    })
  })
})

describe('a CSU tablet', () => {
  it("syncs its own CSU board beside its wards' boards, which a ward tablet never sees", async () => {
    const csuTablet = await tabletFor('Medicine office', { kind: 'csu', id: 'csu' })
    const ward = await tabletFor('Ward 7 station', { kind: 'unit', id: UNIT_ID })
    await ward.repo.saveRecord<Board>('boards', board(), 'Sam')
    await ward.engine.syncOnce()

    await csuTablet.repo.saveRecord<Board>(
      'boards',
      board({ id: 'csu-board', unitId: 'csu', name: 'Medicine CSU board' }),
      'Lee',
    )
    expect(await csuTablet.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })
    expect((await csuTablet.database.boards.toArray()).map((b) => `${b.unitId}/${b.name}`).sort()).toEqual([
      'csu/Medicine CSU board',
      `${UNIT_ID}/Ward 7 board`,
    ])

    // A second CSU tablet gets the CSU board too.
    const second = await tabletFor('Medicine office 2', { kind: 'csu', id: 'csu' })
    await second.engine.syncOnce()
    expect(await second.database.boards.get('csu-board')).toMatchObject({ unitId: 'csu', name: 'Medicine CSU board' })

    await ward.engine.syncOnce()
    expect((await ward.database.boards.toArray()).map((b) => b.id)).toEqual([board().id])
  })
})
