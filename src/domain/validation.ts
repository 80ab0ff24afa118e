// Validation returns plain-English messages keyed by field, ready for an NHS error
// summary. An empty object means valid. Nothing here throws on bad input.
import { isDayKey, londonDay } from './dates'
import type { AgendaItem, DayKey, EntryValue, Measure, MeasureType } from './types'
import { LIMITS, textError, type Errors } from './textRules'

export { hasErrors, LIMITS, validateName, type Errors } from './textRules'

/** Parse a number as typed on a keypad or keyboard ("12", "12.5", " 7 "). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim()
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : null
}

/** Check a value typed for a day, against the measure's type and the day itself. */
export function validateEntry(
  measure: Pick<Measure, 'type' | 'name'>,
  day: DayKey,
  value: EntryValue | null,
  today: DayKey = londonDay(),
): string | undefined {
  if (!isDayKey(day)) return 'Enter a real date'
  if (day > today) return 'You cannot record a value for a day in the future'
  if (value === null) return `Enter a value for ${measure.name}`
  return valueError(measure.type, value)
}

function valueError(type: MeasureType, value: EntryValue): string | undefined {
  switch (type) {
    case 'yesno':
      return typeof value === 'boolean' ? undefined : 'Choose yes or no'
    case 'daystatus':
      return value === 'green' || value === 'amber' || value === 'red' ? undefined : 'Choose green, amber or red'
    case 'count':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number'
      if (!Number.isInteger(value)) return 'A count must be a whole number'
      if (value < 0) return 'A count cannot be less than 0'
      if (value > LIMITS.number) return 'That number is too large'
      return undefined
    case 'percentage':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a percentage'
      if (value < 0 || value > 100) return `A percentage must be between 0 and 100 (you entered ${value})`
      return undefined
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number'
      if (Math.abs(value) > LIMITS.number) return 'That number is too large'
      return undefined
  }
}

export function validateComment(comment: string): string | undefined {
  return textError('the comment', comment, LIMITS.comment, false)
}

export interface MeasureDraft {
  name: string
  categoryId: string
  type: MeasureType
  unit: string
  direction: Measure['direction']
  goodAnswer: 'yes' | 'no'
  target: string
  green: string
  red: string
  description: string
}

export type MeasureField = 'name' | 'categoryId' | 'unit' | 'target' | 'green' | 'red' | 'description'

/** Validate the measure form; returns errors and, when valid, the parsed numbers. */
export function validateMeasureDraft(
  draft: MeasureDraft,
  categoryIds: string[],
): {
  errors: Errors<MeasureField>
  target: number | null
  thresholds: { green: number; red: number } | null
} {
  const errors: Errors<MeasureField> = {}
  errors.name = textError('a name for the measure', draft.name, LIMITS.name, true)
  if (!categoryIds.includes(draft.categoryId)) errors.categoryId = 'Choose a category'
  errors.unit = textError('the unit', draft.unit, 30, false)
  errors.description = textError('the description', draft.description, LIMITS.description, false)

  const numeric = draft.type === 'count' || draft.type === 'number' || draft.type === 'percentage'
  let target: number | null = null
  let thresholds: { green: number; red: number } | null = null
  if (numeric) {
    target = optionalNumber(draft.target, 'target', errors, draft.type)
    const green = optionalNumber(draft.green, 'green', errors, draft.type)
    const red = optionalNumber(draft.red, 'red', errors, draft.type)
    if ((green === null) !== (red === null) && !errors.green && !errors.red) {
      errors[green === null ? 'green' : 'red'] = 'Enter both the green and the red threshold, or neither'
    } else if (green !== null && red !== null) {
      if (draft.direction === 'neutral') {
        errors.green = 'Choose whether higher or lower is better before setting thresholds'
      } else if (draft.direction === 'higher' && red > green) {
        errors.red = 'When higher is better, the red threshold must not be above the green one'
      } else if (draft.direction === 'lower' && red < green) {
        errors.red = 'When lower is better, the red threshold must not be below the green one'
      } else {
        thresholds = { green, red }
      }
    }
  }
  for (const key of Object.keys(errors) as MeasureField[]) if (!errors[key]) delete errors[key]
  return { errors, target, thresholds }
}

function optionalNumber(
  text: string,
  field: 'target' | 'green' | 'red',
  errors: Errors<MeasureField>,
  type: MeasureType,
): number | null {
  if (!text.trim()) return null
  const value = parseNumber(text)
  const label = field === 'target' ? 'The target' : `The ${field} threshold`
  if (value === null) {
    errors[field] = `${label} must be a number, like 5 or 92.5`
    return null
  }
  const problem = settingProblem(type, value)
  if (problem) {
    errors[field] = `${label} ${problem}`
    return null
  }
  return value
}

/**
 * What a target or threshold of a measure of this type may not be, as the end of a sentence
 * ("must be between 0 and 100"), or undefined. One rule for the measure form and the
 * starter boards: a percentage's lies from 0 to 100, a count's is a whole number, 0 or more.
 */
export function settingProblem(type: MeasureType, value: number): string | undefined {
  if (type === 'percentage' && (value < 0 || value > 100)) return 'must be between 0 and 100'
  if (type === 'count' && (!Number.isInteger(value) || value < 0)) return 'must be a whole number, 0 or more'
  return undefined
}

export type ActionField = 'title' | 'owner' | 'dueDay'

export function validateAction(draft: { title: string; owner: string; dueDay: string }): Errors<ActionField> {
  const errors: Errors<ActionField> = {}
  const title = textError('what needs doing', draft.title, LIMITS.title, true)
  if (title) errors.title = title
  const owner = textError('who will do it', draft.owner, LIMITS.person, true)
  if (owner) errors.owner = owner
  if (draft.dueDay && !isDayKey(draft.dueDay)) errors.dueDay = 'Enter a real due date, like 27/11/2026'
  return errors
}

export function validateNotes(value: string): string | undefined {
  return textError('the notes', value, LIMITS.notes, false)
}

export function validateAgenda(items: Pick<AgendaItem, 'title' | 'seconds'>[]): string | undefined {
  if (items.length === 0) return 'The agenda needs at least one item'
  for (const [i, item] of items.entries()) {
    if (!item.title.trim()) return `Enter a title for agenda item ${i + 1}`
    if (item.title.trim().length > LIMITS.name)
      return `Agenda item ${i + 1}'s title must be ${LIMITS.name} characters or fewer`
    if (!Number.isInteger(item.seconds) || item.seconds < 15 || item.seconds > 30 * 60)
      return `Agenda item ${i + 1}'s time must be between 15 seconds and 30 minutes`
  }
  return undefined
}

const MAX_CATEGORIES = 12

/** Categories are editable, but one still holding measures cannot be removed. */
export function validateCategories(categories: { id: string; name: string }[], idsInUse: string[]): string | undefined {
  if (categories.length === 0) return 'The board needs at least one category'
  if (categories.length > MAX_CATEGORIES) return `A board can have ${MAX_CATEGORIES} categories or fewer`
  const seen = new Set<string>()
  for (const [i, c] of categories.entries()) {
    const name = c.name.trim()
    if (!name) return `Enter a name for category ${i + 1}`
    if (name.length > 40) return `Category ${i + 1}'s name must be 40 characters or fewer`
    if (seen.has(name.toLowerCase())) return `There are two categories called "${name}"`
    seen.add(name.toLowerCase())
  }
  const kept = new Set(categories.map((c) => c.id))
  const orphaned = idsInUse.find((id) => !kept.has(id))
  if (orphaned) return 'A category that still has measures cannot be removed: move or archive its measures first'
  return undefined
}
