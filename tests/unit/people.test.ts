import { describe, expect, it } from 'vitest'
import { peopleFor, peopleHeading, peopleHolder, validatePeople } from '@/domain/people'

const wardBoard = { unitId: 'ward-7' }
const ward = { people: ['Sam', 'Priya'] }
const csuBoard = { unitId: 'csu-med', people: ['Dr Okafor', 'Matron Lee'] }

describe('whose names a board offers', () => {
  it.each([
    ['a ward board: its unit list', wardBoard, ward, ['Sam', 'Priya']],
    ['a ward board whose unit has nobody listed', wardBoard, { people: [] }, []],
    // The unit list wins even if a ward board somehow carried a list of its own.
    ['a ward board with a stray list of its own', { ...wardBoard, people: ['Stray'] }, ward, ['Sam', 'Priya']],
    ['a CSU board: its own list', csuBoard, null, ['Dr Okafor', 'Matron Lee']],
    ['a CSU board nobody has listed yet', { unitId: 'csu-med' }, undefined, []],
    ['a ward board whose unit is not on the tablet yet', wardBoard, null, []],
    ['no board', null, ward, []],
    [
      'a list pulled with blanks and non-names',
      { unitId: 'csu-med', people: ['Jo', '', '  ', 7, null, 'Ade'] },
      null,
      ['Jo', 'Ade'],
    ],
    ['a list that is not a list', { unitId: 'csu-med', people: 'Jo' }, null, []],
  ] as const)('%s', (_, board, unit, expected) => {
    expect(peopleFor(board, unit)).toEqual(expected)
  })

  it.each([
    ['unit', 'unit'],
    ['csu', 'board'],
    ['trust', 'board'],
  ] as const)('a %s board keeps its list on the %s', (tier, holder) => {
    expect(peopleHolder(tier)).toBe(holder)
  })
})

describe('the Settings heading for the list', () => {
  it.each([
    ['unit', 'Ward 7', 'People on Ward 7'],
    ['unit', null, 'People on the unit'],
    ['csu', 'Medicine CSU', 'People in the Medicine CSU tri-team'],
    ['csu', '', 'People in the CSU tri-team'],
    ['trust', 'Northfield Teaching Hospitals', 'People at the Northfield Teaching Hospitals trust huddle'],
    ['trust', undefined, 'People at the trust huddle'],
  ] as const)('%s board of %s: %s', (tier, name, heading) => {
    expect(peopleHeading(tier, name)).toBe(heading)
  })
})

describe('checking a list before saving', () => {
  it.each([
    ['a short list', ['Sam', 'Priya'], undefined],
    ['nobody', [], undefined],
    ['a name of 60 characters', ['x'.repeat(60)], undefined],
    ['a name of 61 characters', ['Sam', 'x'.repeat(61)], 'Each name must be 60 characters or fewer'],
    ['200 names', Array.from({ length: 200 }, (_, i) => `P${i}`), undefined],
    ['201 names', Array.from({ length: 201 }, (_, i) => `P${i}`), 'Enter 200 names or fewer'],
  ])('%s', (_, people, problem) => {
    expect(validatePeople(people)).toBe(problem)
  })
})
