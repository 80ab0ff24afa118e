// The problem-solving A3 for an idea or an escalation, in the structure the method teaches: background,
// current condition (with a board measure's SPC chart), analysis by 5 whys and a fishbone, target
// condition, countermeasures (each with an owner and a date, which can become board actions) and
// follow-up. Pure rules here: the boxes and their limits, the shape of the 5 whys chain, the fishbone's
// causes, validation of a draft against what the form showed, and how the person's countermeasure edits
// apply to the list as stored (a pull may have changed it while the form was open).
import { formatDay, isDayKey } from './dates'
import type { Countermeasure, DayKey, ProblemA3, ProblemA3SubjectTable } from './types'
import { LIMITS } from './validation'
import {
  BECAUSE_FIELDS,
  CAUSE_TEXT_MAX,
  CAUSES_PER_CATEGORY,
  COUNTERMEASURES_MAX,
  FISHBONE_CATEGORIES,
  PROBLEM_A3_BOXES,
  PROBLEM_A3_TEXT_MAX,
  WHY_FIELDS,
  WHY_TEXT_MAX,
  type BecauseField,
  type CauseField,
  type ProblemA3TextField,
  type WhyField,
} from './problemA3Fields'

export * from './problemA3Fields'

/** The id of a subject's A3: one per idea or escalation, the same on every tablet that starts it. */
export function problemA3Id(table: ProblemA3SubjectTable, subjectId: string): string {
  return `a3-${table === 'ideas' ? 'idea' : 'escalation'}-${subjectId}`
}

export interface WhyStep {
  /** 1 to 5. */
  step: number
  why: string
  because: string
}

type WhysOf = Partial<Pick<ProblemA3, WhyField | BecauseField>>

/** The chain as far as it is written: steps after the last one with a question or an answer are left off. */
export function whyChain(a3: WhysOf): WhyStep[] {
  const steps = WHY_FIELDS.map((field, i) => ({
    step: i + 1,
    why: (a3[field] ?? '').trim(),
    because: (a3[BECAUSE_FIELDS[i]!] ?? '').trim(),
  }))
  let last = steps.length
  while (last > 0 && !steps[last - 1]!.why && !steps[last - 1]!.because) last--
  return steps.slice(0, last)
}

/** The question a step asks when none was typed: the first asks about the problem, each next about the
 * answer before it (so the chain reads on paper as why → because → why …). */
export function whyQuestion(a3: WhysOf, step: number, problem: string): string {
  const typed = (a3[WHY_FIELDS[step - 1]!] ?? '').trim()
  if (typed) return typed
  const before = step === 1 ? problem.trim() : (a3[BECAUSE_FIELDS[step - 2]!] ?? '').trim()
  return before ? `Why? (${before})` : 'Why?'
}

/** The root cause the chain reached: the last answer, or '' when no step has one. */
export function rootCause(a3: WhysOf): string {
  const answered = whyChain(a3).filter((s) => s.because)
  return answered.at(-1)?.because ?? ''
}

/** A category's causes: one a line, blank lines and surrounding spaces dropped. */
export function causesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/** How many causes the fishbone holds in all. */
export function causeCount(a3: Partial<Pick<ProblemA3, CauseField>>): number {
  return FISHBONE_CATEGORIES.reduce((n, { field }) => n + causesOf(a3[field]).length, 0)
}

/** What the form edits: every text field, the measure, and countermeasures as typed (dates as 'YYYY-MM-DD' or ''). */
export interface CountermeasureDraft {
  id: string
  text: string
  owner: string
  dueDay: string
  actionId: string | null
  /** Put it on the board's actions when saved (a countermeasure already linked to an action ignores it). */
  makeAction: boolean
}

export type ProblemA3Draft = Record<ProblemA3TextField, string> & {
  measureId: string
  countermeasures: CountermeasureDraft[]
}

export const PROBLEM_A3_TEXT_FIELDS: readonly ProblemA3TextField[] = [
  'title',
  ...PROBLEM_A3_BOXES.map((b) => b.field),
  ...WHY_FIELDS,
  ...BECAUSE_FIELDS,
  ...FISHBONE_CATEGORIES.map((c) => c.field),
]

export function emptyProblemA3Text(): Record<ProblemA3TextField, string> {
  return Object.fromEntries(PROBLEM_A3_TEXT_FIELDS.map((f) => [f, ''])) as Record<ProblemA3TextField, string>
}

/** The form's starting point: the stored A3, or for a new one the subject's problem and measure. */
export function problemA3DraftOf(
  a3: ProblemA3 | undefined,
  start: { title: string; measureId: string | null },
): ProblemA3Draft {
  const text = emptyProblemA3Text()
  for (const field of PROBLEM_A3_TEXT_FIELDS) text[field] = a3 ? (a3[field] ?? '') : ''
  if (!a3) text.title = start.title
  return {
    ...text,
    measureId: (a3 ? a3.measureId : start.measureId) ?? '',
    countermeasures: (a3?.countermeasures ?? []).map((c) => ({
      id: c.id,
      text: c.text,
      owner: c.owner,
      dueDay: c.dueDay ?? '',
      actionId: c.actionId,
      makeAction: false,
    })),
  }
}

/** How many why steps the form shows: those written, at least one. */
export function whyStepsShown(draft: WhysOf): number {
  return Math.max(1, whyChain(draft).length)
}

/** Field id → message. Countermeasure fields are `countermeasure-<id>-text` and so on. */
export type ProblemA3Errors = Record<string, string>

function tooLong(title: string, text: string, max: number): string | undefined {
  const length = [...text].length
  return length > max
    ? `${title} must be ${max.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')})`
    : undefined
}

export const WHY_LABEL = (step: number) => `Why ${step}`
export const BECAUSE_LABEL = (step: number) => `Because ${step}`

/** Errors by field; none means the draft may be saved. */
export function validateProblemA3(draft: ProblemA3Draft): ProblemA3Errors {
  const errors: ProblemA3Errors = {}
  const title = draft.title.trim()
  if (!title) errors.title = 'Enter the problem in a line'
  else {
    const long = tooLong('The problem', title, LIMITS.title)
    if (long) errors.title = long
  }
  for (const { field, title: box } of PROBLEM_A3_BOXES) {
    const long = tooLong(box, draft[field].trim(), PROBLEM_A3_TEXT_MAX)
    if (long) errors[field] = long
  }
  // The chain has no gaps: each step follows from the answer before it.
  const chain = whyChain(draft)
  chain.forEach(({ step, why, because }) => {
    const whyLong = tooLong(WHY_LABEL(step), why, WHY_TEXT_MAX)
    if (whyLong) errors[WHY_FIELDS[step - 1]!] = whyLong
    const becauseLong = tooLong(BECAUSE_LABEL(step), because, WHY_TEXT_MAX)
    if (becauseLong) errors[BECAUSE_FIELDS[step - 1]!] = becauseLong
    else if (!because && step < chain.length)
      errors[BECAUSE_FIELDS[step - 1]!] = `Enter the answer to why ${step}, or clear the steps after it`
  })
  for (const { field, title: category } of FISHBONE_CATEGORIES) {
    const causes = causesOf(draft[field])
    if (causes.length > CAUSES_PER_CATEGORY)
      errors[field] = `${category} has ${causes.length} causes: keep the ${CAUSES_PER_CATEGORY} that matter most`
    else {
      const long = causes.find((c) => [...c].length > CAUSE_TEXT_MAX)
      if (long)
        errors[field] =
          `Each ${category.toLowerCase()} cause must be ${CAUSE_TEXT_MAX} characters or fewer (“${[...long].slice(0, 20).join('')}…” has ${[...long].length})`
    }
  }
  if (draft.countermeasures.length > COUNTERMEASURES_MAX)
    errors.countermeasures = `An A3 holds ${COUNTERMEASURES_MAX} countermeasures at most`
  draft.countermeasures.forEach((c, i) => {
    const n = i + 1
    const text = c.text.trim()
    if (!text) errors[`countermeasure-${c.id}-text`] = `Enter countermeasure ${n}, or remove it`
    else {
      const long = tooLong(`Countermeasure ${n}`, text, LIMITS.title)
      if (long) errors[`countermeasure-${c.id}-text`] = long
    }
    const owner = c.owner.trim()
    const ownerLong = tooLong(`The owner of countermeasure ${n}`, owner, LIMITS.person)
    if (ownerLong) errors[`countermeasure-${c.id}-owner`] = ownerLong
    else if (!owner && c.makeAction && !c.actionId)
      errors[`countermeasure-${c.id}-owner`] = `Enter who owns countermeasure ${n}: an action needs an owner`
    if (c.dueDay && !isDayKey(c.dueDay))
      errors[`countermeasure-${c.id}-dueDay`] = `Enter a real date for countermeasure ${n}, like 27/11/2026`
  })
  return errors
}

export function countermeasureOf(c: CountermeasureDraft): Countermeasure {
  return {
    id: c.id,
    text: c.text.trim(),
    owner: c.owner.trim(),
    dueDay: (c.dueDay || null) as DayKey | null,
    actionId: c.actionId,
  }
}

/**
 * The person's countermeasure edits applied to the list as stored now: `shown` is the list as the form
 * opened, `edited` as they left it. A countermeasure they added is appended, one they removed goes, one
 * they changed takes their fields; everything else stays as stored, so one added or changed meanwhile
 * (pulled from another tablet) is not lost. One they changed that was removed meanwhile comes back.
 */
export function applyCountermeasureEdits(
  shown: readonly Countermeasure[],
  edited: readonly Countermeasure[],
  stored: readonly Countermeasure[],
): Countermeasure[] {
  const shownById = new Map(shown.map((c) => [c.id, c]))
  const editedById = new Map(edited.map((c) => [c.id, c]))
  const same = (a: Countermeasure, b: Countermeasure) => JSON.stringify(a) === JSON.stringify(b)
  const result: Countermeasure[] = []
  for (const c of stored) {
    const before = shownById.get(c.id)
    const after = editedById.get(c.id)
    if (before && !after) continue
    if (before && after && !same(before, after)) {
      // Their own fields where they changed them; the stored action link is never dropped.
      result.push({ ...after, actionId: after.actionId ?? c.actionId })
    } else result.push(c)
  }
  const kept = new Set(result.map((c) => c.id))
  for (const c of edited) {
    if (kept.has(c.id)) continue
    const before = shownById.get(c.id)
    if (!before || !same(before, c)) result.push(c)
  }
  return result
}

/** The text fields of the draft that differ (trimmed) from what the form showed. */
export function changedTextFields(
  draft: ProblemA3Draft,
  shown: ProblemA3Draft,
): Partial<Record<ProblemA3TextField, string>> {
  const changes: Partial<Record<ProblemA3TextField, string>> = {}
  for (const field of PROBLEM_A3_TEXT_FIELDS) {
    const text = draft[field].trim()
    if (text !== shown[field].trim()) changes[field] = text
  }
  return changes
}

/** "Version 3", or "Not started" before the first save. */
export function problemA3VersionText(a3: Pick<ProblemA3, 'version'> | undefined): string {
  return a3?.version ? `Version ${a3.version}` : 'Not started'
}

/** "Sam Okafor by 12/01/2027", "Sam Okafor", "by 12/01/2027" or "". */
export function countermeasureWhoWhen(c: Pick<Countermeasure, 'owner' | 'dueDay'>): string {
  return [c.owner, c.dueDay ? `by ${formatDay(c.dueDay)}` : ''].filter(Boolean).join(' ')
}
