// Text fields keep every version nobody has replaced knowingly. A version is replaced
// only by one whose writer had seen it (its base covers it); two versions whose writers
// had not seen each other both stay, for the board lead to choose. The field's value is
// the newest of them, so a text field shows exactly what last-writer-wins would show.
//
// The live versions are the maximal elements of "had seen" over every version ever
// received, so they do not depend on the order versions arrive in.
//
// Two limits keep a record from growing without bound (limits.ts RECORD_LIMITS): at most
// `textVersionsPerField` versions of a field are kept (the oldest go first), and a record over
// `recordBytes` loses its oldest versions until it fits. Below the limits, which people using
// the app never reach, the live versions do not depend on arrival order; a device that floods
// one field with versions nobody saw gives up that guarantee only for the versions dropped.
import { canonicalJson, type JsonValue } from './json.ts'
import { RECORD_LIMITS } from './limits.ts'
import type { ConflictVersion, SyncRecord, TextOrigin } from './protocol.ts'
import { covers, joinVectors, parseVector } from './vector.ts'

export type TextVersion = ConflictVersion

/**
 * A change that would take a record past `fieldsPerRecord`, or past `recordBytes` once every
 * text version that can go has gone. Nothing of the change is stored; the server answers 400
 * (`statusCode`, read by its error handlers) with the message, and the device keeps the change.
 */
export class RecordLimitError extends Error {
  override name = 'RecordLimitError'
  readonly statusCode = 400
}

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
  const sorted = [...live].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).slice(-RECORD_LIMITS.textVersionsPerField)
  const newest = sorted[sorted.length - 1]
  if (!newest) return
  record.fields[field] = newest.value
  record.clocks[field] = newest.hlc
  // Copied without `field` rather than copied and then `delete`d: a deleted key turns an object into a slow
  // dictionary, which every later read, copy and JSON.stringify of the record then pays for.
  const origins = withoutKey(record.origins, field)
  const conflicts = withoutKey(record.conflicts, field)
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

function withoutKey<T>(source: Readonly<Record<string, T>> | undefined, key: string): Record<string, T> {
  const copy: Record<string, T> = {}
  if (!source) return copy
  for (const name of Object.keys(source)) if (name !== key) copy[name] = source[name] as T
  return copy
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

export { textConflicts } from './textConflicts.ts'

/** UTF-8 bytes of `text`, without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** The record as it is stored and sent: values, stamps and text versions, in UTF-8 bytes. */
export function recordBytes(record: SyncRecord): number {
  const { fields, clocks, origins, conflicts } = record
  const json = JSON.stringify({ fields, clocks, origins, conflicts })
  // Most records are a few kilobytes: no need to count exactly when even three bytes a character fits.
  return json.length * 3 <= RECORD_LIMITS.recordBytes ? json.length : utf8Bytes(json)
}

/**
 * At least the UTF-8 bytes of `JSON.stringify(value)`, found without serialising: a string's every UTF-16 unit takes
 * at most 6 bytes (`\u001f`), a number at most 24 characters (`-2.2250738585072014e-308`), and keys, quotes, commas
 * and brackets are counted as if every value were present. Stops adding once past `budget`; anything that is not a
 * JSON value, or nests deeper than any stored value may, answers Infinity.
 */
function jsonBytesBound(value: unknown, budget: number, depth = 0): number {
  if (value === null || value === undefined) return 4
  switch (typeof value) {
    case 'string':
      return 2 + 6 * value.length
    case 'number':
      return 24
    case 'boolean':
      return 5
    case 'object':
      break
    default:
      return Infinity
  }
  if (depth > 32) return Infinity
  let bytes = 2
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      bytes += jsonBytesBound(item, budget, depth + 1) + 1
      if (bytes > budget) return bytes
    }
    return bytes
  }
  // A Date or any other object with its own JSON form is not a stored value, and its keys say nothing of its size.
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return Infinity
  for (const key of Object.keys(value)) {
    bytes += 4 + 6 * key.length + jsonBytesBound((value as Record<string, unknown>)[key], budget, depth + 1)
    if (bytes > budget) return bytes
  }
  return bytes
}

/** At least `recordBytes(record)`, without serialising it (jsonBytesBound). Exported for its test. */
export function recordBytesBound(
  { fields, clocks, origins, conflicts }: SyncRecord,
  budget: number = RECORD_LIMITS.recordBytes,
): number {
  return (
    48 +
    jsonBytesBound(fields, budget) +
    jsonBytesBound(clocks, budget) +
    jsonBytesBound(origins, budget) +
    jsonBytesBound(conflicts, budget)
  )
}

/**
 * Keeps a record within RECORD_LIMITS (mutates `record`): past `recordBytes`, the oldest text
 * versions are dropped (never the one a field shows) until it fits. Throws RecordLimitError when
 * it holds too many fields, or is still too large with one version per field.
 */
export function enforceRecordLimits(record: SyncRecord): void {
  const { fieldsPerRecord, recordBytes: maxBytes } = RECORD_LIMITS
  let fieldCount = Object.keys(record.fields).length
  for (const field of Object.keys(record.clocks)) if (!Object.hasOwn(record.fields, field)) fieldCount += 1
  if (fieldCount > fieldsPerRecord) {
    throw new RecordLimitError(
      `A record may hold at most ${fieldsPerRecord} fields; this change would make ${fieldCount}`,
    )
  }
  // Every merge checks the size: a bound settles the records far below the limit (almost all of them) without
  // serialising them, which had cost the server as much as writing the record's row.
  if (recordBytesBound(record, maxBytes) <= maxBytes) return
  let size = recordBytes(record)
  if (size <= maxBytes) return
  const droppable = Object.entries(record.conflicts ?? {})
    .flatMap(([field, versions]) => versions.slice(0, -1).map((version) => ({ field, version })))
    .sort((a, b) => (a.version.hlc < b.version.hlc ? -1 : 1))
  const dropped = new Set<TextVersion>()
  for (const { version } of droppable) {
    if (size <= maxBytes) break
    dropped.add(version)
    size -= utf8Bytes(JSON.stringify(version)) + 1
  }
  for (const field of new Set(droppable.filter(({ version }) => dropped.has(version)).map(({ field }) => field))) {
    writeVersions(
      record,
      field,
      (record.conflicts?.[field] ?? []).filter((version) => !dropped.has(version)),
    )
  }
  size = recordBytes(record)
  if (size > maxBytes) {
    throw new RecordLimitError(
      `A record may be at most ${Math.round(maxBytes / 1024)} KB; this change would make it ${Math.ceil(size / 1024)} KB`,
    )
  }
}
