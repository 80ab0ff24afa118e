import { describe, expect, it } from 'vitest'
import {
  applicableDraft,
  draftFromMeasure,
  emptyDraft,
  measureFieldsFromDraft,
  thresholdHint,
} from '@/domain/measureForm'
import { validateMeasureDraft, type MeasureDraft } from '@/domain/validation'
import type { Measure } from '@/domain/types'

const falls: Measure = {
  id: 'm1',
  unitId: 'u1',
  boardId: 'b1',
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  categoryId: 'safety',
  name: 'Falls',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 0,
  thresholds: { green: 0, red: 1 },
  description: 'Inpatient falls',
  conceptIds: ['root-cause'],
  order: 1,
  archived: false,
}

const draft = (overrides: Partial<MeasureDraft>): MeasureDraft => ({
  ...emptyDraft('safety'),
  name: 'A measure',
  ...overrides,
})

describe('draftFromMeasure', () => {
  it('turns numbers into text and round-trips through the form', () => {
    const d = draftFromMeasure(falls)
    expect(d).toMatchObject({
      name: 'Falls',
      type: 'count',
      unit: 'falls',
      target: '0',
      green: '0',
      red: '1',
      goodAnswer: 'yes',
    })
    const parsed = validateMeasureDraft(d, ['safety'])
    expect(parsed.errors).toEqual({})
    expect(measureFieldsFromDraft(d, parsed, falls.conceptIds)).toEqual({
      categoryId: 'safety',
      name: 'Falls',
      type: 'count',
      unit: 'falls',
      direction: 'lower',
      goodAnswer: undefined,
      target: 0,
      thresholds: { green: 0, red: 1 },
      description: 'Inpatient falls',
      conceptIds: ['root-cause'],
    })
  })

  it('leaves blank what a measure does not have', () => {
    expect(draftFromMeasure({ ...falls, target: null, thresholds: null })).toMatchObject({
      target: '',
      green: '',
      red: '',
    })
  })
})

describe('applicableDraft', () => {
  it.each<[string, Partial<MeasureDraft>, Partial<MeasureDraft>]>([
    [
      'yes/no ignores unit, target and thresholds',
      { type: 'yesno', unit: 'x'.repeat(40), target: 'abc', green: '1', red: '2' },
      { unit: '', target: '', green: '', red: '' },
    ],
    ['day status ignores them too', { type: 'daystatus', unit: 'beds', target: '3' }, { unit: '', target: '' }],
    [
      'a percentage has no typed unit but keeps numbers',
      { type: 'percentage', unit: 'pc', target: '95' },
      { unit: '', target: '95' },
    ],
    [
      'a count keeps everything',
      { type: 'count', unit: 'falls', target: '0', green: '0', red: '1' },
      { unit: 'falls', target: '0', green: '0', red: '1' },
    ],
  ])('%s', (_, overrides, expected) => {
    expect(applicableDraft(draft(overrides))).toMatchObject(expected)
  })

  it('does not change the draft it is given (nothing typed is lost)', () => {
    const d = draft({ type: 'yesno', unit: 'falls' })
    applicableDraft(d)
    expect(d.unit).toBe('falls')
  })
})

describe('measureFieldsFromDraft', () => {
  const none = { target: null, thresholds: null }
  it.each<[string, Partial<MeasureDraft>, Partial<Measure>]>([
    [
      'yes/no keeps the good answer',
      { type: 'yesno', goodAnswer: 'no', direction: 'lower' },
      { goodAnswer: 'no', direction: 'higher', unit: '', target: null, thresholds: null },
    ],
    [
      'day status has no direction',
      { type: 'daystatus', direction: 'higher' },
      { direction: 'neutral', goodAnswer: undefined },
    ],
    ['a percentage is always shown in %', { type: 'percentage', unit: 'pc' }, { unit: '%' }],
    [
      'text is trimmed',
      { name: '  Falls  ', unit: ' falls ', type: 'count', description: ' x ' },
      { name: 'Falls', unit: 'falls', description: 'x' },
    ],
  ])('%s', (_, overrides, expected) => {
    expect(measureFieldsFromDraft(draft(overrides), none, [])).toMatchObject(expected)
  })
})

describe('thresholdHint', () => {
  it.each([
    ['higher', /green at or above the green threshold, red below the red threshold/],
    ['lower', /green at or below the green threshold, red above the red threshold/],
    ['neutral', /choose whether higher or lower is better first/],
  ] as const)('%s', (direction, expected) => {
    expect(thresholdHint(direction)).toMatch(expected)
  })
})
