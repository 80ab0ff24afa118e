// One-time enrolment codes. Only the hash is stored: the plaintext code is returned once,
// when it is issued, for the improvement office to hand to the ward.
import type { Selectable } from 'kysely'
import { newId } from '../../src/domain/ids.ts'
import type { SyncDb } from '../db/open.ts'
import type { EnrolmentCodesTable, ScopeKind } from '../db/schema.ts'
import { notFound, parseInput } from './errors.ts'
import { CodeInputSchema, type CodeInput } from './inputs.ts'
import { scopeNames } from './scopes.ts'
import { formatCode } from '../../src/shared/enrolmentCode.ts'
import { hashSecret, newEnrolmentCode } from './secrets.ts'

const HOUR_MS = 60 * 60 * 1000

export type CodeStatus = 'active' | 'used' | 'expired' | 'revoked'

export interface CodeView {
  id: string
  scopeKind: ScopeKind
  scopeId: string
  scopeName: string
  label: string | null
  createdAt: number
  expiresAt: number
  usedAt: number | null
  usedByDevice: string | null
  revokedAt: number | null
  status: CodeStatus
}

type CodeRow = Selectable<EnrolmentCodesTable>

/** Used outranks revoked (a device exists), and both outrank expired. */
export function codeStatus(row: Pick<CodeRow, 'used_at' | 'revoked_at' | 'expires_at'>, now: number): CodeStatus {
  if (row.used_at !== null) return 'used'
  if (row.revoked_at !== null) return 'revoked'
  return Number(row.expires_at) <= now ? 'expired' : 'active'
}

function toView(row: CodeRow, scopeName: string, now: number): CodeView {
  return {
    id: row.id,
    scopeKind: row.scope_kind,
    scopeId: row.scope_id,
    scopeName,
    label: row.label,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: row.used_at === null ? null : Number(row.used_at),
    usedByDevice: row.used_by_device,
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    status: codeStatus(row, now),
  }
}

async function viewsOf(db: SyncDb, rows: CodeRow[], now: number): Promise<CodeView[]> {
  const names = await scopeNames(
    db,
    rows.map((row) => ({ kind: row.scope_kind, id: row.scope_id })),
  )
  return rows.map((row) => toView(row, names.get(`${row.scope_kind}:${row.scope_id}`) ?? '(removed)', now))
}

/** A new code for a unit, a whole CSU or a whole trust. `code` (XXXX-XXXX-XXXX) is never shown again. */
export async function issueCode(db: SyncDb, input: CodeInput, now = Date.now()): Promise<CodeView & { code: string }> {
  const { scopeKind, scopeId, expiresInHours, label } = parseInput(CodeInputSchema, input)
  const names = await scopeNames(db, [{ kind: scopeKind, id: scopeId }])
  if (!names.has(`${scopeKind}:${scopeId}`)) throw notFound(scopeKind === 'csu' ? 'CSU' : scopeKind)
  const code = newEnrolmentCode()
  const row: CodeRow = {
    id: newId(),
    code_hash: hashSecret(code),
    scope_kind: scopeKind,
    scope_id: scopeId,
    label: label || null,
    created_at: now,
    expires_at: now + expiresInHours * HOUR_MS,
    used_at: null,
    used_by_device: null,
    revoked_at: null,
  }
  await db.insertInto('enrolment_codes').values(row).execute()
  const [view] = await viewsOf(db, [row], now)
  return { ...(view as CodeView), code: formatCode(code) }
}

/** Stops an unused code from working. Revoking twice keeps the first time. */
export async function revokeCode(db: SyncDb, id: string, now = Date.now()): Promise<CodeView> {
  await db
    .updateTable('enrolment_codes')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
  const row = await db.selectFrom('enrolment_codes').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('enrolment code')
  return (await viewsOf(db, [row], now))[0] as CodeView
}

/** Every code, newest first. */
export async function listCodes(db: SyncDb, now = Date.now()): Promise<CodeView[]> {
  const rows = await db
    .selectFrom('enrolment_codes')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return viewsOf(db, rows, now)
}
