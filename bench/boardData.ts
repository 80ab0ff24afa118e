// A full year on a busy board: 20 measures with a value every day for 365 days up to and
// including today (the day the board opens on, so every tile has a value to show), built
// from the demo trust's measures so every measure type is represented.
import { lastDays, londonDay } from '@/domain/dates'
import { buildDemoTrust } from '@/domain/demo'
import { entryId } from '@/domain/ids'
import type { Board, Csu, DayEntry, Measure, Trust, Unit } from '@/domain/types'

export interface BenchBoard {
  trust: Trust
  csu: Csu
  unit: Unit
  board: Board
  measures: Measure[]
  entries: DayEntry[]
}

export const MEASURE_COUNT = 20
export const DAYS = 365

export function buildBenchBoard(today = londonDay()): BenchBoard {
  const demo = buildDemoTrust(today, DAYS)
  const unit = demo.units[0]!
  const board = demo.boards[0]!
  // The demo has two wards of ten measures: put all twenty on the first ward's board.
  const measures = demo.measures.slice(0, MEASURE_COUNT).map((m, i) => ({
    ...m,
    id: `bench-m-${i + 1}`,
    boardId: board.id,
    unitId: unit.id,
    order: i + 1,
  }))
  if (measures.length !== MEASURE_COUNT)
    throw new Error(`The demo trust has ${measures.length} measures, not ${MEASURE_COUNT}`)

  const sampled = new Map(demo.entries.map((e) => [`${e.measureId}:${e.day}`, e]))
  const days = lastDays(today, DAYS)
  const entries: DayEntry[] = []
  measures.forEach((measure, i) => {
    const source = demo.measures[i]!
    // The demo leaves the odd day blank; a benchmark wants every day filled, so a
    // blank day repeats the day before (or, at the start, the first recorded day).
    let last = days.map((day) => sampled.get(`${source.id}:${day}`)).find(Boolean)
    if (!last) throw new Error(`The demo has no entries for ${source.name}`)
    for (const day of days) {
      const from: DayEntry = sampled.get(`${source.id}:${day}`) ?? last
      last = from
      entries.push({
        ...from,
        id: entryId(measure.id, day),
        measureId: measure.id,
        boardId: board.id,
        unitId: unit.id,
        day,
      })
    }
  })
  return { trust: demo.trust, csu: demo.csu, unit, board, measures, entries }
}
