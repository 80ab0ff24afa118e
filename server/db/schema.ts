// The sync server's tables as Kysely sees them. JSON is stored as text and sequence
// numbers as 64-bit integers (bigint on PostgreSQL, integer on SQLite) so the same
// queries run on both; both drivers hand sequence numbers back as JS numbers (see
// open.ts), which is exact up to 2^53.

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

export interface Database {
  scopes: ScopesTable
  records: RecordsTable
  applied_mutations: AppliedMutationsTable
}
