// Ready-made measure sets, so a new team starts from a working board instead of an empty
// one. Each measure names the LIM concept behind it; the team ticks, renames and re-targets
// them before anything is saved. Categories are the default SQDCP ones (defaults.ts).
import type { Measure } from './types'
import { LIMITS, parseNumber, settingProblem } from './validation'

export type StarterMeasure = Pick<
  Measure,
  | 'categoryId'
  | 'name'
  | 'type'
  | 'unit'
  | 'direction'
  | 'goodAnswer'
  | 'target'
  | 'thresholds'
  | 'description'
  | 'conceptIds'
>

export interface StarterBoard {
  id: string
  name: string
  /** Who it suits, in a line. */
  summary: string
  measures: StarterMeasure[]
}

const harmFree: StarterMeasure = {
  categoryId: 'safety',
  name: 'Harm-free day (safety cross)',
  type: 'daystatus',
  unit: '',
  direction: 'neutral',
  description: 'Green: no harm. Amber: a near miss. Red: someone came to harm.',
  conceptIds: ['safety-cross', 'visual-management'],
}

const safetyBrief: StarterMeasure = {
  categoryId: 'safety',
  name: 'Safety brief held',
  type: 'yesno',
  unit: '',
  direction: 'higher',
  goodAnswer: 'yes',
  description: 'The safety brief was held at the start of every shift.',
  conceptIds: ['standard-work', 'daily-management'],
}

const staffing = (target: number): StarterMeasure => ({
  categoryId: 'people',
  name: 'Shifts filled',
  type: 'percentage',
  unit: '%',
  direction: 'higher',
  target,
  thresholds: { green: 95, red: 85 },
  description: 'Planned shifts that were filled.',
  conceptIds: ['respect-for-people'],
})

const breaks: StarterMeasure = {
  categoryId: 'people',
  name: 'Breaks taken',
  type: 'yesno',
  unit: '',
  direction: 'higher',
  goodAnswer: 'yes',
  description: 'Everyone on shift had their breaks.',
  conceptIds: ['respect-for-people'],
}

const ideasTested: StarterMeasure = {
  categoryId: 'quality',
  name: 'Ideas tested this week',
  type: 'count',
  unit: 'ideas',
  direction: 'higher',
  target: 1,
  thresholds: { green: 1, red: 0 },
  description: 'Improvement ideas with a PDSA cycle running.',
  conceptIds: ['everyday-ideas', 'pdsa'],
}

export const STARTER_BOARDS: StarterBoard[] = [
  {
    id: 'inpatient-ward',
    name: 'Inpatient ward',
    summary: 'Adult or children’s ward: harm, observations, medicines, staffing and discharges.',
    measures: [
      harmFree,
      {
        categoryId: 'safety',
        name: 'Inpatient falls',
        type: 'count',
        unit: 'falls',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 1 },
        description: 'Falls in the last 24 hours, with or without harm.',
        conceptIds: ['root-cause'],
      },
      {
        categoryId: 'safety',
        name: 'New pressure ulcers',
        type: 'count',
        unit: 'ulcers',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 1 },
        description: 'Pressure ulcers that developed on the ward.',
        conceptIds: ['root-cause', 'mistake-proofing'],
      },
      {
        categoryId: 'quality',
        name: 'Observations on time',
        type: 'percentage',
        unit: '%',
        direction: 'higher',
        target: 95,
        thresholds: { green: 95, red: 85 },
        description: 'Due observations recorded within 30 minutes.',
        conceptIds: ['standard-work'],
      },
      {
        categoryId: 'quality',
        name: 'Missed or late critical medicines',
        type: 'count',
        unit: 'missed',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 2 },
        description: 'Time-critical medicines given late or missed.',
        conceptIds: ['mistake-proofing', 'root-cause'],
      },
      staffing(100),
      breaks,
      {
        categoryId: 'flow',
        name: 'Discharges before noon',
        type: 'count',
        unit: 'patients',
        direction: 'higher',
        target: 4,
        thresholds: { green: 4, red: 2 },
        description: 'Patients who left the ward before 12:00.',
        conceptIds: ['flow', 'pull'],
      },
      {
        categoryId: 'flow',
        name: 'Patients medically fit to leave',
        type: 'count',
        unit: 'patients',
        direction: 'lower',
        description: 'Patients still on the ward who no longer need to be in hospital.',
        conceptIds: ['flow', 'value-stream-mapping'],
      },
      {
        categoryId: 'cost',
        name: 'Agency shifts booked',
        type: 'count',
        unit: 'shifts',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 2 },
        description: 'Agency shifts booked for the next 24 hours.',
        conceptIds: ['eight-wastes'],
      },
    ],
  },
  {
    id: 'emergency-department',
    name: 'Emergency department',
    summary: 'Waits, handovers and flow out of the department.',
    measures: [
      harmFree,
      {
        categoryId: 'safety',
        name: 'Ambulance handovers over 30 minutes',
        type: 'count',
        unit: 'handovers',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 3 },
        description: 'Ambulance handovers that took longer than 30 minutes.',
        conceptIds: ['flow', 'takt-time'],
      },
      {
        categoryId: 'quality',
        name: 'Seen within 4 hours',
        type: 'percentage',
        unit: '%',
        direction: 'higher',
        target: 78,
        thresholds: { green: 78, red: 70 },
        description: 'Attendances admitted, transferred or discharged within 4 hours.',
        conceptIds: ['flow', 'variation-spc'],
      },
      {
        categoryId: 'quality',
        name: 'Sepsis antibiotics within 1 hour',
        type: 'percentage',
        unit: '%',
        direction: 'higher',
        target: 90,
        thresholds: { green: 90, red: 80 },
        description: 'Patients with suspected sepsis given antibiotics within the hour.',
        conceptIds: ['standard-work'],
      },
      staffing(100),
      breaks,
      {
        categoryId: 'flow',
        name: '12-hour waits from arrival',
        type: 'count',
        unit: 'patients',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 5 },
        description: 'Patients in the department 12 hours or more after arriving.',
        conceptIds: ['flow', 'pull'],
      },
      {
        categoryId: 'flow',
        name: 'Attendances',
        type: 'count',
        unit: 'patients',
        direction: 'neutral',
        description: 'Patients who arrived in the last 24 hours.',
        conceptIds: ['takt-time', 'variation-spc'],
      },
    ],
  },
  {
    id: 'theatres',
    name: 'Theatres',
    summary: 'Safer surgery checks, starting on time and using the lists.',
    measures: [
      {
        categoryId: 'safety',
        name: 'WHO checklist complete on every case',
        type: 'yesno',
        unit: '',
        direction: 'higher',
        goodAnswer: 'yes',
        description: 'Sign in, time out and sign out done for every case.',
        conceptIds: ['standard-work', 'mistake-proofing'],
      },
      harmFree,
      {
        categoryId: 'quality',
        name: 'Lists started on time',
        type: 'percentage',
        unit: '%',
        direction: 'higher',
        target: 90,
        thresholds: { green: 90, red: 75 },
        description: 'Lists where knife to skin was within 15 minutes of the planned start.',
        conceptIds: ['flow', 'standard-work'],
      },
      {
        categoryId: 'flow',
        name: 'On-the-day cancellations',
        type: 'count',
        unit: 'cases',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 2 },
        description: 'Operations cancelled on the day for non-clinical reasons.',
        conceptIds: ['root-cause', 'eight-wastes'],
      },
      {
        categoryId: 'flow',
        name: 'Theatre time used',
        type: 'percentage',
        unit: '%',
        direction: 'higher',
        target: 85,
        thresholds: { green: 85, red: 75 },
        description: 'Share of booked session time spent operating.',
        conceptIds: ['eight-wastes', 'value-stream-mapping'],
      },
      staffing(100),
      {
        categoryId: 'cost',
        name: 'Kit or instrument delays',
        type: 'count',
        unit: 'delays',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 2 },
        description: 'Cases delayed by missing or unready kit.',
        conceptIds: ['five-s', 'eight-wastes'],
      },
    ],
  },
  {
    id: 'outpatients',
    name: 'Outpatients',
    summary: 'Clinics that start on time, run to time and lose no slots.',
    measures: [
      safetyBrief,
      {
        categoryId: 'quality',
        name: 'Clinics started on time',
        type: 'percentage',
        unit: '%',
        direction: 'higher',
        target: 90,
        thresholds: { green: 90, red: 75 },
        description: 'Clinics where the first patient was called within 10 minutes of the start.',
        conceptIds: ['standard-work', 'flow'],
      },
      {
        categoryId: 'quality',
        name: 'Patients who did not attend',
        type: 'percentage',
        unit: '%',
        direction: 'lower',
        target: 5,
        thresholds: { green: 5, red: 10 },
        description: 'Booked appointments the patient missed.',
        conceptIds: ['eight-wastes', 'root-cause'],
      },
      {
        categoryId: 'flow',
        name: 'Waiting over 30 minutes in clinic',
        type: 'count',
        unit: 'patients',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 5 },
        description: 'Patients seen more than 30 minutes after their appointment time.',
        conceptIds: ['flow', 'takt-time'],
      },
      {
        categoryId: 'flow',
        name: 'Unused clinic slots',
        type: 'count',
        unit: 'slots',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 3 },
        description: 'Slots left empty after cancellations.',
        conceptIds: ['eight-wastes', 'pull'],
      },
      staffing(100),
      ideasTested,
    ],
  },
  {
    id: 'community-team',
    name: 'Community team',
    summary: 'Visits made, travel and safe caseloads for teams out in the community.',
    measures: [
      safetyBrief,
      {
        categoryId: 'safety',
        name: 'Lone-working check-ins missed',
        type: 'count',
        unit: 'check-ins',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 1 },
        description: 'Staff who did not check in on time while working alone.',
        conceptIds: ['standard-work', 'stop-the-line'],
      },
      {
        categoryId: 'quality',
        name: 'Planned visits made',
        type: 'percentage',
        unit: '%',
        direction: 'higher',
        target: 98,
        thresholds: { green: 98, red: 90 },
        description: 'Visits made on the day they were planned.',
        conceptIds: ['standard-work', 'flow'],
      },
      {
        categoryId: 'flow',
        name: 'New referrals',
        type: 'count',
        unit: 'referrals',
        direction: 'neutral',
        description: 'Referrals received in the last working day.',
        conceptIds: ['takt-time', 'variation-spc'],
      },
      {
        categoryId: 'people',
        name: 'Caseload at a safe level',
        type: 'daystatus',
        unit: '',
        direction: 'neutral',
        description: 'Green: safe. Amber: stretched, visits moved. Red: visits dropped.',
        conceptIds: ['respect-for-people', 'visual-management'],
      },
      breaks,
      {
        categoryId: 'cost',
        name: 'Miles travelled',
        type: 'number',
        unit: 'miles',
        direction: 'lower',
        description: 'Team miles driven between visits.',
        conceptIds: ['eight-wastes', 'value-stream-mapping'],
      },
    ],
  },
  {
    id: 'corporate-team',
    name: 'Corporate team',
    summary: 'Finance, HR, estates or IT: work in, work out and the backlog.',
    measures: [
      {
        categoryId: 'safety',
        name: 'Incidents or near misses reported',
        type: 'count',
        unit: 'reports',
        direction: 'neutral',
        description: 'Safety, information-governance or wellbeing concerns raised.',
        conceptIds: ['stop-the-line', 'respect-for-people'],
      },
      {
        categoryId: 'quality',
        name: 'Requests done right first time',
        type: 'percentage',
        unit: '%',
        direction: 'higher',
        target: 95,
        thresholds: { green: 95, red: 85 },
        description: 'Requests closed without being sent back for rework.',
        conceptIds: ['mistake-proofing', 'eight-wastes'],
      },
      {
        categoryId: 'flow',
        name: 'Requests waiting',
        type: 'count',
        unit: 'requests',
        direction: 'lower',
        description: 'Open requests in the team’s queue this morning.',
        conceptIds: ['flow', 'pull'],
      },
      {
        categoryId: 'flow',
        name: 'Requests past their due date',
        type: 'count',
        unit: 'requests',
        direction: 'lower',
        target: 0,
        thresholds: { green: 0, red: 5 },
        description: 'Open requests older than the agreed turnaround.',
        conceptIds: ['flow', 'visual-management'],
      },
      {
        categoryId: 'people',
        name: 'Team wellbeing',
        type: 'daystatus',
        unit: '',
        direction: 'neutral',
        description: 'Green: a good day. Amber: under pressure. Red: struggling, talk to a leader.',
        conceptIds: ['respect-for-people', 'leader-standard-work'],
      },
      ideasTested,
    ],
  },
]

export function starterBoard(id: string): StarterBoard | undefined {
  return STARTER_BOARDS.find((set) => set.id === id)
}

/** One row of the starter form: whether to add the measure and the name and target as edited. */
export interface StarterRow {
  include: boolean
  name: string
  /** Empty for no target; not shown for yes/no and day-status measures. */
  target: string
}

export function starterRows(set: StarterBoard): StarterRow[] {
  return set.measures.map((measure) => ({
    include: true,
    name: measure.name,
    target: measure.target === null || measure.target === undefined ? '' : String(measure.target),
  }))
}

export function hasTarget(measure: Pick<StarterMeasure, 'type'>): boolean {
  return measure.type === 'count' || measure.type === 'number' || measure.type === 'percentage'
}

/**
 * The measures to add, as edited, or the problems keyed `name-<row>` / `target-<row>`
 * (the ids of the form's fields). Rows left unticked are skipped and never checked.
 */
export function starterMeasuresFrom(
  set: StarterBoard,
  rows: StarterRow[],
): { measures: StarterMeasure[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const measures: StarterMeasure[] = []
  set.measures.forEach((measure, i) => {
    const row = rows[i]
    if (!row?.include) return
    const name = row.name.trim().replace(/\s+/g, ' ')
    if (!name) errors[`name-${i}`] = `Enter a name for measure ${i + 1}, or untick it`
    else if (name.length > LIMITS.name)
      errors[`name-${i}`] = `The name of measure ${i + 1} must be ${LIMITS.name} characters or fewer`
    let target = measure.target ?? null
    if (hasTarget(measure)) {
      const typed = row.target.trim()
      target = typed === '' ? null : parseNumber(typed)
      const problem = target === null ? undefined : settingProblem(measure.type, target)
      if (typed !== '' && target === null)
        errors[`target-${i}`] = `Enter the target for ${name || 'measure'} as a number`
      else if (problem) errors[`target-${i}`] = `The target for ${name} ${problem}`
    }
    measures.push({ ...measure, name, target, thresholds: measure.thresholds ?? null })
  })
  if (measures.length === 0 && Object.keys(errors).length === 0) errors['name-0'] = 'Tick at least one measure to add'
  return { measures, errors }
}
