// Enrolled tablets: enrolment (a one-time code for a device token), what each may sync,
// what it last reported, and revocation.
import type SqliteDatabase from 'better-sqlite3'
import type { Selectable } from 'kysely'
import { newId } from '../../src/domain/ids.ts'
import { sqliteHandleOf, type SyncDb } from '../db/open.ts'
import type { DevicesTable, OrgUnitKind, ScopeKind } from '../db/schema.ts'
import { codeStatus } from './codes.ts'
import { invalidCode, notFound, parseInput } from './errors.ts'
import { EnrolInputSchema, type EnrolInput } from './inputs.ts'
import { csusOfTrust, findCsu, findTrust, findUnit, unitsOfCsu, type CsuView, type UnitView } from './org.ts'
import { noteOrgChanged, scopeNames, syncScopesOf, type ScopeRef } from './scopes.ts'
import { normaliseCode } from '../../src/shared/enrolmentCode.ts'
import { hashSecret, newToken } from './secrets.ts'
import { serverId } from './settings.ts'

export type DeviceRow = Selectable<DevicesTable>

/** A tablet with changes waiting longer than this shows as a problem on the admin list. */
const UNSYNCED_ALERT_MS = 8 * 60 * 60 * 1000

export interface CsuInfo {
  id: string
  trustId: string
  name: string
}

export interface DeviceInfo {
  deviceId: string
  name: string
  serverId: string
  scope: { kind: ScopeKind; id: string; name: string }
  trust: { id: string; name: string }
  /** The CSU of a unit or CSU device (a trust device has several: see `csus`). */
  csu?: CsuInfo
  /** Every CSU the device covers: its unit's, itself, or all of its trust's. */
  csus: CsuInfo[]
  units: { id: string; csuId: string; name: string; kind: OrgUnitKind }[]
  /** The sync scopes it may pull, and those it may push to (see scopes.ts). */
  readable: string[]
  writable: string[]
}

export type EnrolResult = Omit<DeviceInfo, 'name'> & { token: string }

export interface DeviceView {
  id: string
  name: string
  scopeKind: ScopeKind
  scopeId: string
  scopeName: string
  enrolledAt: number
  lastSeenAt: number | null
  lastSyncAt: number | null
  pendingCount: number
  oldestPendingAt: number | null
  revokedAt: number | null
  unsyncedOver8h: boolean
}

export interface OutboxReport {
  pendingCount: number
  oldestPendingAt: number | null
}

const nullableMs = (value: number | null) => (value === null ? null : Number(value))

/**
 * Exchanges a one-time code for a device token. The code is marked used in the same
 * transaction that creates the device, and only if it is still unused, so of two
 * tablets racing with one code exactly one is enrolled.
 */
export async function enrolDevice(db: SyncDb, input: EnrolInput, now = Date.now()): Promise<EnrolResult> {
  const { code, deviceName } = parseInput(EnrolInputSchema, input)
  const codeHash = hashSecret(normaliseCode(code))
  const token = newToken()
  const deviceId = newId()
  const scope = await db.transaction().execute(async (trx): Promise<ScopeRef> => {
    const row = await trx.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst()
    if (!row || codeStatus(row, now) !== 'active') throw invalidCode()
    const claimed = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: now, used_by_device: deviceId })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) !== 1) throw invalidCode()
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        token_hash: hashSecret(token),
        name: deviceName,
        scope_kind: row.scope_kind,
        scope_id: row.scope_id,
        enrolled_at: now,
      })
      .execute()
    return { kind: row.scope_kind, id: row.scope_id }
  })
  const { name: _name, ...info } = await describeDevice(db, {
    id: deviceId,
    name: deviceName,
    scope_kind: scope.kind,
    scope_id: scope.id,
  })
  return { ...info, token }
}

/** What a device is enrolled for, now: a CSU device's units include any added since, a trust device's CSUs too. */
export async function describeDevice(
  db: SyncDb,
  device: Pick<DeviceRow, 'id' | 'name' | 'scope_kind' | 'scope_id'>,
): Promise<DeviceInfo> {
  const ref: ScopeRef = { kind: device.scope_kind, id: device.scope_id }
  let units: UnitView[]
  let csus: CsuView[]
  let trustId: string
  if (device.scope_kind === 'trust') {
    csus = await csusOfTrust(db, device.scope_id)
    units = (await Promise.all(csus.map((csu) => unitsOfCsu(db, csu.id)))).flat()
    trustId = device.scope_id
  } else {
    if (device.scope_kind === 'unit') {
      const unit = await findUnit(db, device.scope_id)
      if (!unit) throw notFound('unit')
      units = [unit]
    } else {
      units = await unitsOfCsu(db, device.scope_id)
    }
    const csu = await findCsu(db, device.scope_kind === 'unit' ? (units[0] as UnitView).csuId : device.scope_id)
    if (!csu) throw notFound('CSU')
    csus = [csu]
    trustId = csu.trustId
  }
  const trust = await findTrust(db, trustId)
  if (!trust) throw notFound('trust')
  const scopeName =
    device.scope_kind === 'unit'
      ? (units[0] as UnitView).name
      : device.scope_kind === 'csu'
        ? (csus[0] as CsuView).name
        : trust.name
  const csuInfos = csus.map(({ id, trustId: csuTrust, name }) => ({ id, trustId: csuTrust, name }))
  return {
    deviceId: device.id,
    name: device.name,
    serverId: await serverId(db),
    scope: { kind: device.scope_kind, id: device.scope_id, name: scopeName },
    trust: { id: trust.id, name: trust.name },
    ...(device.scope_kind === 'trust' ? {} : { csu: csuInfos[0] as CsuInfo }),
    csus: csuInfos,
    units: units.map(({ id, csuId: unitCsu, name, kind }) => ({ id, csuId: unitCsu, name, kind })),
    ...(await readableAndWritable(db, ref)),
  }
}

async function readableAndWritable(db: SyncDb, ref: ScopeRef): Promise<Pick<DeviceInfo, 'readable' | 'writable'>> {
  const { readable, writable } = await syncScopesOf(db, ref)
  return { readable, writable }
}

const tokenLookups = new WeakMap<SqliteDatabase.Database, SqliteDatabase.Statement<[string], DeviceRow>>()

/** The device holding `token`, revoked or not; looked up on every request, never cached, so a revocation applies at once. */
export async function findDeviceByToken(db: SyncDb, token: string): Promise<DeviceRow | undefined> {
  const tokenHash = hashSecret(token)
  const sqlite = sqliteHandleOf(db)
  if (!sqlite) return db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
  // Every sync request asks this: on SQLite one statement prepared once per connection (Kysely prepares it again on
  // every call), run under Kysely's lock on that connection so it never reads inside another request's transaction.
  return db.connection().execute(async () => {
    let lookup = tokenLookups.get(sqlite)
    if (!lookup) {
      lookup = sqlite.prepare<[string], DeviceRow>('select * from devices where token_hash = ?')
      tokenLookups.set(sqlite, lookup)
    }
    return lookup.get(tokenHash)
  })
}

/**
 * Reads `x-lim-outbox: <pendingCount>,<oldestPendingMs or 0>`. Anything else is ignored
 * (the header is a report for the admin list, not something to refuse a sync over).
 */
export function parseOutboxHeader(value: string | string[] | undefined): OutboxReport | undefined {
  const match = typeof value === 'string' ? /^\s*(\d{1,9})\s*,\s*(\d{1,16})\s*$/.exec(value) : null
  if (!match) return undefined
  const pendingCount = Number(match[1])
  const oldest = Number(match[2])
  return { pendingCount, oldestPendingAt: pendingCount > 0 && oldest > 0 ? oldest : null }
}

/** "Last seen" is shown to the minute; writing it on every pull page would add a write (an fsync on SQLite) to each request. */
const LAST_SEEN_RESOLUTION_MS = 60_000

/**
 * Records that `device` made a request, and what its outbox reported. Skips the write when the
 * report is unchanged and the stored last-seen time is recent, so a tablet paging through a
 * pull does not write its device row once per page.
 */
export async function noteDeviceSeen(db: SyncDb, device: DeviceRow, now: number, outbox?: OutboxReport): Promise<void> {
  const lastSeen = nullableMs(device.last_seen_at)
  const outboxChanged =
    outbox !== undefined &&
    (outbox.pendingCount !== Number(device.pending_count) ||
      outbox.oldestPendingAt !== nullableMs(device.oldest_pending_at))
  if (!outboxChanged && lastSeen !== null && now - lastSeen < LAST_SEEN_RESOLUTION_MS) return
  await db
    .updateTable('devices')
    .set(
      outbox
        ? { last_seen_at: now, pending_count: outbox.pendingCount, oldest_pending_at: outbox.oldestPendingAt }
        : { last_seen_at: now },
    )
    .where('id', '=', device.id)
    .execute()
}

export async function noteDeviceSynced(db: SyncDb, deviceId: string, now: number): Promise<void> {
  await db.updateTable('devices').set({ last_sync_at: now }).where('id', '=', deviceId).execute()
}

function toView(row: DeviceRow, scopeName: string, now: number): DeviceView {
  const pendingCount = Number(row.pending_count)
  const oldestPendingAt = nullableMs(row.oldest_pending_at)
  return {
    id: row.id,
    name: row.name,
    scopeKind: row.scope_kind,
    scopeId: row.scope_id,
    scopeName,
    enrolledAt: Number(row.enrolled_at),
    lastSeenAt: nullableMs(row.last_seen_at),
    lastSyncAt: nullableMs(row.last_sync_at),
    pendingCount,
    oldestPendingAt,
    revokedAt: nullableMs(row.revoked_at),
    unsyncedOver8h: pendingCount > 0 && oldestPendingAt !== null && oldestPendingAt < now - UNSYNCED_ALERT_MS,
  }
}

async function viewsOf(db: SyncDb, rows: DeviceRow[], now: number): Promise<DeviceView[]> {
  const names = await scopeNames(
    db,
    rows.map((row) => ({ kind: row.scope_kind, id: row.scope_id })),
  )
  return rows.map((row) => toView(row, names.get(`${row.scope_kind}:${row.scope_id}`) ?? '(removed)', now))
}

/** Every enrolled device, revoked ones too, by name. */
export async function listDevices(db: SyncDb, now = Date.now()): Promise<DeviceView[]> {
  const rows = await db.selectFrom('devices').selectAll().orderBy('name').orderBy('enrolled_at').execute()
  return viewsOf(db, rows, now)
}

/** Stops a device syncing: its next request is refused. Revoking twice keeps the first time. */
export async function revokeDevice(db: SyncDb, id: string, now = Date.now()): Promise<DeviceView> {
  await db
    .updateTable('devices')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
  noteOrgChanged()
  const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('device')
  return (await viewsOf(db, [row], now))[0] as DeviceView
}
