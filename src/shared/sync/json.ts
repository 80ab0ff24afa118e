// JSON values as they travel and are stored: checked against size limits before the
// server accepts them, and compared by a canonical form (key order never matters).

import { JSON_LIMITS } from './limits.ts'

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

// U+0000 cannot be stored in a PostgreSQL text column (SQLite keeps it, so the two stores
// would disagree), and a lone surrogate is not Unicode at all: both drivers write it as
// U+FFFD, so an id would come back changed. Inside JSON values both are escaped and kept.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const UNSTORABLE_TEXT = /[\u0000\uD800-\uDFFF]/u

/** Why `text` cannot be an id or a name as it is (U+0000 or a lone surrogate), or undefined. */
export function unstorableTextProblem(text: string): string | undefined {
  const found = UNSTORABLE_TEXT.exec(text)
  if (!found) return undefined
  return found[0] === '\u0000'
    ? 'Must not contain the character U+0000'
    : 'Must be valid Unicode text (it has half of a character pair)'
}

/**
 * Whether `value` nests deeper than `maxDepth` arrays and objects. Walks without recursion,
 * so a hostile value nested a million deep costs time in proportion to its size and cannot
 * overflow the stack.
 */
export function jsonDepthExceeds(value: unknown, maxDepth: number): boolean {
  // Two stacks side by side, only objects and arrays pushed, no list of values made per object: the server walks
  // every request body, and a pair and a list allocated for each value of a push's hundred changes were about a
  // tenth of all the memory a push allocated (and the garbage collector's time with it).
  const values: object[] = []
  const depths: number[] = []
  const visit = (item: unknown, depth: number) => {
    if (item === null || typeof item !== 'object') return
    values.push(item)
    depths.push(depth)
  }
  visit(value, 0)
  while (values.length > 0) {
    const current = values.pop() as Record<string, unknown>
    const depth = depths.pop() as number
    if (depth >= maxDepth) return true
    if (Array.isArray(current)) for (const item of current as unknown[]) visit(item, depth + 1)
    else for (const key in current) if (Object.hasOwn(current, key)) visit(current[key], depth + 1)
  }
  return false
}

/** The first problem with a value, in plain English, or undefined when it is usable JSON within the limits. */
export function jsonProblem(value: unknown, depth = 0): string | undefined {
  if (value === null || typeof value === 'boolean') return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'Numbers must be finite'
  if (typeof value === 'string') {
    return value.length > JSON_LIMITS.stringChars
      ? `Text must be ${JSON_LIMITS.stringChars.toLocaleString('en-GB')} characters or fewer (it has ${value.length.toLocaleString('en-GB')})`
      : undefined
  }
  if (depth >= JSON_LIMITS.depth) return `Values may be nested at most ${JSON_LIMITS.depth} deep`
  if (Array.isArray(value)) {
    if (value.length > JSON_LIMITS.arrayItems) return `Lists may have at most ${JSON_LIMITS.arrayItems} items`
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1)
      if (problem) return problem
    }
    return undefined
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value)
    if (entries.length > JSON_LIMITS.objectKeys) return `Objects may have at most ${JSON_LIMITS.objectKeys} keys`
    for (const [, item] of entries) {
      const problem = jsonProblem(item, depth + 1)
      if (problem) return problem
    }
    return undefined
  }
  return 'Only JSON values (text, numbers, true/false, null, lists and objects) can be synced'
}

/** JSON with object keys sorted, so equal values give equal strings on every device. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort()
    const parts: string[] = []
    for (const key of keys) {
      const item = (value as Record<string, unknown>)[key]
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`)
    }
    return `{${parts.join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** A plain-data copy: what JSON would carry (undefined becomes null at the top, is dropped inside objects). */
export function toJsonValue(value: unknown): JsonValue {
  const text = JSON.stringify(value) as string | undefined
  return text === undefined ? null : (JSON.parse(text) as JsonValue)
}
