// Sync scopes. Every synced record carries one in `unitId`: the unit (ward or
// department) it belongs to. Two more kinds exist besides units:
// - a CSU's or a trust's own board uses the CSU's or trust's id as its scope;
// - the trust's library (the improvement office's concept edits and trust-wide
//   standard work) uses `libraryScopeId(trustId)`, which every device of the trust
//   reads and only the improvement office writes.
// Ids are UUIDs, so the prefix below can never clash with a unit, CSU or trust id.
const LIBRARY_PREFIX = 'library-'

export function libraryScopeId(trustId: string): string {
  return `${LIBRARY_PREFIX}${trustId}`
}

export function isLibraryScope(scopeId: string): boolean {
  return scopeId.startsWith(LIBRARY_PREFIX)
}

/** The trust a library scope belongs to (undefined for any other scope). */
export function trustOfLibraryScope(scopeId: string): string | undefined {
  return isLibraryScope(scopeId) ? scopeId.slice(LIBRARY_PREFIX.length) : undefined
}

/**
 * Tables every device of a trust may write in its trust's library, not only the improvement office's: a
 * colleague's own choice to be listed as someone who practised a concept, and the questions and answers
 * between colleagues. The asker and the person asked may work on any two wards, and the library is the one
 * scope every tablet of the trust reads (docs/CERTIFICATION.md, "Learning together"). Every other library
 * table stays the office's alone.
 */
export const OPEN_LIBRARY_TABLES: ReadonlySet<string> = new Set(['practitioners', 'conceptQuestions'])

/** Whether a change to `table` in `scope` is one any device that reads the library may send. */
export function isOpenLibraryWrite(scope: string, table: string): boolean {
  return isLibraryScope(scope) && OPEN_LIBRARY_TABLES.has(table)
}
