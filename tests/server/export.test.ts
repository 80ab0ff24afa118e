// The analysts' export: what a device or admin caller may read (never another ward's
// measures), the SPC columns worked out by the shared engine, JSON pages and CSV.
import { describe, expect, it } from 'vitest'
import { revokeDevice } from '../../server/devices/devices.ts'
import { CSV_COLUMNS, type ExportedMeasure } from '../../server/export/measureExport.ts'
import type { FieldOp, Mutation } from '../../src/shared/sync/protocol.ts'
import { addDays } from '../../src/domain/dates.ts'
import { BACKENDS } from './backends.ts'
import { adminTokenFor, bearer, caller, enrolTablet, makeOrg, type TestOrg } from './devices.fixtures.ts'
import { mutation, pushBody } from './fixtures.ts'
import { useTestServer } from './hooks.ts'

const set = (fields: Record<string, unknown>): Record<string, FieldOp> =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, { set: v as FieldOp extends { set: infer S } ? S : never }]),
  )

/** Falls on a ward: 20 ordinary days (5, 6, 5, 6 …) and then a day of 30. */
const FALLS_DAYS = [...Array.from({ length: 20 }, (_, i) => 5 + (i % 2)), 30]
const FIRST_DAY = '2026-01-05'

function measureMutations(scope: string, id: string, name: string, values: readonly number[], extra = {}): Mutation[] {
  const boardId = `board-${id}`
  return [
    mutation(scope, boardId, set({ name: `${name} board` }), { table: 'boards' }),
    mutation(
      scope,
      id,
      set({ boardId, name, type: 'count', unit: 'falls', direction: 'lower', target: 2, archived: false, ...extra }),
      { table: 'measures' },
    ),
    ...values.map((value, i) => {
      const day = addDays(FIRST_DAY, i)
      return mutation(scope, `${id}:${day}`, set({ measureId: id, boardId, day, value, comment: '' }), {
        table: 'entries',
      })
    }),
  ]
}

describe.each(BACKENDS)('the measures export on %s', (backend) => {
  const running = useTestServer(backend, { devices: {} })
  const db = () => running().test.db
  const app = () => running().server.app
  let token: string | undefined
  const call = caller(app, () => token)
  let org: TestOrg
  let adminToken: string
  let unitToken: string
  let ids: { falls: string; lounge: string; elsewhere: string; underscore: string; lookalike: string }

  async function setUp() {
    if (org) return
    org = await makeOrg(db())
    adminToken = await adminTokenFor(db())
    const office = await enrolTablet(db(), 'trust', org.trust.id)
    unitToken = (await enrolTablet(db(), 'unit', org.unitA.id)).token
    const n = Math.random().toString(36).slice(2, 8)
    ids = {
      falls: `falls-${n}`,
      lounge: `lounge-${n}`,
      elsewhere: `else-${n}`,
      // "_" is a LIKE wildcard: m_1's values must never pick up mX1's.
      underscore: `m_1-${n}`,
      lookalike: `mX1-${n}`,
    }
    const mutations = [
      ...measureMutations(org.unitA.id, ids.falls, 'Falls', FALLS_DAYS),
      ...measureMutations(org.unitA.id, ids.underscore, 'Pressure ulcers', [1, 2]),
      ...measureMutations(org.unitA.id, ids.lookalike, 'Lookalike', [9, 9, 9]),
      ...measureMutations(org.unitB.id, ids.lounge, 'Lounge waits', [3, 4, 3]),
      ...measureMutations(org.elsewhere.id, ids.elsewhere, 'Secret surgery measure', [7, 8]),
      mutation(org.unitA.id, 'deleted-measure', set({ name: 'Gone', type: 'count', deleted: true }), {
        table: 'measures',
      }),
    ]
    token = office.token
    const pushed = await call('POST', '/api/sync/push', pushBody(mutations))
    expect(pushed.status).toBe(200)
  }

  const json = async (query: string) => {
    const res = await call('GET', `/api/export/measures?${query}`)
    return { status: res.status, body: res.body as { measures: ExportedMeasure[]; next: string | null } }
  }
  const csv = async (query: string) => {
    const res = await app().inject({
      method: 'GET',
      url: `/api/export/measures?format=csv&${query}`,
      headers: token ? bearer(token) : {},
    })
    return res
  }

  it("gives a ward device its own ward's measures only, and refuses another ward's scope", async () => {
    await setUp()
    token = unitToken
    const { status, body } = await json('limit=200')
    expect(status).toBe(200)
    expect(body.measures.map((m) => m.id).sort()).toEqual([ids.falls, ids.lookalike, ids.underscore].sort())
    expect(body.measures.every((m) => m.scope === org.unitA.id)).toBe(true)

    for (const scope of [org.unitB.id, org.elsewhere.id, org.csu.id, org.trust.id]) {
      expect((await json(`scope=${encodeURIComponent(scope)}`)).status).toBe(403)
      expect((await csv(`scope=${encodeURIComponent(scope)}`)).statusCode).toBe(403)
    }
    // Asking for its own scope and another's at once is refused whole.
    expect((await json(`scope=${org.unitA.id}&scope=${org.unitB.id}`)).status).toBe(403)

    const text = (await csv('')).body
    expect(text).not.toContain('Secret surgery measure')
    expect(text).not.toContain(ids.lounge)
    expect(text).toContain('Falls')
  })

  it("gives a CSU device its CSU's units and nothing of another CSU", async () => {
    await setUp()
    token = (await enrolTablet(db(), 'csu', org.csu.id)).token
    const ours = (await json('limit=200')).body.measures.map((m) => m.id)
    expect(ours).toEqual(expect.arrayContaining([ids.falls, ids.lounge]))
    expect(ours).not.toContain(ids.elsewhere)
    expect((await json(`scope=${org.elsewhere.id}`)).status).toBe(403)
  })

  it('gives the admin caller every scope, or the ones it names', async () => {
    await setUp()
    token = adminToken
    const all = await json('limit=200')
    expect(all.status).toBe(200)
    const mine = Object.values(ids)
    expect(
      all.body.measures
        .map((m) => m.id)
        .filter((id) => mine.includes(id))
        .sort(),
    ).toEqual([...mine].sort())
    expect(all.body.measures.map((m) => m.id)).not.toContain('deleted-measure')
    const one = await json(`scope=${org.elsewhere.id}`)
    expect(one.body.measures.map((m) => m.id)).toEqual([ids.elsewhere])
    expect(one.body.measures[0]).toMatchObject({
      scopeKind: 'unit',
      scopeName: org.elsewhere.name,
      trust: org.trust.name,
    })
  })

  it('refuses callers without a valid token, and a revoked device from its next request', async () => {
    await setUp()
    token = undefined
    expect((await json('')).status).toBe(401)
    token = 'not-a-token'
    expect((await json('')).status).toBe(401)
    const revoked = await enrolTablet(db(), 'unit', org.unitA.id)
    token = revoked.token
    expect((await json('')).status).toBe(200)
    await revokeDevice(db(), revoked.deviceId)
    expect((await json('')).status).toBe(403)
  })

  it('carries the SPC verdict of each day: limits, special causes and the icons', async () => {
    await setUp()
    token = unitToken
    const { body } = await json(`scope=${org.unitA.id}&limit=200`)
    const falls = body.measures.find((m) => m.id === ids.falls)!
    expect(falls).toMatchObject({
      name: 'Falls',
      board: 'Falls board',
      period: 'day',
      from: FIRST_DAY,
      to: addDays(FIRST_DAY, 20),
      variationIcon: 'concern-high',
      assuranceIcon: 'hit-and-miss',
      problem: null,
    })
    expect(falls.points).toHaveLength(21)
    const last = falls.points.at(-1)!
    expect(last).toMatchObject({ value: 30, variation: 'concern', side: 'high', start: last.end })
    expect(last.specialCause).toContain('beyond-limit')
    expect(last.upperLimit!).toBeLessThan(30)
    // The day of 30 lifts the mean above every other day: 20 days below it are a shift,
    // an improvement for a measure where lower is better.
    expect(falls.points[0]).toMatchObject({ specialCause: ['shift'], variation: 'improvement', side: 'low' })

    // Values belong to their own measure, even when an id holds a LIKE wildcard.
    expect(body.measures.find((m) => m.id === ids.underscore)!.points.map((p) => p.value)).toEqual([1, 2])
  })

  it("uses the measure's fixed baseline for its limits, as the ward's chart does", async () => {
    await setUp()
    const fixedId = `${ids.falls}-fixed`
    const fixedMeasure = measureMutations(org.unitA.id, fixedId, 'Falls, limits fixed', FALLS_DAYS, {
      baseline: { kind: 'points', points: 13 },
    })
    token = unitToken
    expect((await call('POST', '/api/sync/push', pushBody(fixedMeasure))).status).toBe(200)
    try {
      const { body } = await json(`scope=${org.unitA.id}&limit=200`)
      const fixed = body.measures.find((m) => m.id === fixedId)!
      const moving = body.measures.find((m) => m.id === ids.falls)!
      // The first 13 days (seven 5s, six 6s) set the limits: mean 71/13, every moving range 1.
      expect(fixed.points.at(-1)!.upperLimit!).toBeCloseTo(71 / 13 + 2.66, 6)
      expect(moving.points.at(-1)!.upperLimit!).not.toBeCloseTo(71 / 13 + 2.66, 2)
    } finally {
      // Other tests list the ward's measures exactly: take this one away again.
      const gone = mutation(org.unitA.id, fixedId, set({ deleted: true }), { table: 'measures' })
      expect((await call('POST', '/api/sync/push', pushBody([gone]))).status).toBe(200)
    }
  })

  it('groups by ISO week and by month with their first and last days, within the dates asked for', async () => {
    await setUp()
    token = unitToken
    const weeks = (await json(`scope=${org.unitA.id}&period=week&limit=200`)).body.measures.find(
      (m) => m.id === ids.falls,
    )!
    expect(weeks.points.map((p) => [p.period, p.start, p.end, p.value])).toEqual([
      ['2026-W02', '2026-01-05', '2026-01-11', 5 + 6 + 5 + 6 + 5 + 6 + 5],
      ['2026-W03', '2026-01-12', '2026-01-18', 6 + 5 + 6 + 5 + 6 + 5 + 6],
      ['2026-W04', '2026-01-19', '2026-01-25', 5 + 6 + 5 + 6 + 5 + 6 + 30],
    ])
    const month = (await json(`scope=${org.unitA.id}&period=month&from=2026-01-10&to=2026-01-12&limit=200`)).body
    const falls = month.measures.find((m) => m.id === ids.falls)!
    expect(falls.points.map((p) => [p.period, p.start, p.end])).toEqual([['2026-01', '2026-01-01', '2026-01-31']])
    expect(falls.problem).toContain('Only one value')
  })

  it('pages JSON by measure, every measure once', async () => {
    await setUp()
    token = adminToken
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const page: { body: { measures: ExportedMeasure[]; next: string | null } } = await json(
        `limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      )
      expect(page.body.measures.length).toBeLessThanOrEqual(2)
      seen.push(...page.body.measures.map((m) => m.id))
      after = page.body.next
      pages++
    } while (after !== null && pages < 100)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual(expect.arrayContaining(Object.values(ids)))
  })

  it('streams CSV with the documented columns, one row per measure per period', async () => {
    await setUp()
    token = unitToken
    const res = await csv(`scope=${org.unitA.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(CSV_COLUMNS.join(','))
    const rows = lines.slice(1).map((line) => line.split(','))
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true)
    const falls = rows.filter((row) => row[column('measure_id')] === ids.falls)
    expect(falls).toHaveLength(21)
    expect(falls.at(-1)!.slice(column('period'), column('value') + 1)).toEqual([
      '2026-01-25',
      '2026-01-25',
      '2026-01-25',
      '30',
    ])
    expect(falls.at(-1)![column('special_cause')]).toContain('beyond-limit')
    expect(falls.at(-1)![column('variation_icon')]).toBe('concern-high')
  })

  it.each([
    ['period=year', 400],
    ['from=05/01/2026', 400],
    ['from=2026-02-01&to=2026-01-01', 400],
    ['limit=0', 400],
    ['limit=201', 400],
    ['format=xml', 400],
    ['unknown=1', 400],
  ])('refuses a bad query (%s)', async (query, status) => {
    await setUp()
    token = unitToken
    const res = await json(query)
    expect(res.status).toBe(status)
  })
})
