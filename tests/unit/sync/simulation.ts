// A model of the whole sync loop for property tests: tablets with their own clocks and
// outboxes, an unreliable network, and a server that dedupes by mutation id, restamps
// future stamps and hands out sequence numbers. Only the shared sync core is real.
import { createClock, type HybridClock } from '@/shared/sync/hlc'
import { applyMutation, latestStamp, rebaseOnServer, restampMutation } from '@/shared/sync/merge'
import {
  mutationSchemaFor,
  type FieldOp,
  type Mutation,
  type ServerRecord,
  type SyncRecord,
} from '@/shared/sync/protocol'
import { liveVersions, textBase } from '@/shared/sync/text'
import { T, TEST_TABLES } from './fixtures'

export const TABLE = 'cards'
const SCOPE = 'ward-7'
export const RECORD_IDS = ['r0', 'r1', 'r2'] as const
const mutationSchema = mutationSchemaFor(TEST_TABLES)

export type FieldEdit =
  | { type: 'set'; field: 'status' | 'owner'; value: string }
  | { type: 'delete'; value: boolean }
  | { type: 'text'; field: 'title' | 'body'; value: string }
  /** Someone looking at the field (conflict or not) keeps one of the versions they see. */
  | { type: 'choose'; field: 'title' | 'body'; pick: number }

export type Step =
  | { kind: 'edit'; client: number; record: number; edits: FieldEdit[] }
  | { kind: 'push'; client: number; start: number; count: number; fate: 'ok' | 'request-lost' | 'response-lost' }
  | { kind: 'pull'; client: number; pageSize: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'clockJump'; ms: number }
  /** Someone sets tablet c's clock right, and its clock state is lost with it. */
  | { kind: 'fixClock' }

class SimServer {
  readonly records = new Map<string, ServerRecord>()
  readonly applied = new Set<string>()
  /** Mutations as applied, after restamping, in arrival order. */
  readonly accepted: Mutation[] = []
  /** Ground truth for the tests: every mutation id whose effect a record's state includes. */
  readonly knowledge = new Map<string, Set<string>>()
  private seq = 0
  private readonly clock: HybridClock

  constructor(private readonly now: () => number) {
    this.clock = createClock('server', now)
  }

  push(batch: readonly Mutation[]): string[] {
    for (const mutation of batch) {
      const valid = mutationSchema.safeParse(mutation)
      if (!valid.success) throw new Error(`A tablet sent an invalid mutation: ${valid.error.message}`)
      if (this.applied.has(mutation.mutationId)) continue
      const { mutation: stamped } = restampMutation(mutation, this.clock, this.now())
      const key = `${stamped.table}/${stamped.recordId}`
      const { record, changed } = applyMutation(this.records.get(key), stamped, TEST_TABLES)
      if (changed) this.records.set(key, { ...record, seq: ++this.seq })
      this.applied.add(mutation.mutationId)
      this.accepted.push(stamped)
      this.knowledge.set(key, new Set([...(this.knowledge.get(key) ?? []), mutation.mutationId]))
    }
    return batch.map((mutation) => mutation.mutationId)
  }

  pull(after: number, limit: number): { records: ServerRecord[]; cursor: number; hasMore: boolean } {
    const newer = [...this.records.values()].filter((record) => record.seq > after).sort((a, b) => a.seq - b.seq)
    const records = newer.slice(0, limit)
    return { records, cursor: records.at(-1)?.seq ?? after, hasMore: newer.length > limit }
  }
}

class SimClient {
  readonly outbox: Mutation[] = []
  /** Acknowledged by the server but not yet seen in a pull: the tablet still shows them. */
  private acknowledged: Mutation[] = []
  readonly confirmed = new Map<string, SyncRecord>()
  cursor = 0
  readonly created: Mutation[] = []
  /** Ground truth: the mutation ids a tablet had seen the effect of when it made each change. */
  readonly knewWhenWriting = new Map<string, ReadonlySet<string>>()
  private readonly knows = new Map<string, Set<string>>()
  clock: HybridClock
  private ids = 0

  constructor(
    readonly nodeId: string,
    private readonly now: () => number,
  ) {
    this.clock = createClock(nodeId, now)
  }

  /** The device clock is put right and the tablet forgets the fast stamps it issued,
   * but, like the app, it still moves past every stamp in the records it holds, so it
   * never stamps an edit earlier than a version it has already seen. */
  resetClock(): void {
    this.clock = createClock(this.nodeId, this.now)
    for (const record of this.confirmed.values()) {
      const latest = latestStamp(record)
      if (latest) this.clock.receive(latest)
    }
  }

  view(recordId: string): SyncRecord | undefined {
    const key = `${TABLE}/${recordId}`
    const mine = this.created.filter(
      (m) => m.recordId === recordId && (this.outbox.includes(m) || this.acknowledged.includes(m)),
    )
    return rebaseOnServer(this.confirmed.get(key), mine, TEST_TABLES)
  }

  edit(recordId: string, edits: readonly FieldEdit[]): void {
    const before = this.view(recordId)
    const fields: Record<string, FieldOp> = {}
    for (const edit of edits) {
      if (edit.type === 'set') fields[edit.field] = { set: edit.value }
      else if (edit.type === 'delete') fields.deleted = { set: edit.value }
      else {
        const shown = liveVersions(before, edit.field)
        const value =
          edit.type === 'text' ? edit.value : (shown[edit.pick % Math.max(shown.length, 1)]?.value ?? 'first')
        const base = textBase(before, edit.field)
        fields[edit.field] = base === undefined ? { set: value } : { set: value, base }
      }
    }
    this.ids += 1
    const mutation: Mutation = {
      mutationId: `01960000-0000-7000-8${this.nodeId.charCodeAt(0).toString(16).padStart(3, '0')}-${String(this.ids).padStart(12, '0')}`,
      table: TABLE,
      recordId,
      scope: SCOPE,
      hlc: this.clock.tick(),
      by: this.nodeId,
      fields,
    }
    this.knewWhenWriting.set(mutation.mutationId, new Set(this.knows.get(recordId) ?? []))
    this.outbox.push(mutation)
    this.created.push(mutation)
    this.learn(recordId, [mutation.mutationId])
  }

  push(server: SimServer, start: number, count: number, fate: 'ok' | 'request-lost' | 'response-lost'): void {
    if (this.outbox.length === 0 || fate === 'request-lost') return
    const batch = Array.from(
      { length: Math.min(count, this.outbox.length) },
      (_, i) => this.outbox[(start + i) % this.outbox.length] as Mutation,
    )
    const accepted = new Set(server.push(batch))
    if (fate === 'ok') this.acknowledge(accepted)
  }

  pushAll(server: SimServer): void {
    this.acknowledge(new Set(server.push([...this.outbox])))
  }

  private acknowledge(accepted: ReadonlySet<string>): void {
    for (let i = this.outbox.length - 1; i >= 0; i--) {
      const mutation = this.outbox[i] as Mutation
      if (!accepted.has(mutation.mutationId)) continue
      this.outbox.splice(i, 1)
      this.acknowledged.push(mutation)
    }
  }

  private learn(recordId: string, ids: Iterable<string>): void {
    this.knows.set(recordId, new Set([...(this.knows.get(recordId) ?? []), ...ids]))
  }

  pull(server: SimServer, pageSize: number): void {
    for (;;) {
      const page = server.pull(this.cursor, pageSize)
      for (const { seq: _seq, ...record } of page.records) {
        this.confirmed.set(`${record.table}/${record.id}`, record)
        this.learn(record.id, server.knowledge.get(`${record.table}/${record.id}`) ?? [])
        const stamp = latestStamp(record)
        if (stamp) this.clock.receive(stamp)
      }
      this.cursor = page.cursor
      if (page.hasMore) continue
      // Everything acknowledged before this pull is in what it returned (or was already).
      this.acknowledged = []
      return
    }
  }
}

export interface World {
  time: number
  clientBLag: number
  clientCAhead: number
  server: SimServer
  clients: SimClient[]
}

const HOURS_FAST = 3 * 3_600_000

/** Tablet a's clock is right, b's jumps backwards now and then, c's is three hours fast until fixed. */
export function createWorld(): World {
  const world = { time: T, clientBLag: 0, clientCAhead: HOURS_FAST } as World
  world.server = new SimServer(() => world.time)
  world.clients = [
    new SimClient('a', () => world.time),
    new SimClient('b', () => world.time - world.clientBLag),
    new SimClient('c', () => world.time + world.clientCAhead),
  ]
  return world
}

export function run(world: World, steps: readonly Step[]): void {
  for (const step of steps) {
    const client = world.clients[('client' in step ? step.client : 0) % world.clients.length] as SimClient
    if (step.kind === 'edit') client.edit(RECORD_IDS[step.record % RECORD_IDS.length] as string, step.edits)
    else if (step.kind === 'push') client.push(world.server, step.start, step.count, step.fate)
    else if (step.kind === 'pull') client.pull(world.server, step.pageSize)
    else if (step.kind === 'wait') world.time += step.ms
    else if (step.kind === 'clockJump') world.clientBLag = step.ms
    else if (world.clientCAhead > 0) {
      // Only a clock that was wrong loses its state; resetting a right one would let it
      // reissue stamps, which persisting `latest` prevents in the app.
      world.clientCAhead = 0
      ;(world.clients[2] as SimClient).resetClock()
    }
  }
}

/** The network comes back: every tablet sends everything it still holds, then everyone pulls. */
export function settle(world: World): void {
  for (const client of world.clients) client.pushAll(world.server)
  for (const client of world.clients) client.pull(world.server, 2)
}
