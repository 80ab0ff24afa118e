// Protocol 3 on the server: a pull whose cursor and mark are not in the server's history is told to start
// again (a restored server), and a partial change to a record the server does not hold is answered as
// missing rather than stored as a record without its other fields. Older protocols are answered as before.
import { describe, expect, it } from 'vitest'
import { PullResponseSchema, PushResponseSchema } from '../../src/shared/sync/protocol.ts'
import { BACKENDS, newScope } from './backends.ts'
import { mutation, pushBodyV2 } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

describe.each(BACKENDS)('restore safety on %s', (backend) => {
  const running = useTestServer(backend)
  const push = (payload: unknown) =>
    running().server.app.inject({ method: 'POST', url: '/api/sync/push', payload: payload as object })
  const pull = async (query: string) =>
    PullResponseSchema.parse(
      (await running().server.app.inject({ method: 'GET', url: `/api/sync/pull?${query}` })).json(),
    )
  const stored = (scope: string) =>
    running().test.db.selectFrom('records').selectAll().where('scope', '=', scope).execute()

  it('answers a partial change to a record it does not hold as missing, and stores nothing of it', async () => {
    const scope = newScope()
    const edit = mutation(scope, 'lost', { status: { set: 'done' } }, { partial: true })
    const answer = PushResponseSchema.parse((await push(pushBodyV2([edit]))).json())
    expect(answer).toMatchObject({ accepted: [], missing: [edit.mutationId] })
    expect(await stored(scope)).toEqual([])

    // The whole record in the same push: the edit applies on top of it.
    const whole = mutation(scope, 'lost', { title: { set: 'Chase the pharmacy order' }, status: { set: 'open' } })
    // The edit's id was freed, so the same change counts when it comes again.
    const both = PushResponseSchema.parse((await push(pushBodyV2([edit, whole]))).json())
    expect(both.missing).toBeUndefined()
    expect(both.accepted).toEqual([edit.mutationId, whole.mutationId])
    const [row] = await stored(scope)
    expect(JSON.parse(row!.fields)).toEqual({ title: 'Chase the pharmacy order', status: 'open' })
  })

  it('applies a partial change to a record it holds', async () => {
    const scope = newScope()
    await push(pushBodyV2([mutation(scope, 'a1', { title: { set: 'Audit' } })]))
    const edit = mutation(scope, 'a1', { status: { set: 'done' } }, { partial: true })
    expect(PushResponseSchema.parse((await push(pushBodyV2([edit]))).json()).accepted).toEqual([edit.mutationId])
  })

  it('gives each page the mark of its cursor and tells a cursor it does not know to start again', async () => {
    const scope = newScope()
    await push(
      pushBodyV2([mutation(scope, 'a1', { title: { set: 'One' } }), mutation(scope, 'a2', { title: { set: 'Two' } })]),
    )
    const page = await pull(`protocol=3&scope=${scope}&after=0&limit=1`)
    expect(page).toMatchObject({ cursor: 1, hasMore: true })
    expect(page.mark).toMatch(/^[\w-]{8,}$/)
    // Inside one push's run of numbers the mark is the same; the next push has its own.
    const rest = await pull(`protocol=3&scope=${scope}&after=1&mark=${page.mark}`)
    expect(rest).toMatchObject({ cursor: 2, hasMore: false, mark: page.mark })
    expect(rest.restart).toBeUndefined()

    expect(await pull(`protocol=3&scope=${scope}&after=2&mark=another`)).toMatchObject({
      restart: true,
      records: [],
      cursor: 0,
    })
    // Without a mark only a cursor above the scope's sequence shows it.
    expect((await pull(`protocol=3&scope=${scope}&after=2`)).restart).toBeUndefined()
    expect(await pull(`protocol=3&scope=${scope}&after=5`)).toMatchObject({ restart: true })
    // Protocol 2 tablets are answered as before, and are not given marks.
    const old = await pull(`protocol=2&scope=${scope}&after=5`)
    expect(old.restart).toBeUndefined()
    expect(old.mark).toBeUndefined()
  })

  it("answers a push with each scope's run and mark, and checks it while the tablet's cursor is below it", async () => {
    const scope = newScope()
    const answer = PushResponseSchema.parse(
      (
        await push(
          pushBodyV2([
            mutation(scope, 'a1', { title: { set: 'One' } }),
            mutation(scope, 'a2', { title: { set: 'Two' } }),
          ]),
        )
      ).json(),
    )
    const written = answer.marks?.[scope]
    expect(written).toMatchObject({ seq: 2, mark: expect.stringMatching(/^[\w-]{8,}$/) })
    const kept = await pull(`protocol=3&scope=${scope}&after=0&pushed=2.${written!.mark}`)
    expect(kept.restart).toBeUndefined()
    expect(kept.records).toHaveLength(2)
    expect(await pull(`protocol=3&scope=${scope}&after=0&pushed=2.another`)).toMatchObject({ restart: true })
    expect(await pull(`protocol=3&scope=${scope}&after=0&pushed=9.${written!.mark}`)).toMatchObject({ restart: true })
    // Protocol 2 is answered as before.
    expect(
      PushResponseSchema.parse(
        (await push({ ...pushBodyV2([mutation(scope, 'a3', { title: { set: 'x' } })]), protocol: 2 })).json(),
      ).marks,
    ).toBeUndefined()
  })
})
