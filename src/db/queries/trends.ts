// The trend screens' reads, live: everything they chart comes through here, so the SPC
// screens never write and never learn the tables' shape, and a value pulled from another
// tablet moves the charts without a reload. Works on whatever this device holds (a CSU
// device holds all its CSU's units).
import type { Ref } from 'vue'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'
import type { DayValue } from '@/domain/trends/aggregate'
import {
  actionsOverduePerWeek,
  huddlesHeldPerWeek,
  ideasPerMonth,
  medianTimeInStatus,
  type ExpectedHuddles,
  type PracticeSeries,
  type StatusTime,
} from '@/domain/trends/practice'
import { adherencePerWeek, escalationsPerWeek } from '@/domain/trends/practiceTiers'
import { addDays, londonDay } from '@/domain/dates'
import { shiftsOf } from '@/domain/standardWork/shifts'
import { csuDisplayName } from '@/domain/tiers'
import type { Action, Csu, DayKey, Escalation, HuddleRecord, Idea, Measure, PdsaCycle, Unit } from '@/domain/types'

export interface RollupSource {
  units: Unit[]
  /** The CSUs this device holds: their own boards' measures are columns too. */
  csus: Csu[]
  measures: Measure[]
  entries: Map<string, DayValue[]>
}

/** Entries of each measure within `from`..`to`, through the [measureId+day] index. */
async function entriesOf(measureIds: readonly string[], from: DayKey, to: DayKey): Promise<Map<string, DayValue[]>> {
  const lists = await Promise.all(
    measureIds.map((id) => db.entries.where('[measureId+day]').between([id, from], [id, to], true, true).toArray()),
  )
  return new Map(measureIds.map((id, i) => [id, lists[i]!.map((e) => ({ day: e.day, value: e.value }))]))
}

/** Entries of every measure on the given boards within `from`..`to`: one [boardId+day]
 * range per board rather than one per measure (40 requests for a CSU, not 800). */
async function entriesOfBoards(
  boardIds: readonly string[],
  measureIds: ReadonlySet<string>,
  from: DayKey,
  to: DayKey,
): Promise<Map<string, DayValue[]>> {
  const lists = await Promise.all(
    boardIds.map((id) => db.entries.where('[boardId+day]').between([id, from], [id, to], true, true).toArray()),
  )
  const out = new Map<string, DayValue[]>([...measureIds].map((id) => [id, []]))
  for (const list of lists) for (const e of list) out.get(e.measureId)?.push({ day: e.day, value: e.value })
  return out
}

export async function loadRollupSource(from: DayKey, to: DayKey): Promise<RollupSource> {
  return db.transaction('r', [db.units, db.csus, db.measures, db.entries], async () => {
    const [units, csus, all] = await Promise.all([db.units.toArray(), db.csus.toArray(), db.measures.toArray()])
    const measures = all.filter((m) => !m.archived)
    const boardIds = [...new Set(measures.map((m) => m.boardId))]
    const entries = await entriesOfBoards(boardIds, new Set(measures.map((m) => m.id)), from, to)
    return { units: units.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), csus, measures, entries }
  })
}

export interface MeasureSource {
  measure: Measure
  unit: Unit | null
  /** Whose measure it is: the unit's name, or "Medicine CSU board" for a CSU's own board. */
  scopeName: string
  entries: DayValue[]
  ideas: Idea[]
  cycles: PdsaCycle[]
}

/** One measure, its values in the range, and the ideas and PDSA cycles linked to it. */
export async function loadMeasureSource(measureId: string, from: DayKey, to: DayKey): Promise<MeasureSource | null> {
  return db.transaction('r', [db.units, db.csus, db.measures, db.entries, db.ideas, db.pdsaCycles], async () => {
    const measure = await db.measures.get(measureId)
    if (!measure) return null
    const [unit, csu, entries, boardIdeas] = await Promise.all([
      db.units.get(measure.unitId),
      db.csus.get(measure.unitId),
      entriesOf([measureId], from, to),
      db.ideas.where('boardId').equals(measure.boardId).toArray(),
    ])
    const scopeName = unit?.name ?? (csu ? `${csuDisplayName(csu.name)} board` : '')
    const ideas = boardIdeas.filter((i) => i.measureId === measureId)
    const cycles = ideas.length
      ? await db.pdsaCycles
          .where('ideaId')
          .anyOf(ideas.map((i) => i.id))
          .toArray()
      : []
    return { measure, unit: unit ?? null, scopeName, entries: entries.get(measureId) ?? [], ideas, cycles }
  })
}

export interface TrendRecords {
  units: Unit[]
  csus: Csu[]
  actions: Action[]
  escalations: Escalation[]
  huddles: HuddleRecord[]
}

/** Everything behind the roll-up on this device, for the trend screen's CSV downloads. */
export async function loadTrendRecords(): Promise<TrendRecords> {
  return db.transaction('r', [db.units, db.csus, db.actions, db.escalations, db.huddles], async () => {
    const [units, csus, actions, escalations, huddles] = await Promise.all([
      db.units.toArray(),
      db.csus.toArray(),
      db.actions.toArray(),
      db.escalations.toArray(),
      db.huddles.toArray(),
    ])
    return { units, csus, actions, escalations, huddles }
  })
}

/** The first day a measure has a value, or null: where its charts' default window starts. */
export async function firstEntryDay(measureId: string): Promise<DayKey | null> {
  const first = await db.entries.where('[measureId+day]').between([measureId, ''], [measureId, '\uffff']).first()
  return first?.day ?? null
}

/** What a practice series provider is given: one unit and the range to chart. */
export interface PracticeContext {
  unit: Unit
  boardIds: string[]
  from: DayKey
  to: DayKey
  now: Date
  expectedHuddles: ExpectedHuddles
}

/** Loads and builds practice series for one unit. Standard-work adherence and
 * escalations join by adding a provider to `practiceSeriesProviders`. */
export type PracticeSeriesProvider = (context: PracticeContext) => Promise<PracticeSeries[]>

const huddleSeries: PracticeSeriesProvider = async (c) => {
  const huddles = await db.huddles.where('unitId').equals(c.unit.id).toArray()
  return [huddlesHeldPerWeek(huddles, c.boardIds, c.from, c.to, c.expectedHuddles)]
}

const ideaSeries: PracticeSeriesProvider = async (c) =>
  ideasPerMonth(await db.ideas.where('unitId').equals(c.unit.id).toArray(), c.from, c.to)

const actionSeries: PracticeSeriesProvider = async (c) => [
  actionsOverduePerWeek(await db.actions.where('unitId').equals(c.unit.id).toArray(), c.from, c.to),
]

const standardWorkSeries: PracticeSeriesProvider = async (c) => {
  const [templates, boards] = await Promise.all([
    db.checklistTemplates.where('unitId').equals(c.unit.id).toArray(),
    db.boards.where('unitId').equals(c.unit.id).toArray(),
  ])
  const due = templates.filter((t) => t.boardId !== null && t.frequency.kind !== 'on-demand')
  if (due.length === 0) return []
  const runs = (await db.checklistRuns.where('unitId').equals(c.unit.id).toArray()).filter(
    (r) => r.day >= addDays(c.from, -1) && r.day <= c.to,
  )
  const runIds = new Set(runs.map((r) => r.id))
  const results = (await db.stepResults.where('unitId').equals(c.unit.id).toArray()).filter((r) => runIds.has(r.runId))
  // A unit's boards share its shifts in practice; the first board's times are used.
  return [adherencePerWeek({ templates: due, runs, results, shifts: shiftsOf(boards[0]), now: c.now }, c.from, c.to)]
}

const escalationSeries: PracticeSeriesProvider = async (c) => {
  const list = await db.escalations.where('unitId').equals(c.unit.id).toArray()
  return list.length === 0 ? [] : escalationsPerWeek(list, c.from, c.to)
}

/** The practice series shown on "How we work", in this order. */
export const practiceSeriesProviders: PracticeSeriesProvider[] = [
  huddleSeries,
  ideaSeries,
  actionSeries,
  standardWorkSeries,
  escalationSeries,
]

export async function loadPracticeSeries(
  context: PracticeContext,
  providers = practiceSeriesProviders,
): Promise<PracticeSeries[]> {
  return (await Promise.all(providers.map((provide) => provide(context)))).flat()
}

export async function loadUnit(unitId: string): Promise<Unit | null> {
  return (await db.units.get(unitId)) ?? null
}

export async function boardIdsOf(unitId: string): Promise<string[]> {
  return (await db.boards.where('unitId').equals(unitId).toArray()).map((b) => b.id)
}

/** Median days ideas of the unit spent in each status, from their history. */
export async function loadIdeaStatusTimes(unitId: string, now: Date): Promise<StatusTime[]> {
  const [ideas, history] = await Promise.all([
    db.ideas.where('unitId').equals(unitId).toArray(),
    db.history
      .where('unitId')
      .equals(unitId)
      .filter((h) => h.table === 'ideas')
      .toArray(),
  ])
  return medianTimeInStatus(ideas, history, now)
}

/** The days and grouping the roll-up shows. */
export interface RollupWanted {
  period: 'week' | 'month'
  from: DayKey
  to: DayKey
}

/** The roll-up's source with the days and grouping it was read for, so they change together. */
export interface RollupShown extends RollupWanted {
  source: RollupSource
}

export function useRollupSource(wanted: Ref<RollupWanted | null>) {
  return useLiveQuery<RollupShown | null>(
    async () => {
      const w = wanted.value
      return w ? { ...w, source: await loadRollupSource(w.from, w.to) } : null
    },
    null,
    wanted,
  )
}

export interface MeasureWanted {
  measureId: string
  from: DayKey
  to: DayKey
}

/** One measure's trend source; null while nothing is asked for or when the measure is not here. */
export function useMeasureSource(wanted: Ref<MeasureWanted | null>) {
  return useLiveQuery<MeasureSource | null>(
    () => (wanted.value ? loadMeasureSource(wanted.value.measureId, wanted.value.from, wanted.value.to) : null),
    null,
    wanted,
  )
}

export interface PracticeWanted {
  unitId: string
  expectedHuddles: ExpectedHuddles
  /** The earliest day to chart (two years back); a unit set up later starts on its first day. */
  earliest: DayKey
  to: DayKey
  now: Date
}

export interface PracticeShown {
  unitId: string
  /** False when the unit is not on this tablet. */
  found: boolean
  series: PracticeSeries[]
  statusTimes: StatusTime[]
}

export async function loadPractice(wanted: PracticeWanted): Promise<PracticeShown> {
  const unit = await loadUnit(wanted.unitId)
  if (!unit) return { unitId: wanted.unitId, found: false, series: [], statusTimes: [] }
  // Never before the unit was set up: weeks before it existed are not zeros.
  const since = londonDay(new Date(unit.createdAt))
  const from = since > wanted.earliest && since <= wanted.to ? since : wanted.earliest
  const context = {
    unit,
    boardIds: await boardIdsOf(unit.id),
    from,
    to: wanted.to,
    now: wanted.now,
    expectedHuddles: wanted.expectedHuddles,
  }
  const [series, statusTimes] = await Promise.all([
    loadPracticeSeries(context),
    loadIdeaStatusTimes(unit.id, wanted.now),
  ])
  return { unitId: unit.id, found: true, series, statusTimes }
}

/** "How we work" for one unit: its practice series and how long ideas sit in each status. */
export function usePractice(wanted: Ref<PracticeWanted | null>) {
  return useLiveQuery<PracticeShown | null>(() => (wanted.value ? loadPractice(wanted.value) : null), null, wanted)
}
