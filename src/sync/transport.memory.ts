// An in-process sync server for tests: the shared merge rules, per-scope sequence
// numbers, dedupe by mutation id and restamping of future stamps, like the real one;
// plus switches to lose requests or responses, go offline or refuse an old protocol.
import { createClock, type HybridClock } from '@/shared/sync/hlc'
import { applyMutation, restampMutation } from '@/shared/sync/merge'
import {
  parsePullRequest, parsePushRequest, PROTOCOL_VERSION, syncError,
  type PullRequest, type PullResponse, type PushRequest, type PushResponse, type ServerRecord, type SyncErrorCode,
} from '@/shared/sync/protocol'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import { transportFailure, type SyncFailure, type SyncTransport } from './transport-types'

/** What happens to the next request: lost on the way (nothing applied), its reply lost
 * (applied, but the tablet hears nothing), or a server error reply. */
export type Fault = 'request-lost' | 'response-lost' | SyncErrorCode

export class MemorySyncServer {
  readonly records = new Map<string, ServerRecord>()
  readonly applied = new Set<string>()
  readonly requests: { kind: 'push' | 'pull'; body: PushRequest | PullRequest }[] = []
  offline = false
  /** Pretend a release has dropped support for clients older than this. */
  minimumProtocol = 1
  private readonly faults: Fault[] = []
  private readonly seqs = new Map<string, number>()
  private readonly listeners = new Map<string, Set<() => void>>()
  private readonly clock: HybridClock

  constructor(private readonly now: () => number = Date.now) {
    this.clock = createClock('server', now)
  }

  /** Queue faults for the next requests, one each, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults)
  }

  transport(): SyncTransport {
    return {
      push: async (request) => this.push(request),
      pull: async (request) => this.pull(request),
      events: (scope, onPoke) => {
        const set = this.listeners.get(scope) ?? new Set()
        set.add(onPoke)
        this.listeners.set(scope, set)
        return () => set.delete(onPoke)
      },
    }
  }

  recordsIn(scope: string): ServerRecord[] {
    return [...this.records.values()].filter((record) => record.scope === scope).sort((a, b) => a.seq - b.seq)
  }

  private refusal(protocol: number): SyncFailure | undefined {
    if (this.offline) return transportFailure('offline')
    return protocol < this.minimumProtocol ? syncError('protocol-too-old') : undefined
  }

  private push(raw: PushRequest): PushResponse | SyncFailure {
    const body = structuredClone(raw)
    this.requests.push({ kind: 'push', body })
    const refused = this.refusal(body.protocol)
    if (refused) return refused
    const fault = this.faults.shift()
    if (fault === 'request-lost') return transportFailure('offline')
    if (fault && fault !== 'response-lost') return syncError(fault)
    const parsed = parsePushRequest(body)
    if (!parsed.ok) return parsed.error
    const poked = new Set<string>()
    let clockSkewMs: number | undefined
    for (const mutation of parsed.value.mutations) {
      if (this.applied.has(mutation.mutationId)) continue
      const stamped = restampMutation(mutation, this.clock, this.now())
      if (stamped.restamped) clockSkewMs = stamped.skewMs
      const key = `${mutation.scope}/${mutation.table}/${mutation.recordId}`
      const { record, changed } = applyMutation(this.records.get(key), stamped.mutation, SYNCED_TABLES)
      if (changed) {
        const seq = (this.seqs.get(mutation.scope) ?? 0) + 1
        this.seqs.set(mutation.scope, seq)
        this.records.set(key, { ...record, seq })
        poked.add(mutation.scope)
      }
      this.applied.add(mutation.mutationId)
    }
    for (const scope of poked) for (const listener of this.listeners.get(scope) ?? []) listener()
    if (fault === 'response-lost') return transportFailure('offline')
    return {
      protocol: PROTOCOL_VERSION, accepted: parsed.value.mutations.map((m) => m.mutationId), serverTime: this.now(),
      ...(clockSkewMs !== undefined ? { clockSkewMs } : {}),
    }
  }

  private pull(raw: PullRequest): PullResponse | SyncFailure {
    this.requests.push({ kind: 'pull', body: { ...raw } })
    const refused = this.refusal(raw.protocol)
    if (refused) return refused
    const fault = this.faults.shift()
    if (fault === 'request-lost' || fault === 'response-lost') return transportFailure('offline')
    if (fault) return syncError(fault)
    const parsed = parsePullRequest(raw)
    if (!parsed.ok) return parsed.error
    const { scope, after, limit } = parsed.value
    const newer = this.recordsIn(scope).filter((record) => record.seq > after)
    const records = structuredClone(newer.slice(0, limit))
    return { protocol: PROTOCOL_VERSION, scope, records, cursor: records.at(-1)?.seq ?? after, hasMore: newer.length > limit, serverTime: this.now() }
  }
}
