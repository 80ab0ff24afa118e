// What an enrolment covers. A unit device syncs its unit; a CSU device every unit of the
// CSU (including units added after it enrolled) and the CSU's own board (scope = the CSU
// id); a trust device (the improvement office) every unit and CSU of the trust and the
// trust's own board (scope = the trust id). Every device also reads its trust's library
// (`libraryScopeId`), which only trust devices may change.
import type { Transaction } from 'kysely'
import { libraryScopeId } from '../../src/shared/sync/scopes.ts'
import type { SyncDb } from '../db/open.ts'
import type { Database, ScopeKind } from '../db/schema.ts'

export interface ScopeRef {
  kind: ScopeKind
  id: string
}

type Reader = SyncDb | Transaction<Database>

/** Names of units, CSUs and trusts, keyed `kind:id`; a missing one has no entry. */
export async function scopeNames(db: Reader, refs: readonly ScopeRef[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const idsOf = (kind: ScopeKind) => [...new Set(refs.filter((ref) => ref.kind === kind).map((ref) => ref.id))]
  const tables = { unit: 'org_units', csu: 'org_csus', trust: 'org_trusts' } as const
  for (const kind of ['unit', 'csu', 'trust'] as const) {
    const ids = idsOf(kind)
    if (ids.length === 0) continue
    for (const row of await db.selectFrom(tables[kind]).select(['id', 'name']).where('id', 'in', ids).execute())
      names.set(`${kind}:${row.id}`, row.name)
  }
  return names
}

export async function scopeName(db: Reader, ref: ScopeRef): Promise<string | undefined> {
  return (await scopeNames(db, [ref])).get(`${ref.kind}:${ref.id}`)
}

/** The units an enrolment covers, as of now. */
async function unitIdsOf(db: Reader, ref: ScopeRef): Promise<string[]> {
  if (ref.kind === 'unit') {
    const unit = await db.selectFrom('org_units').select('id').where('id', '=', ref.id).executeTakeFirst()
    return unit ? [unit.id] : []
  }
  if (ref.kind === 'csu') {
    const rows = await db.selectFrom('org_units').select('id').where('csu_id', '=', ref.id).orderBy('id').execute()
    return rows.map((row) => row.id)
  }
  const rows = await db
    .selectFrom('org_units')
    .innerJoin('org_csus', 'org_csus.id', 'org_units.csu_id')
    .select('org_units.id as id')
    .where('org_csus.trust_id', '=', ref.id)
    .orderBy('org_units.id')
    .execute()
  return rows.map((row) => row.id)
}

/** The trust above an enrolment's unit, CSU or trust (undefined once it no longer exists). */
async function trustIdOf(db: Reader, ref: ScopeRef): Promise<string | undefined> {
  if (ref.kind === 'trust') {
    return (await db.selectFrom('org_trusts').select('id').where('id', '=', ref.id).executeTakeFirst())?.id
  }
  let csuId = ref.id
  if (ref.kind === 'unit') {
    const unit = await db.selectFrom('org_units').select('csu_id').where('id', '=', ref.id).executeTakeFirst()
    if (!unit) return undefined
    csuId = unit.csu_id
  }
  return (await db.selectFrom('org_csus').select('trust_id').where('id', '=', csuId).executeTakeFirst())?.trust_id
}

let changes = 0

/** Tells caches of devices' scopes in this process that they are out of date: the organisation changed here
 * (a CSU, unit or trust added, a unit moved) or a device was revoked. */
export function noteOrgChanged(): void {
  changes += 1
}

/** Goes up with every `noteOrgChanged` in this process: a cached answer from before is stale. */
export function orgChangesSoFar(): number {
  return changes
}

export interface DeviceScopes {
  /** The units among them: the only scopes a `units` record may live in. */
  units: string[]
  /** Every sync scope the device may pull (and listen to). */
  readable: string[]
  /** The scopes it may push to: the readable ones, less the library unless it is a trust device. */
  writable: string[]
}

/** The sync scopes of an enrolment, as of now (a CSU gains new units; a trust new CSUs). */
export async function syncScopesOf(db: Reader, ref: ScopeRef): Promise<DeviceScopes> {
  const [units, trustId] = await Promise.all([unitIdsOf(db, ref), trustIdOf(db, ref)])
  if (!trustId) return { units: [], readable: [], writable: [] }
  let tiers: string[] = []
  if (ref.kind === 'csu') tiers = [ref.id]
  if (ref.kind === 'trust') {
    const csus = await db.selectFrom('org_csus').select('id').where('trust_id', '=', trustId).orderBy('id').execute()
    tiers = [...csus.map((row) => row.id), trustId]
  }
  const library = libraryScopeId(trustId)
  const own = [...units, ...tiers]
  return {
    units,
    readable: [...own, library],
    writable: ref.kind === 'trust' ? [...own, library] : own,
  }
}
