// What a simulated tablet has sent and what the server must therefore hold: each mutation
// writes its own field on its record, so a record shows exactly which of its mutations were
// applied. Lost = an acknowledged mutation whose field is missing; duplicated = a record served
// twice by one full pull, or a mutation id recorded twice.
import type { Mutation, ServerRecord } from '../../src/shared/sync/protocol.ts'
import type { SyncDb } from '../../server/db/open.ts'
import { change } from './org.ts'

export class Ledger {
  /** Every mutation made, by id. */
  readonly made = new Map<string, Mutation>()
  readonly acknowledged = new Set<string>()
  private sequence = 0

  constructor(
    private readonly nodeId: string,
    /** Mutations per record (each adds a field; kept well under the per-record field limit). */
    private readonly perRecord = 3,
  ) {}

  /** The next change: a new record every `perRecord` mutations, each setting its own field. */
  next(scope: string): Mutation {
    const n = this.sequence++
    const recordId = `${this.nodeId}-r${Math.floor(n / this.perRecord)}`
    const mutation = change(scope, recordId, { [`m${n % this.perRecord}`]: { set: n } }, this.nodeId)
    this.made.set(mutation.mutationId, mutation)
    return mutation
  }

  acknowledge(ids: readonly string[]): void {
    for (const id of ids) if (this.made.has(id)) this.acknowledged.add(id)
  }

  /** Acknowledged mutations the server's records do not show. */
  lostIn(records: readonly ServerRecord[]): string[] {
    const byId = new Map(records.map((record) => [`${record.table}/${record.id}`, record]))
    const lost: string[] = []
    for (const id of this.acknowledged) {
      const mutation = this.made.get(id) as Mutation
      const record = byId.get(`${mutation.table}/${mutation.recordId}`)
      const [field, op] = Object.entries(mutation.fields)[0] as [string, { set: unknown }]
      if (!record || record.fields[field] !== op.set) lost.push(id)
    }
    return lost
  }
}

/** Mutation ids the server recorded more than once (the primary key forbids it: checked all the same). */
export async function idsRecordedTwice(db: SyncDb): Promise<number> {
  const rows = await db
    .selectFrom('applied_mutations')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('mutation_id').distinct().as('distinct')])
    .executeTakeFirstOrThrow()
  return Number(rows.n) - Number(rows.distinct)
}
