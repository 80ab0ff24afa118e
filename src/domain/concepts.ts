// Starter list of LIM concept ids that board items can link to. The concept library
// issue turns these into full pages; the ids here stay stable so links made now keep
// working when it lands.
export interface ConceptRef {
  id: string
  name: string
  /** One plain-English line, shown in pickers and chips. */
  summary: string
}

export const STARTER_CONCEPTS: readonly ConceptRef[] = [
  { id: 'daily-management', name: 'Daily management', summary: 'Check yesterday, plan today, fix small problems every day.' },
  { id: 'tiered-huddles', name: 'Tiered huddles and escalation', summary: 'What a team cannot fix goes up the same day, and the answer comes back.' },
  { id: 'visual-management', name: 'Visual management', summary: 'Show expected against actual so problems stand out at a glance.' },
  { id: 'sqdcp-measures', name: 'Safety, quality, people, flow and cost measures', summary: 'Sort board measures so no area is forgotten.' },
  { id: 'safety-cross', name: 'Safety cross', summary: 'A month calendar coloured each day for harm, near miss or harm-free.' },
  { id: 'standard-work', name: 'Standard work', summary: 'The best way we know today, written down so everyone does it the same.' },
  { id: 'leader-standard-work', name: 'Leader standard work', summary: "A leader's regular routine, checked like any other standard." },
  { id: 'gemba', name: 'Gemba / leader rounding', summary: 'Go and see where the work happens; ask and listen.' },
  { id: 'eight-wastes', name: 'The 8 wastes', summary: 'Spot effort that does not help the patient.' },
  { id: 'five-s', name: '5S', summary: 'Sort, set in order, shine, standardise, sustain.' },
  { id: 'everyday-ideas', name: 'Everyday improvement ideas', summary: 'Small changes staff spot, test and make themselves.' },
  { id: 'pdsa', name: 'PDSA', summary: 'Try a change small, compare with what you predicted, then decide.' },
  { id: 'root-cause', name: 'Root cause / 5 whys', summary: 'Keep asking why until you reach the real cause.' },
  { id: 'stop-the-line', name: 'Stop the line', summary: 'Anyone can stop work when patients are at risk, and get help at once.' },
  { id: 'flow', name: 'Flow', summary: 'Move patients and work through without queues or waiting.' },
  { id: 'variation-spc', name: 'Variation and SPC', summary: 'Tell everyday noise from a real change in a measure.' },
  { id: 'respect-for-people', name: 'Respect for people', summary: 'Staff are problem-solvers; talk about errors without blame.' },
] as const

const BY_ID = new Map(STARTER_CONCEPTS.map((c) => [c.id, c]))

export function conceptById(id: string): ConceptRef | undefined {
  return BY_ID.get(id)
}

/** Case-insensitive search over names and summaries, for the concept picker. */
export function searchConcepts(query: string): ConceptRef[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...STARTER_CONCEPTS]
  return STARTER_CONCEPTS.filter((c) => c.name.toLowerCase().includes(q) || c.summary.toLowerCase().includes(q))
}
