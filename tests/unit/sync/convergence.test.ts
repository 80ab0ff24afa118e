// Property: three tablets editing the same records offline and online, with an
// unreliable network, always end up showing the server's state, which does not depend
// on the order changes arrived in, and no accepted change is lost.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_FUTURE_SKEW_MS, wallOf } from '@/shared/sync/hlc'
import { applyMutation, mergeRecords } from '@/shared/sync/merge'
import type { FieldOp, Mutation, SyncRecord } from '@/shared/sync/protocol'
import { liveVersions } from '@/shared/sync/text'
import { TEST_TABLES } from './fixtures'
import { RECORD_IDS, TABLE, createWorld, run, settle, type FieldEdit, type Step } from './simulation'

const client = fc.nat(2)
const fieldEdit: fc.Arbitrary<FieldEdit> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('set' as const),
      field: fc.constantFrom('status' as const, 'owner' as const),
      value: fc.constantFrom('open', 'done', 'cancelled'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), value: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('text' as const),
      field: fc.constantFrom('title' as const, 'body' as const),
      value: fc.constantFrom('pads', 'gloves', 'aprons', 'pads and gloves', ''),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('choose' as const),
      field: fc.constantFrom('title' as const, 'body' as const),
      pick: fc.nat(3),
    }),
  },
)
// Most edits land on one record, so tablets really do collide.
const recordIndex = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.nat(RECORD_IDS.length - 1) },
)
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      client,
      record: recordIndex,
      edits: fc.array(fieldEdit, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      client,
      start: fc.nat(20),
      count: fc.integer({ min: 1, max: 4 }),
      fate: fc.constantFrom('ok' as const, 'ok' as const, 'request-lost' as const, 'response-lost' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('pull' as const), client, pageSize: fc.integer({ min: 1, max: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 120_000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('clockJump' as const), ms: fc.integer({ min: 0, max: 600_000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'fixClock' as const }) },
)

function withoutSeq(record: SyncRecord & { seq?: number }): SyncRecord {
  const { seq: _seq, ...rest } = record
  return rest
}

function fold(mutations: readonly Mutation[]): Map<string, SyncRecord> {
  const records = new Map<string, SyncRecord>()
  for (const m of mutations) {
    const key = `${m.table}/${m.recordId}`
    records.set(key, applyMutation(records.get(key), m, TEST_TABLES).record)
  }
  return records
}

/** Fisher–Yates with a small seeded generator, so fast-check can replay a failure. */
function shuffled<X>(items: readonly X[], seed: number): X[] {
  const out = [...items]
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as X, out[i] as X]
  }
  return out
}

function expectNothingLost(
  server: Map<string, SyncRecord>,
  accepted: readonly Mutation[],
  knewWhenWriting: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  for (const recordId of RECORD_IDS) {
    const mine = accepted.filter((m) => m.recordId === recordId)
    const record = server.get(`${TABLE}/${recordId}`)
    if (mine.length === 0) {
      expect(record).toBeUndefined()
      continue
    }
    if (!record) throw new Error(`accepted changes to ${recordId} but the server has no record`)
    for (const m of mine) {
      for (const [field, op] of Object.entries(m.fields) as [string, FieldOp][]) {
        const clock = record.clocks[field] as string
        // Nothing later-stamped is ever hidden behind an earlier stamp.
        expect(clock >= m.hlc).toBe(true)
        if (clock === m.hlc) expect(record.fields[field]).toEqual(op.set)
        if (field !== 'title' && field !== 'body') continue
        // A text version is still showing, or someone who had actually seen it (the
        // simulation's ground truth, not what any base claims) wrote that field after.
        const live = liveVersions(record, field).some((v) => v.hlc === m.hlc && v.value === op.set)
        const seenBySomeone = mine.some(
          (other) => other.fields[field] !== undefined && knewWhenWriting.get(other.mutationId)?.has(m.mutationId),
        )
        expect(live || seenBySomeone, `${recordId}.${field} "${String(op.set)}" at ${m.hlc} vanished`).toBe(true)
      }
    }
  }
}

describe('three tablets, an unreliable network and one server', () => {
  it('converge on one state that does not depend on arrival order, with nothing accepted lost', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.integer(), (steps, seed) => {
        const world = createWorld()
        run(world, steps)
        settle(world)
        const { server, clients } = world

        // Every change any tablet made was applied exactly once.
        const created = clients.flatMap((c) => c.created)
        expect(server.accepted.length).toBe(created.length)
        expect(new Set(server.accepted.map((m) => m.mutationId))).toEqual(new Set(created.map((m) => m.mutationId)))
        for (const c of clients) expect(c.outbox).toEqual([])

        // Every tablet shows exactly what the server holds.
        const serverState = new Map([...server.records].map(([key, record]) => [key, withoutSeq(record)]))
        for (const c of clients) {
          for (const recordId of RECORD_IDS) expect(c.view(recordId)).toEqual(serverState.get(`${TABLE}/${recordId}`))
        }

        // The same accepted changes in any other order give the same state.
        expect(fold([...server.accepted].reverse())).toEqual(serverState)
        expect(fold(shuffled(server.accepted, seed))).toEqual(serverState)

        // No stamp the server stored is far in the future, even from the fast tablet.
        for (const m of server.accepted) expect(wallOf(m.hlc) - world.time).toBeLessThanOrEqual(MAX_FUTURE_SKEW_MS)

        expectNothingLost(serverState, server.accepted, new Map(clients.flatMap((c) => [...c.knewWhenWriting])))

        // Joining two partial replicas gives the state of all their changes together.
        const mixed = shuffled(server.accepted, seed ^ 0x5bd1e995)
        const left = fold(mixed.slice(0, Math.ceil(mixed.length * 0.6)))
        const right = fold(mixed.slice(Math.floor(mixed.length * 0.4)))
        const all = fold(server.accepted)
        for (const [key, record] of all) {
          expect(mergeRecords(left.get(key), right.get(key) ?? (left.get(key) as SyncRecord), TEST_TABLES)).toEqual(
            record,
          )
          expect(mergeRecords(right.get(key), left.get(key) ?? (right.get(key) as SyncRecord), TEST_TABLES)).toEqual(
            record,
          )
        }
      }),
      { numRuns: 1000 },
    )
  }, 60_000) // 1,000 random runs: seconds on a quiet machine, more when CI shares its two cores

  it('a tablet whose clock was hours fast and is then set right keeps every version it typed', () => {
    const world = createWorld()
    run(world, [
      { kind: 'edit', client: 2, record: 0, edits: [{ type: 'text', field: 'title', value: 'first' }] },
      { kind: 'push', client: 2, start: 0, count: 1, fate: 'ok' },
      { kind: 'edit', client: 2, record: 0, edits: [{ type: 'text', field: 'title', value: 'second' }] },
      { kind: 'fixClock' },
      { kind: 'edit', client: 2, record: 0, edits: [{ type: 'text', field: 'title', value: 'third' }] },
    ])
    settle(world)
    const record = world.server.records.get(`${TABLE}/r0`) as SyncRecord
    // Its own edits show as versions to choose from (their bases came from the wrong clock
    // and were not trusted) rather than the third silently disappearing.
    expect(
      liveVersions(record, 'title')
        .map((v) => v.value)
        .sort(),
    ).toEqual(['first', 'second', 'third'])
    expectNothingLost(
      new Map([[`${TABLE}/r0`, record]]),
      world.server.accepted,
      new Map(world.clients.flatMap((c) => [...c.knewWhenWriting])),
    )
  })

  it("the fast tablet's clock does not let it beat a later edit from a tablet with the right time", () => {
    const world = createWorld()
    const [a, , c] = world.clients as [
      NonNullable<(typeof world.clients)[0]>,
      unknown,
      NonNullable<(typeof world.clients)[0]>,
    ]
    c.edit('r0', [{ type: 'set', field: 'status', value: 'done' }])
    c.pushAll(world.server)
    world.time += 1_000
    a.edit('r0', [{ type: 'set', field: 'status', value: 'open' }])
    a.pushAll(world.server)
    settle(world)
    expect(world.server.records.get(`${TABLE}/r0`)?.fields.status).toBe('open')
    for (const tablet of world.clients) expect(tablet.view('r0')?.fields.status).toBe('open')
  })
})
