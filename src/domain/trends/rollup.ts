// The manager's matrix: measures down the side, units across, each cell the MDC icons
// and the latest value. Units define their own measures, so rows are matched by name
// (case and spacing ignored); a measure only one unit has gets its own row.
import type { AssuranceIcon, VariationIcon } from '../spc/types'
import type { DayKey, Measure, Unit } from '../types'
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

export interface Rollup {
  units: Pick<Unit, 'id' | 'name'>[]
  rows: RollupRow[]
  /** Cells showing special-cause concern, per unit: who needs a conversation. */
  concerns: Record<string, number>
}

export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')
}

export function buildRollup(
  units: readonly Pick<Unit, 'id' | 'name'>[], measures: readonly Measure[], entries: ReadonlyMap<string, readonly DayValue[]>,
  from: DayKey, to: DayKey, period: Period, compute?: SpcFn,
): Rollup {
  const rows = new Map<string, RollupRow>()
  const concerns: Record<string, number> = Object.fromEntries(units.map((u) => [u.id, 0]))
  const unitIds = new Set(units.map((u) => u.id))
  const ordered = [...measures].filter((m) => !m.archived && unitIds.has(m.unitId)).sort((a, b) => a.order - b.order)
  for (const measure of ordered) {
    const spc = measureSpc(measure, entries.get(measure.id) ?? [], from, to, period, 'xmr', compute)
    const latest = latestPoint(spc.series)
    const result = isSpcError(spc.result) ? null : spc.result
    const cell: RollupCell = {
      measureId: measure.id, unitId: measure.unitId,
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
  return { units: [...units], rows: sorted, concerns }
}
