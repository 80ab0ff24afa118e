// The same record limits over the real push path: a flood of text versions leaves a record
// the ward's tablets can still download, and a change past the field or byte limit is a 400
// that stores nothing.
import { describe, expect, it } from 'vitest'
import { RECORD_LIMITS } from '../../src/shared/sync/limits.ts'
import { PullResponseSchema } from '../../src/shared/sync/protocol.ts'
import { currentSeq } from '../../server/sync/pull.ts'
import { BACKENDS, newScope } from './backends.ts'
import { mutation, pushBody, stamp } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

describe.each(BACKENDS)('record limits on %s', (backend) => {
  const running = useTestServer(backend)
  const db = () => running().test.db
  const push = (mutations: unknown[]) =>
    running().server.app.inject({ method: 'POST', url: '/api/sync/push', payload: pushBody(mutations) })
  const pullAll = async (scope: string) =>
    PullResponseSchema.parse(
      (await running().server.app.inject({ method: 'GET', url: `/api/sync/pull?protocol=1&scope=${scope}` })).json(),
    )

  it('12 pushes of 300 edits that saw nothing leave one action with at most the allowed versions', async () => {
    const scope = newScope()
    for (let round = 0; round < 12; round++) {
      const edits = Array.from({ length: 300 }, (_, i) =>
        mutation(scope, 'a1', { title: { set: `${round}-${i} ${'x'.repeat(1_000)}` } }, { hlc: stamp(`n${i}`) }),
      )
      expect((await push(edits)).statusCode).toBe(200)
    }
    const [record] = (await pullAll(scope)).records
    expect(record?.conflicts?.title).toHaveLength(RECORD_LIMITS.textVersionsPerField)
    expect(Buffer.byteLength(JSON.stringify(record))).toBeLessThan(RECORD_LIMITS.recordBytes + 4_096)
  })

  it('refuses a change that would give a record too many fields: 400, nothing stored', async () => {
    const scope = newScope()
    const fields = (from: number, count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${from + i}`, { set: i }]))
    expect((await push([mutation(scope, 'r1', fields(0, 60))])).statusCode).toBe(200)
    expect((await push([mutation(scope, 'r1', fields(60, RECORD_LIMITS.fieldsPerRecord - 60))])).statusCode).toBe(200)
    const seq = await currentSeq(db(), scope)
    const refused = await push([
      mutation(scope, 'r2', { title: { set: 'fine' } }),
      mutation(scope, 'r1', fields(500, 1)),
    ])
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: 'invalid-payload' })
    expect(JSON.stringify(refused.json())).toContain(`at most ${RECORD_LIMITS.fieldsPerRecord} fields`)
    // The whole batch is refused: the good change with it.
    expect(await currentSeq(db(), scope)).toBe(seq)
    expect((await pullAll(scope)).records.map((record) => record.id)).toEqual(['r1'])
  })

  it('refuses a record that would be over the byte limit across several pushes', async () => {
    const scope = newScope()
    const big = (from: number) =>
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${from + i}`, { set: '€'.repeat(10_000) }]))
    expect((await push([mutation(scope, 'r1', big(0))])).statusCode).toBe(200)
    const refused = await push([mutation(scope, 'r1', big(10))])
    expect(refused.statusCode).toBe(400)
    expect(JSON.stringify(refused.json())).toContain('at most 512 KB')
  })
})
