// How the sync engine reaches a server. Every call resolves: failures come back as
// values (never thrown), so nothing a network does can break a screen.
import { z } from 'zod'
import type { PullRequest, PullResponse, PushRequest, PushResponse, SyncError } from '@/shared/sync/protocol'

/** Failures that are not the server's answer: no network, or no usable reply. */
export type TransportFailureCode = 'offline' | 'unavailable'

export interface TransportFailure {
  error: TransportFailureCode
  message: string
}

export type SyncFailure = SyncError | TransportFailure

const TRANSPORT_MESSAGES: Record<TransportFailureCode, string> = {
  offline:
    'This tablet cannot reach the sync server. Changes are kept safe on this tablet and will be sent when it is back online.',
  unavailable:
    'The sync server is not available right now. Changes are kept safe on this tablet and will be sent later.',
}

export function transportFailure(code: TransportFailureCode): TransportFailure {
  return { error: code, message: TRANSPORT_MESSAGES[code] }
}

export function isFailure<T extends object>(
  result: T | SyncFailure | EnrolFailure,
): result is SyncFailure | EnrolFailure {
  return 'error' in result && typeof (result as { error: unknown }).error === 'string'
}

// ── enrolment (POST /api/enrol, GET /api/device) ─────────────────────────────────
// Read tolerantly, like every response: a newer server may add fields.

const NamedSchema = z.object({ id: z.string().min(1), name: z.string() })
export const EnrolledUnitSchema = z.object({
  id: z.string().min(1),
  csuId: z.string(),
  name: z.string(),
  // An unknown kind from a newer server still shows; 'ward' is the common case.
  kind: z.enum(['ward', 'department']).catch('ward'),
})
export type EnrolledUnit = z.infer<typeof EnrolledUnitSchema>

/** A unit, a whole CSU, or a whole trust (the improvement office's tablets). */
export const EnrolmentScopeSchema = NamedSchema.extend({ kind: z.enum(['unit', 'csu', 'trust']) })
export type EnrolmentScope = z.infer<typeof EnrolmentScopeSchema>

export const EnrolledCsuSchema = NamedSchema.extend({ trustId: z.string() })
export type EnrolledCsu = z.infer<typeof EnrolledCsuSchema>

const DeviceShape = z.object({
  deviceId: z.string().min(1),
  serverId: z.string().min(1),
  scope: EnrolmentScopeSchema,
  trust: NamedSchema,
  /** The CSU of a unit or CSU tablet; a trust tablet has several (`csus`). */
  csu: EnrolledCsuSchema.optional(),
  csus: z.array(EnrolledCsuSchema).optional(),
  units: z.array(EnrolledUnitSchema),
  /** The sync scopes this tablet may pull, and those it may push to (its trust's library
   * is read-only except for the improvement office). A server that predates them means
   * the enrolled units. */
  readable: z.array(z.string().min(1)).optional(),
  writable: z.array(z.string().min(1)).optional(),
})

/** What the server says this tablet is enrolled for, now (a CSU tablet gains new units). */
export const DeviceInfoSchema = DeviceShape.extend({ name: z.string() })
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>

export const EnrolResponseSchema = DeviceShape.extend({ token: z.string().min(1) })
export type EnrolResponse = z.infer<typeof EnrolResponseSchema>

/** Enrolment's own refusal: the code is unknown, used, expired or revoked. */
export interface EnrolFailure {
  error: 'invalid-code'
  message: string
}

export const INVALID_CODE_MESSAGE =
  'That enrolment code is not valid. It may have been used already or have expired. Ask your improvement office for a new one.'
/** A rate-limited enrolment is not retried by the tablet, so it says what to do instead. */
export const ENROL_RATE_LIMITED_MESSAGE =
  'Too many enrolment codes have been tried from this network. Wait a minute, then try again.'

export const ENROL_INVALID_MESSAGE =
  'The sync server could not read that code or tablet name. Check the code has 12 letters and numbers and the name is 80 characters or fewer, then try again.'

export function invalidCode(message = INVALID_CODE_MESSAGE): EnrolFailure {
  return { error: 'invalid-code', message }
}

/** A live poke: `scope`'s sequence reached `seq` on the server. */
export interface ScopePoke {
  scope: string
  seq: number
}

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse | SyncFailure>
  pull(request: PullRequest): Promise<PullResponse | SyncFailure>
  /** Exchange a one-time code for this tablet's device token and what it may sync. */
  enrol(code: string, deviceName: string): Promise<EnrolResponse | EnrolFailure | SyncFailure>
  /** What the server says this (enrolled) tablet may sync now. */
  deviceInfo(): Promise<DeviceInfo | SyncFailure>
  /** Calls `onPoke` when any of `scopes` changes on the server, with the scope and its new sequence (undefined
   * when a poke does not say: then any scope may have changed): one stream for all of them, so a CSU or trust
   * tablet holds one connection however many units it reads. Returns the unsubscribe function. */
  events(scopes: readonly string[], onPoke: (poke: ScopePoke | undefined) => void): () => void
}
