// @vitest-environment node
// Ids cannot cross scopes: the first scope to store a (table, id) owns it, and a change naming it in any other
// scope is refused (protocol 2: that change alone; protocol 1: the whole push, 403).
import { describe, expect, it } from 'vitest'
import { PullResponseSchema, PushResponseSchema } from '../../src/shared/sync/protocol.ts'
import { BACKENDS, newScope } from './backends.ts'
import { mutation, pushBody, pushBodyV2 } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

describe.each(BACKENDS)('record ids owned by one scope on %s', (backend) => {
  const running = useTestServer(backend, { idsOwnedByScope: true })
  const db = () => running().test.db
  const push = (body: object) => running().server.app.inject({ method: 'POST', url: '/api/sync/push', payload: body })
  const pullAll = async (scope: string) =>
    PullResponseSchema.parse(
      (await running().server.app.inject({ method: 'GET', url: `/api/sync/pull?protocol=2&scope=${scope}` })).json(),
    ).records

  it("refuses a change naming another scope's record id, alone in protocol 2 and the whole push in protocol 1", async () => {
    const [wardA, wardB] = [newScope(), newScope()]
    const id = `action-${wardA}`
    expect((await push(pushBodyV2([mutation(wardA, id, { title: { set: 'Ward A' } })]))).statusCode).toBe(200)

    const own = mutation(wardB, `own-${wardB}`, { title: { set: 'Ward B' } })
    const forged = mutation(wardB, id, { title: { set: 'Forged' } })
    const answer = PushResponseSchema.parse((await push(pushBodyV2([forged, own]))).json())
    expect(answer.accepted).toEqual([own.mutationId])
    expect(answer.refused).toMatchObject([{ mutationId: forged.mutationId, error: 'forbidden-record' }])

    const old = await push(pushBody([mutation(wardB, id, { title: { set: 'Forged again' } })]))
    expect(old.statusCode).toBe(403)
    expect(old.json()).toMatchObject({
      error: 'forbidden-scope',
      details: { scope: wardB, table: 'actions', recordId: id },
    })

    expect((await pullAll(wardB)).map((record) => record.id)).toEqual([own.recordId])
    expect((await pullAll(wardA)).map((record) => record.fields.title)).toEqual(['Ward A'])
    // The owner goes on changing it.
    const edit = mutation(wardA, id, { title: { set: 'Ward A, edited' } })
    expect(PushResponseSchema.parse((await push(pushBodyV2([edit]))).json()).accepted).toEqual([edit.mutationId])
  })

  it("refuses a partial change naming another scope's record, rather than asking for the whole record", async () => {
    const [library, ward] = [newScope(), newScope()]
    const id = `checklist-${library}`
    expect((await push(pushBodyV2([mutation(library, id, { title: { set: 'Safety huddle' } })]))).statusCode).toBe(200)

    // The ward does not hold it, so without the ownership check first this would be answered as "missing" and
    // the tablet would queue the library's record whole in a scope it can only read.
    const forged = mutation(ward, id, { title: { set: 'Forged' } }, { partial: true })
    const answer = PushResponseSchema.parse((await push(pushBodyV2([forged]))).json())
    expect(answer.accepted).toEqual([])
    expect(answer.missing ?? []).toEqual([])
    expect(answer.refused).toMatchObject([{ mutationId: forged.mutationId, error: 'forbidden-record' }])
    expect(await pullAll(ward)).toEqual([])
  })

  it('keeps an id stored in two scopes before ownership writable in both', async () => {
    const [wardA, wardB] = [newScope(), newScope()]
    const id = `run-${wardA}`
    // As a server upgraded with such records finds them: both stored, the first scope named owner.
    for (const scope of [wardA, wardB]) {
      await db()
        .insertInto('records')
        .values({ scope, tbl: 'checklistRuns', id, seq: 1, fields: '{}', clocks: '{}', origins: null, conflicts: null })
        .execute()
      await db().insertInto('scopes').values({ scope, seq: 1 }).execute()
    }
    await db()
      .insertInto('record_owners')
      .values({ tbl: 'checklistRuns', id, scope: [wardA, wardB].sort()[0]! })
      .execute()
    for (const scope of [wardA, wardB]) {
      const change = mutation(scope, id, { completedAt: { set: '2026-12-07T08:00:00Z' } }, { table: 'checklistRuns' })
      expect(PushResponseSchema.parse((await push(pushBodyV2([change]))).json()).accepted).toEqual([change.mutationId])
    }
  })
})
