// One record must not grow without bound: a device sending thousands of text edits that saw
// nothing once made one action 32 MB with 3,600 versions, which every tablet of the ward
// then downloaded. And the building blocks that keep unstorable text and deep values out.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonDepthExceeds, unstorableTextProblem } from '@/shared/sync/json'
import { RECORD_LIMITS } from '@/shared/sync/limits'
import { applyMutation, mergeRecords } from '@/shared/sync/merge'
import type { Mutation, SyncRecord } from '@/shared/sync/protocol'
import { RecordLimitError, liveVersions, recordBytes, recordBytesBound, textBase } from '@/shared/sync/text'
import { TEST_TABLES, at, mutation, textEdit } from './fixtures'

function applyAll(mutations: readonly Mutation[], start?: SyncRecord): SyncRecord | undefined {
  return mutations.reduce<SyncRecord | undefined>(
    (record, next) => applyMutation(record, next, TEST_TABLES).record,
    start,
  )
}

const longText = (char: string) => char.repeat(10_000)

describe('versions of one text field', () => {
  it('keeps at most the newest textVersionsPerField versions, however many edits saw nothing', () => {
    // 12 pushes of 300 edits from 300 "devices", none with a base: 3,600 versions once.
    const edits = Array.from({ length: 3_600 }, (_, i) => textEdit('title', `version ${i}`, at(i, `n${i % 300}`)))
    const record = applyAll(edits) as SyncRecord
    const versions = liveVersions(record, 'title')
    expect(versions).toHaveLength(RECORD_LIMITS.textVersionsPerField)
    expect(versions.map((version) => version.value)).toEqual(
      Array.from({ length: RECORD_LIMITS.textVersionsPerField }, (_, i) => `version ${3_600 - 10 + i}`),
    )
    // The field still shows what last-writer-wins would show.
    expect(record.fields.title).toBe('version 3599')
  })

  it('stays within the byte limit when every version is as long as text may be', () => {
    const edits = Array.from({ length: 200 }, (_, i) => textEdit('body', longText('é'), at(i, `n${i}`)))
    const record = applyAll(edits) as SyncRecord
    expect(recordBytes(record)).toBeLessThanOrEqual(RECORD_LIMITS.recordBytes)
    expect(liveVersions(record, 'body').at(-1)?.hlc).toBe(at(199, 'n199'))
  })

  it('drops the oldest versions across fields first when a record is over the byte limit', () => {
    // Two fields with 10 versions each of 10,000 three-byte characters: ~600 KB before trimming.
    const edits = Array.from({ length: 20 }, (_, i) =>
      textEdit(i % 2 ? 'title' : 'body', longText('€'), at(i, `n${i}`)),
    )
    const record = applyAll(edits) as SyncRecord
    expect(recordBytes(record)).toBeLessThanOrEqual(RECORD_LIMITS.recordBytes)
    const kept = [...liveVersions(record, 'title'), ...liveVersions(record, 'body')].map((version) => version.hlc)
    // Only the oldest went, and each field still shows its newest version.
    const dropped = edits.map((edit) => edit.hlc).filter((hlc) => !kept.includes(hlc))
    expect(dropped.length).toBeGreaterThan(0)
    expect([...dropped].sort()).toEqual(
      edits
        .map((edit) => edit.hlc)
        .sort()
        .slice(0, dropped.length),
    )
    expect(record.clocks.title).toBe(at(19, 'n19'))
    expect(record.clocks.body).toBe(at(18, 'n18'))
  })

  it('below the limit, versions still do not depend on arrival order and an informed edit resolves them', () => {
    const a = textEdit('title', 'A', at(10, 'a'))
    const b = textEdit('title', 'B', at(20, 'b'))
    const one = applyAll([a, b]) as SyncRecord
    const other = applyAll([b, a]) as SyncRecord
    expect(one).toEqual(other)
    expect(mergeRecords(one, other, TEST_TABLES)).toEqual(one)
    const resolved = applyAll([textEdit('title', 'A', at(30, 'c'), textBase(one, 'title'))], one) as SyncRecord
    expect(liveVersions(resolved, 'title')).toHaveLength(1)
  })
})

describe('fields and bytes per record', () => {
  it('refuses the change that would give a record more than fieldsPerRecord fields, and keeps the record as it was', () => {
    const fields = (from: number, count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${from + i}`, { set: i }]))
    const full = applyAll([
      mutation(at(1), fields(0, 60)),
      mutation(at(2), fields(60, RECORD_LIMITS.fieldsPerRecord - 60)),
    ]) as SyncRecord
    expect(Object.keys(full.fields)).toHaveLength(RECORD_LIMITS.fieldsPerRecord)
    const snapshot = structuredClone(full)
    expect(() => applyMutation(full, mutation(at(3), { extra: { set: 1 } }), TEST_TABLES)).toThrow(RecordLimitError)
    expect(full).toEqual(snapshot)
    // Changing fields it already has is still fine.
    expect(applyMutation(full, mutation(at(4), { f0: { set: 'new' } }), TEST_TABLES).changed).toBe(true)
  })

  it('refuses a change whose values alone are over the byte limit, with a message that says so', () => {
    const big = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, { set: longText('€') }]))
    expect(() => applyMutation(undefined, mutation(at(1), big), TEST_TABLES)).toThrow(/at most 512 KB/)
    try {
      applyMutation(undefined, mutation(at(1), big), TEST_TABLES)
    } catch (error) {
      expect(error).toBeInstanceOf(RecordLimitError)
      expect((error as RecordLimitError).statusCode).toBe(400)
    }
  })
})

describe('the size bound that spares most merges serialising the record', () => {
  /** The record's stored JSON in UTF-8 bytes, counted by encoding it. */
  const exactBytes = ({ fields, clocks, origins, conflicts }: SyncRecord) =>
    Buffer.byteLength(JSON.stringify({ fields, clocks, origins, conflicts }))
  // Any text: lone surrogates and control characters are escaped to six bytes each, others take up to four.
  const anyText = fc.string({ unit: 'binary', maxLength: 40 })
  const anyValue = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' })
  const anyRecord = fc.record({
    fields: fc.dictionary(anyText, anyValue, { maxKeys: 6 }),
    clocks: fc.dictionary(anyText, anyText, { maxKeys: 6 }),
    origins: fc.option(fc.dictionary(anyText, fc.record({ base: anyText, by: anyText }), { maxKeys: 3 }), {
      nil: undefined,
    }),
    conflicts: fc.option(
      fc.dictionary(anyText, fc.array(fc.record({ value: anyValue, hlc: anyText, by: anyText }), { maxLength: 3 })),
      { nil: undefined },
    ),
  })

  it('is never below the bytes of the record, nor below recordBytes', () => {
    fc.assert(
      fc.property(anyRecord, (parts) => {
        const record = { table: 'actions', id: 'a1', scope: 'ward-7', ...parts } as SyncRecord
        if (record.origins === undefined) delete record.origins
        if (record.conflicts === undefined) delete record.conflicts
        const bound = recordBytesBound(record, Infinity)
        expect(bound).toBeGreaterThanOrEqual(exactBytes(record))
        expect(bound).toBeGreaterThanOrEqual(recordBytes(record))
      }),
      { numRuns: 2_000 },
    )
  })

  it.each([
    ['characters escaped to six bytes', { note: '\u0001\ud800'.repeat(500) }],
    ['numbers of the longest form', { list: Array.from({ length: 500 }, () => -2.2250738585072014e-308) }],
    [
      'values with a JSON form of their own',
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`d${i}`, new Date(0)])),
    ],
  ])('counts %s at their full size', (_what, fields) => {
    const record = { table: 'actions', id: 'a1', scope: 'ward-7', fields, clocks: {} } as unknown as SyncRecord
    expect(recordBytesBound(record, Infinity)).toBeGreaterThanOrEqual(exactBytes(record))
  })

  it('leaves a record it overstates to its exact size: ten versions of 9,000 characters are all kept', () => {
    // Bounded at about 540 KB, over the limit; they take about 90 KB.
    const edits = Array.from({ length: 10 }, (_, i) => textEdit('body', 'a'.repeat(9_000), at(i, `n${i}`)))
    const record = applyAll(edits) as SyncRecord
    expect(recordBytesBound(record)).toBeGreaterThan(RECORD_LIMITS.recordBytes)
    expect(liveVersions(record, 'body')).toHaveLength(10)
  })
})

describe('storable text (ids and names)', () => {
  it.each([
    ['plain text', 'Ward 7', undefined],
    ['accents and emoji (a whole surrogate pair)', 'Café 😀', undefined],
    ['U+0000', 'a\u0000b', 'Must not contain the character U+0000'],
    ['a lone high surrogate', 'a\uD83D', 'Must be valid Unicode text (it has half of a character pair)'],
    ['a lone low surrogate', '\uDE00b', 'Must be valid Unicode text (it has half of a character pair)'],
    [
      'a low surrogate before a high one',
      '\uDE00\uD83D',
      'Must be valid Unicode text (it has half of a character pair)',
    ],
  ])('%s', (_what, text, problem) => {
    expect(unstorableTextProblem(text)).toBe(problem)
  })
})

describe('jsonDepthExceeds', () => {
  const nest = (depth: number): unknown => {
    let value: unknown = 1
    for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value]
    return value
  }

  it.each([
    [0, 1, false],
    [3, 3, false],
    [4, 3, true],
    [32, 32, false],
    [33, 32, true],
  ])('a value nested %i deep with a limit of %i: %s', (depth, limit, exceeds) => {
    expect(jsonDepthExceeds(nest(depth), limit)).toBe(exceeds)
  })

  it('walks a value nested a million deep without overflowing the stack', () => {
    expect(jsonDepthExceeds(nest(1_000_000), 32)).toBe(true)
  })
})
