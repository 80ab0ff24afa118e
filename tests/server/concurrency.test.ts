import { describe, expect, it } from 'vitest'
import { pullRecords } from '../../server/sync/pull.ts'
import { applyPushInTransaction, pushMutations, type PushResult } from '../../server/sync/push.ts'
import { BACKENDS, newScope } from './backends.ts'
import { useTestDatabase } from './hooks.ts'
import { mutation } from './fixtures.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(BACKENDS)('concurrent pushes on %s', (backend) => {
  const database = useTestDatabase(backend)

  it('never let a puller skip a record, however the writers interleave', async () => {
    const scope = newScope()
    const writers =
      backend === 'postgres'
        ? [database().db, database().openAnother(), database().openAnother(), database().openAnother()]
        : [database().db]
    const readers =
      backend === 'postgres' ? [database().openAnother(), database().openAnother()] : [database().db, database().db]
    const batchesPerWriter = 12
    const perBatch = 5
    const expected = new Set<string>()
    let writing = true

    const writing$ = Promise.all(
      writers.map(async (db, w) => {
        for (let b = 0; b < batchesPerWriter; b++) {
          const batch = Array.from({ length: perBatch }, (_, i) =>
            mutation(scope, `w${w}-b${b}-${i}`, { title: { set: 'x' } }),
          )
          for (const m of batch) expected.add(m.recordId)
          await pushMutations(db, batch)
          if (b % 3 === 0) await sleep(Math.random() * 5)
        }
      }),
    ).finally(() => {
      writing = false
    })

    const reading$ = Promise.all(
      readers.map(async (db) => {
        const seen = new Set<string>()
        let cursor = 0
        const pullOnce = async () => {
          const page = await pullRecords(db, scope, cursor, 7)
          for (const record of page.records) {
            expect(record.seq).toBeGreaterThan(cursor)
            seen.add(record.id)
          }
          cursor = page.cursor
          return page.hasMore
        }
        while (writing) {
          await pullOnce()
          // SQLite answers within microtasks: yield so the writers' timers can run.
          await new Promise((resolve) => setImmediate(resolve))
        }
        // Catch up from where the cursor stands: a row committed behind it would be lost here.
        while (await pullOnce());
        return seen
      }),
    )

    await writing$
    const seenByEachReader = await reading$
    expect(expected.size).toBe(writers.length * batchesPerWriter * perBatch)
    for (const seen of seenByEachReader) expect([...expected].filter((id) => !seen.has(id))).toEqual([])
  })
})

describe('a push held open on postgres', () => {
  const database = useTestDatabase('postgres')

  /** Starts a push in its own transaction and keeps it open (uncommitted) until `commit` is called. */
  function holdOpenPush(scope: string, recordId: string) {
    let commit!: () => void
    const committed = new Promise<void>((resolve) => {
      commit = resolve
    })
    let applied!: (result: PushResult) => void
    const hasSeq = new Promise<PushResult>((resolve) => {
      applied = resolve
    })
    const done = database()
      .openAnother()
      .transaction()
      .execute(async (trx) => {
        const result = await applyPushInTransaction(trx, [mutation(scope, recordId, { title: { set: recordId } })])
        applied(result)
        await committed
        return result
      })
    return { hasSeq, commit, done }
  }

  it('makes a later writer wait, so the reader never passes the earlier uncommitted sequence number', async () => {
    const scope = newScope()
    const puller = database().openAnother()
    await pushMutations(database().db, [mutation(scope, 'before', { title: { set: 'before' } })])

    const first = holdOpenPush(scope, 'first')
    expect((await first.hasSeq).advanced[scope]).toBe(2)

    // The second transaction starts later and would take seq 3 and commit first if
    // sequence numbers were handed out without the scope lock.
    let secondSettled = false
    const second = pushMutations(database().openAnother(), [
      mutation(scope, 'second', { title: { set: 'second' } }),
    ]).finally(() => {
      secondSettled = true
    })
    await sleep(300)
    expect(secondSettled).toBe(false)

    const between = await pullRecords(puller, scope, 1, 100)
    expect(between).toMatchObject({ records: [], cursor: 1, hasMore: false })

    first.commit()
    const [firstResult, secondResult] = await Promise.all([first.done, second])
    expect(firstResult.advanced[scope]).toBe(2)
    expect(secondResult.advanced[scope]).toBe(3)

    const after = await pullRecords(puller, scope, between.cursor, 100)
    expect(after.records.map((record) => [record.id, record.seq])).toEqual([
      ['first', 2],
      ['second', 3],
    ])
  })

  it('does not hold up writers to other scopes', async () => {
    const held = holdOpenPush(newScope(), 'held')
    await held.hasSeq
    const elsewhere = newScope()
    const result = await pushMutations(database().openAnother(), [
      mutation(elsewhere, 'free', { title: { set: 'free' } }),
    ])
    expect(result.advanced[elsewhere]).toBe(1)
    held.commit()
    await held.done
  })

  it('applies a mutation once when two pushes of it wait on the same lock', async () => {
    const scope = newScope()
    const held = holdOpenPush(scope, 'held')
    await held.hasSeq
    const m = mutation(scope, 'dup', { title: { set: 'dup' } })
    const pushes = [pushMutations(database().openAnother(), [m]), pushMutations(database().openAnother(), [m])]
    await sleep(100)
    held.commit()
    const results = await Promise.all([held.done, ...pushes])
    expect(
      results
        .slice(1)
        .map((result) => result.applied)
        .sort(),
    ).toEqual([0, 1])
  })
})
