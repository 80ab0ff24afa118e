// The analysts' export: every measure of the scopes a caller may read, one row per
// period (day, ISO week or calendar month) with its value and what the SPC engine makes
// of it, worked out by the same shared code as the tablets' trend screens
// (src/domain/trends/measureSpc.ts), so Power BI and the ward see the same signals.
// Read page by page (measures in id order), so a trust's whole history never sits in memory.
import { sql } from 'kysely'
import { isSpcError } from '../../src/domain/spc/index.ts'
import type { SpcResult } from '../../src/domain/spc/types.ts'
import type { DayValue } from '../../src/domain/trends/aggregate.ts'
import { measureSpc } from '../../src/domain/trends/measureSpc.ts'
import { periodEnd, periodStart, type Period } from '../../src/domain/trends/periods.ts'
import type { DayKey, EntryValue, Measure } from '../../src/domain/types.ts'
import type { SyncDb } from '../db/open.ts'

export type ExportPeriod = Period

export interface ExportQuery {
  scopes: readonly string[]
  period: ExportPeriod
  /** Only days on or after / on or before these (YYYY-MM-DD); default: the measure's first and last value. */
  from?: DayKey
  to?: DayKey
}

export interface ScopeInfo {
  kind: 'unit' | 'csu' | 'trust' | 'library' | 'unknown'
  name: string
  csu: string
  trust: string
}

export interface ExportedPoint {
  period: string
  start: DayKey
  end: DayKey
  value: number | null
  centre: number | null
  upperLimit: number | null
  lowerLimit: number | null
  trialLimits: boolean
  specialCause: string[]
  variation: string | null
  side: 'high' | 'low' | null
}

export interface ExportedMeasure {
  id: string
  name: string
  type: Measure['type']
  unit: string
  direction: Measure['direction']
  target: number | null
  archived: boolean
  scope: string
  scopeKind: ScopeInfo['kind']
  scopeName: string
  csu: string
  trust: string
  boardId: string
  board: string
  period: ExportPeriod
  /** What each value means, e.g. "Falls per week" or "Mean of daily percentages per month". */
  valueLabel: string
  from: DayKey | null
  to: DayKey | null
  variationIcon: string
  assuranceIcon: string
  notes: string[]
  /** Why no chart could be worked out (fewer than two values, bad data). */
  problem: string | null
  points: ExportedPoint[]
}

export interface ExportPage {
  measures: ExportedMeasure[]
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null
}

type Fields = Record<string, unknown>
const parse = (json: string) => JSON.parse(json) as Fields
const isLive = (fields: Fields) => fields.deleted !== true

/** Names of every scope the org knows: units, CSUs and trusts, with the CSU and trust above. */
export async function scopeDirectory(db: SyncDb): Promise<Map<string, ScopeInfo>> {
  const [trusts, csus, units] = await Promise.all([
    db.selectFrom('org_trusts').select(['id', 'name']).execute(),
    db.selectFrom('org_csus').select(['id', 'name', 'trust_id']).execute(),
    db.selectFrom('org_units').select(['id', 'name', 'csu_id']).execute(),
  ])
  const trustName = new Map(trusts.map((t) => [t.id, t.name]))
  const csuById = new Map(csus.map((c) => [c.id, c]))
  const directory = new Map<string, ScopeInfo>()
  for (const t of trusts) {
    directory.set(t.id, { kind: 'trust', name: t.name, csu: '', trust: t.name })
    directory.set(`library-${t.id}`, { kind: 'library', name: `${t.name} library`, csu: '', trust: t.name })
  }
  for (const c of csus)
    directory.set(c.id, { kind: 'csu', name: c.name, csu: c.name, trust: trustName.get(c.trust_id) ?? '' })
  for (const u of units) {
    const csu = csuById.get(u.csu_id)
    directory.set(u.id, {
      kind: 'unit',
      name: u.name,
      csu: csu?.name ?? '',
      trust: csu ? (trustName.get(csu.trust_id) ?? '') : '',
    })
  }
  return directory
}

/** Every scope with synced records: what an admin caller may export. */
export async function allScopes(db: SyncDb): Promise<string[]> {
  return (await db.selectFrom('scopes').select('scope').orderBy('scope').execute()).map((row) => row.scope)
}

async function boardNames(db: SyncDb, scopes: readonly string[]): Promise<Map<string, string>> {
  if (scopes.length === 0) return new Map()
  const rows = await db
    .selectFrom('records')
    .select(['id', 'fields'])
    .where('tbl', '=', 'boards')
    .where('scope', 'in', scopes)
    .execute()
  return new Map(rows.map((row) => [row.id, String(parse(row.fields).name ?? '')]))
}

/** A measure's values, read by its entries' ids (`measureId:day`); LIKE narrows, the check decides. */
async function entriesOf(db: SyncDb, scope: string, measureId: string, query: ExportQuery): Promise<DayValue[]> {
  const pattern = `${measureId.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`
  const rows = await db
    .selectFrom('records')
    .select(['id', 'fields'])
    .where('scope', '=', scope)
    .where('tbl', '=', 'entries')
    .where('id', 'like', sql<string>`${pattern} escape '\\'`)
    .execute()
  const values: DayValue[] = []
  for (const row of rows) {
    if (!row.id.startsWith(`${measureId}:`)) continue
    const fields = parse(row.fields)
    const day = fields.day
    if (!isLive(fields) || fields.measureId !== measureId || typeof day !== 'string') continue
    if ((query.from && day < query.from) || (query.to && day > query.to)) continue
    values.push({ day, value: fields.value as EntryValue })
  }
  return values.sort((a, b) => a.day.localeCompare(b.day))
}

function pointsOf(result: SpcResult, period: ExportPeriod): ExportedPoint[] {
  return result.points.map((point) => {
    const segment = result.segments[point.segment]
    return {
      period: point.period,
      start: periodStart(point.period, period),
      end: periodEnd(point.period, period),
      value: point.value,
      centre: segment?.centre ?? null,
      upperLimit: segment?.upperLimit ?? null,
      lowerLimit: segment?.lowerLimit ?? null,
      trialLimits: segment?.trial ?? false,
      specialCause: [...point.rules],
      variation: point.variation,
      side: point.side,
    }
  })
}

function exportOne(
  id: string,
  scope: string,
  fields: Fields,
  entries: DayValue[],
  query: ExportQuery,
  info: ScopeInfo,
  board: string,
): ExportedMeasure {
  const measure = {
    type: fields.type as Measure['type'],
    direction: (fields.direction as Measure['direction']) ?? 'neutral',
    goodAnswer: fields.goodAnswer as Measure['goodAnswer'],
    unit: typeof fields.unit === 'string' ? fields.unit : '',
    target: typeof fields.target === 'number' ? fields.target : null,
    rebaseDays: Array.isArray(fields.rebaseDays) ? (fields.rebaseDays as DayKey[]) : [],
    // Synced as written; the engine's baselineOption ignores one that is not a valid baseline.
    baseline: (fields.baseline ?? null) as Measure['baseline'],
  }
  const from = entries[0]?.day ?? null
  const to = entries.at(-1)?.day ?? null
  const base: ExportedMeasure = {
    id,
    name: String(fields.name ?? ''),
    type: measure.type,
    unit: measure.unit,
    direction: measure.direction,
    target: measure.target,
    archived: fields.archived === true,
    scope,
    scopeKind: info.kind,
    scopeName: info.name,
    csu: info.csu,
    trust: info.trust,
    boardId: String(fields.boardId ?? ''),
    board,
    period: query.period,
    valueLabel: '',
    from: query.from ?? from,
    to: query.to ?? to,
    variationIcon: 'none',
    assuranceIcon: 'none',
    notes: [],
    problem: null,
    points: [],
  }
  if (!from || !to) return { ...base, problem: 'Nothing has been recorded for this measure in these dates.' }
  const spc = measureSpc(measure, entries, base.from!, base.to!, query.period, 'xmr')
  base.valueLabel = spc.reading.label
  if (isSpcError(spc.result)) {
    // The values are still worth having without a chart.
    return {
      ...base,
      problem: spc.result.message,
      points: spc.series.map((p) => ({
        period: p.period,
        start: periodStart(p.period, query.period),
        end: periodEnd(p.period, query.period),
        value: p.value,
        centre: null,
        upperLimit: null,
        lowerLimit: null,
        trialLimits: false,
        specialCause: [],
        variation: null,
        side: null,
      })),
    }
  }
  return {
    ...base,
    variationIcon: spc.result.variation,
    assuranceIcon: spc.result.assurance,
    notes: [...spc.result.notes],
    points: pointsOf(spc.result, query.period),
  }
}

/** One page of measures with ids after `after`, in id order. */
export async function exportPage(
  db: SyncDb,
  query: ExportQuery,
  directory: ReadonlyMap<string, ScopeInfo>,
  after: string | null,
  limit: number,
): Promise<ExportPage> {
  if (query.scopes.length === 0) return { measures: [], next: null }
  let select = db
    .selectFrom('records')
    .select(['scope', 'id', 'fields'])
    .where('tbl', '=', 'measures')
    .where('scope', 'in', [...query.scopes])
  if (after !== null) select = select.where('id', '>', after)
  const rows = await select
    .orderBy('id')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const live = page.map((row) => ({ ...row, fields: parse(row.fields) })).filter((row) => isLive(row.fields))
  const boards = await boardNames(db, [...new Set(live.map((row) => row.scope))])
  const measures: ExportedMeasure[] = []
  for (const row of live) {
    const entries = await entriesOf(db, row.scope, row.id, query)
    const info = directory.get(row.scope) ?? { kind: 'unknown' as const, name: '', csu: '', trust: '' }
    measures.push(
      exportOne(row.id, row.scope, row.fields, entries, query, info, boards.get(String(row.fields.boardId)) ?? ''),
    )
  }
  return { measures, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null }
}

export const CSV_COLUMNS = [
  'trust',
  'csu',
  'scope_id',
  'scope_kind',
  'scope_name',
  'board',
  'measure_id',
  'measure',
  'measure_type',
  'unit',
  'direction',
  'target',
  'archived',
  'period_type',
  'period',
  'period_start',
  'period_end',
  'value',
  'value_label',
  'centre',
  'upper_limit',
  'lower_limit',
  'trial_limits',
  'special_cause',
  'point_variation',
  'point_side',
  'variation_icon',
  'assurance_icon',
  'problem',
] as const

/** A measure's CSV rows, one per period (one row with the problem when it has no values). */
export function csvRowsOf(measure: ExportedMeasure): (string | number | boolean | null)[][] {
  const head = [
    measure.trust,
    measure.csu,
    measure.scope,
    measure.scopeKind,
    measure.scopeName,
    measure.board,
    measure.id,
    measure.name,
    measure.type,
    measure.unit,
    measure.direction,
    measure.target,
    String(measure.archived),
    measure.period,
  ]
  const tail = [measure.variationIcon, measure.assuranceIcon, measure.problem]
  if (measure.points.length === 0)
    return [[...head, null, null, null, null, measure.valueLabel, ...Array(7).fill(null), ...tail]]
  return measure.points.map((p) => [
    ...head,
    p.period,
    p.start,
    p.end,
    p.value,
    measure.valueLabel,
    p.centre,
    p.upperLimit,
    p.lowerLimit,
    String(p.trialLimits),
    p.specialCause.join(';'),
    p.variation,
    p.side,
    ...tail,
  ])
}
