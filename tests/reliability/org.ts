// An organisation and enrolled tablets, made straight on the database with the same service
// functions the admin API uses, before a server process starts on it.
import { randomUUID } from 'node:crypto'
import type { DatabaseConfig } from '../../server/db/config.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { openDatabase, type SyncDb } from '../../server/db/open.ts'
import { issueCode } from '../../server/devices/codes.ts'
import { enrolDevice } from '../../server/devices/devices.ts'
import { createCsu, createTrust, createUnit } from '../../server/devices/org.ts'
import { newAdminToken } from '../../server/devices/settings.ts'
import { formatHlc } from '../../src/shared/sync/hlc.ts'
import { PROTOCOL_VERSION, type FieldOp, type Mutation } from '../../src/shared/sync/protocol.ts'

export interface Tablet {
  deviceId: string
  token: string
  /** The scope it is enrolled for (a unit, CSU or trust id). */
  scopeId: string
}

export async function withDatabase<T>(config: DatabaseConfig, work: (db: SyncDb) => Promise<T>): Promise<T> {
  const db = openDatabase(config)
  try {
    await migrateToLatest(db)
    return await work(db)
  } finally {
    await db.destroy()
  }
}

export async function enrol(
  db: SyncDb,
  scopeKind: 'unit' | 'csu' | 'trust',
  scopeId: string,
  name: string,
): Promise<Tablet> {
  const { code } = await issueCode(db, { scopeKind, scopeId })
  const enrolled = await enrolDevice(db, { code, deviceName: name })
  return { deviceId: enrolled.deviceId, token: enrolled.token, scopeId }
}

export interface Ward {
  adminToken: string
  trustId: string
  units: string[]
  /** `perUnit` tablets for each unit, in unit order. */
  tablets: Tablet[]
}

/** One trust, one CSU, `unitCount` wards and `perUnit` tablets enrolled on each. */
export async function seedWards(config: DatabaseConfig, unitCount: number, perUnit: number): Promise<Ward> {
  return withDatabase(config, async (db) => {
    const trust = await createTrust(db, { name: 'Reliability Trust' })
    const csu = await createCsu(db, { trustId: trust.id, name: 'Medicine' })
    const units: string[] = []
    const tablets: Tablet[] = []
    for (let u = 0; u < unitCount; u++) {
      const unit = await createUnit(db, { csuId: csu.id, name: `Ward ${u + 1}`, kind: 'ward' })
      units.push(unit.id)
      for (let t = 0; t < perUnit; t++) tablets.push(await enrol(db, 'unit', unit.id, `Ward ${u + 1} tablet ${t + 1}`))
    }
    return { adminToken: await newAdminToken(db), trustId: trust.id, units, tablets }
  })
}

let counter = 0

/** A change stamped now by `nodeId`: each one unique, so a retry is the same mutation and nothing else is. */
export function change(
  scope: string,
  recordId: string,
  fields: Record<string, FieldOp>,
  nodeId: string,
  table = 'actions',
): Mutation {
  counter = (counter + 1) % 1_000_000
  return {
    mutationId: randomUUID(),
    table,
    recordId,
    scope,
    hlc: formatHlc({ wallMs: Date.now(), counter, nodeId }),
    fields,
  }
}

export const pushBody = (mutations: readonly Mutation[]) => ({ protocol: PROTOCOL_VERSION, mutations })
