// A manager device's data for the trend screens: wards of one CSU with months of daily
// values, and one ward whose falls rise (so the roll-up has something to flag), with an
// idea implemented and a PDSA cycle on that measure. Used by trends.spec.ts and
// bench/trends.ts; written straight into the app's IndexedDB.
import type { Page } from '@playwright/test'
import { putRows } from './indexedDb.ts'
import { addDays } from '../../src/domain/dates.ts'
import type { Board, DayEntry, Idea, Measure, PdsaCycle, Unit } from '../../src/domain/types.ts'

export interface TrendsData {
  trust: { id: string; name: string; createdAt: string }
  csu: { id: string; trustId: string; name: string; createdAt: string }
  units: Unit[]
  boards: Board[]
  measures: Measure[]
  entries: DayEntry[]
  ideas: Idea[]
  pdsaCycles: PdsaCycle[]
}

type Spec = Pick<Measure, 'name' | 'type' | 'unit' | 'direction' | 'target'> & Partial<Pick<Measure, 'goodAnswer'>>
const SPECS: Spec[] = [
  { name: 'Falls', type: 'count', unit: 'falls', direction: 'lower', target: 0 },
  { name: 'Observations on time', type: 'percentage', unit: '%', direction: 'higher', target: 95 },
  {
    name: 'Safety brief done every shift',
    type: 'yesno',
    unit: '',
    direction: 'higher',
    goodAnswer: 'yes',
    target: null,
  },
  { name: 'Harm-free day (safety cross)', type: 'daystatus', unit: '', direction: 'neutral', target: null },
]

/** Seeded generator (mulberry32): the same data every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const FLAGGED_WARD = 'Ward 12 – Respiratory'

export function buildTrendsData(
  today: string,
  options: { units?: number; measures?: number; days?: number } = {},
): TrendsData {
  const unitCount = options.units ?? 2
  const measureCount = options.measures ?? SPECS.length
  const days = options.days ?? 200
  const r = random(11)
  const at = `${addDays(today, -days - 1)}T08:00:00.000Z`
  const meta = (id: string, unitId: string) => ({ id, unitId, createdAt: at, updatedAt: at, updatedBy: 'Seed' })
  const data: TrendsData = {
    trust: { id: 'trend-trust', name: 'Northfield Teaching Hospitals', createdAt: at },
    csu: { id: 'trend-csu', trustId: 'trend-trust', name: 'Medicine', createdAt: at },
    units: [],
    boards: [],
    measures: [],
    entries: [],
    ideas: [],
    pdsaCycles: [],
  }
  for (let u = 0; u < unitCount; u++) {
    const unitId = `trend-unit-${u + 1}`
    const boardId = `trend-board-${u + 1}`
    const name = u === 0 ? 'Ward 7 – Elderly care' : u === 1 ? FLAGGED_WARD : `Ward ${u + 20}`
    data.units.push({
      ...meta(unitId, unitId),
      csuId: data.csu.id,
      name,
      kind: 'ward',
      people: ['Sam Okafor', 'Priya Natarajan'],
    })
    data.boards.push({
      ...meta(boardId, unitId),
      name: 'Daily huddle board',
      categories: [{ id: 'safety', name: 'Safety' }],
      agenda: [],
      huddleMinutes: 15,
    })
    for (let i = 0; i < measureCount; i++) {
      const spec = SPECS[i] ?? {
        name: `Measure ${i + 1}`,
        type: 'count',
        unit: 'items',
        direction: 'lower',
        target: null,
      }
      const measure: Measure = {
        ...meta(`trend-m-${u + 1}-${i + 1}`, unitId),
        boardId,
        categoryId: 'safety',
        thresholds: null,
        description: '',
        conceptIds: [],
        order: i + 1,
        archived: false,
        ...spec,
      }
      data.measures.push(measure)
      for (let d = days; d >= 1; d--) {
        const day = addDays(today, -d)
        if (r() < 0.03) continue // the odd day is not recorded
        const rising = u === 1 && i === 0 && d <= 35
        const value =
          measure.type === 'count'
            ? Math.floor(r() * 3) + (rising ? 4 : 0)
            : measure.type === 'percentage'
              ? Math.round(88 + r() * 10)
              : measure.type === 'yesno'
                ? r() > 0.1
                : r() < 0.8
                  ? 'green'
                  : r() < 0.7
                    ? 'amber'
                    : 'red'
        data.entries.push({
          ...meta(`${measure.id}:${day}`, unitId),
          measureId: measure.id,
          boardId,
          day,
          value,
          comment: '',
        })
      }
    }
  }
  // On the flagged ward's falls: a PDSA cycle, then the idea implemented.
  const falls = data.measures.find((m) => m.unitId === 'trend-unit-2' && m.name === 'Falls')
  if (falls) {
    data.ideas.push({
      ...meta('trend-idea-1', falls.unitId),
      boardId: falls.boardId,
      problem: 'Falls at night in bay 3',
      idea: 'Sensor mats in bay 3',
      benefit: '',
      wastes: [],
      raisedBy: 'Sam Okafor',
      status: 'implemented',
      statusChangedAt: `${addDays(today, -20)}T10:00:00.000Z`,
      notProgressedReason: '',
      implementedAt: `${addDays(today, -20)}T10:00:00.000Z`,
      owner: '',
      sponsor: '',
      effort: null,
      impact: null,
      measureId: falls.id,
      conceptIds: [],
    })
    data.pdsaCycles.push({
      ...meta('trend-pdsa-1', falls.unitId),
      ideaId: 'trend-idea-1',
      boardId: falls.boardId,
      number: 1,
      change: 'Mats on two beds',
      prediction: '',
      measurePlan: '',
      whatHappened: '',
      study: '',
      decision: 'adopt',
      startDay: addDays(today, -40),
      endDay: addDays(today, -27),
      conceptIds: [],
    })
  }
  return data
}

/** Writes the data into the app's IndexedDB (the app must have opened it once). */
export async function seedTrends(page: Page, data: TrendsData): Promise<void> {
  await putRows(page, [
    ['trusts', [data.trust]],
    ['csus', [data.csu]],
    ['units', data.units],
    ['boards', data.boards],
    ['measures', data.measures],
    ['ideas', data.ideas],
    ['pdsaCycles', data.pdsaCycles],
    ['entries', data.entries],
    ['meta', [{ key: 'currentBoardId', value: data.boards[0]!.id }]],
  ])
}
