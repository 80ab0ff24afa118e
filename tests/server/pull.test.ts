import { describe, expect, it } from 'vitest'
import type { ServerRecord } from '../../src/shared/sync/protocol.ts'
import { pullRecords } from '../../server/sync/pull.ts'
import { pushMutations } from '../../server/sync/push.ts'
import { BACKENDS, newScope } from './backends.ts'
import { useTestDatabase } from './hooks.ts'
import { mutation } from './fixtures.ts'

describe.each(BACKENDS)('pull on %s', (backend) => {
  const database = useTestDatabase(backend)

  async function pullAll(scope: string, after: number, limit: number) {
    const pages: { ids: string[]; cursor: number; hasMore: boolean }[] = []
    let cursor = after
    for (;;) {
      const page = await pullRecords(database().db, scope, cursor, limit)
      pages.push({ ids: page.records.map((r) => r.id), cursor: page.cursor, hasMore: page.hasMore })
      for (const record of page.records) expect(record.seq).toBeGreaterThan(cursor)
      cursor = page.cursor
      if (!page.hasMore) return pages
    }
  }

  it('pages through a scope in sequence order and ends with hasMore false', async () => {
    const scope = newScope()
    const ids = Array.from({ length: 25 }, (_, i) => `r${String(i).padStart(2, '0')}`)
    for (let i = 0; i < ids.length; i += 7) {
      await pushMutations(
        database().db,
        ids.slice(i, i + 7).map((id) => mutation(scope, id, { title: { set: id } })),
      )
    }
    const pages = await pullAll(scope, 0, 10)
    expect(pages.map((page) => [page.ids.length, page.cursor, page.hasMore])).toEqual([
      [10, 10, true],
      [10, 20, true],
      [5, 25, false],
    ])
    expect(pages.flatMap((page) => page.ids)).toEqual(ids)

    const caughtUp = await pullRecords(database().db, scope, 25, 10)
    // The mark of the push that wrote the cursor (docs/SYNC.md "Restore").
    expect(caughtUp).toEqual({ records: [], cursor: 25, hasMore: false, mark: expect.any(String) })
  })

  it('says hasMore false when the last page is exactly full', async () => {
    const scope = newScope()
    await pushMutations(
      database().db,
      ['a', 'b'].map((id) => mutation(scope, id, { title: { set: id } })),
    )
    expect(await pullRecords(database().db, scope, 0, 2)).toMatchObject({ cursor: 2, hasMore: false })
  })

  it('sends the latest state of a changed record once, under its new sequence number', async () => {
    const scope = newScope()
    await pushMutations(database().db, [
      mutation(scope, 'a', { title: { set: 'first' } }),
      mutation(scope, 'b', { title: { set: 'other' } }),
    ])
    const seen = await pullRecords(database().db, scope, 0, 100)
    await pushMutations(database().db, [mutation(scope, 'a', { title: { set: 'second' } })])
    await pushMutations(database().db, [mutation(scope, 'a', { status: { set: 'done' } })])
    const next = await pullRecords(database().db, scope, seen.cursor, 100)
    expect(next.records.map((r) => [r.id, r.seq, r.fields])).toEqual([['a', 4, { title: 'second', status: 'done' }]])
    expect(next.cursor).toBe(4)
  })

  it('keeps scopes apart, each with its own sequence', async () => {
    const wardA = newScope()
    const wardB = newScope()
    await pushMutations(database().db, [
      mutation(wardA, 'a1', { title: { set: 'A' } }),
      mutation(wardB, 'b1', { title: { set: 'B' } }),
      mutation(wardB, 'b2', { title: { set: 'B2' } }),
    ])
    const a = await pullRecords(database().db, wardA, 0, 100)
    const b = await pullRecords(database().db, wardB, 0, 100)
    expect(a.records.map((r) => [r.scope, r.id, r.seq])).toEqual([[wardA, 'a1', 1]])
    expect(b.records.map((r) => [r.scope, r.id, r.seq])).toEqual([
      [wardB, 'b1', 1],
      [wardB, 'b2', 2],
    ])
  })

  it('returns every part of a record: tombstones, clocks, origins and conflicts', async () => {
    const scope = newScope()
    const created = mutation(scope, 'a1', { title: { set: 'Fix the door' }, deleted: { set: false } }, { by: 'Sam' })
    await pushMutations(database().db, [created])
    await pushMutations(database().db, [
      mutation(scope, 'a1', { title: { set: 'Fix the ward door', base: created.hlc } }),
      mutation(
        scope,
        'a1',
        { title: { set: 'Fix the door now', base: created.hlc } },
        { hlc: created.hlc.replace('tabletA', 'tabletB') },
      ),
      mutation(scope, 'a1', { deleted: { set: true } }),
    ])
    const [record] = (await pullRecords(database().db, scope, 0, 10)).records as [ServerRecord]
    expect(record.fields.deleted).toBe(true)
    expect(Object.keys(record.clocks).sort()).toEqual(['deleted', 'title'])
    expect(record.conflicts?.title).toHaveLength(2)

    const plain = newScope()
    await pushMutations(database().db, [mutation(plain, 'a1', { title: { set: 'Mop' } }, { by: 'Ali' })])
    const [withOrigin] = (await pullRecords(database().db, plain, 0, 10)).records
    expect(withOrigin?.origins).toEqual({ title: { by: 'Ali' } })
    expect(withOrigin?.conflicts).toBeUndefined()
  })
})
