import { describe, expect, it } from 'vitest'
import { buildPortfolio, knownPeople, samePerson, type PortfolioRows } from '@/domain/portfolio'

const T = (day: string) => `${day}T10:00:00.000Z`
const base = (id: string, day: string, unitId = 'u7') => ({
  id,
  unitId,
  createdAt: T(day),
  updatedAt: T(day),
  updatedBy: 'x',
})
const names: Record<string, string> = {
  'five-s': '5S',
  pdsa: 'PDSA',
  'standard-work': 'Standard work',
  'eight-wastes': 'The 8 wastes',
}
const nameOf = (id: string) => names[id] ?? id

const rows: PortfolioRows = {
  units: [{ id: 'u7', name: 'Ward 7' }],
  ideas: [
    {
      ...base('i1', '2026-10-01'),
      idea: 'Label the sluice shelves',
      raisedBy: 'Priya Shah',
      owner: 'Sam',
      status: 'implemented',
      conceptIds: ['five-s', 'eight-wastes'],
    },
    {
      ...base('i2', '2026-10-05'),
      idea: 'Own idea',
      raisedBy: null,
      owner: ' priya  shah ',
      status: 'testing',
      conceptIds: ['pdsa'],
    },
    {
      ...base('i3', '2026-10-06'),
      idea: 'Someone else',
      raisedBy: 'Sam',
      owner: '',
      status: 'new',
      conceptIds: ['five-s'],
    },
  ],
  pdsaCycles: [
    {
      ...base('c1', '2026-10-10'),
      number: 1,
      change: 'Try labels on one shelf',
      decision: 'adopt',
      startDay: '2026-10-10',
      conceptIds: ['pdsa'],
    },
    {
      ...base('c2', '2026-10-12'),
      number: 2,
      change: 'Not hers',
      decision: null,
      startDay: '2026-10-12',
      conceptIds: ['pdsa'],
    },
  ],
  pdsaAuthors: [
    { recordId: 'c1', by: 'Priya Shah' },
    { recordId: 'c1', by: 'Priya Shah' },
    { recordId: 'c2', by: 'Sam' },
  ],
  checklistTemplates: [{ ...base('t1', '2026-09-01'), title: 'Sluice check', conceptIds: ['standard-work'] }],
  checklistRuns: [
    {
      ...base('r1', '2026-11-02'),
      templateId: 't1',
      title: 'Sluice check',
      day: '2026-11-02',
      completedAt: T('2026-11-02'),
      completedBy: 'PRIYA SHAH',
      steps: [{ id: 's', text: 'Sort', keyPoint: '', expectedMinutes: null, conceptIds: ['five-s'] }],
    },
    {
      ...base('r2', '2026-11-03'),
      templateId: 't1',
      day: '2026-11-03',
      completedAt: null,
      completedBy: 'Priya Shah',
      steps: [],
    },
  ],
  actions: [
    {
      ...base('a1', '2026-11-01'),
      title: 'Order labels',
      owner: 'Priya Shah',
      status: 'done',
      closedAt: T('2026-11-04'),
      conceptIds: [],
    },
    {
      ...base('a2', '2026-11-01'),
      title: 'Cancelled',
      owner: 'Priya Shah',
      status: 'cancelled',
      closedAt: null,
      conceptIds: ['five-s'],
    },
  ],
}

describe('buildPortfolio', () => {
  const portfolio = buildPortfolio('Priya Shah', rows, nameOf)

  it('gathers ideas raised or owned, cycles written, checklists completed and actions owned, newest first', () => {
    expect(portfolio.items.map((i) => [i.key, i.role, i.status])).toEqual([
      ['action:a1', 'own', 'done'],
      ['checklist:r1', 'completed', 'on 02/11/2026'],
      ['pdsa:c1', 'wrote', 'adopted'],
      ['idea:i2', 'own', 'testing'],
      ['idea:i1', 'raised', 'implemented'],
    ])
  })

  it('counts each concept practised, most practised first, with its first and last day', () => {
    expect(portfolio.concepts.map((c) => [c.name, c.items.length, c.firstDay, c.lastDay])).toEqual([
      ['5S', 2, '2026-10-01', '2026-11-02'],
      ['PDSA', 2, '2026-10-05', '2026-10-10'],
      ['Standard work', 1, '2026-11-02', '2026-11-02'],
      ['The 8 wastes', 1, '2026-10-01', '2026-10-01'],
    ])
  })

  it('lists their ideas for the A3 summaries', () => {
    expect(portfolio.ideaIds).toEqual(['i2', 'i1'])
  })

  it.each([
    ['someone with nothing', 'Nobody', 0],
    ['a name typed in another case with extra spaces', '  sam ', 3],
  ])('for %s finds %i items', (_what, person, count) => {
    expect(buildPortfolio(person, rows, nameOf).items).toHaveLength(count)
  })

  it('skips half-filled records instead of failing', () => {
    const odd: PortfolioRows = {
      ...rows,
      ideas: [{ raisedBy: 'Priya Shah' }],
      checklistRuns: [{ completedBy: 'Priya Shah', completedAt: T('2026-11-02') }],
      actions: [{ owner: 'Priya Shah' }],
    }
    expect(buildPortfolio('Priya Shah', odd, nameOf).items.map((i) => i.key)).toEqual(['pdsa:c1'])
  })
})

describe('helpers', () => {
  it.each([
    ['Priya Shah', ' priya   SHAH', true],
    ['Priya', 'Priya Shah', false],
    [null, '', false],
  ])('samePerson(%s, %s) is %s', (a, b, same) => {
    expect(samePerson(a, b)).toBe(same)
  })

  it('lists everyone on the units once, sorted', () => {
    expect(knownPeople([{ people: ['Sam', 'priya shah'] }, { people: ['Priya Shah', 'Alex', ' '] }, {}])).toEqual([
      'Alex',
      'priya shah',
      'Sam',
    ])
  })
})
