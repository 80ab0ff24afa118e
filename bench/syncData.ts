// What a busy unit holds on the sync server after about fifteen months: one board,
// 20 measures with a value every day, the huddles that happened and a few hundred
// actions, built from the demo trust so every measure type and field is represented.
// Together with the unit's own record (which the server makes when the unit is
// created) that is exactly SYNC_BENCH_RECORDS records to pull.
import { addDays, lastDays, londonDay } from '@/domain/dates'
import { buildDemoTrust } from '@/domain/demo'
import { entryId } from '@/domain/ids'
import type { DayEntry, RecordMeta, SyncedTable } from '@/domain/types'
import { randomUUID } from 'node:crypto'
import { createClock } from '../src/shared/sync/hlc.ts'
import type { Mutation } from '../src/shared/sync/protocol.ts'

export const SYNC_BENCH_RECORDS = 10_000
const DAYS = 450
const MEASURES = 20
/** Records the server already holds for the unit: its `units` record. */
const SERVER_MADE = 1

export interface BenchRecord {
  table: SyncedTable
  record: RecordMeta
}

/** A board with 20 measures, a value every day for `days` days and the huddles held: the demo trust's, moved to
 * `unitId` under bench- ids. */
function boardWithValues(unitId: string, today: string, days: number) {
  const demo = buildDemoTrust(today, days)
  const boardId = `bench-board-${unitId}`
  const board = { ...demo.boards[0]!, id: boardId, unitId }
  // Both demo wards' measures on one board: twenty, every type.
  const measures = demo.measures
    .slice(0, MEASURES)
    .map((m, i) => ({ ...m, id: `bench-m-${i + 1}`, boardId, unitId, order: i + 1 }))

  const sampled = new Map(demo.entries.map((e) => [`${e.measureId}:${e.day}`, e]))
  const dayKeys = lastDays(addDays(today, -1), days)
  const entries: DayEntry[] = []
  measures.forEach((measure, i) => {
    const source = demo.measures[i]!
    // The demo leaves the odd day blank; here every day has a value (the day before's, if blank).
    let last = dayKeys.map((day) => sampled.get(`${source.id}:${day}`)).find(Boolean)!
    for (const day of dayKeys) {
      last = sampled.get(`${source.id}:${day}`) ?? last
      entries.push({ ...last, id: entryId(measure.id, day), measureId: measure.id, boardId, unitId, day })
    }
  })

  const huddles = demo.huddles
    .filter((h) => h.unitId === demo.units[0]!.id)
    .map((h) => ({ ...h, id: `bench-h-${h.day}`, boardId, unitId }))
  return { demo, board, boardId, measures, entries, huddles }
}

/** `count` actions from the demo's, on the board. */
function benchActions(
  { demo, boardId, measures }: ReturnType<typeof boardWithValues>,
  unitId: string,
  today: string,
  count: number,
) {
  const templates = demo.actions
  return Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length]!
    const done = i % 3 !== 0
    return {
      ...template,
      id: `bench-a-${i + 1}`,
      boardId,
      unitId,
      title: `${template.title} (${i + 1})`,
      dueDay: addDays(today, (i % 40) - 30),
      status: done ? 'done' : 'open',
      measureId: i % 5 === 0 ? measures[i % MEASURES]!.id : null,
      closedAt: done ? template.createdAt : null,
    }
  })
}

/** The unit's records, as the app would have saved them (bench- ids, never demo- ones). */
export function buildUnitRecords(unitId: string, today = londonDay()): BenchRecord[] {
  const ward = boardWithValues(unitId, today, DAYS)
  const { board, measures, entries, huddles } = ward

  const actionCount = SYNC_BENCH_RECORDS - SERVER_MADE - 1 - measures.length - entries.length - huddles.length
  if (actionCount < 0) throw new Error('The bench unit holds more than SYNC_BENCH_RECORDS records')
  const actions = benchActions(ward, unitId, today, actionCount)

  const records: BenchRecord[] = [
    { table: 'boards', record: board },
    ...measures.map((record) => ({ table: 'measures' as const, record })),
    ...entries.map((record) => ({ table: 'entries' as const, record })),
    ...huddles.map((record) => ({ table: 'huddles' as const, record })),
    ...actions.map((record) => ({ table: 'actions' as const, record })),
  ]
  return records
}

/** Each record as the mutation the tablet that made it would have sent (every field set,
 * as repo.ts sends a new record: no id or unitId among the fields, undefined dropped). */
export function mutationsFor(records: readonly BenchRecord[], nodeId: string): Mutation[] {
  // Stamps from a minute ago onwards, so none is ahead of the server's clock.
  const clock = createClock(nodeId, () => Date.now() - 60_000)
  return records.map(({ table, record }) => {
    const { id, unitId, ...fields } = JSON.parse(JSON.stringify(record)) as RecordMeta & Record<string, unknown>
    return {
      mutationId: randomUUID(),
      table,
      recordId: id,
      scope: unitId,
      hlc: clock.tick(),
      by: record.updatedBy,
      fields: Object.fromEntries(
        Object.entries(fields).map(([name, value]) => [name, { set: value }]),
      ) as Mutation['fields'],
    }
  })
}

/** How many records of each table, for the report. */
export function describeRecords(records: readonly BenchRecord[]): string {
  const counts = new Map<string, number>([['units', SERVER_MADE]])
  for (const { table } of records) counts.set(table, (counts.get(table) ?? 0) + 1)
  return [...counts].map(([table, n]) => `${table} ${n.toLocaleString('en-GB')}`).join(', ')
}

/** The big ward: two years of 20 measures (a value every day), the huddles held, 500 ideas, 300 checklist
 * runs of the demo's checklists and 300 actions. */
export const BIG_WARD = { days: 730, ideas: 500, runs: 300, actions: 300 } as const

export function buildBigWardRecords(unitId: string, today = londonDay()): BenchRecord[] {
  const ward = boardWithValues(unitId, today, BIG_WARD.days)
  const { demo, board, boardId, measures, entries, huddles } = ward
  const demoWard = demo.units[0]!.id
  const templates = demo.checklistTemplates
    .filter((t) => t.unitId === demoWard || t.boardId === null)
    .map((t, i) => ({ ...t, id: `bench-t-${i + 1}`, boardId, unitId }))
  const templateIds = new Map(demo.checklistTemplates.map((t, i) => [t.id, `bench-t-${i + 1}`]))
  const sourceRuns = demo.checklistRuns.filter((run) => templateIds.has(run.templateId))
  const runs = Array.from({ length: BIG_WARD.runs }, (_, i) => {
    const run = sourceRuns[i % sourceRuns.length]!
    return {
      ...run,
      id: `bench-r-${i + 1}`,
      templateId: templateIds.get(run.templateId)!,
      boardId,
      unitId,
      slot: null,
      day: addDays(today, -(i % BIG_WARD.days)),
    }
  })
  const ideas = Array.from({ length: BIG_WARD.ideas }, (_, i) => {
    const idea = demo.ideas[i % demo.ideas.length]!
    return { ...idea, id: `bench-i-${i + 1}`, boardId, unitId, problem: `${idea.problem} (${i + 1})`, measureId: null }
  })
  const actions = benchActions(ward, unitId, today, BIG_WARD.actions)
  return [
    { table: 'boards', record: board },
    ...measures.map((record) => ({ table: 'measures' as const, record })),
    ...entries.map((record) => ({ table: 'entries' as const, record })),
    ...huddles.map((record) => ({ table: 'huddles' as const, record })),
    ...templates.map((record) => ({ table: 'checklistTemplates' as const, record })),
    ...runs.map((record) => ({ table: 'checklistRuns' as const, record })),
    ...ideas.map((record) => ({ table: 'ideas' as const, record })),
    ...actions.map((record) => ({ table: 'actions' as const, record })),
  ]
}
