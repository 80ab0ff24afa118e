// The sync server's tables as Kysely sees them. JSON is stored as text and sequence
// numbers as 64-bit integers (bigint on PostgreSQL, integer on SQLite) so the same
// queries run on both; both drivers hand sequence numbers back as JS numbers (see
// open.ts), which is exact up to 2^53. Times are ms since the epoch.

import type { Generated } from 'kysely'

export interface ScopesTable {
  /** A unit id: every synced record belongs to one. */
  scope: string
  /** The last sequence number issued in this scope. Its row is the scope's write lock. */
  seq: number
}

export interface RecordsTable {
  scope: string
  /** The synced table's name ("table" is a reserved word in SQL). */
  tbl: string
  id: string
  /** When the record last changed, in its scope's sequence: the pull cursor. */
  seq: number
  /** JSON object of field values. */
  fields: string
  /** JSON object of per-field HLC stamps. */
  clocks: string
  /** JSON object of text-field origins, or null. */
  origins: string | null
  /** JSON object of text-field conflicts, or null. */
  conflicts: string | null
}

export interface AppliedMutationsTable {
  /** Claimed in the same transaction that applies the mutation, so each is applied once. */
  mutation_id: string
  scope: string
  device_id: string | null
  /** Server time in ms. */
  applied_at: number
}

/** What an enrolment covers: one unit, a whole CSU, or a whole trust (the improvement office). */
export type ScopeKind = 'unit' | 'csu' | 'trust'
export type OrgUnitKind = 'ward' | 'department'

export interface OrgTrustsTable {
  id: string
  name: string
  created_at: number
}

export interface OrgCsusTable {
  id: string
  trust_id: string
  name: string
  created_at: number
}

/** The improvement office's list of units. Each also has a synced `units` record (scope = its id). */
export interface OrgUnitsTable {
  id: string
  csu_id: string
  name: string
  kind: OrgUnitKind
  created_at: number
}

/** One-time codes that enrol a tablet for a unit, a whole CSU or a whole trust. */
export interface EnrolmentCodesTable {
  id: string
  /** SHA-256 hex of the normalised code; the code itself is shown once and never stored. */
  code_hash: string
  scope_kind: ScopeKind
  scope_id: string
  label: string | null
  created_at: number
  expires_at: number
  used_at: number | null
  used_by_device: string | null
  revoked_at: number | null
}

export interface DevicesTable {
  id: string
  /** SHA-256 hex of the device's bearer token. */
  token_hash: string
  name: string
  scope_kind: ScopeKind
  scope_id: string
  enrolled_at: number
  revoked_at: number | null
  last_seen_at: number | null
  last_sync_at: number | null
  /** What the tablet last said it had waiting to send (the x-lim-outbox header). */
  pending_count: Generated<number>
  oldest_pending_at: number | null
}

/** `admin_token_hash`, `server_id`. */
export interface ServerSettingsTable {
  key: string
  value: string
}

/**
 * Every 401/403 answered on the device, sync and admin APIs. One row counts the repeats of one
 * refusal (device, address, method, route, reason) from `at` to `last_at`.
 */
export interface AccessRefusalsTable {
  id: Generated<number>
  /** The first of the repeats. */
  at: number
  device_id: string | null
  ip: string
  method: string
  /** The latest repeat's URL. */
  url: string
  reason: string
  /** How many times (rows from before counting are 1). */
  count: Generated<number>
  /** The latest repeat (null only on rows written by an older server, whose one time is `at`). */
  last_at: number | null
  /** The route pattern ('/api/admin/devices/:id/revoke'): repeats with different ids count together. */
  route: string | null
}

/** The scope each (table, id) belongs to: the first that stored it. */
/** One row per push per scope it advanced: the random mark of the sequence numbers up to `seq_to` that the
 * push wrote (from just after the row before). A restore loses marks, so a tablet's mark that is not here
 * shows the server went back (docs/SYNC.md "Restore"). */
export interface ScopeMarksTable {
  scope: string
  seq_to: number
  mark: string
  made_at: number
}

export interface RecordOwnersTable {
  tbl: string
  id: string
  scope: string
}

export interface IdeaLinksTable {
  id: string
  /** SHA-256 hex of the link's token (the token itself is only in the link). */
  token_hash: string
  unit_id: string
  board_id: string
  /** What the phone form says the idea is for, e.g. "Ward 7". */
  label: string
  created_at: number
  created_by_device: string | null
  revoked_at: number | null
  ideas_received: Generated<number>
  last_idea_at: number | null
}

export interface Database {
  scopes: ScopesTable
  records: RecordsTable
  record_owners: RecordOwnersTable
  scope_marks: ScopeMarksTable
  applied_mutations: AppliedMutationsTable
  org_trusts: OrgTrustsTable
  org_csus: OrgCsusTable
  org_units: OrgUnitsTable
  enrolment_codes: EnrolmentCodesTable
  devices: DevicesTable
  server_settings: ServerSettingsTable
  access_refusals: AccessRefusalsTable
  idea_links: IdeaLinksTable
}
