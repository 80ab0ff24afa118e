// The names of the LIM concepts, for every screen that links items to them (pickers,
// chips, history). Kept small on purpose: the board bundles this file, while the pages'
// full text lives in conceptCatalogue.ts, which loads only with the /concepts screens.
// Ids are stable for ever: measures, actions and history already store them.
export type ConceptGroupId = 'daily' | 'measuring' | 'standards' | 'improving' | 'flow' | 'leading'

export interface ConceptGroup {
  id: ConceptGroupId
  name: string
  /** One line on what the concepts in the group have in common. */
  summary: string
}

/** In the order a browser meets them; every concept can still be learnt on its own. */
export const CONCEPT_GROUPS: readonly ConceptGroup[] = [
  { id: 'daily', name: 'Daily management', summary: 'The short daily routine that keeps a team on track.' },
  {
    id: 'measuring',
    name: 'Measuring',
    summary: 'Knowing how the ward is doing, and when something has really changed.',
  },
  { id: 'standards', name: 'Standard work', summary: 'Doing the work the same, safe way every time.' },
  { id: 'improving', name: 'Improvement', summary: 'Finding problems and testing small fixes.' },
  { id: 'flow', name: 'Flow', summary: 'Helping patients and work move on without waiting.' },
  { id: 'leading', name: 'Leading', summary: 'How leaders support the people who do the work.' },
]

export interface ConceptRef {
  id: string
  name: string
  group: ConceptGroupId
  /** One plain-English line, shown in pickers and chips. */
  summary: string
}

export const CONCEPT_INDEX: readonly ConceptRef[] = [
  {
    id: 'daily-management',
    group: 'daily',
    name: 'Daily management',
    summary: 'Check yesterday, plan today, fix small problems every day.',
  },
  {
    id: 'tiered-huddles',
    group: 'daily',
    name: 'Tiered huddles and escalation',
    summary: 'What a team cannot fix goes up the same day, and the answer comes back.',
  },
  {
    id: 'visual-management',
    group: 'daily',
    name: 'Visual management',
    summary: 'Show expected against actual so problems stand out at a glance.',
  },
  {
    id: 'sqdcp-measures',
    group: 'measuring',
    name: 'Safety, quality, people, flow and cost measures',
    summary: 'Sort board measures so no area is forgotten.',
  },
  {
    id: 'safety-cross',
    group: 'measuring',
    name: 'Safety cross',
    summary: 'A month calendar coloured each day for harm, near miss or harm-free.',
  },
  {
    id: 'variation-spc',
    group: 'measuring',
    name: 'Variation and SPC',
    summary: 'Tell everyday noise from a real change in a measure.',
  },
  {
    id: 'standard-work',
    group: 'standards',
    name: 'Standard work',
    summary: 'The best way we know today, written down so everyone does it the same.',
  },
  {
    id: 'leader-standard-work',
    group: 'standards',
    name: 'Leader standard work',
    summary: "A leader's regular routine, checked like any other standard.",
  },
  {
    id: 'kamishibai',
    group: 'standards',
    name: 'Kamishibai (standard checks)',
    summary: 'Quick checks, on cards, that a standard is really being followed.',
  },
  { id: 'five-s', group: 'standards', name: '5S', summary: 'Sort, set in order, shine, standardise, sustain.' },
  {
    id: 'mistake-proofing',
    group: 'standards',
    name: 'Mistake-proofing',
    summary: 'Design the work so the wrong thing is hard to do.',
  },
  {
    id: 'stop-the-line',
    group: 'standards',
    name: 'Stop the line',
    summary: 'Anyone can stop work when patients are at risk, and get help at once.',
  },
  {
    id: 'eight-wastes',
    group: 'improving',
    name: 'The 8 wastes',
    summary: 'Spot effort that does not help the patient.',
  },
  {
    id: 'everyday-ideas',
    group: 'improving',
    name: 'Everyday improvement ideas',
    summary: 'Small changes staff spot, test and make themselves.',
  },
  {
    id: 'pdsa',
    group: 'improving',
    name: 'PDSA',
    summary: 'Try a change small, compare with what you predicted, then decide.',
  },
  {
    id: 'root-cause',
    group: 'improving',
    name: 'Root cause / 5 whys',
    summary: 'Keep asking why until you reach the real cause.',
  },
  {
    id: 'a3-thinking',
    group: 'improving',
    name: 'A3 thinking',
    summary: 'Tell the story of a problem and its fix on one sheet of paper.',
  },
  {
    id: 'rpiw',
    group: 'improving',
    name: 'Rapid process improvement workshops',
    summary: 'A team spends a few full days redesigning one process, with data.',
  },
  { id: 'flow', group: 'flow', name: 'Flow', summary: 'Move patients and work through without queues or waiting.' },
  {
    id: 'pull',
    group: 'flow',
    name: 'Pull',
    summary: 'Start the next piece of work when the next step is ready for it.',
  },
  { id: 'takt-time', group: 'flow', name: 'Takt time', summary: 'The pace of work needed to keep up with demand.' },
  {
    id: 'value-stream-mapping',
    group: 'flow',
    name: 'Value stream mapping',
    summary: 'Draw every step of a patient journey to see where time is lost.',
  },
  {
    id: 'gemba',
    group: 'leading',
    name: 'Gemba / leader rounding',
    summary: 'Go and see where the work happens; ask and listen.',
  },
  {
    id: 'respect-for-people',
    group: 'leading',
    name: 'Respect for people',
    summary: 'Staff solve problems; talk about mistakes without blame.',
  },
  {
    id: 'tri-team-leadership',
    group: 'leading',
    name: 'Tri-team (dyad) leadership',
    summary: 'A doctor, a nurse and a manager lead the service side by side.',
  },
  {
    id: 'strategy-deployment',
    group: 'leading',
    name: 'Strategy deployment and catch-ball',
    summary: 'A few shared goals, passed up and down until every team owns its part.',
  },
] as const

const BY_ID = new Map(CONCEPT_INDEX.map((c) => [c.id, c]))

export function conceptById(id: string): ConceptRef | undefined {
  return BY_ID.get(id)
}

/** Case-insensitive search over names and summaries, for the concept picker. */
export function searchConcepts(query: string): ConceptRef[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...CONCEPT_INDEX]
  return CONCEPT_INDEX.filter((c) => c.name.toLowerCase().includes(q) || c.summary.toLowerCase().includes(q))
}
