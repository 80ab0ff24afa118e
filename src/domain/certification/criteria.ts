// The improvement office's criteria for LIM certification: "meaningful, measurable and sustainable
// improvement" by default, each with a plain-English description, and how long a change must hold.
// The office may rename, reword, add or remove criteria; a criterion can name one of the app's own
// checks on the measure, and then "met" needs that check to support it (not only the assessor's word).
// Pure: no Vue, no Dexie.
import type { CertCheck, CertCriteria, CertCriterion } from '../types'
import type { Errors } from '../validation'
import { DEFAULT_SUSTAIN_WEEKS, type SustainCheck } from './sustained'

export const CRITERION_NAME_MAX = 80
export const CRITERION_DESCRIPTION_MAX = 1000
export const MAX_CRITERIA = 10
export const SUSTAIN_WEEKS_MIN = 4
export const SUSTAIN_WEEKS_MAX = 52

export const DEFAULT_CRITERIA: readonly CertCriterion[] = [
  {
    id: 'meaningful',
    name: 'Meaningful',
    description:
      'The change matters to patients, colleagues or the service, and the reflection shows how the LIM concepts were used to find and test it.',
    check: null,
  },
  {
    id: 'measurable',
    name: 'Measurable',
    description:
      "The ward's own measure shows the improvement on its SPC chart: a shift or other special cause against the level before the change, not just two good numbers.",
    check: 'measurable',
  },
  {
    id: 'sustainable',
    name: 'Sustainable',
    description:
      'The new level has held since the change for the period the improvement office sets, with no sign of slipping back.',
    check: 'sustainable',
  },
]

/** The one criteria record of a trust, kept in its library scope. */
export function criteriaRecordId(trustId: string): string {
  return `cert-criteria-${trustId}`
}

export interface CriteriaInUse {
  criteria: CertCriterion[]
  sustainWeeks: number
  /** False while the office has not changed the defaults. */
  edited: boolean
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
const isCheck = (value: unknown): value is CertCheck => value === 'measurable' || value === 'sustainable'

/** The criteria as stored, read defensively (a synced record an older or newer tablet wrote), else the defaults. */
export function criteriaInUse(record: Partial<CertCriteria> | undefined): CriteriaInUse {
  const stored = Array.isArray(record?.criteria)
    ? record.criteria.flatMap((c): CertCriterion[] =>
        c && text(c.id) && text(c.name)
          ? [
              {
                id: text(c.id),
                name: text(c.name),
                description: text(c.description),
                check: isCheck(c.check) ? c.check : null,
              },
            ]
          : [],
      )
    : []
  const weeks = record?.sustainWeeks
  const sustainWeeks =
    typeof weeks === 'number' && Number.isInteger(weeks) && weeks >= SUSTAIN_WEEKS_MIN && weeks <= SUSTAIN_WEEKS_MAX
      ? weeks
      : DEFAULT_SUSTAIN_WEEKS
  return stored.length
    ? { criteria: stored, sustainWeeks, edited: true }
    : { criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })), sustainWeeks, edited: record !== undefined }
}

export interface CriteriaInput {
  criteria: { id: string; name: string; description: string; check: CertCheck | null }[]
  sustainWeeks: string
}

/** Field keys: `sustainWeeks`, `criteria`, and `name-<index>` / `description-<index>` for each row. */
export function validateCriteria(input: CriteriaInput): Errors {
  const errors: Errors = {}
  if (input.criteria.length === 0) errors.criteria = 'Keep at least one criterion'
  if (input.criteria.length > MAX_CRITERIA) errors.criteria = `Use ${MAX_CRITERIA} criteria or fewer`
  const seen = new Set<string>()
  input.criteria.forEach((c, i) => {
    const name = c.name.trim()
    if (!name) errors[`name-${i}`] = `Enter a name for criterion ${i + 1}`
    else if (name.length > CRITERION_NAME_MAX)
      errors[`name-${i}`] = `Criterion ${i + 1}'s name must be ${CRITERION_NAME_MAX} characters or fewer`
    else if (seen.has(name.toLowerCase()))
      errors[`name-${i}`] = `Two criteria are called "${name}": give each its own name`
    seen.add(name.toLowerCase())
    const description = c.description.trim()
    if (!description)
      errors[`description-${i}`] = `Describe what the office looks for in "${name || `criterion ${i + 1}`}"`
    else if (description.length > CRITERION_DESCRIPTION_MAX)
      errors[`description-${i}`] =
        `The description of "${name || `criterion ${i + 1}`}" must be ${CRITERION_DESCRIPTION_MAX.toLocaleString('en-GB')} characters or fewer`
  })
  const weeks = input.sustainWeeks.trim()
  if (!/^\d+$/.test(weeks)) errors.sustainWeeks = 'Enter the number of weeks as a whole number, like 12'
  else if (Number(weeks) < SUSTAIN_WEEKS_MIN || Number(weeks) > SUSTAIN_WEEKS_MAX)
    errors.sustainWeeks = `The period must be between ${SUSTAIN_WEEKS_MIN} and ${SUSTAIN_WEEKS_MAX} weeks`
  return errors
}

export interface CheckSupport {
  /** True when the app's check supports "met". */
  supports: boolean
  /** What the app found, in words, for the assessor. */
  text: string
}

/**
 * What the app's check says about a criterion that names one. Measurable: the weeks after the change
 * show special-cause improvement against the old level (sustained, or shown but not held). Sustainable:
 * the check's verdict is "sustained" over the office's period.
 */
export function checkSupport(check: CertCheck, sustain: SustainCheck | null): CheckSupport {
  if (!sustain)
    return { supports: false, text: 'The measure could not be read on this device, so the app cannot check it.' }
  if (check === 'measurable') {
    const shown = sustain.verdict === 'sustained' || sustain.verdict === 'not-held'
    return {
      supports: shown,
      text: shown
        ? 'The app found special-cause improvement against the level before the change.'
        : `The app found no measurable improvement: ${sustain.headline}`,
    }
  }
  const held = sustain.verdict === 'sustained'
  return { supports: held, text: held ? sustain.headline : `The app cannot show it has held: ${sustain.headline}` }
}
