// An in-process sync server for tests: the shared merge rules, per-scope sequence
// numbers, dedupe by mutation id and restamping of future stamps, like the real one;
// enrolment codes, device tokens and unit, CSU and trust scopes (with the read-only trust
// library) like the real one's device API; plus
// switches to lose requests or responses, go offline or refuse an old protocol.
import { newId } from '@/domain/ids'
import { createClock, type HybridClock } from '@/shared/sync/hlc'
import type { JsonValue } from '@/shared/sync/json'
import { applyMutation, restampMutation } from '@/shared/sync/merge'
import {
  parsePullRequest,
  parsePushRequest,
  PROTOCOL_VERSION,
  syncError,
  type Mutation,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type ServerRecord,
  type SyncErrorCode,
} from '@/shared/sync/protocol'
import { libraryScopeId } from '@/shared/sync/scopes'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import {
  invalidCode,
  transportFailure,
  type DeviceInfo,
  type EnrolledUnit,
  type EnrolFailure,
  type EnrolResponse,
  type ScopePoke,
  type SyncFailure,
  type SyncTransport,
} from '@/sync/transport-types'
import { CODE_ALPHABET, CODE_LENGTH, formatCode, normaliseCode } from '@/shared/enrolmentCode'

/** What happens to the next push or pull: lost on the way (nothing applied), its reply
 * lost (applied, but the tablet hears nothing), or a server error reply. */
export type Fault = 'request-lost' | 'response-lost' | SyncErrorCode

export interface MemoryScope {
  kind: 'unit' | 'csu' | 'trust'
  id: string
}

interface MemoryDevice {
  id: string
  token: string
  name: string
  scope: MemoryScope
  revoked: boolean
}

type RequestLog =
  | { kind: 'push'; body: PushRequest }
  | { kind: 'pull'; body: PullRequest }
  | { kind: 'enrol'; body: { code: string; deviceName: string } }
  | { kind: 'device'; body: { token?: string } }

export interface MemoryTransportOptions {
  /** This tablet's device token (read per request, as the HTTP transport does). */
  token?: () => string | undefined | Promise<string | undefined>
}

export class MemorySyncServer {
  readonly records = new Map<string, ServerRecord>()
  readonly applied = new Set<string>()
  readonly requests: RequestLog[] = []
  serverId = 'memory-server'
  readonly trust = { id: 'trust-1', name: 'Northfield Teaching Hospitals' }
  readonly csus = new Map([['csu', { id: 'csu', trustId: 'trust-1', name: 'Medicine' }]])
  readonly units = new Map<string, EnrolledUnit>()
  readonly devices = new Map<string, MemoryDevice>()
  offline = false
  /** Pretend a release has dropped support for clients older than this. */
  minimumProtocol = 1
  /** Which pushes the server finds too large to accept (413 'too-large'). */
  tooLarge: (mutations: readonly Mutation[]) => boolean = () => false
  private readonly faults: Fault[] = []
  private readonly codes = new Map<string, { scope: MemoryScope; used: boolean }>()
  private readonly seqs = new Map<string, number>()
  private readonly listeners = new Map<string, Set<(poke: ScopePoke) => void>>()
  private readonly clock: HybridClock

  constructor(private readonly now: () => number = Date.now) {
    this.clock = createClock('server', now)
  }

  /** Queue faults for the next pushes and pulls, one each, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults)
  }

  /** Create a unit, as the admin screen does; with `record`, also its synced `units`
   * record (as the real server writes it), so enrolled tablets pull it. */
  addUnit(unit: Partial<EnrolledUnit> & { id: string }, { record = false } = {}): EnrolledUnit {
    const full: EnrolledUnit = { csuId: 'csu', name: unit.id, kind: 'ward', ...unit }
    this.units.set(full.id, full)
    if (record) {
      const at = new Date(this.now()).toISOString()
      const set = (value: JsonValue) => ({ set: value })
      this.apply({
        mutationId: newId(),
        table: 'units',
        recordId: full.id,
        scope: full.id,
        hlc: this.clock.tick(),
        by: 'Improvement office',
        fields: {
          csuId: set(full.csuId),
          name: set(full.name),
          kind: set(full.kind),
          people: set([]),
          createdAt: set(at),
          updatedAt: set(at),
          updatedBy: set('Improvement office'),
        },
      })
      for (const listener of this.listeners.get(full.id) ?? [])
        listener({ scope: full.id, seq: this.seqs.get(full.id) ?? 0 })
    }
    return full
  }

  /** A one-time enrolment code, shown as XXXX-XXXX-XXXX. */
  issueCode(scope: MemoryScope): string {
    let code = ''
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)]
    this.codes.set(code, { scope, used: false })
    return formatCode(code)
  }

  revokeDevice(deviceId: string): void {
    for (const device of this.devices.values()) if (device.id === deviceId) device.revoked = true
  }

  transport({ token = () => undefined }: MemoryTransportOptions = {}): SyncTransport {
    return {
      push: async (request) => this.push(request, await token()),
      pull: async (request) => this.pull(request, await token()),
      enrol: async (code, deviceName) => this.enrol(code, deviceName),
      deviceInfo: async () => this.deviceInfo(await token()),
      events: (scopes, onPoke) => {
        const sets = scopes.map((scope) => {
          const set = this.listeners.get(scope) ?? new Set()
          set.add(onPoke)
          this.listeners.set(scope, set)
          return set
        })
        return () => sets.forEach((set) => set.delete(onPoke))
      },
    }
  }

  /** Sends a poke to the scope's listeners as a server would after a commit (a repeat, or one from another process). */
  pokeAgain(poke: ScopePoke): void {
    for (const listener of this.listeners.get(poke.scope) ?? []) listener(poke)
  }

  recordsIn(scope: string): ServerRecord[] {
    return [...this.records.values()].filter((record) => record.scope === scope).sort((a, b) => a.seq - b.seq)
  }

  unitsOf(scope: MemoryScope): EnrolledUnit[] {
    const units = [...this.units.values()]
    if (scope.kind === 'trust') return units
    return scope.kind === 'unit' ? units.filter((u) => u.id === scope.id) : units.filter((u) => u.csuId === scope.id)
  }

  /** The scopes a device may pull and push, as the real server's scopes.ts gives them (one trust here). */
  scopesOf(scope: MemoryScope): { readable: string[]; writable: string[] } {
    const own = this.unitsOf(scope)
      .map((unit) => unit.id)
      .sort()
    if (scope.kind === 'csu') own.push(scope.id)
    if (scope.kind === 'trust') own.push(...[...this.csus.keys()].sort(), this.trust.id)
    const library = libraryScopeId(this.trust.id)
    return { readable: [...own, library], writable: scope.kind === 'trust' ? [...own, library] : own }
  }

  private scopeName(scope: MemoryScope): string {
    if (scope.kind === 'trust') return this.trust.name
    return (scope.kind === 'unit' ? this.units.get(scope.id)?.name : this.csus.get(scope.id)?.name) ?? scope.id
  }

  private info(device: MemoryDevice): Omit<DeviceInfo, 'name'> {
    const units = this.unitsOf(device.scope)
    const csuOf = (csuId: string) => this.csus.get(csuId) ?? { id: csuId, trustId: this.trust.id, name: csuId }
    const csu =
      device.scope.kind === 'trust'
        ? undefined
        : csuOf(device.scope.kind === 'csu' ? device.scope.id : (units[0]?.csuId ?? 'csu'))
    const csus = csu ? [csu] : [...this.csus.values()]
    return {
      deviceId: device.id,
      serverId: this.serverId,
      scope: { ...device.scope, name: this.scopeName(device.scope) },
      trust: { ...this.trust },
      ...(csu ? { csu: { ...csu } } : {}),
      csus: structuredClone(csus),
      units: structuredClone(units),
      ...this.scopesOf(device.scope),
    }
  }

  /** The device a token belongs to, or why the request is refused. */
  private authenticate(token: string | undefined): MemoryDevice | SyncFailure {
    const device = token ? this.devices.get(token) : undefined
    if (!device) return syncError('unauthorised')
    if (device.revoked)
      return {
        error: 'device-revoked',
        message: `This tablet was removed from ${this.scopeName(device.scope)}. Its changes are kept on it and will be sent once it is enrolled again. Ask your manager to re-enrol it.`,
      }
    return device
  }

  private enrol(code: string, deviceName: string): EnrolResponse | EnrolFailure | SyncFailure {
    this.requests.push({ kind: 'enrol', body: { code, deviceName } })
    if (this.offline) return transportFailure('offline')
    const issued = this.codes.get(normaliseCode(code))
    if (!issued || issued.used) return invalidCode()
    issued.used = true
    const device: MemoryDevice = {
      id: newId(),
      token: `token-${newId()}`,
      name: deviceName.trim(),
      scope: issued.scope,
      revoked: false,
    }
    this.devices.set(device.token, device)
    return { ...this.info(device), token: device.token }
  }

  private deviceInfo(token: string | undefined): DeviceInfo | SyncFailure {
    this.requests.push({ kind: 'device', body: { ...(token ? { token } : {}) } })
    if (this.offline) return transportFailure('offline')
    const device = this.authenticate(token)
    return 'error' in device ? device : { ...this.info(device), name: device.name }
  }

  private refusal(protocol: number, token: string | undefined): SyncFailure | MemoryDevice {
    if (this.offline) return transportFailure('offline')
    const device = this.authenticate(token)
    if ('error' in device) return device
    return protocol < this.minimumProtocol ? syncError('protocol-too-old') : device
  }

  private mayRead(device: MemoryDevice, scope: string): boolean {
    return this.scopesOf(device.scope).readable.includes(scope)
  }

  private mayWrite(device: MemoryDevice, scope: string): boolean {
    return this.scopesOf(device.scope).writable.includes(scope)
  }

  private apply(mutation: Mutation): { changed: boolean; skewMs?: number } {
    if (this.applied.has(mutation.mutationId)) return { changed: false }
    const stamped = restampMutation(mutation, this.clock, this.now())
    const key = `${mutation.scope}/${mutation.table}/${mutation.recordId}`
    const { record, changed } = applyMutation(this.records.get(key), stamped.mutation, SYNCED_TABLES)
    if (changed) {
      const seq = (this.seqs.get(mutation.scope) ?? 0) + 1
      this.seqs.set(mutation.scope, seq)
      this.records.set(key, { ...record, seq })
    }
    this.applied.add(mutation.mutationId)
    return { changed, ...(stamped.restamped ? { skewMs: stamped.skewMs } : {}) }
  }

  private push(raw: PushRequest, token: string | undefined): PushResponse | SyncFailure {
    const body = structuredClone(raw)
    this.requests.push({ kind: 'push', body })
    const device = this.refusal(body.protocol, token)
    if ('error' in device) return device
    const fault = this.faults.shift()
    if (fault === 'request-lost') return transportFailure('offline')
    if (fault && fault !== 'response-lost') return syncError(fault)
    const parsed = parsePushRequest(body)
    if (!parsed.ok) return parsed.error
    const { mutations } = parsed.value
    if (mutations.some((m) => !this.mayWrite(device, m.scope) || (m.table === 'units' && m.recordId !== m.scope)))
      return syncError('forbidden-scope')
    if (this.tooLarge(mutations)) return syncError('too-large')
    const poked = new Set<string>()
    let clockSkewMs: number | undefined
    for (const mutation of mutations) {
      const { changed, skewMs } = this.apply(mutation)
      if (skewMs !== undefined) clockSkewMs = skewMs
      if (changed) poked.add(mutation.scope)
    }
    for (const scope of poked) {
      for (const listener of this.listeners.get(scope) ?? []) listener({ scope, seq: this.seqs.get(scope) ?? 0 })
    }
    if (fault === 'response-lost') return transportFailure('offline')
    return {
      protocol: PROTOCOL_VERSION,
      accepted: mutations.map((m) => m.mutationId),
      serverTime: this.now(),
      ...(clockSkewMs !== undefined ? { clockSkewMs } : {}),
    }
  }

  private pull(raw: PullRequest, token: string | undefined): PullResponse | SyncFailure {
    this.requests.push({ kind: 'pull', body: { ...raw } })
    const device = this.refusal(raw.protocol, token)
    if ('error' in device) return device
    const fault = this.faults.shift()
    if (fault === 'request-lost' || fault === 'response-lost') return transportFailure('offline')
    if (fault) return syncError(fault)
    const parsed = parsePullRequest(raw)
    if (!parsed.ok) return parsed.error
    const { scope, after, limit } = parsed.value
    if (!this.mayRead(device, scope)) return syncError('forbidden-scope')
    const newer = this.recordsIn(scope).filter((record) => record.seq > after)
    const records = structuredClone(newer.slice(0, limit))
    return {
      protocol: PROTOCOL_VERSION,
      scope,
      records,
      cursor: records.at(-1)?.seq ?? after,
      hasMore: newer.length > limit,
      serverTime: this.now(),
    }
  }
}
