// A stand-in for the sync server's admin API behind `fetch`, for the admin screen's
// component tests: the routes and shapes of /work/enrol-design.md, kept in memory.
interface Row {
  id: string
  [key: string]: unknown
}

export interface AdminCall {
  method: string
  path: string
  body?: unknown
  authorization?: string
}

const HOUR = 3_600_000

export function fakeAdminServer(token = 'admin-secret', now = Date.parse('2026-11-26T09:00:00Z')) {
  const state = { trusts: [] as Row[], csus: [] as Row[], units: [] as Row[], codes: [] as Row[], devices: [] as Row[] }
  const calls: AdminCall[] = []
  const failures: { status: number; body: unknown }[] = []
  let ids = 0
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  const notFound = () => json(404, { error: 'not-found', message: 'Not found' })
  const scopeName = (kind: unknown, id: unknown) =>
    (kind === 'unit' ? state.units : state.csus).find((r) => r.id === id)?.name ?? ''

  function route(method: string, path: string, body: Record<string, unknown>): Response {
    const [, collection, id, verb] = path.split('/')
    const rows =
      collection === 'trusts' ||
      collection === 'csus' ||
      collection === 'units' ||
      collection === 'codes' ||
      collection === 'devices'
        ? state[collection]
        : undefined
    if (method === 'GET' && collection === 'org')
      return json(200, { serverId: 'server-1', trusts: state.trusts, csus: state.csus, units: state.units })
    if (!rows) return notFound()
    if (method === 'GET' && !id) return json(200, rows)
    if (method === 'POST' && !id && collection === 'codes') {
      const row = {
        id: `code-${++ids}`,
        scopeKind: body.scopeKind,
        scopeId: body.scopeId,
        scopeName: scopeName(body.scopeKind, body.scopeId),
        label: body.label ?? null,
        createdAt: now,
        expiresAt: now + Number(body.expiresInHours ?? 72) * HOUR,
        usedAt: null,
        usedByDevice: null,
        revokedAt: null,
        status: 'active',
      }
      rows.push(row)
      return json(201, { ...row, code: 'ABCDEFGHJKMN' })
    }
    if (method === 'POST' && !id) {
      const row = { id: `${collection}-${++ids}`, ...body, createdAt: now }
      rows.push(row)
      return json(201, row)
    }
    const row = rows.find((r) => r.id === id)
    if (!row) return notFound()
    if (method === 'PATCH') return json(200, Object.assign(row, body))
    if (method === 'POST' && verb === 'revoke')
      return json(200, Object.assign(row, { revokedAt: now, ...(collection === 'codes' ? { status: 'revoked' } : {}) }))
    return notFound()
  }

  const fetch = (async (url: string, init: RequestInit = {}) => {
    const path = new URL(url, 'http://localhost').pathname.replace(/^\/api\/admin/, '')
    const method = init.method ?? 'GET'
    const authorization = (init.headers as Record<string, string> | undefined)?.authorization
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined
    calls.push({ method, path, ...(body ? { body } : {}), ...(authorization ? { authorization } : {}) })
    if (authorization !== `Bearer ${token}`)
      return json(401, { error: 'unauthorised', message: 'Admin token missing or wrong' })
    const failure = failures.shift()
    if (failure) return json(failure.status, failure.body)
    return route(method, path, body ?? {})
  }) as typeof globalThis.fetch

  return {
    state,
    calls,
    fetch,
    now,
    /** The next request (after the token check) gets this reply. */
    failNext(status: number, body: unknown) {
      failures.push({ status, body })
    },
    /** Writes only, as [method, path, body]. */
    writes: () => calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.path, c.body]),
  }
}
