// The measure form works on text (what people type) and only becomes a Measure on
// save. Fields that do not apply to the chosen type are kept in the draft, so
// switching type and back loses nothing, but they are ignored when saving.
import type { MeasureDraft } from './validation'
import type { Measure, MeasureType } from './types'

export type MeasureFields = Pick<
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

export function isNumericType(type: MeasureType): boolean {
  return type === 'count' || type === 'number' || type === 'percentage'
}

/** A unit is typed only for counts and numbers; a percentage is always "%". */
export function hasTypedUnit(type: MeasureType): boolean {
  return type === 'count' || type === 'number'
}

export function emptyDraft(categoryId: string): MeasureDraft {
  return {
    name: '',
    categoryId,
    type: 'yesno',
    unit: '',
    direction: 'higher',
    goodAnswer: 'yes',
    target: '',
    green: '',
    red: '',
    description: '',
  }
}

export function draftFromMeasure(measure: Measure): MeasureDraft {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n))
  return {
    name: measure.name,
    categoryId: measure.categoryId,
    type: measure.type,
    unit: hasTypedUnit(measure.type) ? measure.unit : '',
    direction: measure.direction,
    goodAnswer: measure.goodAnswer ?? 'yes',
    target: text(measure.target),
    green: text(measure.thresholds?.green),
    red: text(measure.thresholds?.red),
    description: measure.description,
  }
}

/** The draft as it will be judged: fields the type does not use are blanked. */
export function applicableDraft(draft: MeasureDraft): MeasureDraft {
  const numeric = isNumericType(draft.type)
  return {
    ...draft,
    unit: hasTypedUnit(draft.type) ? draft.unit : '',
    target: numeric ? draft.target : '',
    green: numeric ? draft.green : '',
    red: numeric ? draft.red : '',
  }
}

/** Build the measure's fields from a draft that passed validateMeasureDraft. */
export function measureFieldsFromDraft(
  draft: MeasureDraft,
  parsed: { target: number | null; thresholds: { green: number; red: number } | null },
  conceptIds: string[],
): MeasureFields {
  const numeric = isNumericType(draft.type)
  return {
    categoryId: draft.categoryId,
    name: draft.name.trim(),
    type: draft.type,
    unit: draft.type === 'percentage' ? '%' : hasTypedUnit(draft.type) ? draft.unit.trim() : '',
    // Yes/no is judged by its good answer and a day status by its colour, so neither
    // has a numeric direction; 'higher' for yes/no matches how the demo stores it.
    direction: numeric ? draft.direction : draft.type === 'yesno' ? 'higher' : 'neutral',
    goodAnswer: draft.type === 'yesno' ? draft.goodAnswer : undefined,
    target: numeric ? parsed.target : null,
    thresholds: numeric ? parsed.thresholds : null,
    description: draft.description.trim(),
    conceptIds: [...conceptIds],
  }
}

/** The hint under the threshold fields, in the chosen direction of good. */
export function thresholdHint(direction: Measure['direction']): string {
  if (direction === 'higher')
    return 'Optional. Higher is better: a day is green at or above the green threshold, red below the red threshold, and amber in between.'
  if (direction === 'lower')
    return 'Optional. Lower is better: a day is green at or below the green threshold, red above the red threshold, and amber in between.'
  return 'Thresholds need a direction: choose whether higher or lower is better first.'
}
