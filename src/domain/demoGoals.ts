// The demo trust's strategy deployment: the trust's true north and a breakthrough objective, the
// Medicine CSU's goals serving them (one agreed after a counter-proposal, one still in discussion with a
// question open, one the CSU set itself), and the wards' goals serving the CSU's, linked to their board
// measures (one agreed, one proposed and waiting for the ward). Part of the demo's lazy chunk.
import { libraryScopeId } from '@/shared/sync/scopes'
import { addDays } from './dates'
import type { CatchBallEntry, DayKey, Goal, GoalTerms } from './types'

export interface DemoGoalWard {
  unitId: string
  boardId: string
  number: number
  /** Measure ids on the ward's board: falls, observations on time. */
  falls: string
  observations: string
  people: readonly string[]
}

/** Ward 7's falls goal has its A3 written (twice: the second version added the follow-up). */
const WARD_7_A3: Partial<Goal> = {
  a3Background:
    'Falls with harm are the trust’s breakthrough objective this year. Ward 7 cares for frail older people and had the most falls in the CSU last winter.',
  a3CurrentCondition:
    'About one fall every day or two, most between 02:00 and 06:00 in bays 2 and 4, often on the way to the toilet. Post-fall huddles happen for about half of falls.',
  a3TargetCondition: 'Half as many falls by the end of March, every fall followed by a huddle within the shift.',
  a3Analysis:
    '5 whys: patients get up alone at night → call bells not in reach and no toileting round after 02:00 → the night round was dropped when the ward went to one healthcare assistant at night.',
  a3Countermeasures:
    'Cohort the highest-risk patients in bay 2 by the nurses’ station; a 02:00 and 04:00 toileting round; call bell in reach on every safety brief.',
  a3Plan:
    'Ward manager: bay 2 cohorting from next week. Night nurse in charge: rounds on the night checklist. Practice educator: falls huddle training at the team day.',
  a3FollowUp: 'Falls and huddles reviewed weekly at the Monday huddle; the SPC chart at the monthly CSU review.',
  a3Version: 2,
}

export function buildDemoGoals(
  trustId: string,
  csuId: string,
  wards: readonly DemoGoalWard[],
  today: DayKey,
): { goals: Goal[]; catchBall: CatchBallEntry[] } {
  const yearEnd = `${Number(today.slice(0, 4)) + (today.slice(5) > '03-31' ? 1 : 0)}-03-31`
  const at = (daysAgo: number, hour = 10) => `${addDays(today, -daysAgo)}T${String(hour).padStart(2, '0')}:00:00.000Z`
  const goals: Goal[] = []
  const catchBall: CatchBallEntry[] = []
  const goal = (over: Partial<Goal> & Pick<Goal, 'id' | 'tier' | 'ownerScopeId' | 'title' | 'owner'>): Goal => {
    const made = {
      unitId: over.tier === 'trust' ? libraryScopeId(over.ownerScopeId) : over.ownerScopeId,
      createdAt: at(40),
      updatedAt: at(40),
      updatedBy: 'Demo',
      kind: 'goal' as const,
      parentGoalIds: [],
      parentTitles: {},
      measure: null,
      direction: 'lower' as const,
      baseline: null,
      target: null,
      targetDay: yearEnd,
      conceptIds: [],
      proposedBy: null,
      archived: false,
      ...over,
    }
    goals.push(made)
    return made
  }
  const say = (
    g: Goal,
    kind: CatchBallEntry['kind'],
    side: CatchBallEntry['side'],
    daysAgo: number,
    author: string,
    text = '',
    terms: GoalTerms | null = null,
  ) => {
    const tier = side === 'lower' ? g.tier : g.tier === 'unit' ? 'csu' : 'trust'
    const when = at(daysAgo, 9 + (catchBall.length % 6))
    catchBall.push({
      id: `demo-cb-${catchBall.length + 1}`,
      unitId: g.unitId,
      createdAt: when,
      updatedAt: when,
      updatedBy: author,
      goalId: g.id,
      kind,
      side,
      tier,
      text,
      terms,
      author,
      at: when,
    })
  }

  goal({
    id: 'demo-goal-trust-harm',
    tier: 'trust',
    ownerScopeId: trustId,
    kind: 'true-north',
    title: 'No avoidable harm to patients',
    owner: 'Chief Nurse',
    measure: { kind: 'roll-up' },
    conceptIds: ['strategy-deployment'],
  })
  const timely = goal({
    id: 'demo-goal-trust-timely',
    tier: 'trust',
    ownerScopeId: trustId,
    kind: 'true-north',
    title: 'Care on time, every time',
    owner: 'Chief Operating Officer',
    measure: { kind: 'roll-up' },
    direction: 'higher',
  })
  const people = goal({
    id: 'demo-goal-trust-people',
    tier: 'trust',
    ownerScopeId: trustId,
    kind: 'true-north',
    title: 'A team that feels supported and safe',
    owner: 'Chief People Officer',
    direction: 'higher',
  })
  const falls = goal({
    id: 'demo-goal-trust-falls',
    tier: 'trust',
    ownerScopeId: trustId,
    kind: 'breakthrough',
    title: 'Halve falls with harm this year',
    owner: 'Chief Nurse',
    measure: { kind: 'roll-up' },
    baseline: 0.8,
    target: 0.4,
  })

  // The CSU's falls goal: proposed by the trust, a counter-proposal with reasons, agreed.
  const csuFalls = goal({
    id: 'demo-goal-csu-falls',
    tier: 'csu',
    ownerScopeId: csuId,
    title: 'Fewer falls on our elderly care wards',
    owner: 'Head of Nursing, Medicine',
    parentGoalIds: [falls.id],
    parentTitles: { [falls.id]: falls.title },
    measure: { kind: 'roll-up' },
    baseline: 0.8,
    target: 0.4,
    proposedBy: 'trust',
  })
  say(
    csuFalls,
    'propose',
    'upper',
    35,
    'Chief Nurse',
    'Falls are our most common harm; halving them is this year’s breakthrough.',
    {
      target: 0.4,
      targetDay: yearEnd,
    },
  )
  say(
    csuFalls,
    'counter',
    'lower',
    33,
    'Head of Nursing, Medicine',
    'Ward 7 takes the frailest patients and opens four more beds in winter; half by March is not credible. We can commit to a third.',
    { target: 0.5, targetDay: yearEnd },
  )
  say(csuFalls, 'agree', 'upper', 31, 'Chief Nurse', 'Agreed: review at the January CSU performance meeting.')

  // Observations on time: proposed, a question open.
  const csuObs = goal({
    id: 'demo-goal-csu-obs',
    tier: 'csu',
    ownerScopeId: csuId,
    title: 'Observations on time on every ward',
    owner: 'Deputy Head of Nursing, Medicine',
    parentGoalIds: [timely.id],
    parentTitles: { [timely.id]: timely.title },
    measure: { kind: 'roll-up' },
    direction: 'higher',
    baseline: 88,
    target: 95,
    proposedBy: 'trust',
  })
  say(csuObs, 'propose', 'upper', 6, 'Chief Operating Officer', '', { target: 95, targetDay: yearEnd })
  say(
    csuObs,
    'question',
    'lower',
    4,
    'Deputy Head of Nursing, Medicine',
    'Does 95% include the night shift, when one nurse covers two bays?',
  )

  // Set by the CSU itself, with no ward goal behind it yet: the deployment view calls it out.
  goal({
    id: 'demo-goal-csu-shifts',
    tier: 'csu',
    ownerScopeId: csuId,
    title: 'Every shift filled to its safe staffing level',
    owner: 'General Manager, Medicine',
    parentGoalIds: [people.id],
    parentTitles: { [people.id]: people.title },
    measure: { kind: 'roll-up' },
    direction: 'higher',
    baseline: 91,
    target: 97,
  })

  // Ward goals, each serving the CSU's falls or observations goal.
  wards.forEach((ward, w) => {
    const wardFalls = goal({
      id: `demo-goal-ward-${ward.number}-falls`,
      tier: 'unit',
      ownerScopeId: ward.unitId,
      title: w === 0 ? 'Fewer falls: bay 2 cohorting and a fall huddle after each fall' : 'Fewer falls at night',
      owner: ward.people[0] ?? 'Ward manager',
      parentGoalIds: [csuFalls.id],
      parentTitles: { [csuFalls.id]: csuFalls.title },
      measure: { kind: 'measure', measureId: ward.falls, boardId: ward.boardId },
      baseline: w === 0 ? 1 : 0.6,
      target: w === 0 ? 0.5 : 0.3,
      proposedBy: 'csu',
      conceptIds: ['strategy-deployment', 'tiered-huddles'],
      ...(w === 0 ? WARD_7_A3 : {}),
    })
    say(wardFalls, 'propose', 'upper', 28 - w, 'Head of Nursing, Medicine', '', {
      target: wardFalls.target,
      targetDay: yearEnd,
    })
    say(wardFalls, 'accept', 'lower', 26 - w, ward.people[0] ?? 'Ward manager', 'Agreed at the huddle.')
  })
  const second = wards[1]
  if (second) {
    const obs = goal({
      id: `demo-goal-ward-${second.number}-obs`,
      tier: 'unit',
      ownerScopeId: second.unitId,
      title: 'Observations on time, every round',
      owner: second.people[1] ?? 'Nurse in charge',
      parentGoalIds: [csuObs.id],
      parentTitles: { [csuObs.id]: csuObs.title },
      measure: { kind: 'measure', measureId: second.observations, boardId: second.boardId },
      direction: 'higher',
      baseline: 86,
      target: 95,
      proposedBy: 'csu',
    })
    say(obs, 'propose', 'upper', 2, 'Deputy Head of Nursing, Medicine', 'So the CSU’s goal has a ward behind it.', {
      target: 95,
      targetDay: yearEnd,
    })
  }
  return { goals, catchBall }
}
