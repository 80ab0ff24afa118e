// Another tablet, seen only through what it sends: a device enrolled over HTTP that
// pushes whole records as the app's outbox would. For checking what a tablet on screen
// does with changes it pulls, without driving a second browser.
import { randomUUID } from 'node:crypto'
import { formatHlc } from '../../src/shared/sync/hlc.ts'
import { PROTOCOL_VERSION, type Mutation } from '../../src/shared/sync/protocol.ts'
import { enrolDevice } from './syncApi.ts'
import type { SyncServer } from './syncServer.ts'

/** A one-time code for a whole CSU, as the admin screen issues it. */
export async function issueCsuCode(server: SyncServer, csuId: string): Promise<string> {
  const res = await fetch(`${server.url}/api/admin/codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scopeKind: 'csu', scopeId: csuId, expiresInHours: 24 }),
  })
  if (!res.ok) throw new Error(`POST /api/admin/codes answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { code: string }).code
}

export class OtherTablet {
  private counter = 0

  private constructor(
    private readonly server: SyncServer,
    readonly name: string,
    private readonly token: string,
    private readonly nodeId: string,
  ) {}

  static async enrol(server: SyncServer, code: string, name: string): Promise<OtherTablet> {
    const { deviceId, token } = await enrolDevice(server, code, name)
    return new OtherTablet(server, name, token, `e2e-${deviceId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`)
  }

  static newId(): string {
    return randomUUID()
  }

  /** A London calendar day relative to today, as the app keys days. */
  static londonDay(offsetDays: number): string {
    const at = new Date(Date.now() + offsetDays * 86_400_000)
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at)
  }

  /** A new record, sent as a save there would send it. */
  create(table: string, recordId: string, scope: string, fields: Record<string, unknown>): Promise<void> {
    return this.send(table, recordId, scope, { ...fields, createdAt: new Date().toISOString() })
  }

  /** Some fields of a record changed there. */
  update(table: string, recordId: string, scope: string, fields: Record<string, unknown>): Promise<void> {
    return this.send(table, recordId, scope, fields)
  }

  private async send(table: string, recordId: string, scope: string, fields: Record<string, unknown>): Promise<void> {
    const stamped = { ...fields, updatedAt: new Date().toISOString(), updatedBy: this.name }
    const mutation: Mutation = {
      mutationId: randomUUID(),
      table,
      recordId,
      scope,
      hlc: formatHlc({ wallMs: Date.now(), counter: this.counter++, nodeId: this.nodeId }),
      fields: Object.fromEntries(Object.entries(stamped).map(([name, value]) => [name, { set: value }])),
    } as Mutation
    const res = await fetch(`${this.server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, mutations: [mutation] }),
    })
    if (!res.ok) throw new Error(`POST /api/sync/push answered ${res.status}: ${await res.text()}`)
    const reply = (await res.json()) as { accepted?: string[] }
    if (!reply.accepted?.includes(mutation.mutationId))
      throw new Error(`The server did not apply ${table}/${recordId}: ${JSON.stringify(reply)}`)
  }
}
