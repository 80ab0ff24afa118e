import { describe, expect, it } from 'vitest'
import { practisedWorkOf, practitionerId, practitionersOf, questionThreads, validateQuestion } from '@/domain/coaching'
import type { ConceptQuestion, Idea, PractitionerListing } from '@/domain/types'

type IdeaRow = Pick<Idea, 'id' | 'idea' | 'raisedBy' | 'owner' | 'status' | 'implementedAt' | 'conceptIds'>
const idea = (id: string, over: Partial<IdeaRow> = {}): IdeaRow => ({
  id,
  idea: `Idea ${id}`,
  raisedBy: 'Priya Shah',
  owner: '',
  status: 'implemented',
  implementedAt: '2026-10-01T09:00:00.000Z',
  conceptIds: ['pdsa'],
  ...over,
})

describe('practisedWorkOf', () => {
  it.each<[string, IdeaRow[], Parameters<typeof practisedWorkOf>[2], string[]]>([
    ['an implemented idea she raised', [idea('a')], [], ['a:implemented']],
    [
      'one she owns, sustained',
      [idea('a', { raisedBy: null, owner: ' priya  shah ', status: 'sustained' })],
      [],
      ['a:implemented'],
    ],
    ['still being tested', [idea('a', { status: 'testing' })], [], []],
    ['not linked to a concept', [idea('a', { conceptIds: [] })], [], []],
    ['somebody else’s', [idea('a', { raisedBy: 'Sam Jones' })], [], []],
    [
      'certified with her among the names counts as certified, once',
      [idea('a')],
      [
        {
          ideaId: 'a',
          names: ['Sam Jones', 'Priya Shah'],
          title: 'Falls huddle',
          conceptIds: ['pdsa', 'spc'],
          day: '2026-11-20',
        },
      ],
      ['a:certified'],
    ],
    [
      'certified without her name (no consent, or not hers)',
      [],
      [{ ideaId: 'b', names: [], title: 'Falls huddle', conceptIds: ['pdsa'], day: '2026-11-20' }],
      [],
    ],
  ])('%s', (_name, ideas, certified, expected) => {
    expect(practisedWorkOf('Priya Shah', ideas, certified).map((w) => `${w.ideaId}:${w.kind}`)).toEqual(expected)
  })
})

const listing = (person: string, listed: boolean, conceptIds: string[][], certified = false): PractitionerListing => ({
  id: practitionerId('ward-7', person),
  unitId: 'library-t1',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  updatedBy: person,
  person,
  homeUnitId: 'ward-7',
  homeUnitName: 'Ward 7',
  listed,
  work: conceptIds.map((ids, i) => ({
    ideaId: `${person}-${i}`,
    title: 'Work',
    kind: certified ? 'certified' : 'implemented',
    conceptIds: ids,
    day: '2026-11-01',
  })),
})

describe('practitionersOf', () => {
  it('lists only people who said yes and practised the concept, certified first', () => {
    const listings = [
      listing('Zoe Adams', true, [['pdsa']], true),
      listing('Amy Brown', true, [['pdsa'], ['5s']]),
      listing('Carl Dean', false, []),
      listing('Dev Rao', true, [['5s']]),
    ]
    expect(practitionersOf('pdsa', listings).map((p) => [p.listing.person, p.work.length])).toEqual([
      ['Zoe Adams', 1],
      ['Amy Brown', 1],
    ])
  })

  it('gives one listing id per person and ward, whatever the spacing or case', () => {
    expect(practitionerId('ward-7', ' Priya  SHAH')).toBe(practitionerId('ward-7', 'priya shah'))
    expect(practitionerId('ward-8', 'Priya Shah')).not.toBe(practitionerId('ward-7', 'Priya Shah'))
    expect(practitionerId('w'.repeat(36), 'x'.repeat(60)).length).toBeLessThanOrEqual(200)
  })
})

describe('questions', () => {
  const post = (id: string, kind: ConceptQuestion['kind'], threadId: string, minute: number): ConceptQuestion => ({
    id,
    unitId: 'library-t1',
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    kind,
    threadId,
    conceptId: 'pdsa',
    practitionerId: 'p1',
    to: 'Priya Shah',
    text: id,
    author: 'Sam',
    authorPlace: 'Ward 9',
    at: new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString(),
  })

  it('threads answers under their question, the latest activity first', () => {
    const threads = questionThreads([
      post('a2', 'answer', 'q1', 9),
      post('q2', 'question', 'q2', 5),
      post('q1', 'question', 'q1', 1),
      post('a1', 'answer', 'q1', 3),
      post('stray', 'answer', 'gone', 4),
    ])
    expect(threads.map((t) => [t.question.id, t.answers.map((a) => a.id)])).toEqual([
      ['q1', ['a1', 'a2']],
      ['q2', []],
    ])
  })

  it.each([
    ['', 'question', { text: 'Write your question' }],
    ['', 'answer', { text: 'Write your answer' }],
    ['How did you choose the measure?', 'question', {}],
    ['x'.repeat(1001), 'answer', { text: 'Keep it to 1,000 characters or fewer' }],
  ] as const)('%j as a %s', (text, kind, errors) => {
    expect(validateQuestion(text, kind)).toEqual(errors)
  })
})
