// The manager's matrix: measures down the side, units across, each cell the MDC icons
// and the latest value. Units define their own measures, so rows are matched by name
// (case and spacing ignored); a measure only one unit has gets its own row. On a device
// holding more than one CSU, the columns are grouped under their CSU, and a CSU's own
// board (whose `unitId` is the CSU's id) is that CSU's first column.
import type { AssuranceIcon, VariationIcon } from '../spc/types'
import { csuDisplayName } from '../tiers'
import type { Csu, DayKey, Measure, Unit } from '../types'
import type { DayValue } from './aggregate'
import { formatReading } from './format'
import { isSpcError, latestPoint, measureSpc, type SpcFn } from './measureSpc'
import type { Period } from './periods'

export interface RollupCell {
  measureId: string
  unitId: string
  latestPeriod: string | null
  latestText: string
  variation: VariationIcon
  assurance: AssuranceIcon
  /** The engine's message when it could not chart the series. */
  message: string | null
}

export interface RollupRow {
  key: string
  name: string
  cells: Record<string, RollupCell | undefined>
}

/** A column: a unit, or a CSU's own board measures (`tier: 'csu'`, id the CSU's id). */
export interface RollupColumn {
  id: string
  name: string
  tier: 'unit' | 'csu'
}

/** The columns of one CSU, in order: the CSU's own column first (when it has measures). */
export interface RollupGroup {
  /** The CSU's id; '' for units whose CSU this device does not know. */
  id: string
  name: string
  columns: RollupColumn[]
}

export interface Rollup {
  /** Every column, in group order. */
  units: RollupColumn[]
  /** One group per CSU; a single group means no group headings are needed. */
  groups: RollupGroup[]
  rows: RollupRow[]
  /** Cells showing special-cause concern, per unit: who needs a conversation. */
  concerns: Record<string, number>
}

export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')
}

type RollupUnit = Pick<Unit, 'id' | 'name'> & { csuId?: string }

/** Columns grouped by CSU: CSUs by name, each with its own board column (only when it has
 * measures) then its units by name; units of a CSU not on this device go last. */
function rollupGroups(
  units: readonly RollupUnit[],
  csus: readonly Pick<Csu, 'id' | 'name'>[],
  measures: readonly Measure[],
): RollupGroup[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB')
  const measured = new Set(measures.filter((m) => !m.archived).map((m) => m.unitId))
  const groups: RollupGroup[] = [...csus].sort(byName).map((csu) => ({
    id: csu.id,
    name: csuDisplayName(csu.name),
    columns: [
      ...(measured.has(csu.id)
        ? [{ id: csu.id, name: `${csuDisplayName(csu.name)} board`, tier: 'csu' as const }]
        : []),
      ...units
        .filter((u) => u.csuId === csu.id)
        .sort(byName)
        .map((u) => ({ id: u.id, name: u.name, tier: 'unit' as const })),
    ],
  }))
  const known = new Set(csus.map((c) => c.id))
  const others = units.filter((u) => !u.csuId || !known.has(u.csuId)).sort(byName)
  if (others.length)
    groups.push({ id: '', name: 'Other units', columns: others.map((u) => ({ id: u.id, name: u.name, tier: 'unit' })) })
  return groups.filter((g) => g.columns.length > 0)
}

export function buildRollup(
  units: readonly RollupUnit[],
  measures: readonly Measure[],
  entries: ReadonlyMap<string, readonly DayValue[]>,
  from: DayKey,
  to: DayKey,
  period: Period,
  compute?: SpcFn,
  csus: readonly Pick<Csu, 'id' | 'name'>[] = [],
): Rollup {
  const rows = new Map<string, RollupRow>()
  const groups = rollupGroups(units, csus, measures)
  const columns = groups.flatMap((g) => g.columns)
  const concerns: Record<string, number> = Object.fromEntries(columns.map((u) => [u.id, 0]))
  const unitIds = new Set(columns.map((u) => u.id))
  const ordered = [...measures].filter((m) => !m.archived && unitIds.has(m.unitId)).sort((a, b) => a.order - b.order)
  for (const measure of ordered) {
    const spc = measureSpc(measure, entries.get(measure.id) ?? [], from, to, period, 'xmr', compute)
    const latest = latestPoint(spc.series)
    const result = isSpcError(spc.result) ? null : spc.result
    const cell: RollupCell = {
      measureId: measure.id,
      unitId: measure.unitId,
      latestPeriod: latest?.period ?? null,
      latestText: latest ? formatReading(measure, spc.reading.aggregation, latest.value) : '',
      variation: result?.variation ?? 'none',
      assurance: result?.assurance ?? 'none',
      message: isSpcError(spc.result) ? spc.result.message : null,
    }
    if (cell.variation.startsWith('concern')) concerns[measure.unitId] = (concerns[measure.unitId] ?? 0) + 1
    // A second measure of the same name in one unit (two boards) gets a row of its own.
    let key = nameKey(measure.name)
    if (rows.get(key)?.cells[measure.unitId]) key = `${key}#${measure.id}`
    const row = rows.get(key) ?? { key, name: measure.name.trim(), cells: {} }
    row.cells[measure.unitId] = cell
    rows.set(key, row)
  }
  const sorted = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return { units: columns, groups, rows: sorted, concerns }
}
