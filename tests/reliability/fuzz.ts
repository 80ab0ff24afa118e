// A bounded fuzzer over every endpoint: valid requests bent in every way the fuzzer knows
// (hostile values, broken shapes, missing and unknown keys, wrong tokens, scopes of other
// wards and trusts, raw bodies that are not JSON), sent to the whole app on a real database.
// Each answer must be 2xx or 4xx, never 5xx; a refused request must leave the database exactly
// as it was (no partial write); an accepted push must have stored every change it accepted.
import { sql } from 'kysely'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { libraryScopeId } from '../../src/shared/sync/scopes.ts'
import { SYNCED_TABLES } from '../../src/shared/sync/tables.ts'
import type { SyncDb } from '../../server/db/open.ts'
import { createCsu, createTrust, createUnit } from '../../server/devices/org.ts'
import { issueCode } from '../../server/devices/codes.ts'
import { newAdminToken } from '../../server/devices/settings.ts'
import { openTestDatabase, startTestServer, type BackendName } from '../server/backends.ts'
import { encodeAnything, HOSTILE_QUERY_VALUES, HOSTILE_STRINGS, hostileRawBody, hostileValue } from './hostile.ts'
import { change, enrol } from './org.ts'
import type { Random } from './random.ts'

interface Context {
  app: FastifyInstance
  url: string
  db: SyncDb
  trustId: string
  csuId: string
  unitA: string
  unitB: string
  elsewhere: string
  otherTrustUnit: string
  library: string
  tokens: { unit: string; csu: string; trust: string; admin: string; revoked: string }
  /** Devices the fuzzer may revoke (never the ones it sends with). */
  throwawayDevices: string[]
  codeIds: string[]
  codes: string[]
}

interface FuzzRequest {
  kind: string
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  /** Event streams are read over a socket (an open stream never "finishes" for inject). */
  viaHttp?: boolean
}

export interface FuzzResult {
  sent: number
  /** Each answer's status, in order: the same seed sends the same requests to each store. */
  statuses: number[]
  byStatus: Map<number, number>
  serverErrors: { request: string; status: number; body: string }[]
  partialWrites: { request: string; status: number }[]
  fileLeaks: number
  prototypePolluted: boolean
  readyAfter: boolean
}

const TABLES = Object.keys(SYNCED_TABLES)
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

async function setUp(backend: BackendName) {
  const test = await openTestDatabase(backend)
  const server = await startTestServer(test, {
    devices: {
      limits: { syncPerMinute: 10_000_000, adminPerMinute: 10_000_000, enrolPerMinute: 10_000_000 },
      refusalLog: { flushEveryMs: 200 },
    },
  })
  await server.app.listen({ port: 0, host: '127.0.0.1' })
  const address = server.app.server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const { db } = test
  const trust = await createTrust(db, { name: 'Fuzz Trust' })
  const csu = await createCsu(db, { trustId: trust.id, name: 'Medicine' })
  const otherCsu = await createCsu(db, { trustId: trust.id, name: 'Surgery' })
  const unitA = await createUnit(db, { csuId: csu.id, name: 'Ward A' })
  const unitB = await createUnit(db, { csuId: csu.id, name: 'Ward B' })
  const elsewhere = await createUnit(db, { csuId: otherCsu.id, name: 'Ward S' })
  const otherTrust = await createTrust(db, { name: 'Other Trust' })
  const otherTrustCsu = await createCsu(db, { trustId: otherTrust.id, name: 'Medicine' })
  const otherTrustUnit = await createUnit(db, { csuId: otherTrustCsu.id, name: 'Ward O' })
  const revoked = await enrol(db, 'unit', unitA.id, 'Revoked tablet')
  await db.updateTable('devices').set({ revoked_at: Date.now() }).where('id', '=', revoked.deviceId).execute()
  const throwawayDevices = []
  for (let i = 0; i < 5; i++) throwawayDevices.push((await enrol(db, 'unit', unitB.id, `Spare ${i}`)).deviceId)
  const codeIds: string[] = []
  const codes: string[] = []
  for (let i = 0; i < 20; i++) {
    const issued = await issueCode(db, { scopeKind: 'unit', scopeId: unitB.id })
    codeIds.push(issued.id)
    codes.push(issued.code)
  }
  const context: Context = {
    app: server.app,
    url,
    db,
    trustId: trust.id,
    csuId: csu.id,
    unitA: unitA.id,
    unitB: unitB.id,
    elsewhere: elsewhere.id,
    otherTrustUnit: otherTrustUnit.id,
    library: libraryScopeId(trust.id),
    tokens: {
      unit: (await enrol(db, 'unit', unitA.id, 'Ward A tablet')).token,
      csu: (await enrol(db, 'csu', csu.id, 'Medicine tablet')).token,
      trust: (await enrol(db, 'trust', trust.id, 'Improvement office')).token,
      admin: await newAdminToken(db),
      revoked: revoked.token,
    },
    throwawayDevices,
    codeIds,
    codes,
  }
  return {
    context,
    async close() {
      await server.close()
      await test.close()
    },
  }
}

/** Everything a request could change, in one round trip; equal before and after a refusal. */
async function fingerprint(db: SyncDb): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`select
    (select count(*) from records) as records,
    (select coalesce(sum(length(fields) + length(clocks) + coalesce(length(conflicts), 0)), 0) from records) as record_bytes,
    (select count(*) from scopes) as scopes,
    (select coalesce(sum(seq), 0) from scopes) as seqs,
    (select count(*) from applied_mutations) as applied,
    (select count(*) from org_trusts) as trusts,
    (select coalesce(sum(length(name)), 0) from org_trusts) as trust_names,
    (select count(*) from org_csus) as csus,
    (select coalesce(sum(length(name)), 0) from org_csus) as csu_names,
    (select count(*) from org_units) as units,
    (select coalesce(sum(length(name) + length(kind)), 0) from org_units) as unit_names,
    (select count(*) from enrolment_codes) as codes,
    (select count(used_at) + count(revoked_at) from enrolment_codes) as codes_spent,
    (select count(*) from devices) as devices,
    (select count(revoked_at) from devices) as devices_revoked,
    (select count(*) from server_settings) as settings`.execute(db)
  return JSON.stringify(rows[0], (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))
}

function validMutation(context: Context, random: Random): Record<string, unknown> {
  const table = random.pick(TABLES.filter((name) => name !== 'units' && name !== 'conceptEdits'))
  return change(
    context.unitA,
    `r${random.int(1, 40)}`,
    { title: { set: `Title ${random.int(1, 1000)}` }, status: { set: 'open' } },
    `fuzz${random.int(1, 3)}`,
    table,
  ) as unknown as Record<string, unknown>
}

/** Bends one mutation in one of the ways that once reached, or could reach, the database. */
function bendMutation(mutation: Record<string, unknown>, context: Context, random: Random): void {
  const current = mutation.fields
  // A bend before this one may have made `fields` something else: start a fresh object then.
  const fields = (typeof current === 'object' && current !== null && !Array.isArray(current) ? current : {}) as Record<
    string,
    unknown
  >
  switch (random.int(0, 13)) {
    case 0:
      fields[random.pick(['title', 'status', 'notes', 'deleted', 'name'])] = { set: hostileValue(random) }
      break
    case 1:
      fields[random.pick(HOSTILE_STRINGS)] = { set: 1 }
      break
    case 2:
      mutation[random.pick(['mutationId', 'table', 'recordId', 'scope', 'hlc', 'by'])] = random.chance(0.8)
        ? random.pick(HOSTILE_STRINGS)
        : hostileValue(random)
      break
    case 3:
      delete mutation[random.pick(['mutationId', 'table', 'recordId', 'scope', 'hlc', 'fields'])]
      break
    case 4:
      mutation[random.pick(['op', 'extra', '__proto__', 'constructor'])] = 1
      break
    case 5:
      fields[random.pick(['title', 'status'])] = random.pick<unknown>([
        { inc: random.pick([1, -1, 0, 1.5, 2e9]) },
        { set: 'x', base: random.pick(HOSTILE_STRINGS) },
        { set: 'x', base: '9999999999999:000000:future' },
        {},
        [],
        null,
        'x',
        { set: 1, extra: 2 },
        { set: 1, inc: 1 },
      ])
      break
    case 6:
      mutation.fields = random.pick<unknown>([
        {},
        [],
        null,
        'fields',
        Object.fromEntries(Array.from({ length: random.int(65, 120) }, (_, i) => [`f${i}`, { set: i }])),
      ])
      return
    case 7:
      mutation.scope = random.pick([
        context.unitB,
        context.elsewhere,
        context.otherTrustUnit,
        context.library,
        context.trustId,
        context.csuId,
        'ward-unknown',
      ])
      break
    case 8:
      mutation.table = 'units'
      mutation.recordId = random.pick([context.unitB, context.unitA, 'not-a-unit'])
      fields.name = { set: random.pick(HOSTILE_STRINGS) }
      break
    case 9:
      mutation.table = 'conceptEdits'
      mutation.scope = context.library
      break
    case 10:
      mutation.hlc = random.pick([
        `${Date.now() + 3 * 3_600_000}:000000:fast`,
        `${Date.now() - 400 * 86_400_000}:000000:slow`,
        '0000000000000:000000:zero',
        `${Date.now()}:999999:${'n'.repeat(random.pick([1, 64, 200]))}`,
      ])
      break
    case 11:
      // A record past the limits: many fields, or many long versions of one text field.
      mutation.fields = Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [
          `g${random.int(0, 400)}x${i}`,
          { set: '€'.repeat(random.pick([10, 10_000])) },
        ]),
      )
      return
    case 12:
      mutation.table = random.pick(['nope', 'Actions', 'actions ', '__proto__', 'constructor'])
      break
    default:
      fields.title = { set: random.pick(HOSTILE_STRINGS), base: `${Date.now()}:000000:a,${Date.now()}:000001:b` }
  }
  mutation.fields = fields
}

function tokenFor(context: Context, random: Random, preferred: string): Record<string, string> {
  switch (random.int(0, 19)) {
    case 0:
      return {}
    case 1:
      return {
        authorization: random.pick(['Bearer', 'Bearer ', 'Basic abc', `Bearer ${'x'.repeat(10_000)}`, 'Bearer \u00e9']),
      }
    case 2:
      return bearer(context.tokens.revoked)
    case 3:
      return bearer(random.pick([context.tokens.admin, 'x'.repeat(43), context.tokens.csu, context.tokens.trust]))
    case 4:
      return { authorization: `bearer   ${preferred}  ` }
    default:
      return bearer(preferred)
  }
}

function json(body: unknown): string {
  return JSON.stringify(body)
}

function pushRequest(context: Context, random: Random): FuzzRequest {
  const headers: Record<string, string> = {
    ...tokenFor(context, random, context.tokens.unit),
    'content-type': 'application/json',
  }
  if (random.chance(0.04)) {
    if (random.chance(0.5))
      headers['x-lim-outbox'] = random.pick(['3,1700000000000', '-1,0', 'x', '9'.repeat(30), '1,2,3'])
    const raw = hostileRawBody(random)
    return {
      kind: 'push (raw body)',
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...headers, 'content-type': raw.contentType },
      body: raw.body,
    }
  }
  const mutations = Array.from({ length: random.pick([1, 1, 2, 3, 10]) }, () => validMutation(context, random))
  for (let i = random.int(1, 3); i > 0; i--) bendMutation(random.pick(mutations), context, random)
  const body: Record<string, unknown> = { protocol: 1, mutations }
  switch (random.int(0, 12)) {
    case 0:
      body.protocol = random.chance(0.5) ? random.pick(HOSTILE_STRINGS) : hostileValue(random)
      break
    case 1:
      body.deviceId = random.pick(HOSTILE_STRINGS)
      break
    case 2:
      body.mutations = random.pick<unknown>([
        [],
        null,
        {},
        'all',
        Array.from({ length: 501 }, () => validMutation(context, random)),
      ])
      break
    case 3:
      // The same mutation id twice in one batch, with different content.
      mutations.push({ ...validMutation(context, random), mutationId: mutations[0]?.mutationId })
      break
    case 4:
      body.extra = true
      break
    default:
  }
  return { kind: 'push', method: 'POST', url: '/api/sync/push', headers, body: json(body) }
}

function queryOf(random: Random, valid: Record<string, string>): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(valid)) {
    if (random.chance(0.1)) continue
    parts.push(`${key}=${random.chance(0.3) ? random.pick(HOSTILE_QUERY_VALUES) : encodeAnything(value)}`)
    if (random.chance(0.05)) parts.push(`${key}=${random.pick(HOSTILE_QUERY_VALUES)}`)
  }
  if (random.chance(0.1))
    parts.push(`${random.pick(['extra', '__proto__', 'constructor', 'scope[]'])}=${random.pick(HOSTILE_QUERY_VALUES)}`)
  return parts.join('&')
}

function readableScope(context: Context, random: Random): string {
  return random.pick([
    context.unitA,
    context.unitA,
    context.library,
    context.unitB,
    context.elsewhere,
    context.otherTrustUnit,
    context.csuId,
    context.trustId,
  ])
}

function pullRequest(context: Context, random: Random): FuzzRequest {
  const query = queryOf(random, {
    protocol: '1',
    scope: readableScope(context, random),
    after: String(random.int(0, 50)),
    limit: String(random.int(1, 1000)),
  })
  return {
    kind: 'pull',
    method: 'GET',
    url: `/api/sync/pull?${query}`,
    headers: tokenFor(context, random, context.tokens.unit),
  }
}

function eventsRequest(context: Context, random: Random): FuzzRequest {
  const query = queryOf(random, { scope: readableScope(context, random), protocol: '1' })
  return {
    kind: 'events',
    method: 'GET',
    url: `/api/sync/events?${query}`,
    headers: tokenFor(context, random, context.tokens.unit),
    viaHttp: true,
  }
}

function enrolRequest(context: Context, random: Random): FuzzRequest {
  const body: Record<string, unknown> = {
    code: random.chance(0.3)
      ? random.pick(context.codes)
      : random.pick(['AAAA-BBBB-CCCC', 'aaaabbbbcccc', '', 'x'.repeat(65)]),
    deviceName: random.chance(0.5) ? `Tablet ${random.int(1, 1e6)}` : random.pick(HOSTILE_STRINGS),
  }
  if (random.chance(0.3)) body[random.pick(['code', 'deviceName'])] = hostileValue(random)
  if (random.chance(0.1)) body.extra = 1
  if (random.chance(0.1)) delete body[random.pick(['code', 'deviceName'])]
  if (random.chance(0.05)) {
    const raw = hostileRawBody(random)
    return {
      kind: 'enrol (raw body)',
      method: 'POST',
      url: '/api/enrol',
      headers: { 'content-type': raw.contentType },
      body: raw.body,
    }
  }
  return {
    kind: 'enrol',
    method: 'POST',
    url: '/api/enrol',
    headers: { 'content-type': 'application/json' },
    body: json(body),
  }
}

function deviceRequest(context: Context, random: Random): FuzzRequest {
  const headers = tokenFor(
    context,
    random,
    random.pick([context.tokens.unit, context.tokens.csu, context.tokens.trust]),
  )
  if (random.chance(0.5))
    headers['x-lim-outbox'] = random.pick(['3,1700000000000', '0,0', '-1,0', 'x', '9'.repeat(30), '1,2,3', ''])
  return { kind: 'device', method: 'GET', url: '/api/device', headers }
}

function adminRequest(context: Context, random: Random): FuzzRequest {
  const id = (existing: readonly string[]) =>
    random.chance(0.5)
      ? random.pick(existing)
      : random.pick(HOSTILE_QUERY_VALUES.concat(HOSTILE_STRINGS.slice(0, 8).map(encodeAnything)))
  const routes: [string, string, Record<string, unknown> | undefined][] = [
    ['GET', '/org', undefined],
    ['POST', '/trusts', { name: 'Fuzzed trust' }],
    ['PATCH', `/trusts/${id([context.trustId])}`, { name: 'Renamed trust' }],
    ['POST', '/csus', { trustId: context.trustId, name: 'Fuzzed CSU' }],
    ['PATCH', `/csus/${id([context.csuId])}`, { name: 'Renamed CSU' }],
    ['POST', '/units', { csuId: context.csuId, name: 'Fuzzed ward', kind: 'ward' }],
    ['PATCH', `/units/${id([context.unitB])}`, { name: 'Renamed ward', kind: 'department' }],
    ['GET', '/codes', undefined],
    ['POST', '/codes', { scopeKind: 'unit', scopeId: context.unitB, expiresInHours: 24, label: 'Fuzz' }],
    ['POST', `/codes/${id(context.codeIds)}/revoke`, undefined],
    ['GET', '/devices', undefined],
    ['POST', `/devices/${id(context.throwawayDevices)}/revoke`, undefined],
    ['GET', '/refusals', undefined],
  ]
  const [method, path, valid] = random.pick(routes)
  const headers = tokenFor(context, random, context.tokens.admin)
  let body: string | undefined
  if (valid) {
    const bent: Record<string, unknown> = { ...valid }
    const keys = Object.keys(bent)
    if (random.chance(0.7))
      bent[random.pick(keys)] = random.chance(0.6) ? random.pick(HOSTILE_STRINGS) : hostileValue(random)
    if (random.chance(0.1)) delete bent[random.pick(keys)]
    if (random.chance(0.1)) bent.extra = 1
    if (random.chance(0.05)) bent.expiresInHours = random.pick(HOSTILE_NUMBERS_FOR_HOURS)
    body = json(bent)
    headers['content-type'] = 'application/json'
    if (random.chance(0.05)) {
      const raw = hostileRawBody(random)
      body = raw.body
      headers['content-type'] = raw.contentType
    }
  }
  return {
    kind: `admin ${method} ${path.split('/')[1]}`,
    method,
    url: `/api/admin${path}`,
    headers,
    ...(body === undefined ? {} : { body }),
  }
}

const HOSTILE_NUMBERS_FOR_HOURS = [0, -1, 1.5, 721, 720, 1e308, Number.MAX_SAFE_INTEGER]

function otherRequest(context: Context, random: Random): FuzzRequest {
  const path = random.pick([
    '/api/sync/push',
    '/api/sync/pull',
    '/api/sync/events',
    '/api/enrol',
    '/api/device',
    '/api/admin/org',
    '/api/health',
    '/api/ready',
    '/api/nope',
    '/api',
    '/',
    '/admin',
    '/assets/nope.js',
    '/../package.json',
    '/assets/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%5c..%5cpackage.json',
    '/index.html%00.js',
    `/${'a'.repeat(5_000)}`,
  ])
  const method = random.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'])
  const headers = tokenFor(context, random, context.tokens.unit)
  if (random.chance(0.3))
    headers['content-type'] = random.pick([
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/xml',
    ])
  const body =
    method === 'GET' || method === 'HEAD'
      ? undefined
      : random.chance(0.5)
        ? json(hostileValue(random))
        : hostileRawBody(random).body
  return { kind: `other ${method}`, method, url: path, headers, ...(body === undefined ? {} : { body }) }
}

function nextRequest(context: Context, random: Random): FuzzRequest {
  const roll = random.next()
  if (roll < 0.36) return pushRequest(context, random)
  if (roll < 0.52) return pullRequest(context, random)
  if (roll < 0.54) return eventsRequest(context, random)
  if (roll < 0.62) return enrolRequest(context, random)
  if (roll < 0.67) return deviceRequest(context, random)
  if (roll < 0.92) return adminRequest(context, random)
  return otherRequest(context, random)
}

async function send(context: Context, request: FuzzRequest): Promise<{ status: number; body: string }> {
  if (request.viaHttp) {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), 2_000)
    try {
      const res = await fetch(`${context.url}${request.url}`, { headers: request.headers, signal: controller.signal })
      // An open stream is a success: stop reading it.
      const body = res.status === 200 ? '' : await res.text()
      return { status: res.status, body }
    } catch {
      return { status: 0, body: 'connection failed' }
    } finally {
      clearTimeout(timer)
      controller.abort()
    }
  }
  const options: InjectOptions = {
    method: request.method as InjectOptions['method'],
    url: request.url,
    headers: request.headers,
  }
  if (request.body !== undefined) options.payload = request.body
  const res = await context.app.inject(options)
  return { status: res.statusCode, body: res.body }
}

const FILE_CONTENTS = [/"name":\s*"lim-huddle"/, /root:x:0:0/]

/** Sends `count` requests; returns what came back. */
export async function fuzz(backend: BackendName, count: number, random: Random): Promise<FuzzResult> {
  const { context, close } = await setUp(backend)
  const result: FuzzResult = {
    sent: 0,
    statuses: [],
    byStatus: new Map(),
    serverErrors: [],
    partialWrites: [],
    fileLeaks: 0,
    prototypePolluted: false,
    readyAfter: false,
  }
  try {
    // Only requests change the database (the refusal log's background writes touch no table
    // fingerprinted), so one request's "after" is the next one's "before".
    let before = await fingerprint(context.db)
    for (let i = 0; i < count; i++) {
      const request = nextRequest(context, random)
      const { status, body } = await send(context, request)
      const after = await fingerprint(context.db)
      result.sent++
      result.byStatus.set(status, (result.byStatus.get(status) ?? 0) + 1)
      const described = `${request.kind}: ${request.method} ${request.url.slice(0, 120)} ${request.body?.slice(0, 200) ?? ''}`
      if (status >= 500 || status === 0)
        result.serverErrors.push({ request: described, status, body: body.slice(0, 300) })
      if (FILE_CONTENTS.some((pattern) => pattern.test(body))) result.fileLeaks++
      result.statuses.push(status)
      if (status >= 400 || status === 0) {
        if (after !== before) result.partialWrites.push({ request: described, status })
      } else if (request.kind === 'push' && status === 200) {
        // Accepted means stored: every accepted id is recorded as applied.
        // Protocol 2 may refuse every change of a push (each alone): then nothing was accepted.
        const accepted = (JSON.parse(body) as { accepted: string[] }).accepted
        const stored =
          accepted.length === 0
            ? []
            : await context.db
                .selectFrom('applied_mutations')
                .select('mutation_id')
                .where('mutation_id', 'in', accepted)
                .execute()
        if (stored.length !== accepted.length) result.partialWrites.push({ request: described, status })
      }
      before = after
    }
    result.prototypePolluted = 'polluted' in {} || 'polluted' in Object.prototype
    const ready = await context.app.inject({ method: 'GET', url: '/api/ready' })
    result.readyAfter = ready.statusCode === 200
  } finally {
    await close()
  }
  return result
}
