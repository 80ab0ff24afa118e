// What an enrolment covers: one unit, or a whole CSU (every unit in it, including
// units added after the tablet enrolled).
import type { Transaction } from 'kysely'
import type { SyncDb } from '../db/open.ts'
import type { Database, ScopeKind } from '../db/schema.ts'

export interface ScopeRef {
  kind: ScopeKind
  id: string
}

type Reader = SyncDb | Transaction<Database>

/** Names of units and CSUs, keyed `kind:id`; a missing one has no entry. */
export async function scopeNames(db: Reader, refs: readonly ScopeRef[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const unitIds = [...new Set(refs.filter((ref) => ref.kind === 'unit').map((ref) => ref.id))]
  const csuIds = [...new Set(refs.filter((ref) => ref.kind === 'csu').map((ref) => ref.id))]
  if (unitIds.length > 0) {
    for (const row of await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', unitIds).execute()) names.set(`unit:${row.id}`, row.name)
  }
  if (csuIds.length > 0) {
    for (const row of await db.selectFrom('org_csus').select(['id', 'name']).where('id', 'in', csuIds).execute()) names.set(`csu:${row.id}`, row.name)
  }
  return names
}

export async function scopeName(db: Reader, ref: ScopeRef): Promise<string | undefined> {
  return (await scopeNames(db, [ref])).get(`${ref.kind}:${ref.id}`)
}

/** The units (sync scopes) an enrolment may read and change, as of now. */
export async function unitIdsOf(db: Reader, ref: ScopeRef): Promise<string[]> {
  if (ref.kind === 'unit') {
    const unit = await db.selectFrom('org_units').select('id').where('id', '=', ref.id).executeTakeFirst()
    return unit ? [unit.id] : []
  }
  const rows = await db.selectFrom('org_units').select('id').where('csu_id', '=', ref.id).execute()
  return rows.map((row) => row.id)
}
