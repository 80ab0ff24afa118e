import { describe, expect, it } from 'vitest'
import {
  hasErrors,
  parseNumber,
  validateAction,
  validateAgenda,
  validateCategories,
  validateEntry,
  validateMeasureDraft,
  type MeasureDraft,
} from '@/domain/validation'
import type { EntryValue, MeasureType } from '@/domain/types'

const today = '2026-11-26'

describe('validateEntry', () => {
  it.each<[string, MeasureType, string, EntryValue | null, string | undefined]>([
    ['a percentage of 140', 'percentage', today, 140, 'A percentage must be between 0 and 100 (you entered 140)'],
    ['a negative percentage', 'percentage', today, -1, 'A percentage must be between 0 and 100 (you entered -1)'],
    ['100% is fine', 'percentage', today, 100, undefined],
    ['a day in the future', 'count', '2026-11-27', 1, 'You cannot record a value for a day in the future'],
    ['yesterday is fine', 'count', '2026-11-25', 1, undefined],
    ['not a real date', 'count', '2026-02-30', 1, 'Enter a real date'],
    ['half a fall', 'count', today, 1.5, 'A count must be a whole number'],
    ['a negative count', 'count', today, -2, 'A count cannot be less than 0'],
    ['no value', 'count', today, null, 'Enter a value for Falls'],
    ['Infinity', 'number', today, Infinity, 'Enter a number'],
    ['NaN', 'number', today, NaN, 'Enter a number'],
    ['a negative number is allowed', 'number', today, -3.5, undefined],
    ['yes/no needs a boolean', 'yesno', today, 1, 'Choose yes or no'],
    ['day status needs a colour', 'daystatus', today, 'blue' as EntryValue, 'Choose green, amber or red'],
    ['amber is a colour', 'daystatus', today, 'amber', undefined],
  ])('%s', (_, type, day, value, message) => {
    expect(validateEntry({ type, name: 'Falls' }, day, value, today)).toBe(message)
  })
})

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    [' 7 ', 7],
    ['92.5', 92.5],
    ['-3', -3],
    ['', null],
    ['1e5', null],
    ['12abc', null],
    ['1,000', null],
  ])('%j → %j', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })
})

const draft = (over: Partial<MeasureDraft>): MeasureDraft => ({
  name: 'Falls',
  categoryId: 'safety',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  goodAnswer: 'yes',
  target: '',
  green: '',
  red: '',
  description: '',
  ...over,
})

describe('validateMeasureDraft', () => {
  it.each<[string, Partial<MeasureDraft>, Record<string, string>]>([
    ['an empty name', { name: '  ' }, { name: 'Enter a name for the measure' }],
    ['an unknown category', { categoryId: 'nope' }, { categoryId: 'Choose a category' }],
    ['a target that is not a number', { target: 'ten' }, { target: 'The target must be a number, like 5 or 92.5' }],
    [
      'a percentage target over 100',
      { type: 'percentage', target: '140' },
      { target: 'The target must be between 0 and 100' },
    ],
    // The same rule as the starter boards: a count's target is a whole number, 0 or more.
    [
      'a count target of 2.5',
      { type: 'count', target: '2.5' },
      { target: 'The target must be a whole number, 0 or more' },
    ],
    [
      'a negative count threshold',
      { type: 'count', green: '-1', red: '2' },
      { green: 'The green threshold must be a whole number, 0 or more' },
    ],
    ['only one threshold', { green: '0' }, { red: 'Enter both the green and the red threshold, or neither' }],
    [
      'red better than green when lower is better',
      { green: '2', red: '1' },
      { red: 'When lower is better, the red threshold must not be below the green one' },
    ],
    [
      'red better than green when higher is better',
      { direction: 'higher', green: '90', red: '95' },
      { red: 'When higher is better, the red threshold must not be above the green one' },
    ],
    [
      'thresholds on a neutral measure',
      { direction: 'neutral', green: '1', red: '2' },
      { green: 'Choose whether higher or lower is better before setting thresholds' },
    ],
    [
      'a name of 81 characters',
      { name: 'x'.repeat(81) },
      { name: 'A name for the measure must be 80 characters or fewer (it has 81)' },
    ],
  ])('%s', (_, over, errors) => {
    expect(validateMeasureDraft(draft(over), ['safety']).errors).toEqual(errors)
  })

  it('parses a valid draft', () => {
    const result = validateMeasureDraft(draft({ target: '0', green: '0', red: '1' }), ['safety'])
    expect(result).toEqual({ errors: {}, target: 0, thresholds: { green: 0, red: 1 } })
  })

  it('ignores numbers for yes/no measures', () => {
    expect(validateMeasureDraft(draft({ type: 'yesno', target: 'junk' }), ['safety'])).toEqual({
      errors: {},
      target: null,
      thresholds: null,
    })
  })
})

describe('validateAction', () => {
  it.each([
    [{ title: '', owner: 'Sam', dueDay: '' }, { title: 'Enter what needs doing' }],
    [{ title: 'Fix door', owner: ' ', dueDay: '' }, { owner: 'Enter who will do it' }],
    [{ title: 'Fix door', owner: 'Sam', dueDay: '2026-02-30' }, { dueDay: 'Enter a real due date, like 27/11/2026' }],
    [{ title: 'Fix door', owner: 'Sam', dueDay: '2026-12-01' }, {}],
  ])('%j', (input, errors) => {
    expect(validateAction(input)).toEqual(errors)
    expect(hasErrors(validateAction(input))).toBe(Object.keys(errors).length > 0)
  })
})

describe('validateAgenda', () => {
  it.each([
    [[], 'The agenda needs at least one item'],
    [[{ title: ' ', seconds: 60 }], 'Enter a title for agenda item 1'],
    [[{ title: 'Safety', seconds: 10 }], "Agenda item 1's time must be between 15 seconds and 30 minutes"],
    [[{ title: 'Safety', seconds: 1801 }], "Agenda item 1's time must be between 15 seconds and 30 minutes"],
    [[{ title: 'Safety', seconds: 180 }], undefined],
  ])('%j', (items, message) => {
    expect(validateAgenda(items)).toBe(message)
  })
})

describe('validateCategories', () => {
  const cats = [
    { id: 'safety', name: 'Safety' },
    { id: 'flow', name: 'Flow' },
  ]
  it.each([
    [[], [], 'The board needs at least one category'],
    [[{ id: 'a', name: '' }], [], 'Enter a name for category 1'],
    [[...cats, { id: 'x', name: 'safety ' }], [], 'There are two categories called "safety"'],
    [[cats[0]!], ['flow'], 'A category that still has measures cannot be removed: move or archive its measures first'],
    [cats, ['flow', 'safety'], undefined],
  ])('%j in use %j', (categories, inUse, message) => {
    expect(validateCategories(categories, inUse)).toBe(message)
  })
})
