import { describe, expect, it } from 'vitest'
import { createClock, MAX_FUTURE_SKEW_MS, parseHlc } from '../../src/shared/sync/hlc.ts'
import { currentSeq, pullRecords } from '../../server/sync/pull.ts'
import { pushMutations } from '../../server/sync/push.ts'
import { BACKENDS, newScope } from './backends.ts'
import { useTestDatabase } from './hooks.ts'
import { mutation, stamp } from './fixtures.ts'

describe.each(BACKENDS)('push on %s', (backend) => {
  const database = useTestDatabase(backend)

  async function only(scope: string) {
    const page = await pullRecords(database().db, scope, 0, 1000)
    return page.records
  }

  it('applies a mutation that arrives twice only once', async () => {
    const scope = newScope()
    const once = mutation(scope, 'a1', { title: { set: 'Order more gloves' } })
    const first = await pushMutations(database().db, [once])
    const again = await pushMutations(database().db, [once])
    expect(first).toMatchObject({ accepted: [once.mutationId], applied: 1, advanced: { [scope]: 1 } })
    expect(again).toMatchObject({ accepted: [once.mutationId], applied: 0, advanced: {} })
    expect(await currentSeq(database().db, scope)).toBe(1)
    expect(await only(scope)).toHaveLength(1)
  })

  it('applies the same batch once when it is sent twice (a lost response)', async () => {
    const scope = newScope()
    const batch = [
      mutation(scope, 't1', { status: { set: 'open' } }),
      mutation(scope, 't1', { owner: { set: 'Sam' } }),
      mutation(scope, 't2', { status: { set: 'done' } }),
    ]
    await pushMutations(database().db, batch)
    const seq = await currentSeq(database().db, scope)
    const again = await pushMutations(database().db, batch)
    expect(again.accepted).toEqual(batch.map((m) => m.mutationId))
    expect(again).toMatchObject({ applied: 0, advanced: {} })
    expect(await currentSeq(database().db, scope)).toBe(seq)
    expect(Object.fromEntries((await only(scope)).map((r) => [r.id, r.fields]))).toEqual({
      t1: { status: 'open', owner: 'Sam' },
      t2: { status: 'done' },
    })
  })

  it('applies a mutation repeated inside one batch once', async () => {
    const scope = newScope()
    const once = mutation(scope, 't1', { status: { set: 'open' } })
    const result = await pushMutations(database().db, [once, once, once])
    expect(result).toMatchObject({ accepted: [once.mutationId], applied: 1 })
    expect(await currentSeq(database().db, scope)).toBe(1)
  })

  it('applies a batch pushed by several processes at the same moment once', async () => {
    const scope = newScope()
    const batch = Array.from({ length: 20 }, (_, i) => mutation(scope, `t${i % 4}`, { [`step${i}`]: { set: i } }))
    // PostgreSQL: separate pools, so the pushes really race; SQLite: one writer at a time.
    const dbs =
      backend === 'postgres'
        ? [database().db, database().openAnother(), database().openAnother(), database().openAnother()]
        : [database().db, database().db, database().db, database().db]
    const results = await Promise.all(dbs.map((db) => pushMutations(db, batch)))
    for (const result of results) expect(result.accepted).toHaveLength(20)
    expect(results.reduce((sum, result) => sum + result.applied, 0)).toBe(20)
    expect((await only(scope)).map((r) => Object.keys(r.fields).length)).toEqual([5, 5, 5, 5])
  })

  it('keeps the later write by HLC, whatever order they arrive in', async () => {
    const scope = newScope()
    const now = Date.now()
    const later = mutation(scope, 'a1', { status: { set: 'done' } }, { hlc: stamp('tabletB', now) })
    const earlier = mutation(
      scope,
      'a1',
      { status: { set: 'open' }, owner: { set: 'Sam' } },
      { hlc: stamp('tabletA', now - 5_000) },
    )
    await pushMutations(database().db, [later])
    const stale = await pushMutations(database().db, [earlier])
    const [record] = await only(scope)
    expect(record?.fields).toEqual({ status: 'done', owner: 'Sam' })
    expect(record?.clocks.status).toBe(later.hlc)
    expect(stale.accepted).toEqual([earlier.mutationId])
  })

  it('does not advance the sequence for a write that changes nothing', async () => {
    const scope = newScope()
    const now = Date.now()
    await pushMutations(database().db, [
      mutation(scope, 'a1', { status: { set: 'done' } }, { hlc: stamp('tabletB', now) }),
    ])
    const outdated = await pushMutations(database().db, [
      mutation(scope, 'a1', { status: { set: 'open' } }, { hlc: stamp('tabletA', now - 60_000) }),
    ])
    expect(outdated).toMatchObject({ applied: 1, advanced: {} })
    expect(await currentSeq(database().db, scope)).toBe(1)
  })

  it('re-stamps a mutation from a clock far in the future, so a later real edit still wins', async () => {
    const scope = newScope()
    const now = Date.now()
    const clock = createClock('server-test', () => now)
    const fromTheFuture = mutation(
      scope,
      'a1',
      { status: { set: 'done' } },
      { hlc: stamp('fastTablet', now + 2 * 60 * 60_000) },
    )
    const result = await pushMutations(database().db, [fromTheFuture], { now, clock })
    expect(result.clockSkewMs).toBeGreaterThan(2 * 60 * 60_000 - 1_000)
    const [stored] = await only(scope)
    expect(parseHlc(stored?.clocks.status as string)).toMatchObject({ nodeId: 'server-test', wallMs: now })

    const realEdit = mutation(scope, 'a1', { status: { set: 'open' } }, { hlc: stamp('tabletA', now + 1_000) })
    await pushMutations(database().db, [realEdit], { now: now + 1_000, clock })
    expect((await only(scope))[0]?.fields.status).toBe('open')
  })

  it('keeps a stamp that is ahead by less than the allowed skew', async () => {
    const scope = newScope()
    const now = Date.now()
    const slightlyFast = mutation(
      scope,
      'a1',
      { status: { set: 'done' } },
      { hlc: stamp('tabletA', now + MAX_FUTURE_SKEW_MS - 5_000) },
    )
    const result = await pushMutations(database().db, [slightlyFast], { now })
    expect(result.clockSkewMs).toBeUndefined()
    expect((await only(scope))[0]?.clocks.status).toBe(slightlyFast.hlc)
  })

  it('keeps both versions of a text edited on two tablets at once', async () => {
    const scope = newScope()
    const now = Date.now()
    const original = mutation(scope, 'a1', { title: { set: 'Fix the door' } }, { hlc: stamp('tabletA', now - 10_000) })
    await pushMutations(database().db, [original])
    const fromA = mutation(
      scope,
      'a1',
      { title: { set: 'Fix the ward door', base: original.hlc } },
      { hlc: stamp('tabletA', now - 5_000), by: 'Sam' },
    )
    const fromB = mutation(
      scope,
      'a1',
      { title: { set: 'Fix the door today', base: original.hlc } },
      { hlc: stamp('tabletB', now - 4_000), by: 'Ali' },
    )
    await pushMutations(database().db, [fromA])
    await pushMutations(database().db, [fromB])
    const [record] = await only(scope)
    expect(record?.fields.title).toBe('Fix the door today')
    expect(record?.conflicts?.title?.map((version) => version.value)).toEqual([
      'Fix the ward door',
      'Fix the door today',
    ])
  })

  it('applies nothing from a batch when one mutation in it fails', async () => {
    const scope = newScope()
    const good = mutation(scope, 'a1', { title: { set: 'Kept only if all succeed' } })
    // Validation would refuse this; here it reaches the merge, which throws mid-batch.
    const bad = mutation(scope, 'a2', { title: { set: 'Lost' } }, { table: 'noSuchTable' })
    await expect(pushMutations(database().db, [good, bad])).rejects.toThrow(/not a synced table/)
    expect(await only(scope)).toEqual([])
    expect(await currentSeq(database().db, scope)).toBe(0)
    // Nothing was claimed either, so the corrected batch applies in full.
    expect(await pushMutations(database().db, [good])).toMatchObject({ applied: 1 })
  })
})
