// The organisation the improvement office keeps: trusts, CSUs and units. A unit is
// also a synced record (table 'units', its own scope), written here through the push
// code like any tablet's change, so it takes a sequence number, pokes listeners and
// reaches every tablet enrolled for it on their next pull.
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { newId } from '../../src/domain/ids.ts'
import { latestStamp } from '../../src/shared/sync/merge.ts'
import { MutationSchema, type FieldOp, type Mutation } from '../../src/shared/sync/protocol.ts'
import { textBase } from '../../src/shared/sync/text.ts'
import type { SyncDb } from '../db/open.ts'
import type { Database, OrgUnitKind } from '../db/schema.ts'
import { applyPushInTransaction, serverClock } from '../sync/push.ts'
import { syncRecordOf } from '../sync/records.ts'
import { notFound, parseInput } from './errors.ts'
import { noteOrgChanged } from './scopes.ts'
import {
  CsuInputSchema,
  NameInputSchema,
  UnitChangeSchema,
  UnitInputSchema,
  type CsuInput,
  type NameInput,
  type UnitChange,
  type UnitInput,
} from './inputs.ts'
import { serverId } from './settings.ts'

/** Who the unit records' history says made the change. */
const IMPROVEMENT_OFFICE = 'Improvement office'

export interface TrustView {
  id: string
  name: string
  createdAt: number
}
export interface CsuView {
  id: string
  trustId: string
  name: string
  createdAt: number
}
export interface UnitView {
  id: string
  csuId: string
  name: string
  kind: OrgUnitKind
  createdAt: number
}
export interface OrgTree {
  serverId: string
  trusts: TrustView[]
  csus: CsuView[]
  units: UnitView[]
}

type Reader = SyncDb | Transaction<Database>

export async function findTrust(db: Reader, id: string): Promise<TrustView | undefined> {
  const row = await db.selectFrom('org_trusts').selectAll().where('id', '=', id).executeTakeFirst()
  return row && { id: row.id, name: row.name, createdAt: Number(row.created_at) }
}

export async function findCsu(db: Reader, id: string): Promise<CsuView | undefined> {
  const row = await db.selectFrom('org_csus').selectAll().where('id', '=', id).executeTakeFirst()
  return row && { id: row.id, trustId: row.trust_id, name: row.name, createdAt: Number(row.created_at) }
}

export async function findUnit(db: Reader, id: string): Promise<UnitView | undefined> {
  const row = await db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst()
  return row && { id: row.id, csuId: row.csu_id, name: row.name, kind: row.kind, createdAt: Number(row.created_at) }
}

/** Every unit of a CSU, by name. */
export async function unitsOfCsu(db: Reader, csuId: string): Promise<UnitView[]> {
  const rows = await db
    .selectFrom('org_units')
    .selectAll()
    .where('csu_id', '=', csuId)
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    csuId: row.csu_id,
    name: row.name,
    kind: row.kind,
    createdAt: Number(row.created_at),
  }))
}

/** Every CSU of a trust, by name. */
export async function csusOfTrust(db: Reader, trustId: string): Promise<CsuView[]> {
  const rows = await db
    .selectFrom('org_csus')
    .selectAll()
    .where('trust_id', '=', trustId)
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ id: row.id, trustId: row.trust_id, name: row.name, createdAt: Number(row.created_at) }))
}

export async function getOrg(db: SyncDb): Promise<OrgTree> {
  const [trusts, csus, units] = await Promise.all([
    db.selectFrom('org_trusts').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('org_csus').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('org_units').selectAll().orderBy('name').orderBy('id').execute(),
  ])
  return {
    serverId: await serverId(db),
    trusts: trusts.map((row) => ({ id: row.id, name: row.name, createdAt: Number(row.created_at) })),
    csus: csus.map((row) => ({ id: row.id, trustId: row.trust_id, name: row.name, createdAt: Number(row.created_at) })),
    units: units.map((row) => ({
      id: row.id,
      csuId: row.csu_id,
      name: row.name,
      kind: row.kind,
      createdAt: Number(row.created_at),
    })),
  }
}

export async function createTrust(db: SyncDb, input: NameInput, now = Date.now()): Promise<TrustView> {
  const { name } = parseInput(NameInputSchema, input)
  const trust = { id: newId(), name, createdAt: now }
  await db.insertInto('org_trusts').values({ id: trust.id, name, created_at: now }).execute()
  return trust
}

export async function renameTrust(db: SyncDb, id: string, input: NameInput): Promise<TrustView> {
  const { name } = parseInput(NameInputSchema, input)
  const result = await db.updateTable('org_trusts').set({ name }).where('id', '=', id).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw notFound('trust')
  return (await findTrust(db, id)) as TrustView
}

export async function createCsu(db: SyncDb, input: CsuInput, now = Date.now()): Promise<CsuView> {
  const { trustId, name } = parseInput(CsuInputSchema, input)
  if (!(await findTrust(db, trustId))) throw notFound('trust')
  const csu = { id: newId(), trustId, name, createdAt: now }
  await db.insertInto('org_csus').values({ id: csu.id, trust_id: trustId, name, created_at: now }).execute()
  // A trust's tablets read the new CSU's board from their next request.
  noteOrgChanged()
  return csu
}

export async function renameCsu(db: SyncDb, id: string, input: NameInput): Promise<CsuView> {
  const { name } = parseInput(NameInputSchema, input)
  const result = await db.updateTable('org_csus').set({ name }).where('id', '=', id).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw notFound('CSU')
  return (await findCsu(db, id)) as CsuView
}

/** Adds a unit and its synced record, in one transaction. */
export async function createUnit(db: SyncDb, input: UnitInput, now = Date.now()): Promise<UnitView> {
  const { csuId, name, kind } = parseInput(UnitInputSchema, input)
  const unit: UnitView = { id: newId(), csuId, name, kind, createdAt: now }
  await db.transaction().execute(async (trx) => {
    if (!(await findCsu(trx, csuId))) throw notFound('CSU')
    await trx.insertInto('org_units').values({ id: unit.id, csu_id: csuId, name, kind, created_at: now }).execute()
    const at = new Date(now).toISOString()
    await writeUnitRecord(trx, unit.id, now, {
      csuId: { set: csuId },
      name: { set: name },
      kind: { set: kind },
      people: { set: [] },
      createdAt: { set: at },
      updatedAt: { set: at },
      updatedBy: { set: IMPROVEMENT_OFFICE },
    })
  })
  // The CSU's and trust's tablets read the new unit from their next request.
  noteOrgChanged()
  return unit
}

/** Renames a unit or changes its kind, here and in its synced record, in one transaction. */
export async function updateUnit(db: SyncDb, id: string, input: UnitChange, now = Date.now()): Promise<UnitView> {
  const change = parseInput(UnitChangeSchema, input)
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('org_units').set(change).where('id', '=', id).executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) throw notFound('unit')
    const fields: Record<string, FieldOp> = {}
    const current = await trx
      .selectFrom('records')
      .selectAll()
      .where('scope', '=', id)
      .where('tbl', '=', 'units')
      .where('id', '=', id)
      .executeTakeFirst()
    const record = current && syncRecordOf(current)
    if (change.name !== undefined) {
      // The office has seen every version of the name a tablet may have typed, so its
      // rename replaces them rather than showing beside them.
      const base = textBase(record, 'name')
      fields.name = base === undefined ? { set: change.name } : { set: change.name, base }
    }
    if (change.kind !== undefined) fields.kind = { set: change.kind }
    fields.updatedAt = { set: new Date(now).toISOString() }
    fields.updatedBy = { set: IMPROVEMENT_OFFICE }
    await writeUnitRecord(trx, id, now, fields, record && latestStamp(record))
    return (await findUnit(trx, id)) as UnitView
  })
}

/**
 * A server-made change to a unit's synced record, applied by the push code. The stamp
 * comes after anything already stored on the record, so the office's change wins.
 */
async function writeUnitRecord(
  trx: Transaction<Database>,
  unitId: string,
  now: number,
  fields: Record<string, FieldOp>,
  after?: string,
): Promise<void> {
  const clock = serverClock()
  if (after) clock.receive(after)
  const mutation: Mutation = MutationSchema.parse({
    mutationId: randomUUID(),
    table: 'units',
    recordId: unitId,
    scope: unitId,
    hlc: clock.tick(),
    by: IMPROVEMENT_OFFICE,
    fields,
  })
  await applyPushInTransaction(trx, [mutation], { now, clock })
}
