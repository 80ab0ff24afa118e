// Improvement ideas for the demo wards: eight each, across every column of the idea
// board, and on one idea per ward a run of PDSA cycles linked to a board measure with
// an implemented date, so the before-and-after view has something to show. Invented
// wording only: no patients, no real staff.
import { addDays } from './dates'
import type { DemoWard } from './demoStandardWork'
import type { DayKey, Idea, IdeaStatus, PdsaCycle, WasteId } from './types'

export interface DemoIdeas {
  ideas: Idea[]
  cycles: PdsaCycle[]
}

interface IdeaSpec {
  problem: string
  idea: string
  benefit: string
  wastes: WasteId[]
  status: IdeaStatus
  /** Days ago it reached its status. */
  ago: number
  conceptIds: string[]
  notProgressedReason?: string
  effort?: Idea['effort']
  impact?: Idea['impact']
}

// Ward 1 takes the first eight, ward 2 the last eight: most ideas are the same kind of
// everyday fix, but each ward's board looks its own.
const IDEAS: IdeaSpec[] = [
  {
    problem: 'We walk to the far store room for dressing packs several times a shift.',
    idea: 'Keep a small labelled top-up box of dressing packs in each bay.',
    benefit: 'Less walking, quicker dressings',
    wastes: ['motion', 'transport'],
    status: 'new',
    ago: 2,
    conceptIds: ['five-s', 'eight-wastes'],
  },
  {
    problem: 'New starters are not sure where the emergency equipment lives.',
    idea: 'Add a floor plan with the emergency kit marked to the welcome pack.',
    benefit: 'Faster response in an emergency',
    wastes: ['unused-talent'],
    status: 'review',
    ago: 6,
    conceptIds: ['visual-management'],
    effort: 'low',
    impact: 'high',
  },
  {
    problem: 'Handover runs over because the same information is read out twice.',
    idea: 'Use one printed handover sheet and only talk through changes since the last shift.',
    benefit: 'Handover finishes on time',
    wastes: ['extra-processing', 'overproduction'],
    status: 'testing',
    ago: 12,
    conceptIds: ['standard-work', 'pdsa'],
    effort: 'low',
    impact: 'high',
  },
  {
    problem: 'Discharge letters wait for a doctor after the ward round.',
    idea: 'Start the letter during the round for anyone likely to go home today.',
    benefit: 'More discharges before noon',
    wastes: ['waiting'],
    status: 'testing',
    ago: 5,
    conceptIds: ['flow', 'pull'],
    effort: 'low',
    impact: 'high',
  },
  {
    problem: 'The drugs round is interrupted by phone calls.',
    idea: 'Wear a red apron on the drugs round so colleagues take the calls.',
    benefit: 'Fewer interruptions and fewer missed doses',
    wastes: ['defects'],
    status: 'sustained',
    ago: 20,
    conceptIds: ['mistake-proofing'],
    effort: 'low',
    impact: 'high',
  },
  {
    problem: 'Linen trolleys block the corridor outside bay 2.',
    idea: 'Mark a parking bay for the linen trolley by the sluice.',
    benefit: 'Clear corridor and fire route',
    wastes: ['motion'],
    status: 'implemented',
    ago: 9,
    conceptIds: ['five-s', 'visual-management'],
    effort: 'low',
    impact: 'low',
  },
  {
    problem: 'Agency staff do not know the ward routine.',
    idea: 'Buy a second set of tablets so agency staff can read the routine on their own.',
    benefit: 'Agency staff settle in faster',
    wastes: ['unused-talent'],
    status: 'not-progressed',
    ago: 15,
    conceptIds: ['standard-work'],
    notProgressedReason:
      'No budget this year; a one-page laminated routine by the nurses\u2019 station does the same job.',
    effort: 'high',
    impact: 'low',
  },
  {
    problem: 'Pressure area checks are recorded in two places.',
    idea: 'Record them once, on the electronic chart, and stop the paper sheet.',
    benefit: 'Time back for care',
    wastes: ['extra-processing'],
    status: 'review',
    ago: 4,
    conceptIds: ['eight-wastes'],
    effort: 'high',
    impact: 'high',
  },
  {
    problem: 'Observation machines are not on charge at the start of a shift.',
    idea: 'Put a charging shelf with marked spaces next to the nurses\u2019 station.',
    benefit: 'Observations done on time',
    wastes: ['waiting', 'motion'],
    status: 'testing',
    ago: 10,
    conceptIds: ['five-s', 'pdsa'],
    effort: 'low',
    impact: 'high',
  },
  {
    problem: 'Staff miss breaks on busy late shifts.',
    idea: 'Plan break times at the safety brief and write them on the board.',
    benefit: 'Everyone gets a break',
    wastes: ['unused-talent'],
    status: 'new',
    ago: 3,
    conceptIds: ['respect-for-people', 'daily-management'],
  },
]

/** The idea that gets PDSA cycles, and the board measure it is judged by (see MEASURES in demo.ts). */
// Implemented long enough ago (about 12 and 14 weeks) that the weekly chart shows the
// shift it made: the demo's values really change from that day (demo.ts).
const TESTED: Record<number, { index: number; measure: number; implementedAgo: number }> = {
  1: { index: 2, measure: 8, implementedAgo: 84 }, // handover → discharges before noon
  2: { index: 8, measure: 4, implementedAgo: 98 }, // charging shelf → observations on time
}

/** The measure each tested idea changed, and the day it was implemented. */
export function demoChangeDays(today: DayKey): Map<string, DayKey> {
  return new Map(
    Object.entries(TESTED).map(([ward, t]) => [`demo-m-${ward}-${t.measure}`, addDays(today, -t.implementedAgo)]),
  )
}

type CycleSpec = Pick<
  PdsaCycle,
  'change' | 'prediction' | 'measurePlan' | 'whatHappened' | 'study' | 'decision' | 'conceptIds'
> & { start: number; end: number | null }

function cycleSpecs(ward: number, implementedAgo: number): CycleSpec[] {
  // A one-week test, then a two-week one ending the day the change was adopted.
  const first = implementedAgo + 24
  if (ward === 1)
    return [
      {
        change: 'Try the one-sheet handover on early-to-late handover for one week.',
        prediction: 'Handover will finish within 20 minutes on most days.',
        measurePlan: 'Time each handover; count discharges before noon.',
        whatHappened: 'Four of five handovers finished on time; the sheet was missing on one day.',
        study: 'Better than predicted when the sheet was there.',
        decision: 'adapt',
        start: first,
        end: first - 7,
        conceptIds: ['pdsa'],
      },
      {
        change: 'Print the sheet at 06:30 so it is always ready; use it on every handover.',
        prediction: 'Every handover within 20 minutes.',
        measurePlan: 'Time each handover for two weeks.',
        whatHappened: 'Thirteen of fourteen on time.',
        study: 'Prediction met.',
        decision: 'adopt',
        start: implementedAgo + 16,
        end: implementedAgo,
        conceptIds: ['pdsa', 'standard-work'],
      },
      {
        change: 'Use the same sheet for the night-to-early handover.',
        prediction: 'Night handover also within 20 minutes.',
        measurePlan: 'Time the night handover for one week.',
        whatHappened: '',
        study: '',
        decision: null,
        start: 3,
        end: null,
        conceptIds: ['pdsa'],
      },
    ]
  return [
    {
      change: 'A charging shelf with four marked spaces, tried on the early shift.',
      prediction: 'All machines charged at the start of the early shift.',
      measurePlan: 'Count charged machines at 07:15; observations on time.',
      whatHappened: 'Machines charged on six of seven mornings.',
      study: 'Close to the prediction; the night shift did not know about the shelf.',
      decision: 'adapt',
      start: first,
      end: first - 7,
      conceptIds: ['pdsa', 'five-s'],
    },
    {
      change: 'Add the shelf to the night shift\u2019s safety brief.',
      prediction: 'Charged every morning.',
      measurePlan: 'Count charged machines at 07:15 for two weeks.',
      whatHappened: 'Charged every morning.',
      study: 'Prediction met.',
      decision: 'adopt',
      start: implementedAgo + 16,
      end: implementedAgo,
      conceptIds: ['pdsa'],
    },
  ]
}

export function buildDemoIdeas(ward: DemoWard, today: DayKey, r: () => number): DemoIdeas {
  const out: DemoIdeas = { ideas: [], cycles: [] }
  const tested = TESTED[ward.number]
  const specs = ward.number === 1 ? IDEAS.slice(0, 8) : IDEAS.slice(2, 10)
  const instant = (ago: number, hour = 11) => `${addDays(today, -ago)}T${String(hour).padStart(2, '0')}:00:00.000Z`
  specs.forEach((spec, i) => {
    const id = `demo-idea-${ward.number}-${i + 1}`
    const isTested = tested !== undefined && IDEAS.indexOf(spec) === tested.index
    const raised = isTested ? tested.implementedAgo + 25 + Math.floor(r() * 3) : spec.ago + 10 + Math.floor(r() * 10)
    const raisedBy = r() < 0.2 ? null : ward.people[Math.floor(r() * ward.people.length)]!
    const implemented = spec.status === 'implemented' || spec.status === 'sustained'
    const status: IdeaStatus = isTested ? 'implemented' : spec.status
    const statusAgo = isTested ? tested.implementedAgo : spec.ago
    const moved = status !== 'new'
    out.ideas.push({
      id,
      unitId: ward.unitId,
      createdAt: instant(raised),
      updatedAt: instant(statusAgo),
      updatedBy: ward.people[0]!,
      boardId: ward.boardId,
      problem: spec.problem,
      idea: spec.idea,
      benefit: spec.benefit,
      wastes: spec.wastes,
      raisedBy,
      status,
      statusChangedAt: instant(statusAgo),
      notProgressedReason: spec.notProgressedReason ?? '',
      implementedAt: isTested
        ? instant(tested.implementedAgo)
        : implemented
          ? instant(spec.status === 'sustained' ? spec.ago + 7 : spec.ago)
          : null,
      owner: moved ? ward.people[(i + 2) % ward.people.length]! : '',
      sponsor: moved ? ward.people[0]! : '',
      effort: spec.effort ?? null,
      impact: spec.impact ?? null,
      measureId: isTested ? `demo-m-${ward.number}-${tested.measure}` : null,
      conceptIds: spec.conceptIds,
    })
    if (!isTested) return
    cycleSpecs(ward.number, tested.implementedAgo).forEach(({ start, end, ...fields }, c) => {
      out.cycles.push({
        id: `${id}-pdsa-${c + 1}`,
        unitId: ward.unitId,
        createdAt: instant(start + 1),
        updatedAt: instant(end ?? start),
        updatedBy: ward.people[1]!,
        ideaId: id,
        boardId: ward.boardId,
        number: c + 1,
        ...fields,
        startDay: addDays(today, -start),
        endDay: end === null ? null : addDays(today, -end),
      })
    })
  })
  return out
}
