import { describe, expect, it } from 'vitest'
import {
  certificationFrom,
  certificationsByUnit,
  searchCertifications,
  certifiedPeople,
  criteriaInUse,
  DEFAULT_CRITERIA,
  namesFrom,
  notEligibleReason,
  submissionFrom,
  validateCriteria,
  validateSubmission,
  type SubmissionInput,
} from '@/domain/certification'
import type { EligibleIdea } from '@/domain/certification'
import { submission, sustainedCheck } from './fixtures'

const input = (over: Partial<SubmissionInput> = {}): SubmissionInput => ({
  names: 'Priya Shah\nSam Jones',
  reflection:
    'We tested a bedside falls huddle in bay 2 over three PDSA cycles and looked at the falls chart every week with the team.',
  sponsor: 'Dr Amir Khan',
  consent: 'yes',
  conceptIds: ['pdsa'],
  ...over,
})

describe('namesFrom', () => {
  it.each([
    ['Priya Shah', ['Priya Shah']],
    ['Priya Shah, Sam  Jones\n\n priya shah ', ['Priya Shah', 'Sam Jones']],
    [' , \n', []],
  ])('%j', (typed, names) => expect(namesFrom(typed)).toEqual(names))
})

describe('validateSubmission', () => {
  it('accepts a full submission', () => expect(validateSubmission(input())).toEqual({}))

  it.each([
    ['no names', { names: ' ' }, 'names', 'Enter your name, or the names of everyone in the team'],
    [
      '13 names',
      { names: Array.from({ length: 13 }, (_, i) => `P${i}`).join(',') },
      'names',
      'Enter 12 names or fewer',
    ],
    ['a name too long', { names: 'x'.repeat(61) }, 'names', 'Each name must be 60 characters or fewer'],
    ['no reflection', { reflection: '' }, 'reflection', /^Write your reflection/],
    ['a short reflection', { reflection: 'It worked.' }, 'reflection', /at least 100 characters \(it has 10\)/],
    [
      'a long reflection',
      { reflection: 'x'.repeat(2001) },
      'reflection',
      'Your reflection must be 2,000 characters or fewer (it has 2,001)',
    ],
    ['no sponsor', { sponsor: '' }, 'sponsor', /^Enter the name of your sponsor/],
    [
      'sponsoring themselves',
      { sponsor: 'sam jones' },
      'sponsor',
      'Your sponsor must be someone other than the people putting it forward',
    ],
    ['no consent answer', { consent: '' as const }, 'consent', /^Choose whether your names may be shown/],
    ['no concept', { conceptIds: [] }, 'conceptIds', 'Choose at least one LIM concept you used'],
  ])('%s', (_name, over, field, message) => {
    const errors = validateSubmission(input(over))
    expect(Object.keys(errors).filter((k) => errors[k as keyof typeof errors])).toEqual([field])
    expect(errors[field as keyof typeof errors]).toMatch(message)
  })
})

const idea: EligibleIdea = {
  id: 'i1',
  unitId: 'u1',
  boardId: 'b1',
  idea: ' Falls huddle at the bedside ',
  problem: 'Falls at night',
  status: 'implemented',
  measureId: 'm1',
  implementedAt: '2026-05-06T10:00:00.000Z',
  conceptIds: ['pdsa'],
}

describe('notEligibleReason', () => {
  it.each([
    ['ready', idea, [], { id: 'm1' }, null],
    ['not taken forward', { ...idea, status: 'not-progressed' as const }, [], { id: 'm1' }, /not taken forward/],
    ['no measure', { ...idea, measureId: null }, [], null, /^Link a measure/],
    ['measure not on this tablet', idea, [], undefined, /not on this tablet/],
    [
      'no change day',
      { ...idea, implementedAt: null, status: 'testing' as const },
      [{ startDay: null }],
      { id: 'm1' },
      /^Start a PDSA cycle/,
    ],
    [
      'a PDSA cycle started',
      { ...idea, implementedAt: null, status: 'testing' as const },
      [{ startDay: '2026-05-01' }],
      { id: 'm1' },
      null,
    ],
  ])('%s', (_name, i, cycles, measure, reason) => {
    const found = notEligibleReason(i, cycles, measure)
    if (reason === null) expect(found).toBeNull()
    else expect(found).toMatch(reason)
  })
})

describe('submissionFrom and certificationFrom', () => {
  it('assembles the submission from the idea, its cycles and measure, and the form', () => {
    const made = submissionFrom(idea, [{ id: 'c1', startDay: '2026-04-20' }], { id: 'm1', name: 'Falls' }, input())
    expect(made).toMatchObject({
      unitId: 'u1',
      title: 'Falls huddle at the bedside',
      names: ['Priya Shah', 'Sam Jones'],
      changeDay: '2026-05-06',
      pdsaCycleIds: ['c1'],
      consentToShare: true,
    })
  })

  it.each([
    [true, ['Priya Shah', 'Sam Jones'], 'Priya Shah and Sam Jones'],
    [false, [], 'A team of 2 on Ward 7'],
  ])('consent %s: names %j shown as "%s"', (consentToShare, names, people) => {
    const c = certificationFrom(
      submission({ consentToShare }),
      { unitName: 'Ward 7', csuId: 'csu1', csuName: 'Medicine' },
      sustainedCheck(),
      12,
      'library-t1',
      '2026-09-30T10:00:00.000Z',
      'Kay',
    )
    expect(c).toMatchObject({ id: 'certified-s1', unitId: 'library-t1', names, teamSize: 2, submissionUnitId: 'u1' })
    expect(c.headline).toMatch(/^Sustained: Falls improved/)
    expect(c.levels).toMatch(/before the change/)
    expect(certifiedPeople(c)).toBe(people)
  })
})

describe('criteria', () => {
  it('the defaults until the office changes them', () => {
    expect(criteriaInUse(undefined)).toEqual({ criteria: DEFAULT_CRITERIA, sustainWeeks: 12, edited: false })
  })

  it('reads a stored record defensively', () => {
    const stored = criteriaInUse({
      criteria: [
        { id: 'a', name: ' Meaningful ', description: 'x', check: 'weird' as never },
        { id: '', name: 'no id', description: '', check: null },
      ],
      sustainWeeks: 200,
    })
    expect(stored).toEqual({
      criteria: [{ id: 'a', name: 'Meaningful', description: 'x', check: null }],
      sustainWeeks: 12,
      edited: true,
    })
  })

  it.each([
    ['the defaults', {}, {}],
    ['no criteria', { criteria: [] }, { criteria: 'Keep at least one criterion' }],
    ['a blank name', { name0: '' }, { 'name-0': 'Enter a name for criterion 1' }],
    [
      'two with one name',
      { name1: 'meaningful' },
      { 'name-1': 'Two criteria are called "meaningful": give each its own name' },
    ],
    [
      'no description',
      { description0: ' ' },
      { 'description-0': 'Describe what the office looks for in "Meaningful"' },
    ],
    [
      'weeks not a number',
      { sustainWeeks: '12.5' },
      { sustainWeeks: 'Enter the number of weeks as a whole number, like 12' },
    ],
    ['weeks too many', { sustainWeeks: '53' }, { sustainWeeks: 'The period must be between 4 and 52 weeks' }],
  ])('%s', (_name, over: Record<string, unknown>, errors) => {
    const criteria = (over.criteria as never[] | undefined) ?? DEFAULT_CRITERIA.map((c) => ({ ...c }))
    if ('name0' in over) criteria[0]!.name = over.name0 as string
    if ('name1' in over) criteria[1]!.name = over.name1 as string
    if ('description0' in over) criteria[0]!.description = over.description0 as string
    expect(validateCriteria({ criteria, sustainWeeks: (over.sustainWeeks as string) ?? '12' })).toEqual(errors)
  })
})

describe('searching certified improvements', () => {
  const made = (id: string, over: Record<string, unknown>) => ({
    title: 'An improvement',
    problem: '',
    unitName: 'Ward 7',
    measureName: 'Falls',
    conceptIds: ['pdsa'],
    csuId: 'medicine',
    certifiedAt: '2026-10-01T10:00:00.000Z',
    submissionUnitId: 'w7',
    csuName: 'Medicine',
    id,
    ...over,
  })
  const list = [
    made('a', { title: 'Bedside falls huddle' }),
    made('b', {
      title: 'Red trays',
      measureName: 'Meals missed',
      conceptIds: ['five-s'],
      certifiedAt: '2026-11-01T10:00:00.000Z',
    }),
    made('c', {
      title: 'Theatre turnaround',
      csuId: 'surgery',
      unitName: 'Theatres',
      submissionUnitId: 'th',
      csuName: 'Surgery',
    }),
  ]
  it.each([
    ['everything, newest first', { text: '', conceptId: '', csuId: '' }, ['b', 'a', 'c']],
    ['by concept', { text: '', conceptId: 'five-s', csuId: '' }, ['b']],
    ['by CSU', { text: '', conceptId: '', csuId: 'surgery' }, ['c']],
    ['by measure, any case', { text: 'meals', conceptId: '', csuId: '' }, ['b']],
    ['every word must match', { text: 'falls huddle', conceptId: '', csuId: '' }, ['a']],
    ['nothing', { text: 'sepsis', conceptId: '', csuId: '' }, []],
  ])('%s', (_name, search, ids) => {
    expect(searchCertifications(list, search).map((c) => c.id)).toEqual(ids)
  })

  it('counts certified improvements by ward', () => {
    expect(certificationsByUnit(list)).toEqual([
      { unitId: 'w7', unitName: 'Ward 7', csuName: 'Medicine', count: 2 },
      { unitId: 'th', unitName: 'Theatres', csuName: 'Surgery', count: 1 },
    ])
  })
})
