// A small typed client for the sync server's admin API (/api/admin, Bearer admin token).
// Every call resolves to a value: the data, or a plain-English reason it failed.
// Responses are read tolerantly (unknown fields dropped; times as ms since epoch,
// whether the database gave a number or a digit string).
import { z } from 'zod'

const Ms = z.preprocess((value) => {
  if (typeof value === 'string') return /^\d+$/.test(value) ? Number(value) : Date.parse(value)
  return value
}, z.number())
const MaybeMs = Ms.nullable()
  .optional()
  .transform((value) => value ?? null)
const Name = z.string()
const Kind = z.enum(['ward', 'department']).catch('ward')
const ScopeKind = z.enum(['unit', 'csu', 'trust'])

const AdminTrustSchema = z.object({ id: z.string(), name: Name, createdAt: Ms })
const AdminCsuSchema = z.object({ id: z.string(), trustId: z.string(), name: Name, createdAt: Ms })
const AdminUnitSchema = z.object({ id: z.string(), csuId: z.string(), name: Name, kind: Kind, createdAt: Ms })
export const AdminOrgSchema = z.object({
  serverId: z.string().optional(),
  trusts: z.array(AdminTrustSchema),
  csus: z.array(AdminCsuSchema),
  units: z.array(AdminUnitSchema),
})

export const CODE_STATUSES = ['active', 'used', 'expired', 'revoked'] as const
export const AdminCodeSchema = z.object({
  id: z.string(),
  scopeKind: ScopeKind,
  scopeId: z.string(),
  scopeName: z
    .string()
    .optional()
    .transform((name) => name ?? ''),
  label: z
    .string()
    .nullable()
    .optional()
    .transform((label) => label ?? null),
  createdAt: Ms,
  expiresAt: Ms,
  usedAt: MaybeMs,
  usedByDevice: z
    .string()
    .nullable()
    .optional()
    .transform((id) => id ?? null),
  revokedAt: MaybeMs,
  status: z.enum(CODE_STATUSES),
})
export const IssuedCodeSchema = AdminCodeSchema.extend({ code: z.string() })

export const AdminDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopeKind: ScopeKind,
  scopeId: z.string(),
  scopeName: z
    .string()
    .optional()
    .transform((name) => name ?? ''),
  enrolledAt: Ms,
  lastSeenAt: MaybeMs,
  lastSyncAt: MaybeMs,
  pendingCount: z.number().int().catch(0),
  oldestPendingAt: MaybeMs,
  revokedAt: MaybeMs,
  unsyncedOver8h: z.boolean().catch(false),
})

export type AdminTrust = z.infer<typeof AdminTrustSchema>
export type AdminCsu = z.infer<typeof AdminCsuSchema>
export type AdminUnit = z.infer<typeof AdminUnitSchema>
export type AdminOrg = z.infer<typeof AdminOrgSchema>
export type CodeStatus = (typeof CODE_STATUSES)[number]
export type AdminCode = z.infer<typeof AdminCodeSchema>
export type IssuedCode = z.infer<typeof IssuedCodeSchema>
export type AdminDevice = z.infer<typeof AdminDeviceSchema>
export type UnitKind = AdminUnit['kind']

export interface IssueCodeRequest {
  scopeKind: 'unit' | 'csu' | 'trust'
  scopeId: string
  expiresInHours: number
  label?: string
}

export type AdminFailureCode =
  'offline' | 'unauthorised' | 'not-found' | 'invalid-payload' | 'rate-limited' | 'unreadable' | 'server-error'
export type AdminResult<T> = { ok: true; value: T } | { ok: false; error: AdminFailureCode; message: string }

const ADMIN_MESSAGES: Record<AdminFailureCode, string> = {
  offline: 'The sync server cannot be reached. Check the network connection and try again.',
  unauthorised: 'The admin token was not accepted. Check it and enter it again.',
  'not-found': 'That item no longer exists. It may have been changed on another screen; reload the lists.',
  'invalid-payload': 'The server could not accept that. Check what you entered and try again.',
  'rate-limited': 'Too many admin requests in a short time. Wait a minute and try again.',
  unreadable: 'The server answered in a way this screen cannot read. It may be a different version; reload the page.',
  'server-error': 'The sync server had a problem and saved nothing. Try again in a moment.',
}

const ErrorBodySchema = z.object({ error: z.string().optional(), message: z.string().optional() })

function failure(error: AdminFailureCode, message?: string): AdminResult<never> {
  return { ok: false, error, message: message || ADMIN_MESSAGES[error] }
}

export interface AdminApiOptions {
  baseUrl?: string
  fetch?: typeof fetch
  token: () => string | null
}

export function createAdminApi({ baseUrl = '', fetch: fetchFn = (...args) => fetch(...args), token }: AdminApiOptions) {
  async function call<T>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ): Promise<AdminResult<T>> {
    let response: Response
    try {
      response = await fetchFn(`${baseUrl}/api/admin${path}`, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token() ?? ''}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: 'no-store',
      })
    } catch {
      // fetch rejects only when the request never reached the server (no network, server
      // down): the screen says so; there is no fault on this device to record.
      return failure('offline')
    }
    const json: unknown = await response.json().catch(() => undefined)
    if (response.ok) {
      const parsed = schema.safeParse(json)
      return parsed.success ? { ok: true, value: parsed.data } : failure('unreadable')
    }
    const said = ErrorBodySchema.safeParse(json)
    const message = said.success ? said.data.message : undefined
    switch (response.status) {
      case 401:
        return failure('unauthorised')
      case 404:
        return failure('not-found')
      case 429:
        return failure('rate-limited')
      case 400:
        return failure('invalid-payload', message)
      default:
        return failure(
          response.status >= 500 ? 'server-error' : 'invalid-payload',
          response.status >= 500 ? undefined : message,
        )
    }
  }

  const enc = encodeURIComponent
  return {
    getOrg: () => call('GET', '/org', AdminOrgSchema),
    addTrust: (name: string) => call('POST', '/trusts', AdminTrustSchema, { name }),
    renameTrust: (id: string, name: string) => call('PATCH', `/trusts/${enc(id)}`, AdminTrustSchema, { name }),
    addCsu: (trustId: string, name: string) => call('POST', '/csus', AdminCsuSchema, { trustId, name }),
    renameCsu: (id: string, name: string) => call('PATCH', `/csus/${enc(id)}`, AdminCsuSchema, { name }),
    addUnit: (csuId: string, name: string, kind: UnitKind) =>
      call('POST', '/units', AdminUnitSchema, { csuId, name, kind }),
    updateUnit: (id: string, changes: { name?: string; kind?: UnitKind }) =>
      call('PATCH', `/units/${enc(id)}`, AdminUnitSchema, changes),
    listCodes: () => call('GET', '/codes', z.array(AdminCodeSchema)),
    issueCode: (request: IssueCodeRequest) => call('POST', '/codes', IssuedCodeSchema, request),
    revokeCode: (id: string) => call('POST', `/codes/${enc(id)}/revoke`, AdminCodeSchema),
    listDevices: () => call('GET', '/devices', z.array(AdminDeviceSchema)),
    revokeDevice: (id: string) => call('POST', `/devices/${enc(id)}/revoke`, AdminDeviceSchema),
  }
}

export type AdminApi = ReturnType<typeof createAdminApi>
