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

/** The unit's records, as the app would have saved them (bench- ids, never demo- ones). */
export function buildUnitRecords(unitId: string, today = londonDay()): BenchRecord[] {
  const demo = buildDemoTrust(today, DAYS)
  const boardId = `bench-board-${unitId}`
  const board = { ...demo.boards[0]!, id: boardId, unitId }
  // Both demo wards' measures on one board: twenty, every type.
  const measures = demo.measures
    .slice(0, MEASURES)
    .map((m, i) => ({ ...m, id: `bench-m-${i + 1}`, boardId, unitId, order: i + 1 }))

  const sampled = new Map(demo.entries.map((e) => [`${e.measureId}:${e.day}`, e]))
  const days = lastDays(addDays(today, -1), DAYS)
  const entries: DayEntry[] = []
  measures.forEach((measure, i) => {
    const source = demo.measures[i]!
    // The demo leaves the odd day blank; here every day has a value (the day before's, if blank).
    let last = days.map((day) => sampled.get(`${source.id}:${day}`)).find(Boolean)!
    for (const day of days) {
      last = sampled.get(`${source.id}:${day}`) ?? last
      entries.push({ ...last, id: entryId(measure.id, day), measureId: measure.id, boardId, unitId, day })
    }
  })

  const huddles = demo.huddles
    .filter((h) => h.unitId === demo.units[0]!.id)
    .map((h) => ({ ...h, id: `bench-h-${h.day}`, boardId, unitId }))

  const actionCount = SYNC_BENCH_RECORDS - SERVER_MADE - 1 - measures.length - entries.length - huddles.length
  if (actionCount < 0) throw new Error('The bench unit holds more than SYNC_BENCH_RECORDS records')
  const templates = demo.actions
  const actions = Array.from({ length: actionCount }, (_, i) => {
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
