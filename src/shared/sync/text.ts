// Text fields keep every version nobody has replaced knowingly. A version is replaced
// only by one whose writer had seen it (its base covers it); two versions whose writers
// had not seen each other both stay, for the board lead to choose. The field's value is
// the newest of them, so a text field shows exactly what last-writer-wins would show.
//
// The live versions are the maximal elements of "had seen" over every version ever
// received, so they do not depend on the order versions arrive in.
import { canonicalJson, type JsonValue } from './json.ts'
import type { ConflictVersion, SyncRecord, TextOrigin } from './protocol.ts'
import { covers, joinVectors, parseVector } from './vector.ts'

export type TextVersion = ConflictVersion

/** The versions of a field that nobody has knowingly replaced, oldest first. */
export function liveVersions(record: SyncRecord | undefined, field: string): TextVersion[] {
  if (!record) return []
  const conflicting = record.conflicts && Object.hasOwn(record.conflicts, field) ? record.conflicts[field] : undefined
  if (conflicting) return conflicting
  if (!Object.hasOwn(record.clocks, field)) return []
  const origin = record.origins && Object.hasOwn(record.origins, field) ? record.origins[field] : undefined
  return [versionOf(record.fields[field] ?? null, record.clocks[field] as string, origin)]
}

function versionOf(value: JsonValue, hlc: string, origin: TextOrigin | undefined): TextVersion {
  const version: TextVersion = { value, hlc }
  if (origin?.base !== undefined) version.base = origin.base
  if (origin?.by !== undefined) version.by = origin.by
  return version
}

/**
 * Adds one version to the live set. Returns the same array when nothing changes (a
 * duplicate, or a version someone had already seen and replaced).
 */
export function addVersion(live: readonly TextVersion[], incoming: TextVersion): readonly TextVersion[] {
  const same = live.find((version) => version.hlc === incoming.hlc)
  if (same) {
    // One stamp is one write. Two different payloads under one stamp mean two devices
    // share a node id; pick by content so every replica still keeps the same one.
    if (canonicalJson(incoming) <= canonicalJson(same)) return live
    return live.map((version) => (version === same ? incoming : version))
  }
  if (live.some((version) => covers(parseVector(version.base), incoming.hlc))) return live
  const seenByIncoming = parseVector(incoming.base)
  return [...live.filter((version) => !covers(seenByIncoming, version.hlc)), incoming]
}

/** Writes a live set into the record's maps in the one canonical form (mutates `record`). */
export function writeVersions(record: SyncRecord, field: string, live: readonly TextVersion[]): void {
  const sorted = [...live].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
  const newest = sorted[sorted.length - 1]
  if (!newest) return
  record.fields[field] = newest.value
  record.clocks[field] = newest.hlc
  const origins = { ...record.origins }
  const conflicts = { ...record.conflicts }
  delete origins[field]
  delete conflicts[field]
  if (sorted.length > 1) conflicts[field] = sorted
  else if (newest.base !== undefined || newest.by !== undefined) {
    origins[field] = {
      ...(newest.base !== undefined ? { base: newest.base } : {}),
      ...(newest.by !== undefined ? { by: newest.by } : {}),
    }
  }
  setOptional(record, 'origins', origins)
  setOptional(record, 'conflicts', conflicts)
}

function setOptional<K extends 'origins' | 'conflicts'>(
  record: SyncRecord,
  key: K,
  value: NonNullable<SyncRecord[K]>,
): void {
  if (Object.keys(value).length > 0) record[key] = value
  else delete record[key]
}

/**
 * What to send as `base` when someone edits this field: everything the device shows of
 * it. An edit made while a conflict is showing therefore resolves it.
 */
export function textBase(record: SyncRecord | undefined, field: string): string | undefined {
  return joinVectors(...liveVersions(record, field).flatMap((version) => [version.base, version.hlc]))
}

/** Text fields whose live versions say different things: the conflict badge and the chooser. */
export function textConflicts(record: SyncRecord | undefined): Record<string, TextVersion[]> {
  const open: Record<string, TextVersion[]> = {}
  for (const [field, versions] of Object.entries(record?.conflicts ?? {})) {
    if (new Set(versions.map((version) => canonicalJson(version.value))).size > 1) open[field] = versions
  }
  return open
}
