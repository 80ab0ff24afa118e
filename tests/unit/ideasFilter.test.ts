import { describe, expect, it } from 'vitest'
import { newIdeaFields } from '@/domain/ideas'
import {
  emptyFilter,
  filterIdeas,
  filterProblem,
  isFiltering,
  pickGrid,
  pickQuadrant,
  type IdeaFilter,
} from '@/domain/ideasFilter'
import type { Idea, IdeaLevel, IdeaStatus } from '@/domain/types'

function idea(id: string, fields: Partial<Idea> & { problem?: string } = {}): Idea {
  const at = fields.createdAt ?? '2026-11-01T10:00:00.000Z'
  return {
    id,
    unitId: 'u1',
    boardId: 'b1',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Seed',
    ...newIdeaFields({ problem: fields.problem ?? `Problem ${id}`, idea: `Idea ${id}` }, new Date(at)),
    ...fields,
  }
}

const ideas = [
  idea('a', {
    problem: 'Walking to the store room for dressings',
    wastes: ['motion'],
    raisedBy: 'Zoë Adams',
    createdAt: '2026-10-01T09:00:00.000Z',
  }),
  idea('b', {
    problem: 'Waiting for pharmacy',
    wastes: ['waiting'],
    owner: 'Sam Okafor',
    status: 'testing',
    conceptIds: ['pdsa'],
  }),
  idea('c', {
    problem: 'مشكلة في الأدوية',
    sponsor: 'Priya Shah',
    status: 'not-progressed',
    notProgressedReason: 'Budget for dressings trolley',
    createdAt: '2026-11-20T23:30:00.000Z',
  }),
]
const ids = (filter: Partial<IdeaFilter>, concepts?: Map<string, string[]>) =>
  filterIdeas(ideas, { ...emptyFilter(), ...filter }, concepts).map((i) => i.id)

describe('filterIdeas', () => {
  it.each<[string, Partial<IdeaFilter>, string[]]>([
    ['nothing chosen: all', {}, ['a', 'b', 'c']],
    ['words in the problem or reason, any case', { text: 'DRESSINGS' }, ['a', 'c']],
    ['every word must match', { text: 'dressings store' }, ['a']],
    ['right-to-left text', { text: 'الأدوية' }, ['c']],
    ['status', { status: 'testing' }, ['b']],
    ['waste', { waste: 'waiting' }, ['b']],
    ['concept on the idea', { conceptId: 'pdsa' }, ['b']],
    ['person who raised it, accents ignored', { person: 'zoe' }, ['a']],
    ['owner', { person: 'okafor' }, ['b']],
    ['sponsor', { person: 'Priya' }, ['c']],
    ['raised from a day', { from: '2026-11-01' }, ['b', 'c']],
    // 23:30 UTC on 20 November is 20 November in London (GMT).
    ['raised up to a day, in London days', { to: '2026-11-20' }, ['a', 'b', 'c']],
    ['raised up to the day before', { to: '2026-11-19' }, ['a', 'b']],
    ['several filters together', { text: 'waiting', status: 'new' }, []],
  ])('%s', (_, filter, expected) => {
    expect(ids(filter)).toEqual(expected)
  })

  it('finds an idea by a concept linked on one of its PDSA cycles', () => {
    expect(ids({ conceptId: 'standard-work' }, new Map([['a', ['standard-work']]]))).toEqual(['a'])
  })

  it('says when the dates cannot match, and whether anything is filtered', () => {
    expect(filterProblem({ ...emptyFilter(), from: '2026-11-02', to: '2026-11-01' })).toMatch(/after the “to” date/)
    expect(filterProblem({ ...emptyFilter(), from: '2026-11-01', to: '2026-11-01' })).toBeUndefined()
    expect(isFiltering(emptyFilter())).toBe(false)
    expect(isFiltering({ ...emptyFilter(), person: 'Sam' })).toBe(true)
  })
})

describe('PICK', () => {
  it.each<[IdeaLevel | null, IdeaLevel | null, string | null]>([
    ['low', 'low', 'possible'],
    ['low', 'high', 'implement'],
    ['high', 'high', 'challenge'],
    ['high', 'low', 'kill'],
    [null, 'high', null],
    ['low', null, null],
  ])('effort %s, impact %s → %s', (effort, impact, quadrant) => {
    expect(pickQuadrant(effort, impact)).toBe(quadrant)
  })

  it('places open ideas only, oldest first, and lists the unrated apart', () => {
    const rated = (
      id: string,
      status: IdeaStatus,
      effort: IdeaLevel | null,
      impact: IdeaLevel | null,
      createdAt: string,
    ) => idea(id, { status, effort, impact, createdAt })
    const grid = pickGrid([
      rated('late', 'new', 'low', 'high', '2026-11-03T00:00:00.000Z'),
      rated('early', 'review', 'low', 'high', '2026-11-01T00:00:00.000Z'),
      rated('kill', 'testing', 'high', 'low', '2026-11-01T00:00:00.000Z'),
      rated('half', 'new', 'high', null, '2026-11-01T00:00:00.000Z'),
      rated('done', 'implemented', 'low', 'high', '2026-11-01T00:00:00.000Z'),
      rated('no', 'not-progressed', 'low', 'low', '2026-11-01T00:00:00.000Z'),
    ])
    expect(Object.fromEntries(Object.entries(grid).map(([k, v]) => [k, v.map((i) => i.id)]))).toEqual({
      implement: ['early', 'late'],
      challenge: [],
      possible: [],
      kill: ['kill'],
      unrated: ['half'],
    })
  })
})
