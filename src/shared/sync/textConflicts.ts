// Which text fields of a record hold versions that say different things, apart from the rest of text.ts (the
// versions' bases and the record limits), so the app's database migrations and shell read it without them.
import { canonicalJson } from './json.ts'
import type { ConflictVersion, SyncRecord } from './protocol.ts'

/** Text fields whose live versions say different things: the conflict badge and the chooser. */
export function textConflicts(record: SyncRecord | undefined): Record<string, ConflictVersion[]> {
  const open: Record<string, ConflictVersion[]> = {}
  for (const [field, versions] of Object.entries(record?.conflicts ?? {})) {
    if (new Set(versions.map((version) => canonicalJson(version.value))).size > 1) open[field] = versions
  }
  return open
}
