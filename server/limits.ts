// Every limit the server applies, in one place: on requests and connections, per device and
// per address, on stored records, and on the logs it keeps. README "Limits" describes each for
// the people who run the server. Limits on what a record may hold are shared with the tablet
// (src/shared/sync/limits.ts) and on the wire format with the protocol (protocol.ts): both are
// re-exported here so this file lists them all.

const SECOND = 1000
const MINUTE = 60 * SECOND
const DAY = 24 * 60 * MINUTE

export { ID_LIMITS, JSON_LIMITS, RECORD_LIMITS } from '../src/shared/sync/limits.ts'
export { MUTATION_MAX_FIELDS, PULL_MAX_LIMIT, PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from '../src/shared/sync/protocol.ts'

/** What one HTTP request may be. The sync push body limit is `PUSH_MAX_BYTES` plus 64 KiB for its envelope. */
export const REQUEST_LIMITS = {
  /** Admin and enrolment bodies: a few short fields. */
  smallBodyBytes: 16 * 1024,
  /**
   * Arrays and objects nested in any JSON body. A push nests a value (at most `JSON_LIMITS.depth`)
   * five levels down, so 32 leaves room; anything deeper is refused before a route reads it.
   */
  jsonDepth: 32,
} as const

/**
 * How long a client may take to send a request. A trickled body would otherwise hold a
 * connection (and its memory) for ever. A full push on a slow ward Wi-Fi link (4 MB at
 * 1 Mbit/s) takes about 35 s; event streams are long-lived responses, not requests, so
 * these never end them.
 */
export const TIMEOUTS = {
  /** From connecting to the end of the request headers. */
  headersMs: 20 * SECOND,
  /** From connecting to the end of the request body. */
  requestMs: 60 * SECOND,
  /** How often Node checks the two above (so a request may run over by up to this much). */
  checkEveryMs: 5 * SECOND,
} as const

/**
 * Live-update streams (GET /api/sync/events). A tablet opens one stream carrying every scope it reads;
 * browsers allow six connections per host, so more would starve its pushes and pulls.
 */
export const EVENT_STREAM_LIMITS = {
  /** Scopes one stream may name: a trust tablet reads every unit, CSU, the trust and the library.
   * 300 UUIDs keep the request line under Node's 16 KiB header limit. */
  scopesPerStream: 300,
  /** Open streams per device (per server process). A newer one ends the oldest: a reloaded tablet's old
   * stream may linger until its socket times out, and the newest is the one it listens to. */
  perDevice: 3,
} as const

/** Per server process, counted in memory: with several processes behind one address each allows its own share. */
export interface RateLimits {
  /** Sync and device-info requests per device (per address before a token is known). */
  syncPerMinute: number
  /** Admin requests per address. */
  adminPerMinute: number
  /** Enrolment attempts per address: codes are short enough that guessing must be slow. */
  enrolPerMinute: number
}

export const RATE_LIMITS: RateLimits = { syncPerMinute: 1200, adminPerMinute: 300, enrolPerMinute: 10 }

/**
 * The access log of refused requests (401/403). Refusals are counted in memory and written
 * in the background, repeats of the same refusal (device, address, route, reason) adding to
 * one row, so a device knocking a thousand times a minute costs one write a second, not a
 * thousand, and never slows the refusal itself.
 */
export const REFUSAL_LOG = {
  /** How often counted refusals are written. */
  flushEveryMs: 1 * SECOND,
  /** Distinct refusals held between writes; beyond it, further ones count under one "many addresses" row. */
  maxPending: 1000,
  /** A repeat within this time adds to the same row; after it, a new row starts. */
  aggregateWithinMs: 60 * MINUTE,
  /** Rows last seen longer ago than this are deleted (daily, with the mutation ids). */
  keepMs: 30 * DAY,
  /** And at most this many rows are kept, the oldest going first. */
  maxRows: 10_000,
} as const

/** `applied_mutations` rows older than this are deleted daily: see server/sync/prune.ts for why that is safe. */
export const APPLIED_MUTATIONS_KEEP_MS = 90 * DAY
export const PRUNE_EVERY_MS = DAY

/** PostgreSQL connections, per server process. */
export const DATABASE_LIMITS = {
  poolSize: 10,
  /** Opening a connection (or waiting for one from a full pool) fails after this. */
  connectTimeoutMs: 10 * SECOND,
} as const

/** `/api/ready` touches the database at most this often; probes in between get the last answer. */
export const READINESS = {
  cacheMs: 1 * SECOND,
  /** A database that has not answered by then counts as not ready. */
  timeoutMs: 3 * SECOND,
} as const
