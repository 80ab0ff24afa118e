// @vitest-environment node
// Record ids cannot cross scopes: a ward tablet that pushes a change naming another ward's record
// id, or a trust-library record's id, in its own scope changes nothing on any tablet (docs/SYNC.md,
// "Identity"). Real engine and fake-indexeddb against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutboxEntry } from '@/db/db'
import type { Action, ChecklistTemplate } from '@/domain/types'
import { formatHlc } from '@/shared/sync/hlc'
import { libraryScopeId } from '@/shared/sync/scopes'
import { startRealServer, type RealServer } from '../harness/realServer'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

const action = (id: string, unitId: string, title: string): Omit<Action, 'createdAt' | 'updatedAt' | 'updatedBy'> => ({
  id,
  unitId,
  boardId: 'board-1',
  title,
  owner: 'Sam',
  dueDay: null,
  status: 'open',
  measureId: null,
  measureDay: null,
  conceptIds: [],
  closedAt: null,
})

/** What a forging tablet puts straight into its outbox: a change to `recordId` in its own scope. */
function forged(table: OutboxEntry['table'], recordId: string, unitId: string, fields: Record<string, unknown>) {
  return {
    mutationId: crypto.randomUUID(),
    table,
    recordId,
    unitId,
    op: 'put' as const,
    fields,
    at: new Date().toISOString(),
    by: 'Forger',
    // A stamp an hour ahead would win any last-writer-wins contest it were allowed into.
    hlc: formatHlc({ wallMs: Date.now() + 59_000, counter: 0, nodeId: 'forger' }),
  }
}

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

    await wardA.repo.saveRecord<Action>('actions', action('a-action', org.unitA.id, 'Ward A’s own action'), 'Sam')
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
