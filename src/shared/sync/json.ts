// JSON values as they travel and are stored: checked against size limits before the
// server accepts them, and compared by a canonical form (key order never matters).

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export const JSON_LIMITS = {
  /** Longest string anywhere in a value (notes, comments, titles are far shorter). */
  stringChars: 10_000,
  arrayItems: 1_000,
  objectKeys: 200,
  depth: 10,
} as const

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

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

/** A plain-data copy: what JSON would carry (undefined becomes null at the top, is dropped inside objects). */
export function toJsonValue(value: unknown): JsonValue {
  const text = JSON.stringify(value) as string | undefined
  return text === undefined ? null : (JSON.parse(text) as JsonValue)
}
