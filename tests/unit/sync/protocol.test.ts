import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MIN_SUPPORTED_PROTOCOL,
  PROTOCOL_VERSION,
  PUSH_MAX_MUTATIONS,
  PullResponseSchema,
  ServerRecordSchema,
  SYNC_ERROR_CODES,
  SYNC_ERROR_MESSAGES,
  checkProtocol,
  fromOutboxEntry,
  isPlainlyValidMutation,
  isPlainlyValidServerRecord,
  MutationSchema,
  parsePullResponse,
  parsePullRequest,
  parsePushRequest,
  splitIntoBatches,
  type Mutation,
  type OutboxEntryLike,
} from '@/shared/sync/protocol'
import { SYNCED_TABLES, declareTables, fieldKind } from '@/shared/sync/tables'
import { at, mutation } from './fixtures'

function goodMutation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mutationId: '01960000-0000-7000-8000-000000000001',
    table: 'actions',
    recordId: 'a1',
    scope: 'ward-7',
    hlc: at(1, 'tablet-a'),
    by: 'Sam',
    fields: { title: { set: 'Order pads', base: at(0, 'z') }, status: { set: 'open' } },
    ...overrides,
  }
}

function push(mutations: unknown[], extra: Record<string, unknown> = {}) {
  return { protocol: PROTOCOL_VERSION, deviceId: 'tablet-a', mutations, ...extra }
}

describe('checkProtocol', () => {
  it.each([
    [PROTOCOL_VERSION, 'ok'],
    [MIN_SUPPORTED_PROTOCOL, 'ok'],
    [MIN_SUPPORTED_PROTOCOL - 1, 'too-old'],
    [PROTOCOL_VERSION + 1, 'too-new'],
    [Number.NaN, 'too-old'],
  ] as const)('version %s is %s', (version, expected) => {
    expect(checkProtocol(version)).toBe(expected)
  })
})

describe('parsePushRequest', () => {
  it('accepts a well-formed push', () => {
    const result = parsePushRequest(
      push([
        goodMutation(),
        goodMutation({ mutationId: '01960000-0000-7000-8000-000000000002', fields: { deleted: { set: true } } }),
      ]),
    )
    expect(result.ok).toBe(true)
  })

  it.each([
    ['an unknown top-level field', push([goodMutation()], { extra: 1 }), 'invalid-payload', ''],
    ['an unknown mutation field', push([goodMutation({ op: 'put' })]), 'invalid-payload', 'mutations.0'],
    [
      'an unknown key in a field operation',
      push([goodMutation({ fields: { status: { set: 'x', when: 1 } } })]),
      'invalid-payload',
      'mutations.0.fields.status',
    ],
    [
      'a field operation that is not set',
      push([goodMutation({ fields: { status: { put: 'x' } } })]),
      'invalid-payload',
      'mutations.0.fields.status',
    ],
    ['no mutations', push([]), 'invalid-payload', 'mutations'],
    [
      'too many mutations',
      push(Array.from({ length: PUSH_MAX_MUTATIONS + 1 }, () => goodMutation())),
      'too-large',
      undefined,
    ],
    [
      'too-long text',
      push([goodMutation({ fields: { title: { set: 'x'.repeat(10_001) } } })]),
      'invalid-payload',
      'mutations.0.fields.title.set',
    ],
    [
      'too-long text deep inside a value',
      push([goodMutation({ fields: { agenda: { set: [{ title: 'y'.repeat(10_001) }] } } })]),
      'invalid-payload',
      'mutations.0.fields.agenda.set',
    ],
    [
      'too many fields',
      push([goodMutation({ fields: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, { set: i }])) })]),
      'invalid-payload',
      'mutations.0.fields',
    ],
    ['no fields', push([goodMutation({ fields: {} })]), 'invalid-payload', 'mutations.0.fields'],
    ['a bad hlc', push([goodMutation({ hlc: '2026-01-01T00:00:00Z' })]), 'invalid-payload', 'mutations.0.hlc'],
    [
      'a bad base',
      push([goodMutation({ fields: { title: { set: 'x', base: 'yesterday' } } })]),
      'invalid-payload',
      'mutations.0.fields.title.base',
    ],
    [
      'a base on a plain field',
      push([goodMutation({ fields: { status: { set: 'x', base: at(0) } } })]),
      'invalid-payload',
      'mutations.0.fields.status',
    ],
    [
      'an increment (no field is a counter)',
      push([goodMutation({ fields: { status: { inc: 1 } } })]),
      'invalid-payload',
      'mutations.0.fields.status',
    ],
    [
      'deleted that is not true/false',
      push([goodMutation({ fields: { deleted: { set: 'yes' } } })]),
      'invalid-payload',
      'mutations.0.fields.deleted',
    ],
    ['an undeclared table', push([goodMutation({ table: 'patients' })]), 'invalid-payload', 'mutations.0.table'],
    [
      'a field named __proto__',
      push([goodMutation({ fields: JSON.parse('{"__proto__":{"set":1}}') })]),
      'invalid-payload',
      'mutations.0.fields.__proto__',
    ],
    [
      'a field named constructor',
      push([goodMutation({ fields: { constructor: { set: 1 } } })]),
      'invalid-payload',
      'mutations.0.fields.constructor',
    ],
    [
      'a mutation id that is not a UUID',
      push([goodMutation({ mutationId: 'm-1' })]),
      'invalid-payload',
      'mutations.0.mutationId',
    ],
    ['an empty scope', push([goodMutation({ scope: '' })]), 'invalid-payload', 'mutations.0.scope'],
    ['no protocol version', { mutations: [goodMutation()] }, 'invalid-payload', 'protocol'],
    [
      'a protocol older than supported',
      push([goodMutation()], { protocol: MIN_SUPPORTED_PROTOCOL - 1 }),
      'protocol-too-old',
      undefined,
    ],
    [
      'a protocol newer than this server',
      push([goodMutation()], { protocol: PROTOCOL_VERSION + 1 }),
      'protocol-too-new',
      undefined,
    ],
    [
      'an old client whose payload no longer parses still hears "update"',
      { protocol: 0, changes: [{ op: 'put' }] },
      'protocol-too-old',
      undefined,
    ],
    ['not an object', 'hello', 'invalid-payload', 'protocol'],
  ])('refuses %s', (_, body, code, path) => {
    const result = parsePushRequest(body)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.error).toBe(code)
    expect(result.error.message).toBe(SYNC_ERROR_MESSAGES[code as keyof typeof SYNC_ERROR_MESSAGES])
    if (path !== undefined) {
      const issues = (result.error.details as { issues: { path: string; message: string }[] }).issues
      expect(issues.map((issue) => issue.path)).toContain(path)
      for (const issue of issues) expect(issue.message.length).toBeGreaterThan(5)
    }
  })

  it.each([
    ['protocol-too-old', 426],
    ['too-large', 413],
    ['invalid-payload', 400],
  ])('answers %s with HTTP %s', (code, status) => {
    const bodies: Record<string, unknown> = {
      'protocol-too-old': push([goodMutation()], { protocol: 0 }),
      'too-large': push(Array.from({ length: PUSH_MAX_MUTATIONS + 1 }, () => goodMutation())),
      'invalid-payload': push([]),
    }
    const result = parsePushRequest(bodies[code])
    expect(result.ok ? 200 : result.status).toBe(status)
  })

  it("every error has a plain-English message that says what happens to the tablet's changes or what to do", () => {
    for (const code of SYNC_ERROR_CODES) expect(SYNC_ERROR_MESSAGES[code]).toMatch(/^[A-Z].*\.$/)
    expect(SYNC_ERROR_MESSAGES['protocol-too-old']).toContain('Tap Update now')
  })
})

describe('parsePullRequest', () => {
  it.each([
    [
      'query-string numbers',
      { protocol: '1', scope: 'ward-7', after: '120', limit: '50' },
      { protocol: 1, scope: 'ward-7', after: 120, limit: 50 },
    ],
    [
      'defaults for cursor and page size',
      { protocol: '1', scope: 'ward-7' },
      { protocol: 1, scope: 'ward-7', after: 0, limit: 500 },
    ],
  ])('accepts %s', (_, query, expected) => {
    expect(parsePullRequest(query)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['a page larger than 1,000', { protocol: '1', scope: 'w', limit: '1001' }, 'invalid-payload'],
    ['a negative cursor', { protocol: '1', scope: 'w', after: '-1' }, 'invalid-payload'],
    ['an unknown parameter', { protocol: '1', scope: 'w', since: '3' }, 'invalid-payload'],
    ['no scope', { protocol: '1' }, 'invalid-payload'],
    ['a newer protocol', { protocol: String(PROTOCOL_VERSION + 1), scope: 'w' }, 'protocol-too-new'],
    ['an older protocol', { protocol: '0', scope: 'w' }, 'protocol-too-old'],
  ])('refuses %s', (_, query, code) => {
    const result = parsePullRequest(query)
    expect(result.ok ? 'ok' : result.error.error).toBe(code)
  })
})

describe('responses are read tolerantly', () => {
  it('a newer server may add fields without breaking this client', () => {
    const body = {
      protocol: 1,
      scope: 'ward-7',
      cursor: 3,
      hasMore: false,
      serverTime: 1,
      shard: 'eu-1',
      records: [
        {
          table: 'actions',
          id: 'a1',
          scope: 'ward-7',
          seq: 3,
          fields: { title: 'x' },
          clocks: { title: at(1) },
          extra: true,
        },
      ],
    }
    const parsed = PullResponseSchema.parse(body)
    expect(parsed.records[0]?.fields.title).toBe('x')
  })
})

describe('fromOutboxEntry', () => {
  const entry: OutboxEntryLike = {
    mutationId: '01960000-0000-7000-8000-000000000001',
    table: 'actions',
    recordId: 'a1',
    unitId: 'ward-7',
    op: 'put',
    fields: {
      title: 'Order pads',
      status: 'open',
      measureId: undefined,
      updatedAt: '2026-01-01T09:00:00.000Z',
      updatedBy: 'Sam',
    },
    at: '2026-01-01T09:00:00.000Z',
    by: 'Sam',
  }

  it.each([
    [
      'every field becomes a set; undefined becomes null; no base without a previous clock',
      {},
      { title: { set: 'Order pads' } },
    ],
    [
      'a text field carries the base it was edited from',
      { title: at(0, 'z') },
      { title: { set: 'Order pads', base: at(0, 'z') } },
    ],
    ['a base for a plain field is ignored', { status: at(0, 'z') }, { title: { set: 'Order pads' } }],
  ])('%s', (_, bases, expectedTitle) => {
    const m = fromOutboxEntry(entry, at(5, 'tablet-a'), bases)
    expect(m).toEqual({
      mutationId: entry.mutationId,
      table: 'actions',
      recordId: 'a1',
      scope: 'ward-7',
      hlc: at(5, 'tablet-a'),
      by: 'Sam',
      fields: {
        ...expectedTitle,
        status: { set: 'open' },
        measureId: { set: null },
        updatedAt: { set: entry.at },
        updatedBy: { set: 'Sam' },
      },
    })
    expect(parsePushRequest(push([m])).ok).toBe(true)
  })
})

describe('splitIntoBatches', () => {
  const many = (n: number, size = 10): Mutation[] =>
    Array.from({ length: n }, (_, i) => mutation(at(i), { title: { set: 'x'.repeat(size) } }))
  it.each([
    ['nothing to send', 0, 10, Number.POSITIVE_INFINITY, []],
    ['one batch', 3, 10, Number.POSITIVE_INFINITY, [3]],
    ['at most 500 per batch', 1_201, 10, Number.POSITIVE_INFINITY, [500, 500, 201]],
    ['kept under the byte limit', 5, 1_000, 2_500, [2, 2, 1]],
    ['a single oversized mutation still goes alone', 2, 5_000, 1_000, [1, 1]],
  ])('%s', (_, count, size, maxBytes, expected) => {
    const mutations = many(count, size)
    const batches = splitIntoBatches(mutations, maxBytes)
    expect(batches.map((b) => b.length)).toEqual(expected)
    expect(batches.flat()).toEqual(mutations)
  })
})

describe('table declarations', () => {
  it.each([
    ['actions', 'title', 'text'],
    ['entries', 'comment', 'text'],
    ['measures', 'description', 'text'],
    ['huddles', 'notes', 'text'],
    ['huddles', 'attendance', 'value'],
    ['boards', 'deleted', 'deleted'],
  ])('%s.%s merges as %s', (table, field, kind) => {
    expect(fieldKind(SYNCED_TABLES, table, field)).toBe(kind)
  })

  it.each([
    ['a field declared twice', { t: { textFields: ['x', 'x'] } }, 'declared twice'],
    ['the tombstone as text', { t: { textFields: ['deleted'] } }, 'cannot be declared'],
    ['an inherited property name', { t: { textFields: ['toString'] } }, 'cannot be declared'],
  ])('refuses %s', (_, tables, message) => {
    expect(() => declareTables(tables)).toThrow(message)
  })

  it('an undeclared table is a programming error', () => {
    expect(() => fieldKind(SYNCED_TABLES, 'patients', 'name')).toThrow('not a synced table')
  })
})

describe('hostile input', () => {
  it('parsePushRequest answers every JSON body without throwing', () => {
    const valid = goodMutation()
    const mutated = fc
      .record({
        key: fc.constantFrom(
          ...Object.keys(valid),
          'fields.title',
          'fields.status',
          'fields.__proto__',
          'fields.constructor',
        ),
        value: fc.jsonValue({ maxDepth: 3 }),
      })
      .map(({ key, value }) => {
        const copy = structuredClone(valid) as Record<string, unknown>
        const [head, tail] = key.split('.') as [string, string | undefined]
        if (tail === undefined) copy[head] = value
        else Object.defineProperty(copy.fields as object, tail, { value, enumerable: true })
        return copy
      })
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutated),
        fc.constantFrom(0, 1, 2),
        (mutationLike, protocol) => {
          const result = parsePushRequest({ protocol, mutations: [mutationLike] })
          expect(typeof result.ok).toBe('boolean')
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe("the server's fast check of a change", () => {
  const good = () => ({
    mutationId: '3b241101-e2bb-4255-8caf-4136c566a962',
    table: 'actions',
    recordId: 'a-1',
    scope: 'ward-7',
    hlc: '1764115200000:000000:tablet-a',
    by: 'Sam',
    fields: { title: { set: 'Order gloves', base: '1764115100000:000000:tablet-b' }, status: { set: 'open' } },
  })

  it('accepts a well-formed change as it is, so zod is not needed for it', () => {
    expect(isPlainlyValidMutation(good())).toBe(true)
    expect(isPlainlyValidMutation({ ...good(), partial: true })).toBe(true)
  })

  /** The change's fields, or a throwaway object once an earlier break replaced them with something else. */
  const fieldsOf = (m: Record<string, unknown>) =>
    (typeof m.fields === 'object' && m.fields !== null ? m.fields : {}) as Record<string, unknown>
  // Each a small way to break a change; the fast check must never let through what the schema refuses.
  const breakers: ((m: Record<string, unknown>) => void)[] = [
    (m) => (m.mutationId = 'not-a-uuid'),
    (m) => (m.mutationId = '3B241101-E2BB-4255-8CAF-4136C566A962'),
    (m) => (m.mutationId = '00000000-0000-0000-0000-000000000000'),
    (m) => (m.table = 'nonsense'),
    (m) => (m.table = ''),
    (m) => (m.recordId = 'x'.repeat(300)),
    (m) => (m.recordId = 'a\u0000b'),
    (m) => (m.scope = '\ud800'),
    (m) => (m.hlc = '12:34'),
    (m) => (m.by = 'x'.repeat(300)),
    (m) => (m.by = ''),
    (m) => delete m.by,
    (m) => (m.partial = false),
    (m) => (m.extra = 1),
    (m) => (m.fields = {}),
    (m) => (m.fields = []),
    (m) => (m.fields = null),
    (m) => (fieldsOf(m).__proto__ = { set: 1 }),
    (m) => (fieldsOf(m)['bad name'] = { set: 1 }),
    (m) => (fieldsOf(m).status = { set: 'open', base: '1764115100000:000000:tablet-b' }),
    (m) => (fieldsOf(m).status = { value: 'open' }),
    (m) => (fieldsOf(m).status = { set: 'open', extra: 1 }),
    (m) => (fieldsOf(m).status = {}),
    (m) => (fieldsOf(m).deleted = { set: 'yes' }),
    (m) => (fieldsOf(m).deleted = { set: true }),
    (m) => (fieldsOf(m).title = { set: 'x', base: 'nonsense' }),
    (m) => (fieldsOf(m).title = { set: 'x'.repeat(20_000) }),
    (m) => (fieldsOf(m).title = { set: Number.NaN }),
    (m) => {
      let deep: unknown = 1
      for (let i = 0; i < 40; i++) deep = [deep]
      fieldsOf(m).title = { set: deep }
    },
    (m) => {
      const fields: Record<string, unknown> = {}
      for (let i = 0; i < 70; i++) fields[`f${i}`] = { set: i }
      m.fields = fields
    },
  ]

  it('never accepts a change the schema refuses, and accepts it unchanged when it does (any mix of breaks)', () => {
    fc.assert(
      fc.property(fc.subarray(breakers.map((_, i) => i)), (chosen) => {
        const raw = good() as Record<string, unknown>
        for (const i of chosen) breakers[i]!(raw)
        // Through JSON, as a push body arrives.
        const arrived = JSON.parse(JSON.stringify(raw)) as unknown
        if (isPlainlyValidMutation(arrived)) {
          const parsed = MutationSchema.safeParse(arrived)
          expect(parsed.success).toBe(true)
          expect(parsed.data).toEqual(arrived)
        }
      }),
      { numRuns: 2_000 },
    )
  })

  it('leaves the verdict on each broken change to the schema', () => {
    for (const breakIt of breakers) {
      const raw = good() as Record<string, unknown>
      breakIt(raw)
      const arrived = JSON.parse(JSON.stringify(raw)) as unknown
      if (!MutationSchema.safeParse(arrived).success) expect(isPlainlyValidMutation(arrived)).toBe(false)
    }
  })
})

describe("the tablet's fast check of a pulled record", () => {
  const good = (): Record<string, unknown> => ({
    table: 'entries',
    id: 'measure-1:2026-11-26',
    scope: 'ward-7',
    seq: 42,
    fields: { measureId: 'measure-1', day: '2026-11-26', value: 3, comment: 'Checked', tags: ['a', { b: null }] },
    clocks: { measureId: '1764115200000:000000:tablet-a', value: '1764115200001:000000:tablet-b' },
    origins: { comment: { base: '1764115200000:000000:tablet-a,1764115200001:000000:tablet-b', by: 'Sam' } },
  })
  const fieldsOf = (r: Record<string, unknown>) =>
    (typeof r.fields === 'object' && r.fields !== null ? r.fields : {}) as Record<string, unknown>
  const clocksOf = (r: Record<string, unknown>) =>
    (typeof r.clocks === 'object' && r.clocks !== null ? r.clocks : {}) as Record<string, unknown>
  const originsOf = (r: Record<string, unknown>) =>
    (typeof r.origins === 'object' && r.origins !== null ? r.origins : {}) as Record<string, unknown>
  const commentOrigin = (r: Record<string, unknown>) => {
    const origin = originsOf(r).comment
    return (typeof origin === 'object' && origin !== null ? origin : {}) as Record<string, unknown>
  }
  // Each a small way to break a record (or to give it what zod would change); the fast check must never let through
  // what the schema refuses, nor take as it is what the schema would give back changed.
  const breakers: ((r: Record<string, unknown>) => void)[] = [
    (r) => (r.table = ''),
    (r) => (r.id = 'x'.repeat(300)),
    (r) => (r.id = 'a\u0000b'),
    (r) => (r.scope = '\ud800'),
    (r) => (r.scope = 7),
    (r) => (r.seq = -1),
    (r) => (r.seq = 1.5),
    (r) => (r.seq = 2 ** 53),
    (r) => (r.seq = '42'),
    (r) => delete r.seq,
    (r) => (r.extra = 1),
    (r) => (r.origins = { comment: { by: 'Sam' } }),
    (r) => delete r.origins,
    (r) => (r.origins = []),
    (r) => (r.origins = null),
    (r) => (r.origins = { comment: 'Sam' }),
    (r) => (r.origins = { comment: {} }),
    (r) => (originsOf(r).__proto__ = { by: 'Sam' }),
    (r) => (commentOrigin(r).base = 'not a stamp'),
    (r) => (commentOrigin(r).base = 5),
    (r) =>
      (commentOrigin(r).base = Array.from(
        { length: 33 },
        (_, i) => `17641152${String(i).padStart(5, '0')}:000000:t${i}`,
      ).join(',')),
    (r) => delete commentOrigin(r).base,
    (r) => (commentOrigin(r).by = 7),
    (r) => delete commentOrigin(r).by,
    (r) => (commentOrigin(r).extra = 1),
    (r) => (r.conflicts = {}),
    (r) => (r.fields = []),
    (r) => (r.fields = null),
    (r) => (r.clocks = 'x'),
    (r) => (fieldsOf(r).__proto__ = 1),
    (r) => (fieldsOf(r).comment = 'x'.repeat(20_000)),
    (r) => (fieldsOf(r).value = Number.POSITIVE_INFINITY),
    (r) => {
      let deep: unknown = 1
      for (let i = 0; i < 40; i++) deep = [deep]
      fieldsOf(r).deep = deep
    },
    (r) => (clocksOf(r).value = '12:34'),
    (r) => (clocksOf(r).value = 5),
    (r) => (clocksOf(r).__proto__ = '1764115200000:000000:tablet-a'),
  ]

  it('accepts a well-formed record as it is', () => {
    expect(isPlainlyValidServerRecord(JSON.parse(JSON.stringify(good())))).toBe(true)
  })

  it('never accepts a record the schema refuses, and accepts it unchanged when it does (any mix of breaks)', () => {
    fc.assert(
      fc.property(fc.subarray(breakers.map((_, i) => i)), (chosen) => {
        const raw = good()
        for (const i of chosen) breakers[i]!(raw)
        // Through JSON, as a pull page arrives.
        const arrived = JSON.parse(JSON.stringify(raw)) as unknown
        if (isPlainlyValidServerRecord(arrived)) {
          const parsed = ServerRecordSchema.safeParse(arrived)
          expect(parsed.success).toBe(true)
          expect(parsed.data).toEqual(arrived)
        }
      }),
      { numRuns: 2_000 },
    )
  })

  it('reads a page exactly as the schema does, whatever its records', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray(breakers.map((_, i) => i)), { maxLength: 4 }), (pages) => {
        const records = pages.map((chosen) => {
          const raw = good()
          for (const i of chosen) breakers[i]!(raw)
          return raw
        })
        const body = JSON.parse(
          JSON.stringify({
            protocol: 3,
            scope: 'ward-7',
            records,
            cursor: 42,
            hasMore: false,
            serverTime: 1,
            later: 1,
          }),
        ) as unknown
        const zod = PullResponseSchema.safeParse(body)
        expect(parsePullResponse(body)).toEqual(zod.success ? zod.data : undefined)
      }),
      { numRuns: 500 },
    )
  })
})
