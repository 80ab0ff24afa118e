// Server-wide settings: the server id (so a tablet can tell this server from another
// one it was enrolled with) and the admin token's hash.
import { randomUUID } from 'node:crypto'
import type { SyncDb } from '../db/open.ts'
import { hashSecret, newToken, secretMatches } from './secrets.ts'

const SERVER_ID = 'server_id'
const ADMIN_TOKEN_HASH = 'admin_token_hash'

async function readSetting(db: SyncDb, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('server_settings').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value
}

/** Stores `value` unless the key is set already (another process may have got there first); returns what is stored. */
async function settleSetting(db: SyncDb, key: string, value: string): Promise<string> {
  await db
    .insertInto('server_settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  return (await readSetting(db, key)) as string
}

/** This server's id: random, made once, never changed. */
export async function serverId(db: SyncDb): Promise<string> {
  return (await readSetting(db, SERVER_ID)) ?? settleSetting(db, SERVER_ID, randomUUID())
}

/**
 * Makes the admin token if there is none yet, and returns it: the only time it can be
 * shown, because only its hash is kept. Undefined when one already exists.
 */
export async function ensureAdminToken(db: SyncDb): Promise<string | undefined> {
  if (await readSetting(db, ADMIN_TOKEN_HASH)) return undefined
  const token = newToken()
  const stored = await settleSetting(db, ADMIN_TOKEN_HASH, hashSecret(token))
  return stored === hashSecret(token) ? token : undefined
}

/** Replaces the admin token: the old one stops working at once. */
export async function newAdminToken(db: SyncDb): Promise<string> {
  const token = newToken()
  await db
    .insertInto('server_settings')
    .values({ key: ADMIN_TOKEN_HASH, value: hashSecret(token) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: hashSecret(token) }))
    .execute()
  return token
}

export async function isAdminToken(db: SyncDb, token: string): Promise<boolean> {
  const stored = await readSetting(db, ADMIN_TOKEN_HASH)
  return stored !== undefined && secretMatches(token, stored)
}
