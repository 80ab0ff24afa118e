// Hostile values and the ways a request can be malformed: what the fuzzer draws from.
import type { Random } from './random.ts'

const deep = (depth: number): unknown => {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
  return value
}

/** Texts that have broken servers: unstorable characters, injections, sizes at and past every limit. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'a\uDFFFb',
  '\uDE00\uD83D',
  '😀',
  '😀'.repeat(5_000),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(10_000),
  'x'.repeat(10_001),
  '<script>alert(1)</script>',
  "'; drop table records; --",
  '" or 1=1 --',
  '../../../../etc/passwd',
  '%00',
  '%ED%A0%80',
  '\r\nSet-Cookie: x=1',
  'NaN',
  '1e309',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'null',
  '\u202Eevil',
  '\u200B',
  'ß',
  'Ward 7',
  '01960000-0000-7000-8000-000000000001',
  '1767225600000:000000:tablet',
  '9999999999999:999999:x',
  '1767225600000:000000:',
  '=cmd|"/c calc"!A1',
]

const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  5e-324,
  1_000_000_001,
  -1_000_000_001,
  65535,
  65536,
]

/** JSON texts for values JavaScript objects cannot express directly (own __proto__ keys). */
const HOSTILE_JSON_TEXTS: readonly string[] = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":{"__proto__":{"polluted":true}}}',
]

export function hostileValue(random: Random): unknown {
  switch (random.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return random.pick(HOSTILE_STRINGS)
    case 3:
      return random.pick(HOSTILE_NUMBERS)
    case 4:
      return random.pick([null, true, false, [], {}, [null], { '': '' }])
    case 5:
      return deep(random.pick([5, 9, 10, 11, 31, 33, 200]))
    case 6:
      return Array.from({ length: random.pick([999, 1_000, 1_001]) }, (_, i) => i)
    case 7:
      return Object.fromEntries(Array.from({ length: random.pick([199, 200, 201]) }, (_, i) => [`k${i}`, i]))
    case 8:
      return JSON.parse(random.pick(HOSTILE_JSON_TEXTS)) as unknown
    default:
      return {
        nested: random.pick(HOSTILE_STRINGS),
        list: [random.pick(HOSTILE_NUMBERS), random.pick(HOSTILE_STRINGS)],
      }
  }
}

/** Request bodies that are not what JSON.stringify makes: broken, huge, deep, or another format. */
export function hostileRawBody(random: Random): { body: string; contentType: string } {
  const json = 'application/json'
  switch (random.int(0, 11)) {
    case 0:
      return { body: '{', contentType: json }
    case 1:
      return { body: '{"protocol":1,"mutations":[', contentType: json }
    case 2:
      return { body: '\uFEFF{"protocol":1,"mutations":[]}', contentType: json }
    case 3:
      return { body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, contentType: json }
    case 4:
      return { body: `{"protocol":${'['.repeat(10_000)}1${']'.repeat(10_000)},"mutations":[]}`, contentType: json }
    case 5:
      return { body: 'null', contentType: json }
    case 6:
      return { body: '"just a string"', contentType: json }
    case 7:
      return { body: '{"protocol":1,"mutations":[]}', contentType: 'text/plain' }
    case 8:
      return { body: 'protocol=1&mutations=x', contentType: 'application/x-www-form-urlencoded' }
    case 9:
      return { body: '{"protocol":1,"protocol":2,"mutations":[]}', contentType: json }
    case 10:
      return { body: '{"protocol":1e999,"mutations":[]}', contentType: 'application/json; charset=utf-16' }
    default:
      return {
        body: `{"protocol":1,"mutations":[],"pad":"${'x'.repeat(random.pick([100, 20_000, 5_000_000]))}"}`,
        contentType: json,
      }
  }
}

/** Query-string values, already percent-encoded where that is the point. */
export const HOSTILE_QUERY_VALUES: readonly string[] = [
  '',
  '0',
  '-1',
  '1.5',
  '1e999',
  '99999999999999999999',
  'NaN',
  'abc',
  '%00',
  '%ED%A0%80',
  '%FF',
  '%',
  '%zz',
  'a%00b',
  encodeURIComponent('x'.repeat(300)),
  encodeURIComponent('😀'),
  encodeURIComponent('__proto__'),
  encodeURIComponent('[object Object]'),
  '%5B%5D',
]

/**
 * Percent-encodes any string, including lone surrogates (which encodeURIComponent refuses):
 * those become the three bytes UTF-8 would give the code unit, which no decoder accepts.
 */
export function encodeAnything(text: string): string {
  let out = ''
  for (const char of text) {
    const unit = char.charCodeAt(0)
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
      out += bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('')
    } else out += encodeURIComponent(char)
  }
  return out
}
