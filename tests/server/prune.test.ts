import { describe, expect, it } from 'vitest'
import { currentSeq, pullRecords } from '../../server/sync/pull.ts'
import { APPLIED_MUTATIONS_KEEP_MS, pruneAppliedMutations, schedulePruning } from '../../server/sync/prune.ts'
import { pushMutations } from '../../server/sync/push.ts'
import { BACKENDS, newScope } from './backends.ts'
import { useTestDatabase } from './hooks.ts'
import { mutation, stamp } from './fixtures.ts'

const DAY = 24 * 60 * 60 * 1000

describe.each(BACKENDS)('pruning remembered mutation ids on %s', (backend) => {
  const database = useTestDatabase(backend)
  const db = () => database().db
  const ids = async (scope: string) =>
    (await db().selectFrom('applied_mutations').select('mutation_id').where('scope', '=', scope).execute())
      .map((row) => row.mutation_id)
      .sort()

  it('keeps 90 days', () => {
    expect(APPLIED_MUTATIONS_KEEP_MS).toBe(90 * DAY)
  })

  it('forgets ids applied more than 90 days ago and keeps the rest', async () => {
    const scope = newScope()
    const now = Date.now()
    const old = mutation(scope, 'old', { title: { set: 'old' } })
    const edge = mutation(scope, 'edge', { title: { set: 'edge' } })
    const recent = mutation(scope, 'recent', { title: { set: 'recent' } })
    await pushMutations(db(), [old], { now: now - 91 * DAY })
    await pushMutations(db(), [edge], { now: now - 90 * DAY + 60_000 })
    await pushMutations(db(), [recent], { now: now - DAY })
    expect(await pruneAppliedMutations(db(), now)).toBeGreaterThanOrEqual(1)
    expect(await ids(scope)).toEqual([edge.mutationId, recent.mutationId].sort())
  })

  it('applies a retry of a forgotten mutation as a no-op', async () => {
    const scope = newScope()
    const now = Date.now()
    // Stamped when it was made, 100 days ago, as a tablet's change is.
    const first = mutation(
      scope,
      'a1',
      { title: { set: 'Restock' }, status: { set: 'open' } },
      { hlc: stamp('tabletA', now - 100 * DAY) },
    )
    await pushMutations(db(), [first], { now: now - 100 * DAY })
    await pushMutations(
      db(),
      [mutation(scope, 'a1', { status: { set: 'done' } }, { hlc: stamp('tabletB', now - 99 * DAY) })],
      { now: now - 99 * DAY },
    )
    const before = await pullRecords(db(), scope, 0, 10)
    await pruneAppliedMutations(db(), now)
    expect(await ids(scope)).toEqual([])

    // The tablet never heard back and sends the very same mutation again.
    const retry = await pushMutations(db(), [first], { now })
    expect(retry.accepted).toEqual([first.mutationId])
    expect(retry.advanced).toEqual({})
    expect(await currentSeq(db(), scope)).toBe(2)
    expect(await pullRecords(db(), scope, 0, 10)).toEqual(before)
    expect(before.records[0]?.fields).toMatchObject({ title: 'Restock', status: 'done' })
  })

  it('prunes at once when scheduled, then again each period', async () => {
    const scope = newScope()
    const old = mutation(scope, 'old', { title: { set: 'old' } })
    await pushMutations(db(), [old], { now: Date.now() - 120 * DAY })
    const errors: Error[] = []
    const stop = schedulePruning(db(), { everyMs: 50, onError: (_what, error) => errors.push(error) })
    try {
      for (let i = 0; i < 100 && (await ids(scope)).length > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 10))
      expect(await ids(scope)).toEqual([])
      const later = mutation(scope, 'later', { title: { set: 'later' } })
      await pushMutations(db(), [later], { now: Date.now() - 120 * DAY })
      for (let i = 0; i < 100 && (await ids(scope)).length > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 10))
      expect(await ids(scope)).toEqual([])
      expect(errors).toEqual([])
    } finally {
      stop()
    }
  })
})
