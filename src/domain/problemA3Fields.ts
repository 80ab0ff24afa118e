// The problem-solving A3's boxes, fields and their limits, apart from its rules (problemA3.ts): the
// texts-to-choose rules (textChoices.ts), which load with every screen, name and limit its fields
// without bringing the A3's validation and countermeasure code with them.
import { LIMITS } from './validation'

/** A box of free text: short enough that the whole A3 prints on one sheet. */
export const PROBLEM_A3_TEXT_MAX = LIMITS.comment
/** One question or answer of the 5 whys. */
export const WHY_TEXT_MAX = LIMITS.title
export const WHY_STEPS = 5
/** One cause on the fishbone, and how many a category holds. */
export const CAUSE_TEXT_MAX = LIMITS.name
export const CAUSES_PER_CATEGORY = 6
export const COUNTERMEASURES_MAX = 8

export type ProblemA3BoxField = 'background' | 'currentCondition' | 'targetCondition' | 'followUp'
export type WhyField = 'why1' | 'why2' | 'why3' | 'why4' | 'why5'
export type BecauseField = 'because1' | 'because2' | 'because3' | 'because4' | 'because5'
export type CauseField =
  'causesPeople' | 'causesMethods' | 'causesEquipment' | 'causesMaterials' | 'causesEnvironment' | 'causesMeasurement'

export const PROBLEM_A3_BOXES: readonly { field: ProblemA3BoxField; title: string; hint: string }[] = [
  { field: 'background', title: 'Background', hint: 'Why this problem matters, to whom, and why now.' },
  {
    field: 'currentCondition',
    title: 'Current condition',
    hint: 'What happens today, in facts and numbers. The measure’s SPC chart is shown with it.',
  },
  { field: 'targetCondition', title: 'Target condition', hint: 'What will be true, by when, in the measure.' },
  {
    field: 'followUp',
    title: 'Follow-up',
    hint: 'How and when you will check the countermeasures worked, and what you will do if they did not.',
  },
]

export const WHY_FIELDS: readonly WhyField[] = ['why1', 'why2', 'why3', 'why4', 'why5']
export const BECAUSE_FIELDS: readonly BecauseField[] = ['because1', 'because2', 'because3', 'because4', 'because5']

/** The six categories LIM teaches for a fishbone (Ishikawa) diagram, top row then bottom row. */
export const FISHBONE_CATEGORIES: readonly { field: CauseField; title: string; hint: string }[] = [
  { field: 'causesPeople', title: 'People', hint: 'Staffing, skills, training, handover.' },
  { field: 'causesMethods', title: 'Methods', hint: 'Procedures, standard work, how the task is done.' },
  { field: 'causesEquipment', title: 'Equipment', hint: 'Machines, devices, IT, beds.' },
  { field: 'causesMaterials', title: 'Materials', hint: 'Supplies, forms, medicines.' },
  { field: 'causesEnvironment', title: 'Environment', hint: 'Layout, noise, light, time of day.' },
  { field: 'causesMeasurement', title: 'Measurement', hint: 'How it is counted, recorded and seen.' },
]

export type ProblemA3TextField = 'title' | ProblemA3BoxField | WhyField | BecauseField | CauseField

/** How the sync's text chooser names each field and what it allows (domain/textChoices.ts). */
export function problemA3TextRules(): Record<ProblemA3TextField, { label: string; max: number; required: boolean }> {
  const rules = {
    title: { label: 'Problem A3: the problem', max: LIMITS.title, required: true },
  } as Record<ProblemA3TextField, { label: string; max: number; required: boolean }>
  for (const { field, title } of PROBLEM_A3_BOXES)
    rules[field] = { label: `Problem A3: ${title.toLowerCase()}`, max: PROBLEM_A3_TEXT_MAX, required: false }
  WHY_FIELDS.forEach((field, i) => {
    rules[field] = { label: `Problem A3: why ${i + 1}`, max: WHY_TEXT_MAX, required: false }
    rules[BECAUSE_FIELDS[i]!] = { label: `Problem A3: because ${i + 1}`, max: WHY_TEXT_MAX, required: false }
  })
  for (const { field, title } of FISHBONE_CATEGORIES)
    rules[field] = {
      label: `Problem A3: ${title.toLowerCase()} causes`,
      max: CAUSE_TEXT_MAX * CAUSES_PER_CATEGORY + CAUSES_PER_CATEGORY,
      required: false,
    }
  return rules
}
