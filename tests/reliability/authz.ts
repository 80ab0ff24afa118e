// The authorisation matrix: every endpoint × every kind of caller × every scope, across two
// trusts, checked against the rules as docs/SYNC.md states them (written out again here, not
// taken from the server's code). A leak is a request the rules forbid that was answered 2xx,
// a pull that served a record of another scope, or device info listing a scope it may not have.
import { libraryScopeId } from '../../src/shared/sync/scopes.ts'
import type { SyncDb } from '../../server/db/open.ts'
import { createCsu, createTrust, createUnit } from '../../server/devices/org.ts'
import { newAdminToken } from '../../server/devices/settings.ts'
import { pushMutations } from '../../server/sync/push.ts'
import { openTestDatabase, startTestServer, type BackendName } from '../server/backends.ts'
import { change, enrol, pushBody } from './org.ts'

interface TrustShape {
  id: string
  csus: { id: string; units: string[] }[]
  library: string
}

type CallerKind = 'none' | 'bad token' | 'revoked' | 'admin token' | 'unit' | 'csu' | 'trust'

interface Caller {
  name: string
  kind: CallerKind
  token?: string
  trust?: TrustShape
  /** The unit or CSU it is enrolled for. */
  scopeId?: string
}

export interface AuthzResult {
  requests: number
  leaks: string[]
  wronglyRefused: string[]
  /** Refused, rightly, but with another status than 401 (no device) or 403 (revoked, scope). */
  wrongStatus: string[]
}

/** What docs/SYNC.md "Scopes at every tier" says a device may read. */
function mayRead(caller: Caller, scope: string): boolean {
  const trust = caller.trust
  // Only an enrolled, unrevoked device reads anything.
  if (!trust || !['unit', 'csu', 'trust'].includes(caller.kind)) return false
  if (scope === trust.library) return true
  if (caller.kind === 'unit') return scope === caller.scopeId
  if (caller.kind === 'csu') {
    const csu = trust.csus.find((c) => c.id === caller.scopeId)
    return scope === csu?.id || (csu?.units.includes(scope) ?? false)
  }
  if (caller.kind === 'trust')
    return scope === trust.id || trust.csus.some((c) => c.id === scope || c.units.includes(scope))
  return false
}

/** …and write: what it reads, less the library unless it is the improvement office. */
function mayWrite(caller: Caller, scope: string): boolean {
  return mayRead(caller, scope) && (scope !== caller.trust?.library || caller.kind === 'trust')
}

const isUnit = (trusts: TrustShape[], scope: string) => trusts.some((t) => t.csus.some((c) => c.units.includes(scope)))

async function makeTrust(db: SyncDb, name: string): Promise<TrustShape> {
  const trust = await createTrust(db, { name })
  const csus = []
  for (const [csuName, unitCount] of [
    ['Medicine', 2],
    ['Surgery', 1],
  ] as const) {
    const csu = await createCsu(db, { trustId: trust.id, name: csuName })
    const units = []
    for (let i = 0; i < unitCount; i++)
      units.push((await createUnit(db, { csuId: csu.id, name: `${csuName} ward ${i + 1}` })).id)
    csus.push({ id: csu.id, units })
  }
  return { id: trust.id, csus, library: libraryScopeId(trust.id) }
}

export async function authorisationMatrix(backend: BackendName): Promise<AuthzResult> {
  const test = await openTestDatabase(backend)
  const server = await startTestServer(test, {
    devices: { limits: { syncPerMinute: 1_000_000, adminPerMinute: 1_000_000, enrolPerMinute: 1_000_000 } },
  })
  const result: AuthzResult = { requests: 0, leaks: [], wronglyRefused: [], wrongStatus: [] }
  try {
    const { db } = test
    const { app } = server
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const trusts = [await makeTrust(db, 'Trust One'), await makeTrust(db, 'Trust Two')]
    const adminToken = await newAdminToken(db)
    const callers: Caller[] = [
      { name: 'no token', kind: 'none' },
      { name: 'unknown token', kind: 'bad token', token: 'x'.repeat(43) },
      { name: 'admin token as a device', kind: 'admin token', token: adminToken },
    ]
    for (const [index, trust] of trusts.entries()) {
      const [medicine] = trust.csus
      const unit = medicine?.units[0] as string
      const enrolled = [
        { kind: 'unit' as const, scopeId: unit, device: await enrol(db, 'unit', unit, `T${index} ward`) },
        {
          kind: 'csu' as const,
          scopeId: medicine?.id as string,
          device: await enrol(db, 'csu', medicine?.id as string, `T${index} CSU`),
        },
        { kind: 'trust' as const, scopeId: trust.id, device: await enrol(db, 'trust', trust.id, `T${index} office`) },
      ]
      for (const { kind, scopeId, device } of enrolled) {
        callers.push({ name: `trust ${index + 1} ${kind} tablet`, kind, token: device.token, trust, scopeId })
      }
      const revoked = await enrol(db, 'unit', unit, `T${index} revoked`)
      await db.updateTable('devices').set({ revoked_at: Date.now() }).where('id', '=', revoked.deviceId).execute()
      callers.push({
        name: `trust ${index + 1} revoked tablet`,
        kind: 'revoked',
        token: revoked.token,
        trust,
        scopeId: unit,
      })
    }
    const scopes = [
      ...trusts.flatMap((trust) => [trust.id, trust.library, ...trust.csus.flatMap((csu) => [csu.id, ...csu.units])]),
      'ward-that-does-not-exist',
    ]
    // One record in every scope, so a pull that crossed scopes would show it; and a measure
    // with a day's value, so an export that crossed scopes would too.
    for (const scope of scopes)
      await pushMutations(db, [
        change(scope, `seed-${scope}`, { title: { set: scope } }, 'seed'),
        change(scope, `measure-${scope}`, { name: { set: scope }, type: { set: 'count' } }, 'seed', 'measures'),
        change(
          scope,
          `measure-${scope}:2026-01-05`,
          { measureId: { set: `measure-${scope}` }, day: { set: '2026-01-05' }, value: { set: 1 } },
          'seed',
          'entries',
        ),
      ])

    const inject = async (caller: Caller, method: 'GET' | 'POST', path: string, body?: unknown) => {
      result.requests++
      const res = await app.inject({
        method,
        url: path,
        headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
        ...(body === undefined ? {} : { payload: body as object }),
      })
      return { status: res.statusCode, body: res.body ? (res.json() as unknown) : undefined }
    }
    const judge = (caller: Caller, what: string, allowed: boolean, status: number) => {
      const granted = status >= 200 && status < 300
      if (granted && !allowed) result.leaks.push(`${what}: ${status}`)
      else if (!granted && allowed) result.wronglyRefused.push(`${what}: ${status}`)
      else if (!granted) {
        // The right refusal: 401 without a device token, 403 for a revoked device or a scope.
        const expected =
          caller.kind === 'none' || caller.kind === 'bad token' || caller.kind === 'admin token' ? 401 : 403
        if (status !== expected) result.wrongStatus.push(`${what}: ${status}, expected ${expected}`)
      }
    }

    for (const caller of callers) {
      for (const scope of scopes) {
        const read = mayRead(caller, scope)
        const write = mayWrite(caller, scope)
        const q = encodeURIComponent(scope)
        const pulled = await inject(caller, 'GET', `/api/sync/pull?protocol=1&scope=${q}`)
        judge(caller, `${caller.name} pulls ${scope}`, read, pulled.status)
        if (pulled.status === 200) {
          const records = (pulled.body as { records: { scope: string }[] }).records
          for (const record of records) {
            if (record.scope !== scope)
              result.leaks.push(`${caller.name} pulling ${scope} got a record of ${record.scope}`)
          }
        }
        const pushed = await inject(
          caller,
          'POST',
          '/api/sync/push',
          pushBody([change(scope, 'matrix', { title: { set: caller.name } }, 'matrix')]),
        )
        judge(caller, `${caller.name} pushes to ${scope}`, write, pushed.status)
        const unitRecord = await inject(
          caller,
          'POST',
          '/api/sync/push',
          pushBody([change(scope, scope, { updatedBy: { set: caller.name } }, 'matrix', 'units')]),
        )
        judge(
          caller,
          `${caller.name} pushes the units record of ${scope}`,
          write && isUnit(trusts, scope),
          unitRecord.status,
        )
        // A batch reaching into any forbidden scope is refused whole: its allowed change must not land.
        if (!write && caller.trust && caller.scopeId && caller.kind !== 'revoked') {
          const own =
            caller.kind === 'trust'
              ? caller.trust.id
              : ((caller.kind === 'csu' ? caller.trust.csus[0]?.units[0] : caller.scopeId) as string)
          const marker = `mixed-${result.requests}`
          const mixed = await inject(
            caller,
            'POST',
            '/api/sync/push',
            pushBody([
              change(own, marker, { title: { set: 'x' } }, 'matrix'),
              change(scope, marker, { title: { set: 'x' } }, 'matrix'),
            ]),
          )
          judge(caller, `${caller.name} pushes to ${own} and ${scope} at once`, false, mixed.status)
          const landed = await db.selectFrom('records').select('id').where('id', '=', marker).execute()
          if (landed.length > 0) result.leaks.push(`${caller.name}: a refused batch wrote ${marker}`)
        }
        // The analysts' export (docs/EXPORT.md): a device's readable scopes, or the admin token's all.
        const exported = await inject(caller, 'GET', `/api/export/measures?scope=${q}&limit=200`)
        judge(caller, `${caller.name} exports ${scope}`, read || caller.kind === 'admin token', exported.status)
        if (exported.status === 200) {
          for (const measure of (exported.body as { measures: { scope: string }[] }).measures)
            if (measure.scope !== scope)
              result.leaks.push(`${caller.name} exporting ${scope} got a measure of ${measure.scope}`)
        }
        result.requests++
        const events = await fetch(`${url}/api/sync/events?scope=${q}`, {
          headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
          signal: AbortSignal.timeout(5_000),
        }).catch(() => undefined)
        judge(caller, `${caller.name} listens to ${scope}`, read, events?.status ?? 0)
        await events?.body?.cancel()
      }
      // Without a scope the export holds every scope the caller may read, and no other.
      const everything = await inject(caller, 'GET', '/api/export/measures?limit=200')
      const exports = ['unit', 'csu', 'trust', 'admin token'].includes(caller.kind)
      judge(caller, `${caller.name} exports what it may read`, exports, everything.status)
      if (everything.status === 200 && caller.kind !== 'admin token') {
        for (const measure of (everything.body as { measures: { scope: string }[] }).measures)
          if (!mayRead(caller, measure.scope)) result.leaks.push(`${caller.name}'s export held ${measure.scope}`)
      }
      const device = await inject(caller, 'GET', '/api/device')
      const isDevice = caller.kind === 'unit' || caller.kind === 'csu' || caller.kind === 'trust'
      judge(caller, `${caller.name} reads its device info`, isDevice, device.status)
      if (device.status === 200) {
        const info = device.body as { readable: string[]; writable: string[] }
        for (const scope of info.readable)
          if (!mayRead(caller, scope)) result.leaks.push(`${caller.name} is told it may read ${scope}`)
        for (const scope of info.writable)
          if (!mayWrite(caller, scope)) result.leaks.push(`${caller.name} is told it may write ${scope}`)
        for (const scope of scopes) {
          if (mayRead(caller, scope) && scope !== 'ward-that-does-not-exist' && !info.readable.includes(scope))
            result.wronglyRefused.push(`${caller.name} is not told it may read ${scope}`)
        }
      }
      for (const [method, path] of [
        ['GET', '/org'],
        ['POST', '/trusts'],
        ['PATCH', `/trusts/${trusts[0]?.id}`],
        ['POST', '/csus'],
        ['PATCH', `/csus/${trusts[0]?.csus[0]?.id}`],
        ['POST', '/units'],
        ['PATCH', `/units/${trusts[0]?.csus[0]?.units[0]}`],
        ['GET', '/codes'],
        ['POST', '/codes'],
        ['POST', '/codes/x/revoke'],
        ['GET', '/devices'],
        ['POST', '/devices/x/revoke'],
        ['GET', '/refusals'],
      ] as const) {
        result.requests++
        const res = await app.inject({
          method,
          url: `/api/admin${path}`,
          headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
          ...(method === 'GET' ? {} : { payload: {} }),
        })
        // Only the admin token opens the admin API; with it an empty body is a 400, not a 401.
        const allowed = caller.kind === 'admin token'
        if (allowed !== (res.statusCode !== 401))
          (allowed ? result.wronglyRefused : result.leaks).push(
            `${caller.name} ${method} /api/admin${path}: ${res.statusCode}`,
          )
      }
    }
  } finally {
    await server.close()
    await test.close()
  }
  return result
}
