// A fictional demo trust so a new user sees a working board at once. Every name here
// is invented; there is no patient data and no real staff data anywhere.
import { addDays, lastDays, weekdayIndex } from './dates'
import { newBoardSettings } from './defaults'
import { buildDemoEscalations } from './demoEscalations'
import { buildDemoGoals } from './demoGoals'
import { buildDemoIdeas, demoChangeDays } from './demoIdeas'
import { buildDemoStandardWork, type DemoWard } from './demoStandardWork'
import { entryId } from './ids'
import type {
  Action,
  Board,
  CatchBallEntry,
  ChecklistRun,
  ChecklistTemplate,
  Csu,
  DayEntry,
  DayKey,
  DayStatus,
  Escalation,
  Goal,
  HuddleRecord,
  Idea,
  Measure,
  PdsaCycle,
  StepResult,
  Trust,
  Unit,
} from './types'

export interface DemoData {
  trust: Trust
  csu: Csu
  units: Unit[]
  boards: Board[]
  measures: Measure[]
  entries: DayEntry[]
  actions: Action[]
  huddles: HuddleRecord[]
  checklistTemplates: ChecklistTemplate[]
  checklistRuns: ChecklistRun[]
  stepResults: StepResult[]
  ideas: Idea[]
  pdsaCycles: PdsaCycle[]
  escalations: Escalation[]
  goals: Goal[]
  catchBall: CatchBallEntry[]
}

/** Small seeded generator (mulberry32) so the demo is the same every time for a day. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type MeasureSpec = Pick<Measure, 'categoryId' | 'name' | 'type' | 'unit' | 'direction' | 'description' | 'conceptIds'> &
  Partial<Pick<Measure, 'goodAnswer' | 'target' | 'thresholds'>> & { sample: (r: () => number) => DayEntry['value'] }

const pick = (r: () => number, weights: [DayStatus, number][]): DayStatus => {
  let x = r() * weights.reduce((s, [, w]) => s + w, 0)
  for (const [v, w] of weights) if ((x -= w) < 0) return v
  return weights[0]![0]
}
const poisson = (r: () => number, mean: number) => {
  let k = 0
  for (let p = Math.exp(-mean), s = p, u = r(); u > s; k++) {
    p *= mean / (k + 1)
    s += p
  }
  return k
}

const MEASURES: MeasureSpec[] = [
  {
    categoryId: 'safety',
    name: 'Harm-free day (safety cross)',
    type: 'daystatus',
    unit: '',
    direction: 'neutral',
    description:
      'Green: no harm. Amber: a near miss. Red: a patient came to harm (falls, pressure damage, medication).',
    conceptIds: ['safety-cross', 'visual-management'],
    sample: (r) =>
      pick(r, [
        ['green', 0.8],
        ['amber', 0.14],
        ['red', 0.06],
      ]),
  },
  {
    categoryId: 'safety',
    name: 'Falls',
    type: 'count',
    unit: 'falls',
    direction: 'lower',
    target: 0,
    thresholds: { green: 0, red: 1 },
    description: 'Inpatient falls in the last 24 hours, with or without harm.',
    conceptIds: ['root-cause'],
    sample: (r) => poisson(r, 0.25),
  },
  {
    categoryId: 'safety',
    name: 'Safety brief done every shift',
    type: 'yesno',
    unit: '',
    direction: 'higher',
    goodAnswer: 'yes',
    description: 'All three shifts held a safety brief.',
    conceptIds: ['standard-work', 'daily-management'],
    sample: (r) => r() > 0.1,
  },
  {
    categoryId: 'quality',
    name: 'Observations on time',
    type: 'percentage',
    unit: '%',
    direction: 'higher',
    target: 95,
    thresholds: { green: 95, red: 85 },
    description: 'Share of due observations recorded within 30 minutes.',
    conceptIds: ['standard-work'],
    sample: (r) => Math.round(84 + r() * 16),
  },
  {
    categoryId: 'quality',
    name: 'Missed medicine doses',
    type: 'count',
    unit: 'doses',
    direction: 'lower',
    target: 0,
    thresholds: { green: 0, red: 2 },
    description: 'Time-critical doses given late or missed.',
    conceptIds: ['root-cause', 'flow'],
    sample: (r) => poisson(r, 0.8),
  },
  {
    categoryId: 'people',
    name: 'Shifts filled',
    type: 'percentage',
    unit: '%',
    direction: 'higher',
    target: 100,
    thresholds: { green: 95, red: 85 },
    description: 'Planned registered-nurse and HCA shifts that were filled.',
    conceptIds: ['respect-for-people'],
    sample: (r) => Math.round(80 + r() * 20),
  },
  {
    categoryId: 'people',
    name: 'Breaks taken',
    type: 'yesno',
    unit: '',
    direction: 'higher',
    goodAnswer: 'yes',
    description: 'Everyone on shift had their breaks.',
    conceptIds: ['respect-for-people'],
    sample: (r) => r() > 0.3,
  },
  {
    categoryId: 'flow',
    name: 'Discharges before noon',
    type: 'count',
    unit: 'patients',
    direction: 'higher',
    target: 4,
    thresholds: { green: 4, red: 2 },
    description: 'Patients who left the ward before 12:00.',
    conceptIds: ['flow'],
    sample: (r) => poisson(r, 3.2),
  },
  {
    categoryId: 'flow',
    name: 'Average length of stay',
    type: 'number',
    unit: 'days',
    direction: 'lower',
    target: 7,
    description: 'Mean length of stay of patients discharged yesterday.',
    conceptIds: ['flow', 'variation-spc'],
    sample: (r) => Math.round((5 + r() * 5) * 10) / 10,
  },
  {
    categoryId: 'cost',
    name: 'Agency shifts booked',
    type: 'count',
    unit: 'shifts',
    direction: 'lower',
    thresholds: { green: 0, red: 2 },
    target: 0,
    description: 'Agency shifts booked for the next 24 hours.',
    conceptIds: ['eight-wastes'],
    sample: (r) => poisson(r, 1),
  },
]

const PEOPLE = [
  ['Sam Okafor', 'Priya Natarajan', 'Tom Whitley', 'Grace Mensah', 'Dr Ellis Byrne', 'Hannah Cole', 'Jo Pearson'],
  ['Aisha Rahman', 'Dr Mark Fenwick', 'Lucy Tran', 'Ben Hughes', 'Kemi Adeyemi', 'Rachel Dunn', 'Owen Price'],
]

const ACTIONS: [string, number | null, 'open' | 'done'][] = [
  ['Re-stock the falls sensor mats in bay 2', -3, 'open'],
  ['Ask pharmacy for a second drugs-round trolley', 2, 'open'],
  ['Book bank cover for Saturday nights', 0, 'open'],
  ['Put the discharge checklist by the nurses\u2019 station', -8, 'done'],
  ['Share the safety brief script with new starters', 5, 'open'],
  ['Chase estates about the broken sluice door', -1, 'open'],
  ['Move the observation machines back to their marked bays', null, 'done'],
]

/** Days of measure history: a little over 18 months, so monthly charts have limits and
 * the weekly roll-up has its 26 weeks. */
export const DEMO_HISTORY_DAYS = 560

/** Ward 7 audits observations once a week (on Mondays) instead of daily. */
const WEEKLY_AUDITS: Record<number, { measure: number; description: string }> = {
  1: { measure: 4, description: 'Weekly audit on Mondays: share of due observations recorded within 30 minutes.' },
}

/** After a tested idea was implemented (demoIdeas.ts), its measure really changed: the
 * sampler used from that day on. */
const IMPROVED: Record<string, (r: () => number) => DayEntry['value']> = {
  // Discharges before noon after the board-round handover: 3.2 → 4.4 a day.
  'Discharges before noon': (r) => poisson(r, 4.4),
  // Observations on time after the charging shelf: 84–100 % → 91–100 %.
  'Observations on time': (r) => Math.round(91 + r() * 9),
}

export function buildDemoTrust(today: DayKey, days = 42, seed = 7): DemoData {
  const r = seededRandom(seed)
  // Measure values come from their own stream: the long history does not move the huddles.
  const values = seededRandom(seed + 303)
  const at = `${addDays(today, -days)}T08:00:00.000Z`
  const measuresAt = `${addDays(today, -DEMO_HISTORY_DAYS)}T08:00:00.000Z`
  const meta = (id: string, unitId: string) => ({ id, unitId, createdAt: at, updatedAt: at, updatedBy: 'Demo' })
  const trust: Trust = { id: 'demo-trust', name: 'Northfield Teaching Hospitals (demo)', createdAt: at }
  const csu: Csu = { id: 'demo-csu-medicine', trustId: trust.id, name: 'Medicine and Elderly Care', createdAt: at }
  const wardNames = ['Ward 7 – Elderly care', 'Ward 12 – Respiratory']
  const out: DemoData = {
    trust,
    csu,
    units: [],
    boards: [],
    measures: [],
    entries: [],
    actions: [],
    huddles: [],
    checklistTemplates: [],
    checklistRuns: [],
    stepResults: [],
    ideas: [],
    pdsaCycles: [],
    escalations: [],
    goals: [],
    catchBall: [],
  }

  const changeDays = demoChangeDays(today)
  wardNames.forEach((name, w) => {
    const unitId = `demo-unit-${w + 1}`
    const boardId = `demo-board-${w + 1}`
    out.units.push({ ...meta(unitId, unitId), csuId: csu.id, name, kind: 'ward', people: PEOPLE[w]! })
    out.boards.push({
      ...meta(boardId, unitId),
      name: 'Daily huddle board',
      ...newBoardSettings(),
    })
    MEASURES.forEach((spec, i) => {
      const { sample, ...fields } = spec
      const audit = WEEKLY_AUDITS[w + 1]?.measure === i + 1 ? WEEKLY_AUDITS[w + 1] : undefined
      const measure: Measure = {
        ...meta(`demo-m-${w + 1}-${i + 1}`, unitId),
        createdAt: measuresAt,
        boardId,
        order: i + 1,
        archived: false,
        goodAnswer: undefined,
        target: null,
        thresholds: null,
        ...fields,
        ...(audit ? { description: audit.description } : {}),
      }
      out.measures.push(measure)
      const changed = changeDays.get(measure.id)
      // Leave today and the odd day blank: that is what a real board looks like.
      for (const day of lastDays(addDays(today, -1), DEMO_HISTORY_DAYS)) {
        if (audit && weekdayIndex(day) !== 0) continue
        if (values() < 0.04) continue
        const improved = changed !== undefined && day >= changed ? IMPROVED[measure.name] : undefined
        out.entries.push({
          ...meta(entryId(measure.id, day), unitId),
          measureId: measure.id,
          boardId,
          day,
          value: (improved ?? sample)(values),
          comment: values() < 0.05 ? 'Discussed at huddle' : '',
        })
      }
    })
    ACTIONS.forEach(([title, due, status], i) => {
      out.actions.push({
        ...meta(`demo-a-${w + 1}-${i + 1}`, unitId),
        boardId,
        title,
        owner: PEOPLE[w]![i % PEOPLE[w]!.length]!,
        dueDay: due === null ? null : addDays(today, due),
        status,
        measureId: i === 0 ? `demo-m-${w + 1}-2` : null,
        measureDay: null,
        conceptIds: i === 6 ? ['five-s'] : [],
        closedAt: status === 'done' ? at : null,
      })
    })
    for (const day of lastDays(addDays(today, -1), days)) {
      if (r() < 0.15) continue // some huddles do not happen: the adherence report should show it
      const start = new Date(`${day}T07:${String(Math.floor(r() * 15)).padStart(2, '0')}:00Z`)
      const durationSeconds = Math.round(600 + r() * 420)
      out.huddles.push({
        ...meta(`demo-h-${w + 1}-${day}`, unitId),
        boardId,
        day,
        startedAt: start.toISOString(),
        endedAt: new Date(start.getTime() + durationSeconds * 1000).toISOString(),
        durationSeconds,
        attendance: 5 + Math.floor(r() * 7),
        facilitator: PEOPLE[w]![Math.floor(r() * 3)]!,
        notes: '',
        timings: [],
      })
    }
  })
  addNewerFeatures(out, today, days, at, seed)
  return out
}

/** Standard work, ideas with PDSA cycles, and escalations. Each has its own random
 * stream, so the measures and huddles above stay exactly as they were. */
function addNewerFeatures(out: DemoData, today: DayKey, days: number, at: string, seed: number) {
  const wards: DemoWard[] = out.units.map((unit, w) => ({
    unitId: unit.id,
    boardId: out.boards[w]!.id,
    number: w + 1,
    people: unit.people,
  }))
  const work = seededRandom(seed + 101)
  const ideas = seededRandom(seed + 202)
  for (const ward of wards) {
    const sw = buildDemoStandardWork(ward, today, days, at, work)
    out.checklistTemplates.push(...sw.templates)
    out.checklistRuns.push(...sw.runs)
    out.stepResults.push(...sw.results)
    const wardIdeas = buildDemoIdeas(ward, today, ideas)
    out.ideas.push(...wardIdeas.ideas)
    out.pdsaCycles.push(...wardIdeas.cycles)
  }
  out.escalations.push(...buildDemoEscalations(wards, today))
  const deployed = buildDemoGoals(
    out.trust.id,
    out.csu.id,
    wards.map((ward) => ({
      ...ward,
      falls: `demo-m-${ward.number}-2`,
      observations: `demo-m-${ward.number}-4`,
    })),
    today,
  )
  out.goals.push(...deployed.goals)
  out.catchBall.push(...deployed.catchBall)
}
