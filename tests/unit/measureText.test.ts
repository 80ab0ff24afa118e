import { describe, expect, it } from 'vitest'
import { choicesFor, nameWithUnit, targetText } from '@/domain/measureText'
import type { Measure } from '@/domain/types'

type M = Parameters<typeof targetText>[0]
const base: M = { type: 'count', unit: 'falls', direction: 'lower', target: null, thresholds: null }

describe('targetText', () => {
  it.each<[string, Partial<Measure>, string | null]>([
    ['yes/no, yes is good', { type: 'yesno', unit: '', goodAnswer: 'yes' }, 'Good answer: Yes'],
    ['yes/no, no is good', { type: 'yesno', unit: '', goodAnswer: 'no' }, 'Good answer: No'],
    ['day status has no target', { type: 'daystatus', unit: '' }, null],
    ['lower is better, target only', { target: 0 }, 'Target: 0 falls or fewer'],
    [
      'lower is better, thresholds',
      { target: 0, thresholds: { green: 0, red: 1 } },
      'Target: 0 falls or fewer · Red above 1',
    ],
    [
      'higher is better percentage',
      { type: 'percentage', unit: '%', direction: 'higher', target: 95, thresholds: { green: 95, red: 85 } },
      'Target: 95% or more · Red below 85%',
    ],
    ['thresholds without a target', { thresholds: { green: 0, red: 2 } }, 'Green at 0 or fewer · Red above 2'],
    [
      'green threshold differs from the target',
      { type: 'count', unit: 'patients', direction: 'higher', target: 5, thresholds: { green: 4, red: 2 } },
      'Target: 5 patients or more · Green at 4 or more · Red below 2',
    ],
    ['neutral with a target', { type: 'number', unit: 'days', direction: 'neutral', target: 7 }, 'Target: 7 days'],
    ['nothing set', {}, null],
  ])('%s', (_, overrides, expected) => {
    expect(targetText({ ...base, ...overrides } as M)).toBe(expected)
  })
})

describe('choicesFor', () => {
  it.each<[string, Partial<Measure>, { label: string; value: unknown; status: string }[]]>([
    [
      'yes is good',
      { type: 'yesno', goodAnswer: 'yes' },
      [
        { label: 'Yes', value: true, status: 'green' },
        { label: 'No', value: false, status: 'red' },
      ],
    ],
    [
      'no is good',
      { type: 'yesno', goodAnswer: 'no' },
      [
        { label: 'Yes', value: true, status: 'red' },
        { label: 'No', value: false, status: 'green' },
      ],
    ],
    [
      'day status',
      { type: 'daystatus' },
      [
        { label: 'Green', value: 'green', status: 'green' },
        { label: 'Amber', value: 'amber', status: 'amber' },
        { label: 'Red', value: 'red', status: 'red' },
      ],
    ],
    ['numbers are typed, not chosen', { type: 'count' }, []],
  ])('%s', (_, overrides, expected) => {
    expect(choicesFor({ ...base, ...overrides } as M)).toEqual(expected)
  })
})

describe('nameWithUnit: the unit in brackets only when it adds something', () => {
  it.each([
    ['Falls', 'falls', 'Falls'],
    ['Falls with harm', 'falls', 'Falls with harm'],
    ['Length of stay', 'days', 'Length of stay (days)'],
    ['Hand hygiene', '%', 'Hand hygiene (%)'],
    ['Staff sickness', '', 'Staff sickness'],
    ['Pressure ulcers', 'ulcers', 'Pressure ulcers'],
  ])('%s + %j → %s', (name, unit, text) => {
    expect(nameWithUnit(name, unit)).toBe(text)
  })
})
