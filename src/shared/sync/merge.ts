// The merge rules, identical on every tablet and on the server:
// - plain fields and the `deleted` tombstone: last writer wins by HLC; a stamp already
//   applied changes nothing, so re-applying a mutation is harmless;
// - text fields: see text.ts — concurrent versions are all kept until someone who has
//   seen them writes again.
import { MAX_FUTURE_SKEW_MS, maxHlc, restampIfFuture, wallOf, type HybridClock } from './hlc.ts'
import { canonicalJson, type JsonValue } from './json.ts'
import type { FieldOp, Mutation, SyncRecord } from './protocol.ts'
import { DELETED_FIELD, fieldKind, type TableDeclarations } from './tables.ts'
import { addVersion, enforceRecordLimits, liveVersions, writeVersions, type TextVersion } from './text.ts'
import { filterVector } from './vector.ts'

export interface Applied {
  record: SyncRecord
  /** False when the mutation was already reflected (a duplicate or an outdated write). */
  changed: boolean
}

function emptyRecord(mutation: Mutation): SyncRecord {
  return { table: mutation.table, id: mutation.recordId, scope: mutation.scope, fields: {}, clocks: {} }
}

function copyOf(record: SyncRecord): SyncRecord {
  const copy: SyncRecord = { ...record, fields: { ...record.fields }, clocks: { ...record.clocks } }
  if (record.origins) copy.origins = { ...record.origins }
  if (record.conflicts) copy.conflicts = { ...record.conflicts }
  return copy
}

function assertSameRecord(record: SyncRecord, other: { table: string; id: string; scope: string }): void {
  if (record.table !== other.table || record.id !== other.id || record.scope !== other.scope) {
    throw new Error(
      `Cannot merge ${other.table}/${other.id} in ${other.scope} into ${record.table}/${record.id} in ${record.scope}`,
    )
  }
}

/** Does a write stamped `hlc` with `value` beat what the field holds? Equal stamps are the same write. */
function winsOver(hlc: string, value: unknown, currentHlc: string | undefined, currentValue: unknown): boolean {
  if (currentHlc === undefined || hlc > currentHlc) return true
  // Equal stamps with different values only happen if two devices share a node id;
  // comparing the values still makes every replica keep the same one.
  return hlc === currentHlc && canonicalJson(value) > canonicalJson(currentValue)
}

function applyFieldOp(
  record: SyncRecord,
  tables: TableDeclarations,
  mutation: Mutation,
  field: string,
  op: FieldOp,
): boolean {
  const kind = fieldKind(tables, record.table, field)
  if (kind === 'text') {
    const incoming: TextVersion = { value: op.set, hlc: mutation.hlc }
    if (op.base !== undefined) incoming.base = op.base
    if (mutation.by !== undefined) incoming.by = mutation.by
    const live = liveVersions(record, field)
    const next = addVersion(live, incoming)
    if (next === live) return false
    writeVersions(record, field, next)
    return true
  }
  const currentHlc = Object.hasOwn(record.clocks, field) ? record.clocks[field] : undefined
  if (!winsOver(mutation.hlc, op.set, currentHlc, record.fields[field])) return false
  record.fields[field] = op.set
  record.clocks[field] = mutation.hlc
  return true
}

/**
 * Applies one mutation to a record (undefined: the record does not exist yet). Never
 * changes its arguments. Throws RecordLimitError when the result would break a record limit
 * (text.ts), and otherwise only on programming errors (a mismatched record, or an operation
 * the table declaration forbids, which validation rejects first).
 */
export function applyMutation(record: SyncRecord | undefined, mutation: Mutation, tables: TableDeclarations): Applied {
  if (record) assertSameRecord(record, { table: mutation.table, id: mutation.recordId, scope: mutation.scope })
  const next = copyOf(record ?? emptyRecord(mutation))
  let changed = record === undefined
  for (const [field, op] of Object.entries(mutation.fields)) {
    if (applyFieldOp(next, tables, mutation, field, op)) changed = true
  }
  if (changed) enforceRecordLimits(next)
  return { record: changed ? next : (record as SyncRecord), changed }
}

/** Joins two states of one record: commutative, associative and idempotent. */
export function mergeRecords<R extends SyncRecord>(local: R | undefined, remote: R, tables: TableDeclarations): R {
  if (!local) return remote
  assertSameRecord(local, remote)
  const merged = copyOf(remote) as R
  const names = new Set([
    ...Object.keys(local.fields),
    ...Object.keys(local.clocks),
    ...Object.keys(remote.fields),
    ...Object.keys(remote.clocks),
  ])
  for (const field of [...names].sort()) {
    const kind = fieldKind(tables, remote.table, field)
    if (kind === 'text') {
      const versions = [...liveVersions(local, field), ...liveVersions(remote, field)]
      writeVersions(merged, field, versions.reduce<readonly TextVersion[]>(addVersion, []))
      continue
    }
    const localHlc = Object.hasOwn(local.clocks, field) ? local.clocks[field] : undefined
    const remoteHlc = Object.hasOwn(remote.clocks, field) ? remote.clocks[field] : undefined
    if (localHlc !== undefined && winsOver(localHlc, local.fields[field], remoteHlc, remote.fields[field])) {
      merged.fields[field] = local.fields[field] as JsonValue
      merged.clocks[field] = localHlc
    }
  }
  return merged
}

/**
 * A device's view of a record: the server's state with the device's own not-yet-
 * acknowledged mutations (oldest first) applied on top. Re-applying an operation the
 * server already has changes nothing.
 */
export function rebaseOnServer(
  remote: SyncRecord | undefined,
  pending: readonly Mutation[],
  tables: TableDeclarations,
): SyncRecord | undefined {
  return pending.reduce<SyncRecord | undefined>(
    (record, mutation) => applyMutation(record, mutation, tables).record,
    remote,
  )
}

export interface ServerStamp {
  mutation: Mutation
  restamped: boolean
  skewMs: number
}

/**
 * The server's intake of a validated mutation, before applying it: a stamp too far in
 * the future is replaced by the server's (restampIfFuture), and text bases lose any
 * stamp that far ahead, because no version was ever stored under it, so it could only
 * claim to have seen versions its writer never saw.
 */
export function restampMutation(mutation: Mutation, serverClock: HybridClock, serverNow: number): ServerStamp {
  const { hlc, restamped, skewMs } = restampIfFuture(mutation.hlc, serverClock, serverNow)
  const trusted = (stamp: string) => wallOf(stamp) - serverNow <= MAX_FUTURE_SKEW_MS
  let fields = mutation.fields
  for (const [field, op] of Object.entries(mutation.fields)) {
    if (!('base' in op) || op.base === undefined) continue
    const base = filterVector(op.base, trusted)
    if (base === op.base) continue
    if (fields === mutation.fields) fields = { ...mutation.fields }
    fields[field] = base === undefined ? { set: op.set } : { set: op.set, base }
  }
  if (!restamped && fields === mutation.fields) return { mutation, restamped, skewMs }
  return { mutation: { ...mutation, hlc, fields }, restamped, skewMs }
}

/** The newest stamp a record carries: a device's clock should receive it after a pull. */
export function latestStamp(record: SyncRecord): string | undefined {
  let latest: string | undefined
  for (const stamp of Object.values(record.clocks)) latest = maxHlc(latest, stamp)
  for (const versions of Object.values(record.conflicts ?? {}))
    for (const version of versions) latest = maxHlc(latest, version.hlc)
  return latest
}

export function isDeleted(record: SyncRecord | undefined): boolean {
  return record?.fields[DELETED_FIELD] === true
}
