// The sync wire format, shared by the app and the server. Requests are validated
// strictly (unknown fields rejected, sizes capped) so the server applies nothing it does
// not understand; responses are read tolerantly so a newer server can add fields.
import { z } from 'zod'
import { isHlc } from './hlc.ts'
import { jsonProblem, unstorableTextProblem, type JsonValue } from './json.ts'
import { ID_LIMITS } from './limits.ts'
import {
  DELETED_FIELD,
  fieldKind,
  isFieldName,
  isSyncedTable,
  SYNCED_TABLES,
  type TableDeclarations,
} from './tables.ts'
import { isVersionVector } from './vector.ts'

export const PROTOCOL_VERSION = 3
/** The oldest client protocol the server still accepts (design for N and N-1). */
export const MIN_SUPPORTED_PROTOCOL = 1
/** From this version a push is answered change by change: the server applies what it can and says which
 * changes it refused and why. Before it, one bad change refused the whole push. */
export const PER_MUTATION_OUTCOMES_SINCE = 2
/** From this version a pull may carry the mark of its cursor and be told to start the scope again (the server
 * went back, e.g. restored from a backup), and a push may say which changes edit a record the tablet believes
 * the server holds (`partial`), which the server answers as `missing` rather than store a record without its
 * other fields. Before it, neither happens: older tablets sync as they always did. */
export const RESTORE_SAFE_SINCE = 3

export const PUSH_MAX_MUTATIONS = 500
export const MUTATION_MAX_FIELDS = 64
export const PULL_MAX_LIMIT = 1000
export const PULL_DEFAULT_LIMIT = 500
/** Suggested request body limit; splitIntoBatches keeps pushes under it. */
export const PUSH_MAX_BYTES = 4_000_000
const ID_MAX_CHARS = ID_LIMITS.chars

export type ProtocolCheck = 'ok' | 'too-old' | 'too-new'

export function checkProtocol(version: number): ProtocolCheck {
  if (!(version >= MIN_SUPPORTED_PROTOCOL)) return 'too-old'
  if (version > PROTOCOL_VERSION) return 'too-new'
  return 'ok'
}

// ── building blocks ──────────────────────────────────────────────────────────────

const JsonValueSchema = z.custom<JsonValue>().superRefine((value, ctx) => {
  const problem = jsonProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
/** Text stored as it is (ids, names): no U+0000 and no lone surrogates, which the stores cannot keep unchanged. */
export const StorableTextSchema = z.string().superRefine((text, ctx) => {
  const problem = unstorableTextProblem(text)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
const IdSchema = StorableTextSchema.min(1, 'Must not be empty').max(
  ID_MAX_CHARS,
  `Must be ${ID_MAX_CHARS} characters or fewer`,
)
const HlcSchema = z.string().refine(isHlc, 'Not a valid sync timestamp (expected 13-digit ms:6-digit counter:node)')
const VersionVectorSchema = z.string().max(4_000).refine(isVersionVector, 'Not a valid list of sync timestamps')

export const FieldOpSchema = z.strictObject(
  { set: JsonValueSchema, base: VersionVectorSchema.optional() },
  { error: 'Each field must be { "set": value } (text fields may add "base")' },
)

export type FieldOp = z.infer<typeof FieldOpSchema>

// Checked on the raw object: a record schema would silently drop a `__proto__` key
// instead of refusing it.
const FieldsSchema = z
  .custom<unknown>()
  .superRefine((raw, ctx) => {
    if (typeof raw !== 'object' || raw === null) return
    for (const name of Object.keys(raw)) {
      if (!isFieldName(name))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `${JSON.stringify(name.slice(0, 80))} is not an allowed field name`,
        })
    }
  })
  .pipe(z.record(z.string(), FieldOpSchema))

const MutationShape = z.strictObject({
  mutationId: z.uuid('Not a valid mutation id (a UUID)'),
  table: IdSchema,
  recordId: IdSchema,
  scope: IdSchema,
  hlc: HlcSchema,
  by: StorableTextSchema.max(ID_MAX_CHARS).optional(),
  fields: FieldsSchema,
  /** Protocol 3: only some fields of a record the tablet believes the server holds. If the server does not
   * hold it (restored from a backup), it applies nothing and answers `missing`, and the tablet sends the whole
   * record. Without it a change is applied as it is: a new record, or a whole one. */
  partial: z.literal(true).optional(),
})

export type Mutation = z.infer<typeof MutationShape>

/** Mutations checked against the table declarations: which tables exist and how each field may change. */
export function mutationSchemaFor(tables: TableDeclarations) {
  return MutationShape.superRefine((mutation, ctx) => {
    if (!isSyncedTable(tables, mutation.table)) {
      ctx.addIssue({
        code: 'custom',
        path: ['table'],
        message: `${JSON.stringify(mutation.table)} is not a synced table`,
      })
      return
    }
    const names = Object.keys(mutation.fields)
    if (names.length === 0)
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'A change must set at least one field' })
    if (names.length > MUTATION_MAX_FIELDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields'],
        message: `A change may set at most ${MUTATION_MAX_FIELDS} fields`,
      })
    }
    for (const name of names) {
      const op: unknown = mutation.fields[name]
      // A malformed operation has its own issue already; zod still runs this check.
      if (typeof op !== 'object' || op === null || !isFieldName(name)) continue
      const problem = fieldOpProblem(tables, mutation.table, name, op as FieldOp)
      if (problem) ctx.addIssue({ code: 'custom', path: ['fields', name], message: problem })
    }
  })
}

function fieldOpProblem(tables: TableDeclarations, table: string, name: string, op: FieldOp): string | undefined {
  const kind = fieldKind(tables, table, name)
  if (kind === 'deleted' && typeof op.set !== 'boolean') return `${DELETED_FIELD} must be true or false`
  if (kind !== 'text' && op.base !== undefined) return `${name} is not a text field, so it takes no base`
  return undefined
}

function pushRequestSchemaFor(tables: TableDeclarations) {
  return z.strictObject({
    protocol: z.int().min(1),
    deviceId: StorableTextSchema.min(1).max(100).optional(),
    mutations: z
      .array(mutationSchemaFor(tables))
      .min(1, 'Send at least one change')
      .max(PUSH_MAX_MUTATIONS, `Send at most ${PUSH_MAX_MUTATIONS} changes at once`),
  })
}

export const MutationSchema = mutationSchemaFor(SYNCED_TABLES)

const PushEnvelopeSchema = z.strictObject({
  protocol: z.int().min(1),
  deviceId: StorableTextSchema.min(1).max(100).optional(),
  mutations: z
    .array(z.unknown())
    .min(1, 'Send at least one change')
    .max(PUSH_MAX_MUTATIONS, `Send at most ${PUSH_MAX_MUTATIONS} changes at once`),
})
const MutationIdSchema = z.object({ mutationId: z.uuid('Not a valid mutation id (a UUID)') })
export const PushRequestSchema = pushRequestSchemaFor(SYNCED_TABLES)
export type PushRequest = z.infer<typeof PushRequestSchema>

// Query strings arrive as text, hence coercion.
export const PullRequestSchema = z.strictObject({
  protocol: z.coerce.number().int().min(1),
  scope: IdSchema,
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
  /** Protocol 3: the mark the server sent with the page that ended at `after`. */
  mark: z.string().min(1).max(64).optional(),
  /** Protocol 3: `seq.mark` of this tablet's last acknowledged push to the scope, while its cursor is below it. */
  pushed: z
    .string()
    .regex(/^\d{1,15}\.[\w-]{1,64}$/, 'Write it as seq.mark')
    .optional(),
})
export type PullRequest = z.infer<typeof PullRequestSchema>

// ── responses (tolerant: unknown fields are dropped, not refused) ─────────────────

export const ConflictVersionSchema = z.object({
  value: JsonValueSchema,
  hlc: HlcSchema,
  base: VersionVectorSchema.optional(),
  by: z.string().optional(),
})
export type ConflictVersion = z.infer<typeof ConflictVersionSchema>

/** Where the current value of a text field came from (only while it has no conflict). */
export const TextOriginSchema = z.object({ base: VersionVectorSchema.optional(), by: z.string().optional() })
export type TextOrigin = z.infer<typeof TextOriginSchema>

export const ServerRecordSchema = z.object({
  table: IdSchema,
  id: IdSchema,
  scope: IdSchema,
  seq: z.int().min(0),
  fields: z.record(z.string(), JsonValueSchema),
  /** Per-field stamp of the current value (last-writer-wins and text fields). */
  clocks: z.record(z.string(), HlcSchema),
  origins: z.record(z.string(), TextOriginSchema).optional(),
  /** Text fields with two or more versions nobody has chosen between yet, oldest first. */
  conflicts: z.record(z.string(), z.array(ConflictVersionSchema).min(2)).optional(),
})
export type ServerRecord = z.infer<typeof ServerRecordSchema>
/** A record's merge state, as merge.ts works on it; the server adds `seq` when it stores one. */
export type SyncRecord = Omit<ServerRecord, 'seq'>

/** Why the server refused one change of a push (protocol 2). A newer server may add reasons. */
export const REFUSAL_CODES = ['invalid-mutation', 'forbidden-scope', 'forbidden-record', 'record-too-large'] as const
export type RefusalCode = (typeof REFUSAL_CODES)[number]

export const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  'invalid-mutation': 'The sync server could not read this change, so it was not saved there.',
  'forbidden-scope': 'This tablet may not change this ward, department or board, so the change was not saved there.',
  'forbidden-record':
    'This change names a record that belongs to another ward, department or board, so it was not saved there.',
  'record-too-large':
    'This change would make the record larger than the sync server allows, so it was not saved there.',
}

export const RefusalSchema = z.object({
  mutationId: z.string(),
  /** One of REFUSAL_CODES, or a newer server's own. */
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
})
export type Refusal = z.infer<typeof RefusalSchema>

export function refusal(mutationId: string, code: RefusalCode, details?: unknown): Refusal {
  const base = { mutationId, error: code, message: REFUSAL_MESSAGES[code] }
  return details === undefined ? base : { ...base, details }
}

export const PushResponseSchema = z.object({
  protocol: z.int(),
  /** Mutation ids now applied on the server (including ones applied by an earlier attempt). */
  accepted: z.array(z.string()),
  /** Protocol 2: the changes the server will never apply, and why. Neither accepted nor refused means not
   * looked at (send it again). */
  refused: z.array(RefusalSchema).optional(),
  serverTime: z.number(),
  /** Present when this device's clock is far enough out for the server to distrust it. */
  clockSkewMs: z.number().optional(),
  /** Protocol 3: `partial` changes to a record the server does not hold; nothing of them was applied. Send the
   * whole record, then the change again. */
  missing: z.array(z.string()).optional(),
  /** Protocol 3: for each scope this push advanced, the end of the run it wrote and that run's mark. */
  marks: z.record(z.string(), z.object({ seq: z.int(), mark: z.string() })).optional(),
})
export type PushResponse = z.infer<typeof PushResponseSchema>

export const PullResponseSchema = z.object({
  protocol: z.int(),
  scope: z.string(),
  records: z.array(ServerRecordSchema),
  cursor: z.int().min(0),
  hasMore: z.boolean(),
  serverTime: z.number(),
  /** This server's id: a tablet that sees a different one than it enrolled with is talking to another server. */
  serverId: z.string().optional(),
  /** Records of the scope changed after `after`, this page's included: how many this pull has to go, for
   * "n of N records" on a first sync. Older tablets ignore it. */
  remaining: z.int().min(0).optional(),
  /** Protocol 3: the mark of the run of sequence numbers `cursor` is in; send it back with the next pull. */
  mark: z.string().optional(),
  /** Protocol 3: the `after` and `mark` sent are not in this server's history (it was restored from a backup,
   * or lost its state): no records; pull the scope again from 0 and send what the server no longer has. */
  restart: z.literal(true).optional(),
})
export type PullResponse = z.infer<typeof PullResponseSchema>

// ── errors ───────────────────────────────────────────────────────────────────────

export const SYNC_ERROR_CODES = [
  'protocol-too-old',
  'protocol-too-new',
  'invalid-payload',
  'forbidden-scope',
  'device-revoked',
  'unauthorised',
  'too-large',
  'rate-limited',
] as const
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number]

/** What staff see. Every message says what happens to their changes and what to do. */
export const SYNC_ERROR_MESSAGES: Record<SyncErrorCode, string> = {
  'protocol-too-old':
    'This tablet needs the latest version of LIM Huddle. Tap Update now. Changes made on this tablet are kept safe until it has updated.',
  'protocol-too-new':
    'The sync server is older than this version of LIM Huddle. Changes made on this tablet are kept safe on it. Ask your IT team to update the server.',
  'invalid-payload':
    'The sync server could not accept some changes from this tablet, so it saved none of them. They are still on this tablet. If this keeps happening, tell your IT team.',
  'forbidden-scope':
    'This tablet is not allowed to see or change this ward or department. Ask your manager to enrol it for this ward.',
  'device-revoked':
    'This tablet was removed from sync. Ask your manager to re-enrol it. Changes made on this tablet are kept on it until then.',
  unauthorised: 'This tablet is not set up for sync yet. Ask your manager for an enrolment code.',
  'too-large': 'Too many changes were sent at once. This tablet will send them in smaller batches.',
  'rate-limited': 'The sync server is busy. This tablet will try again in a moment. Your changes are kept safe.',
}

/** The HTTP status the server answers with for each error. */
export const SYNC_ERROR_STATUS: Record<SyncErrorCode, number> = {
  'protocol-too-old': 426,
  'protocol-too-new': 400,
  'invalid-payload': 400,
  'forbidden-scope': 403,
  'device-revoked': 403,
  unauthorised: 401,
  'too-large': 413,
  'rate-limited': 429,
}

export const SyncErrorSchema = z.object({
  error: z.enum(SYNC_ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
})
export type SyncError = z.infer<typeof SyncErrorSchema>

export interface PayloadIssue {
  path: string
  message: string
}

export function syncError(code: SyncErrorCode, details?: unknown): SyncError {
  return details === undefined
    ? { error: code, message: SYNC_ERROR_MESSAGES[code] }
    : { error: code, message: SYNC_ERROR_MESSAGES[code], details }
}

const MAX_REPORTED_ISSUES = 20

export function payloadIssues(error: z.ZodError): PayloadIssue[] {
  return error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; status: number; error: SyncError }

function failure(code: SyncErrorCode, details?: unknown): { ok: false; status: number; error: SyncError } {
  return { ok: false, status: SYNC_ERROR_STATUS[code], error: syncError(code, details) }
}

/**
 * The version is checked before the shape, so an old client whose payload no longer
 * parses still hears "update the app" rather than "invalid payload".
 */
function protocolFailure(body: unknown): ReturnType<typeof failure> | undefined {
  const version = typeof body === 'object' && body !== null ? Number((body as { protocol?: unknown }).protocol) : NaN
  if (!Number.isInteger(version))
    return failure('invalid-payload', { issues: [{ path: 'protocol', message: 'Say which protocol version this is' }] })
  const check = checkProtocol(version)
  return check === 'ok'
    ? undefined
    : failure(check === 'too-old' ? 'protocol-too-old' : 'protocol-too-new', {
        protocol: version,
        supported: [MIN_SUPPORTED_PROTOCOL, PROTOCOL_VERSION],
      })
}

export function parsePushRequest(body: unknown, tables: TableDeclarations = SYNCED_TABLES): Parsed<PushRequest> {
  const wrongVersion = protocolFailure(body)
  if (wrongVersion) return wrongVersion
  const mutations = (body as { mutations?: unknown }).mutations
  if (Array.isArray(mutations) && mutations.length > PUSH_MAX_MUTATIONS) {
    return failure('too-large', { maxMutations: PUSH_MAX_MUTATIONS, received: mutations.length })
  }
  const schema = tables === SYNCED_TABLES ? PushRequestSchema : pushRequestSchemaFor(tables)
  const result = schema.safeParse(body)
  return result.success
    ? { ok: true, value: result.data }
    : failure('invalid-payload', { issues: payloadIssues(result.error) })
}

export interface PushBatch {
  request: PushRequest
  /** Changes refused before anything was applied (their own shape is wrong). */
  refused: Refusal[]
}

/**
 * Protocol 2 and later: the envelope must be right (else the whole push is refused), but each change is checked on
 * its own, so one the server cannot read is refused alone and the others are applied. A change without a readable
 * `mutationId` cannot be answered for, so it refuses the whole push.
 */
// ── the server's fast path for well-formed changes ──────────────────────────────
// zod cost the server about as much CPU per change as applying it. Almost every change a tablet sends is well
// formed, so it is first checked by hand against exactly the rules above; only what this check does not accept
// goes through zod, which then accepts or refuses it with its words. The hand check may refuse more than zod
// (never less): its only job is to let through, unchanged, what zod would let through.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
const MUTATION_KEYS = new Set(['mutationId', 'table', 'recordId', 'scope', 'hlc', 'by', 'fields', 'partial'])

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function isStorable(value: unknown, min: number, max: number): value is string {
  return (
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    unstorableTextProblem(value) === undefined
  )
}

/** Whether `raw` is a mutation the schema for `tables` accepts as it is: true only when zod would be. */
export function isPlainlyValidMutation(raw: unknown, tables: TableDeclarations = SYNCED_TABLES): raw is Mutation {
  if (!isPlainObject(raw)) return false
  for (const key of Object.keys(raw)) if (!MUTATION_KEYS.has(key)) return false
  const { mutationId, table, recordId, scope, hlc, by, fields, partial } = raw
  if (typeof mutationId !== 'string' || !UUID.test(mutationId)) return false
  if (!isStorable(table, 1, ID_MAX_CHARS) || !isStorable(recordId, 1, ID_MAX_CHARS)) return false
  if (!isStorable(scope, 1, ID_MAX_CHARS) || !isHlc(hlc)) return false
  if ('by' in raw && !isStorable(by, 0, ID_MAX_CHARS)) return false
  if ('partial' in raw && partial !== true) return false
  if (!isSyncedTable(tables, table) || !isPlainObject(fields)) return false
  const names = Object.keys(fields)
  if (names.length === 0 || names.length > MUTATION_MAX_FIELDS) return false
  for (const name of names) {
    const op = fields[name]
    if (!isFieldName(name) || !isPlainObject(op) || !('set' in op)) return false
    for (const key of Object.keys(op)) if (key !== 'set' && key !== 'base') return false
    if (jsonProblem(op.set) !== undefined) return false
    if ('base' in op) {
      const { base } = op
      if (typeof base !== 'string' || base.length > 4_000 || !isVersionVector(base)) return false
    }
    if (fieldOpProblem(tables, table, name, op as FieldOp) !== undefined) return false
  }
  return true
}

// ── the tablet's fast path for pull pages ─────────────────────────────────────────
// A pull page of 500 records cost the tablet tens of milliseconds in zod, on the thread that stores the pages. A
// record without versions to choose between is checked by hand against exactly ServerRecordSchema's rules, and
// taken as it is only when zod would give back an equal record (no key zod would drop); any other record goes
// through zod. A record with a text field carries its origin (most of a unit's day values: their comment), so
// origins are checked by hand too; conflicts are rare and left to zod.

const SERVER_RECORD_KEYS = new Set(['table', 'id', 'scope', 'seq', 'fields', 'clocks', 'origins'])

/** Whether `raw` is an `origins` map TextOriginSchema's record accepts and gives back equal. */
function isPlainlyValidOrigins(raw: unknown): boolean {
  if (!isPlainObject(raw)) return false
  for (const name of Object.keys(raw)) {
    const origin = raw[name]
    if (name === '__proto__' || !isPlainObject(origin)) return false
    for (const key of Object.keys(origin)) {
      const value = origin[key]
      if (key === 'by') {
        if (typeof value !== 'string') return false
      } else if (key === 'base') {
        if (typeof value !== 'string' || value.length > 4_000 || !isVersionVector(value)) return false
      } else return false
    }
  }
  return true
}

/** Whether ServerRecordSchema accepts `raw` and gives back a record equal to it: true only when zod would. */
export function isPlainlyValidServerRecord(raw: unknown): raw is ServerRecord {
  if (!isPlainObject(raw)) return false
  for (const key of Object.keys(raw)) if (!SERVER_RECORD_KEYS.has(key)) return false
  const { table, id, scope, seq, fields, clocks } = raw
  if (!isStorable(table, 1, ID_MAX_CHARS) || !isStorable(id, 1, ID_MAX_CHARS)) return false
  if (!isStorable(scope, 1, ID_MAX_CHARS)) return false
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return false
  if (!isPlainObject(fields) || !isPlainObject(clocks)) return false
  for (const name of Object.keys(fields))
    if (name === '__proto__' || jsonProblem(fields[name]) !== undefined) return false
  for (const name of Object.keys(clocks)) if (name === '__proto__' || !isHlc(clocks[name])) return false
  return !('origins' in raw) || isPlainlyValidOrigins(raw.origins)
}

const PullEnvelopeSchema = PullResponseSchema.extend({ records: z.array(z.unknown()) })

/** A pull page as PullResponseSchema reads it (unknown fields dropped), or undefined when it does not. */
export function parsePullResponse(body: unknown): PullResponse | undefined {
  const envelope = PullEnvelopeSchema.safeParse(body)
  if (!envelope.success) return undefined
  const records: ServerRecord[] = []
  for (const raw of envelope.data.records) {
    if (isPlainlyValidServerRecord(raw)) records.push(raw)
    else {
      const parsed = ServerRecordSchema.safeParse(raw)
      if (!parsed.success) return undefined
      records.push(parsed.data)
    }
  }
  return { ...envelope.data, records }
}

export function parsePushBatch(body: unknown, tables: TableDeclarations = SYNCED_TABLES): Parsed<PushBatch> {
  const wrongVersion = protocolFailure(body)
  if (wrongVersion) return wrongVersion
  const mutations = (body as { mutations?: unknown }).mutations
  if (Array.isArray(mutations) && mutations.length > PUSH_MAX_MUTATIONS) {
    return failure('too-large', { maxMutations: PUSH_MAX_MUTATIONS, received: mutations.length })
  }
  const envelope = PushEnvelopeSchema.safeParse(body)
  if (!envelope.success) return failure('invalid-payload', { issues: payloadIssues(envelope.error) })
  const schema = tables === SYNCED_TABLES ? MutationSchema : mutationSchemaFor(tables)
  const valid: Mutation[] = []
  const refused: Refusal[] = []
  for (const [index, raw] of envelope.data.mutations.entries()) {
    if (isPlainlyValidMutation(raw, tables)) {
      valid.push(raw)
      continue
    }
    const id = MutationIdSchema.safeParse(raw)
    if (!id.success) {
      return failure('invalid-payload', {
        issues: payloadIssues(id.error).map((issue) => ({ ...issue, path: `mutations.${index}.${issue.path}` })),
      })
    }
    const parsed = schema.safeParse(raw)
    if (parsed.success) valid.push(parsed.data)
    else refused.push(refusal(id.data.mutationId, 'invalid-mutation', { issues: payloadIssues(parsed.error) }))
  }
  const { protocol, deviceId } = envelope.data
  return {
    ok: true,
    value: { request: { protocol, ...(deviceId === undefined ? {} : { deviceId }), mutations: valid }, refused },
  }
}

export function parsePullRequest(query: unknown): Parsed<PullRequest> {
  const wrongVersion = protocolFailure(query)
  if (wrongVersion) return wrongVersion
  const result = PullRequestSchema.safeParse(query)
  return result.success
    ? { ok: true, value: result.data }
    : failure('invalid-payload', { issues: payloadIssues(result.error) })
}

// ── from the app's outbox: in outbox.ts, which does not load zod, so the app's writes do
// not pull the validators into the first screen's JavaScript.
export { fromOutboxEntry, type OutboxEntryLike } from './outbox.ts'

/** Splits pending mutations into pushes within the count and size limits, keeping their order. */
export function splitIntoBatches(mutations: readonly Mutation[], maxBytes: number = PUSH_MAX_BYTES): Mutation[][] {
  const batches: Mutation[][] = []
  let batch: Mutation[] = []
  let bytes = 0
  const encoder = new TextEncoder()
  for (const mutation of mutations) {
    const size = encoder.encode(JSON.stringify(mutation)).length + 1
    if (batch.length > 0 && (batch.length >= PUSH_MAX_MUTATIONS || bytes + size > maxBytes)) {
      batches.push(batch)
      batch = []
      bytes = 0
    }
    batch.push(mutation)
    bytes += size
  }
  if (batch.length > 0) batches.push(batch)
  return batches
}
