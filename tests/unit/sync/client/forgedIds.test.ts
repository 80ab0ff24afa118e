// @vitest-environment node
// Record ids cannot cross scopes: a ward tablet that pushes a change naming another ward's record
// id, or a trust-library record's id, in its own scope changes nothing on any tablet (docs/SYNC.md,
// "Identity"). Real engine and fake-indexeddb against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Action, ChecklistTemplate } from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { startRealServer, type RealServer } from '../harness/realServer'
import { forgedEntry as forged, newAction } from '../harness/records'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

describe('a forged push', () => {
  it("with another ward's record id or a library id changes nothing on CSU and trust tablets", async () => {
    const { org } = server
    const library = libraryScopeId(org.trust.id)
    const wardA = server.tablet('ward-a')
    const wardB = server.tablet('ward-b')
    const csu = server.tablet('csu')
    const trust = server.tablet('trust')
    await wardA.enrol('unit', org.unitA.id)
    await wardB.enrol('unit', org.unitB.id)
    await csu.enrol('csu', org.csu.id)
    await trust.enrol('trust', org.trust.id)

    await wardA.repo.saveRecord<Action>(
      'actions',
      newAction('a-action', org.unitA.id, { title: 'Ward A’s own action' }),
      'Sam',
    )
    await wardA.engine.syncOnce()
    await trust.repo.saveRecord<ChecklistTemplate>(
      'checklistTemplates',
      { id: 'lib-check', unitId: library, title: 'Trust checklist' } as ChecklistTemplate,
      'Office',
    )
    expect(await trust.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })

    await wardB.database.outbox.bulkAdd([
      forged('actions', 'a-action', org.unitB.id, { title: 'Overwritten by Ward B', deleted: true }),
      forged('checklistTemplates', 'lib-check', org.unitB.id, { title: 'Hijacked', deleted: true }),
    ])
    const result = await wardB.engine.syncOnce()
    expect(result).toMatchObject({ pushed: 0, setAside: 2 })
    expect((await wardB.database.notSent.toArray()).map((row) => row.error)).toEqual([
      'forbidden-record',
      'forbidden-record',
    ])

    for (const office of [csu, trust]) {
      await office.engine.syncOnce()
      expect(await office.database.actions.get('a-action')).toMatchObject({
        title: 'Ward A’s own action',
        unitId: org.unitA.id,
      })
      expect(await office.database.checklistTemplates.get('lib-check')).toMatchObject({
        title: 'Trust checklist',
        unitId: library,
      })
    }
    // Ward A's next edit still goes to Ward A's scope, and arrives.
    await wardA.repo.saveRecord<Action>(
      'actions',
      { ...(await wardA.database.actions.get('a-action'))!, owner: 'Priya' },
      'Sam',
    )
    await wardA.engine.syncOnce()
    await csu.engine.syncOnce()
    expect(await csu.database.actions.get('a-action')).toMatchObject({ owner: 'Priya', unitId: org.unitA.id })
  })
})
