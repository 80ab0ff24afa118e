// How big synced data may grow: every limit the tablet and the server both apply to what is
// stored, in one place (the server's own limits, on requests, connections and logs, are in
// server/limits.ts, which lists these too). Each is far above what a ward produces by using
// the app, so only a broken or hostile device ever meets one; README "Limits" explains them.

/** One value in a field: checked on every mutation before anything is stored (json.ts `jsonProblem`). */
export const JSON_LIMITS = {
  /** Longest string anywhere in a value (notes, comments, titles are far shorter). */
  stringChars: 10_000,
  arrayItems: 1_000,
  objectKeys: 200,
  depth: 10,
} as const

/** One stored record (text.ts `enforceRecordLimits`, applied by every merge). */
export const RECORD_LIMITS = {
  /**
   * Versions of one text field kept side by side when people edit it without seeing each
   * other's change. A ward has a handful of tablets, so real conflicts hold two or three; a
   * device sending thousands of edits with no base would otherwise grow one record without
   * bound, and every tablet of the ward downloads it. Beyond this the oldest are dropped.
   */
  textVersionsPerField: 10,
  /** Distinct field names one record may ever hold (the largest record type has about 30). */
  fieldsPerRecord: 100,
  /**
   * The stored record as JSON (values, stamps, text versions), in UTF-8 bytes. Over it, the
   * oldest text versions go first; a record still over it is refused.
   */
  recordBytes: 512 * 1024,
} as const

/** Ids, names and other identifiers on the wire. */
export const ID_LIMITS = {
  chars: 200,
} as const
