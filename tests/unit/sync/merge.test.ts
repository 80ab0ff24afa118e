import { describe, expect, it } from 'vitest'
import { createClock } from '@/shared/sync/hlc'
import {
  applyMutation,
  isDeleted,
  latestStamp,
  mergeRecords,
  rebaseOnServer,
  restampMutation,
} from '@/shared/sync/merge'
import type { Mutation, SyncRecord } from '@/shared/sync/protocol'
import { textBase, textConflicts } from '@/shared/sync/text'
import { T, TEST_TABLES, at, deepFreeze, mutation, textEdit } from './fixtures'

function applyAll(mutations: Mutation[], start?: SyncRecord): SyncRecord | undefined {
  return mutations.reduce<SyncRecord | undefined>((record, m) => applyMutation(record, m, TEST_TABLES).record, start)
}

/** Every order of a few mutations gives the same record. */
function permutations<X>(items: X[]): X[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  )
}

function expectSameInEveryOrder(mutations: Mutation[]): SyncRecord {
  const [first, ...others] = permutations(mutations).map((order) => applyAll(order))
  for (const other of others) expect(other).toEqual(first)
  return first as SyncRecord
}

describe('last writer wins for plain fields', () => {
  it.each([
    ['later ms wins', at(10, 'a'), 'open', at(20, 'b'), 'done', 'done'],
    ['same ms: higher counter wins', at(10, 'a', 2), 'open', at(10, 'b', 1), 'done', 'open'],
    ['same ms and counter: node id decides', at(10, 'a'), 'open', at(10, 'b'), 'done', 'done'],
    [
      'a stamp from a clock hours fast wins until the server restamps it',
      at(10_800_000, 'c'),
      'open',
      at(20, 'b'),
      'done',
      'open',
    ],
  ])('%s, in either arrival order', (_, hlcA, valueA, hlcB, valueB, winner) => {
    const a = mutation(hlcA, { status: { set: valueA } })
    const b = mutation(hlcB, { status: { set: valueB } })
    const record = expectSameInEveryOrder([a, b])
    expect(record.fields.status).toBe(winner)
    expect(record.clocks.status).toBe(winner === valueA ? hlcA : hlcB)
    expect(record.conflicts).toBeUndefined()
  })

  it('fields merge independently: a change to one field never undoes another', () => {
    const record = expectSameInEveryOrder([
      mutation(at(10, 'a'), { status: { set: 'open' }, owner: { set: 'Sam' } }),
      mutation(at(20, 'b'), { owner: { set: 'Jo' } }),
      mutation(at(30, 'c'), { dueDay: { set: '2026-01-05' } }),
    ])
    expect(record.fields).toEqual({ status: 'open', owner: 'Jo', dueDay: '2026-01-05' })
  })

  it.each([
    ['the same mutation again (a retried push)', (m: Mutation) => m],
    [
      'another mutation id with the same stamp and value',
      (m: Mutation) => ({ ...m, mutationId: '01960000-0000-7000-8000-999999999999' }),
    ],
  ])('re-applying %s changes nothing', (_, again) => {
    const m = mutation(at(10), { status: { set: 'open' }, title: { set: 'Fix the bed', base: at(0, 'z') } })
    const once = applyMutation(undefined, m, TEST_TABLES)
    expect(once.changed).toBe(true)
    const twice = applyMutation(once.record, again(m), TEST_TABLES)
    expect(twice.changed).toBe(false)
    expect(twice.record).toBe(once.record)
  })

  it('an older write arriving late changes nothing', () => {
    const newer = applyAll([mutation(at(20), { status: { set: 'done' } })]) as SyncRecord
    const result = applyMutation(newer, mutation(at(10), { status: { set: 'open' } }), TEST_TABLES)
    expect(result.changed).toBe(false)
    expect(result.record.fields.status).toBe('done')
  })

  it('equal stamps with different values (two devices sharing a node id) still settle the same everywhere', () => {
    const record = expectSameInEveryOrder([
      mutation(at(10, 'dup'), { status: { set: 'open' } }),
      mutation(at(10, 'dup'), { status: { set: 'done' } }),
    ])
    expect(record.fields.status).toBe('open') // '"open"' sorts after '"done"'
  })

  it('never changes the record or mutation it is given', () => {
    const before = deepFreeze(
      applyAll([textEdit('title', 'A', at(10, 'a')), mutation(at(11, 'a'), { status: { set: 'open' } })]) as SyncRecord,
    )
    const m = deepFreeze(mutation(at(20, 'b'), { title: { set: 'B' }, status: { set: 'x' } }))
    expect(() => applyMutation(before, m, TEST_TABLES)).not.toThrow()
  })

  it('refuses to merge a mutation into a different record', () => {
    const record = applyAll([mutation(at(10), { status: { set: 'open' } })]) as SyncRecord
    expect(() =>
      applyMutation(record, mutation(at(20), { status: { set: 'x' } }, { recordId: 'card-2' }), TEST_TABLES),
    ).toThrow('Cannot merge')
    expect(() =>
      applyMutation(record, mutation(at(20), { status: { set: 'x' } }, { scope: 'ward-8' }), TEST_TABLES),
    ).toThrow('Cannot merge')
  })
})

describe('tombstones', () => {
  const create = mutation(at(10, 'a'), { status: { set: 'open' }, title: { set: 'Order pads' } })
  const remove = mutation(at(20, 'b'), { deleted: { set: true } })
  const restore = mutation(at(30, 'c'), { deleted: { set: false } })
  const staleRemove = mutation(at(25, 'a'), { deleted: { set: true } })

  it.each([
    ['deleted', [create, remove], true],
    ['deleted then restored', [create, remove, restore], false],
    ['restored, with an older delete arriving late', [create, remove, restore, staleRemove], false],
    ['a delete after the restore wins', [create, restore, mutation(at(40, 'a'), { deleted: { set: true } })], true],
  ])('%s: the same in every order', (_, mutations, deleted) => {
    const record = expectSameInEveryOrder(mutations)
    expect(isDeleted(record)).toBe(deleted)
    expect(record.fields.status).toBe('open') // the data survives, so a restore brings it back
  })

  it('an edit to a deleted record is kept (and shows if it is restored)', () => {
    const record = applyAll([create, remove, mutation(at(25, 'a'), { status: { set: 'done' } }), restore])
    expect(isDeleted(record)).toBe(false)
    expect(record?.fields.status).toBe('done')
  })
})

describe('text fields: concurrent edits are kept side by side', () => {
  const original = textEdit('title', 'Order pads', at(0, 'z'))
  const sam = textEdit('title', 'Order pads and gloves', at(10, 'a'), at(0, 'z'), 'Sam')
  const jo = textEdit('title', 'Order incontinence pads', at(20, 'b'), at(0, 'z'), 'Jo')

  it('two edits from the same starting text: both kept, the later shown, in any order', () => {
    const record = expectSameInEveryOrder([original, sam, jo])
    expect(record.fields.title).toBe('Order incontinence pads')
    expect(record.clocks.title).toBe(at(20, 'b'))
    expect(textConflicts(record)).toEqual({
      title: [
        { value: 'Order pads and gloves', hlc: at(10, 'a'), base: at(0, 'z'), by: 'Sam' },
        { value: 'Order incontinence pads', hlc: at(20, 'b'), base: at(0, 'z'), by: 'Jo' },
      ],
    })
  })

  it('the board lead picks one: an edit made while both show resolves the conflict, in any order', () => {
    const conflicted = applyAll([original, sam, jo]) as SyncRecord
    const pick = textEdit('title', 'Order pads and gloves', at(30, 'c'), textBase(conflicted, 'title'), 'Lead')
    const record = expectSameInEveryOrder([original, sam, jo, pick])
    expect(record.fields.title).toBe('Order pads and gloves')
    expect(record.conflicts).toBeUndefined()
    expect(textConflicts(record)).toEqual({})
    expect(record.origins?.title?.by).toBe('Lead')
  })

  it('an edit that saw only one of the two versions replaces that one and leaves the other showing', () => {
    const afterSam = applyAll([original, sam]) as SyncRecord
    const sams2 = textEdit('title', 'Order pads, gloves, aprons', at(25, 'a'), textBase(afterSam, 'title'))
    const record = expectSameInEveryOrder([original, sam, jo, sams2])
    expect(textConflicts(record).title?.map((v) => v.value)).toEqual([
      'Order incontinence pads',
      'Order pads, gloves, aprons',
    ])
  })

  it("an offline tablet's old edit arriving after someone else edited twice is still kept", () => {
    // A single "base stamp" would lose this: Jo's second edit saw a stamp (20) later than
    // Sam's offline edit (10), yet Jo never saw Sam's text.
    const jo1 = textEdit('title', 'Jo 1', at(20, 'b'), at(0, 'z'))
    const jo2 = textEdit('title', 'Jo 2', at(30, 'b'), textBase(applyAll([original, jo1]), 'title'))
    const record = expectSameInEveryOrder([original, jo1, jo2, sam])
    expect(textConflicts(record).title?.map((v) => v.value)).toEqual(['Order pads and gloves', 'Jo 2'])
  })

  it("one tablet's consecutive edits arriving out of order are not a conflict", () => {
    const first = textEdit('title', 'Draft', at(10, 'a'), at(0, 'z'))
    const second = textEdit('title', 'Final', at(11, 'a'), textBase(applyAll([original, first]), 'title'))
    const record = expectSameInEveryOrder([original, first, second])
    expect(record.fields.title).toBe('Final')
    expect(record.conflicts).toBeUndefined()
  })

  it('an edit with no base (the writer saw no text) conflicts with text already there', () => {
    const record = expectSameInEveryOrder([original, textEdit('title', 'Mine', at(5, 'a'))])
    expect(Object.keys(textConflicts(record))).toEqual(['title'])
  })

  it('two people typing the same words is not shown as a conflict', () => {
    const record = expectSameInEveryOrder([
      original,
      textEdit('title', 'Same', at(10, 'a'), at(0, 'z')),
      textEdit('title', 'Same', at(20, 'b'), at(0, 'z')),
    ])
    expect(record.fields.title).toBe('Same')
    expect(textConflicts(record)).toEqual({})
  })

  it('text fields conflict independently of each other and of plain fields', () => {
    const record = expectSameInEveryOrder([
      mutation(at(0, 'z'), { title: { set: 'T' }, body: { set: 'B' }, status: { set: 'open' } }),
      mutation(at(10, 'a'), { title: { set: 'T-a', base: at(0, 'z') }, status: { set: 'done' } }),
      mutation(at(20, 'b'), { body: { set: 'B-b', base: at(0, 'z') }, status: { set: 'cancelled' } }),
    ])
    expect(record.fields).toEqual({ title: 'T-a', body: 'B-b', status: 'cancelled' })
    expect(record.conflicts).toBeUndefined()
  })

  it('a plain field edited concurrently is last-writer-wins, never a conflict', () => {
    const record = expectSameInEveryOrder([
      mutation(at(0, 'z'), { owner: { set: 'Sam' } }),
      mutation(at(10, 'a'), { owner: { set: 'Jo' } }),
      mutation(at(20, 'b'), { owner: { set: 'Alex' } }),
    ])
    expect(record.fields.owner).toBe('Alex')
    expect(record.conflicts).toBeUndefined()
  })
})

describe('mergeRecords', () => {
  const ops = [
    mutation(at(0, 'z'), { title: { set: 'T' }, status: { set: 'open' } }),
    mutation(at(10, 'a'), { title: { set: 'T-a', base: at(0, 'z') }, deleted: { set: true } }),
    mutation(at(20, 'b'), { title: { set: 'T-b', base: at(0, 'z') }, owner: { set: 'Jo' } }),
    mutation(at(30, 'c'), { status: { set: 'done' }, deleted: { set: false } }),
  ]
  const [o0, o1, o2, o3] = ops as [Mutation, Mutation, Mutation, Mutation]
  const left = applyAll([o0, o1]) as SyncRecord
  const right = applyAll([o0, o2, o3]) as SyncRecord

  it.each([
    ['joins two replicas into the state of all their mutations', mergeRecords(left, right, TEST_TABLES)],
    ['is commutative', mergeRecords(right, left, TEST_TABLES)],
    ['is idempotent', mergeRecords(mergeRecords(left, right, TEST_TABLES), right, TEST_TABLES)],
  ])('%s', (_, merged) => {
    expect(merged).toEqual(applyAll(ops))
  })

  it("keeps the remote record's extra properties (the server seq)", () => {
    const remote = { ...right, seq: 42 }
    expect(mergeRecords({ ...left, seq: 7 }, remote, TEST_TABLES).seq).toBe(42)
    expect(mergeRecords(undefined, remote, TEST_TABLES)).toBe(remote)
  })
})

describe('rebaseOnServer', () => {
  it("shows the server state with this tablet's unacknowledged changes on top", () => {
    const server = applyAll([mutation(at(0, 'z'), { status: { set: 'open' }, owner: { set: 'Ann' } })]) as SyncRecord
    const pending = [mutation(at(5, 'a'), { owner: { set: 'Ben' } }), mutation(at(6, 'a'), { status: { set: 'done' } })]
    const view = rebaseOnServer(server, pending, TEST_TABLES)
    expect(view?.fields).toEqual({ status: 'done', owner: 'Ben' })
    expect(rebaseOnServer(server, [], TEST_TABLES)).toBe(server)
    expect(rebaseOnServer(undefined, pending, TEST_TABLES)?.fields).toEqual({ status: 'done', owner: 'Ben' })
  })
})

describe('restampMutation (server intake)', () => {
  const hours = 3 * 3_600_000
  it.each([
    ['a correct stamp is kept as is', at(-5, 'a'), at(-10, 'z'), false, at(-5, 'a'), at(-10, 'z')],
    [
      "a stamp hours fast is replaced by the server's",
      at(hours, 'c'),
      at(-10, 'z'),
      true,
      at(0, 'server', 1),
      at(-10, 'z'),
    ],
    [
      'a base entry hours fast is dropped (no version was ever stored under it)',
      at(hours + 1, 'c'),
      `${at(-10, 'z')},${at(hours, 'c')}`.split(',').sort().join(','),
      true,
      at(0, 'server', 1),
      at(-10, 'z'),
    ],
    [
      'a base that was only hours fast disappears',
      at(hours + 1, 'c'),
      at(hours, 'c'),
      true,
      at(0, 'server', 1),
      undefined,
    ],
  ])('%s', (_, hlc, base, restamped, expectedHlc, expectedBase) => {
    const server = createClock('server', () => T)
    server.tick()
    const m = mutation(hlc, { title: { set: 'x', base }, status: { set: 'y' } })
    const result = restampMutation(m, server, T)
    expect(result.restamped).toBe(restamped)
    expect(result.mutation.hlc).toBe(expectedHlc)
    expect(result.mutation.fields.title).toEqual(
      expectedBase === undefined ? { set: 'x' } : { set: 'x', base: expectedBase },
    )
    expect(result.mutation.mutationId).toBe(m.mutationId)
    if (!restamped) expect(result.mutation).toBe(m)
  })
})

describe('helpers', () => {
  it('latestStamp is the newest stamp anywhere in the record', () => {
    const record = applyAll([
      mutation(at(5, 'a'), { status: { set: 'x' } }),
      textEdit('title', 'A', at(9, 'b')),
      textEdit('title', 'B', at(7, 'c')),
    ])
    expect(latestStamp(record as SyncRecord)).toBe(at(9, 'b'))
  })

  it('isDeleted only for a tombstone that is set', () => {
    expect(isDeleted(undefined)).toBe(false)
    expect(isDeleted(applyAll([mutation(at(1), { deleted: { set: false } })]))).toBe(false)
    expect(isDeleted(applyAll([mutation(at(1), { deleted: { set: true } })]))).toBe(true)
  })
})
