// Putting an improvement forward for certification: what the colleague (or team) fills in, checked
// the same way on the form and in the write, and the submission assembled from what the app already
// holds (the idea, its PDSA cycles, its measure and change day), so it can be made offline.
// Pure: no Vue, no Dexie.
import { changeDayOf } from '../beforeAfter'
import { textLength } from '../ideas'
import type { CertSubmission, DayKey, Idea, Measure, PdsaCycle } from '../types'
import { LIMITS, type Errors } from '../validation'
import { MAX_NAMES, REFLECTION_MAX, REFLECTION_MIN } from './limits'

export { ENDORSEMENT_MAX, MAX_NAMES, REFLECTION_MAX, REFLECTION_MIN } from './limits'

export type SubmissionField = 'names' | 'reflection' | 'sponsor' | 'consent' | 'conceptIds'

export interface SubmissionInput {
  /** As typed: one name a line, or separated by commas. */
  names: string
  reflection: string
  sponsor: string
  consent: 'yes' | 'no' | ''
  conceptIds: string[]
}

/** The names as a list: split on new lines and commas, trimmed, repeats dropped. */
export function namesFrom(typed: string): string[] {
  const seen = new Set<string>()
  return typed
    .split(/[\n,]/)
    .map((n) => n.trim().replace(/\s+/g, ' '))
    .filter((n) => {
      const key = n.toLowerCase()
      if (!n || seen.has(key)) return false
      seen.add(key)
      return true
    })
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

export function validateSubmission(input: SubmissionInput): Errors<SubmissionField> {
  const errors: Errors<SubmissionField> = {}
  const names = namesFrom(input.names)
  if (names.length === 0) errors.names = 'Enter your name, or the names of everyone in the team'
  else if (names.length > MAX_NAMES) errors.names = `Enter ${MAX_NAMES} names or fewer`
  else if (names.some((n) => n.length > LIMITS.person))
    errors.names = `Each name must be ${LIMITS.person} characters or fewer`
  errors.reflection = reflectionError(input.reflection)
  const sponsor = input.sponsor.trim()
  if (!sponsor) errors.sponsor = 'Enter the name of your sponsor, the local leader who backs this work'
  else if (sponsor.length > LIMITS.person)
    errors.sponsor = `The sponsor's name must be ${LIMITS.person} characters or fewer`
  else if (names.some((n) => sameName(n, sponsor)))
    errors.sponsor = 'Your sponsor must be someone other than the people putting it forward'
  if (input.consent !== 'yes' && input.consent !== 'no')
    errors.consent = 'Choose whether your names may be shown across the trust once it is certified'
  if (input.conceptIds.length === 0) errors.conceptIds = 'Choose at least one LIM concept you used'
  return errors
}

export function reflectionError(reflection: string): string | undefined {
  const length = textLength(reflection.trim())
  if (length === 0) return 'Write your reflection: what you did, what you learnt and how you used the concepts'
  if (length < REFLECTION_MIN)
    return `Your reflection must be at least ${REFLECTION_MIN} characters (it has ${length}): say what you did, what you learnt and how you used the concepts`
  if (length > REFLECTION_MAX)
    return `Your reflection must be ${REFLECTION_MAX.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')})`
  return undefined
}

export type EligibleIdea = Pick<
  Idea,
  'id' | 'unitId' | 'boardId' | 'idea' | 'problem' | 'status' | 'measureId' | 'implementedAt' | 'conceptIds'
>

/**
 * Why an idea cannot be put forward yet, in words; null when it can. Certification asks for measurable
 * and sustainable improvement, so the idea needs a measure on this tablet and a day the change began.
 */
export function notEligibleReason(
  idea: EligibleIdea,
  cycles: readonly Pick<PdsaCycle, 'startDay'>[],
  measure: Pick<Measure, 'id'> | null | undefined,
): string | null {
  if (idea.status === 'not-progressed') return 'This idea was not taken forward, so there is no improvement to certify.'
  if (!idea.measureId)
    return 'Link a measure to this idea first: certification asks for an improvement the measure shows.'
  if (!measure || measure.id !== idea.measureId)
    return "The idea's measure is not on this tablet, so the improvement cannot be shown."
  if (!changeDayOf(idea, cycles))
    return 'Start a PDSA cycle or mark the idea implemented first: the app needs the day the change began.'
  return null
}

/** The submission's fields, assembled from the idea as it is now and the form. */
export function submissionFrom(
  idea: EligibleIdea,
  cycles: readonly Pick<PdsaCycle, 'id' | 'startDay'>[],
  measure: Pick<Measure, 'id' | 'name'>,
  input: SubmissionInput,
): Omit<CertSubmission, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  const changeDay = changeDayOf(idea, cycles) as DayKey
  return {
    unitId: idea.unitId,
    ideaId: idea.id,
    boardId: idea.boardId,
    title: idea.idea.trim(),
    problem: idea.problem.trim(),
    names: namesFrom(input.names),
    measureId: measure.id,
    measureName: measure.name,
    changeDay,
    pdsaCycleIds: cycles.map((c) => c.id),
    conceptIds: [...input.conceptIds],
    reflection: input.reflection.trim(),
    sponsor: input.sponsor.trim().replace(/\s+/g, ' '),
    consentToShare: input.consent === 'yes',
  }
}

/** "Priya Shah", "Priya Shah and Sam Jones", "Priya Shah, Sam Jones and Lee Kay". */
export function namesText(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export { sameName }
