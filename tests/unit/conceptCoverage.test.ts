import { describe, expect, it } from 'vitest'
import { conceptCoverage, coverageLevel, linkedItems, type CoverageRows } from '@/domain/conceptCoverage'
import type { Action, Measure } from '@/domain/types'

const concepts = [
  { id: 'five-s', name: '5S' },
  { id: 'pdsa', name: 'PDSA' },
  { id: 'flow', name: 'Flow' },
]
const units = [
  { id: 'u12', name: 'Ward 12' },
  { id: 'u7', name: 'Ward 7' },
]
const action = (unitId: string, conceptIds: string[], status: Action['status'] = 'open') =>
  ({ unitId, conceptIds, status }) as Action
const measure = (unitId: string, conceptIds: string[]) => ({ unitId, conceptIds }) as Measure
const rows = (more: Partial<CoverageRows>): CoverageRows => ({
  units,
  measures: [],
  actions: [],
  ...more,
})

describe('coverageLevel', () => {
  it.each([
    [0, 'none'],
    [1, 'started'],
    [2, 'started'],
    [3, 'practised'],
    [10, 'practised'],
  ])('%i linked items: %s', (n, level) => {
    expect(coverageLevel(n)).toBe(level)
  })
})

describe('conceptCoverage: items that practise a concept by what they are', () => {
  const lim = [
    { id: 'everyday-ideas', name: 'Everyday ideas' },
    { id: 'pdsa', name: 'PDSA' },
    { id: 'tiered-huddles', name: 'Tiered huddles' },
  ]
  it('counts a ward with 9 ideas and 4 escalations, none linked, as using ideas and tiered huddles', () => {
    const coverage = conceptCoverage(
      lim,
      rows({
        ideas: [
          ...Array.from({ length: 9 }, () => ({ unitId: 'u7', status: 'new' as const, conceptIds: [] })),
          { unitId: 'u7', status: 'not-progressed', conceptIds: [] },
          { unitId: 'u12', status: 'implemented', conceptIds: ['everyday-ideas'] },
        ],
        pdsaCycles: [{ unitId: 'u7', conceptIds: [] }],
        escalations: [
          ...Array.from({ length: 4 }, () => ({ unitId: 'u7', status: 'raised' })),
          { unitId: 'u7', status: 'withdrawn' },
        ],
      }),
    )
    expect(coverage.rows.map((r) => [r.name, r.counts])).toEqual([
      ['Everyday ideas', [1, 9]],
      ['PDSA', [0, 1]],
      ['Tiered huddles', [0, 4]],
    ])
    expect(coverage.untouched).toEqual([['PDSA', 'Tiered huddles'], []])
  })
})

describe('conceptCoverage', () => {
  it('counts linked items per concept and unit and lists what each unit never touches', () => {
    const coverage = conceptCoverage(
      concepts,
      rows({
        measures: [measure('u7', ['five-s']), measure('u12', ['pdsa', 'pdsa'])],
        actions: [
          action('u7', ['five-s', 'pdsa']),
          action('u7', ['five-s'], 'cancelled'),
          action('elsewhere', ['flow']),
        ],
        ideas: [
          { unitId: 'u7', status: 'implemented', conceptIds: ['five-s'] },
          { unitId: 'u7', status: 'not-progressed', conceptIds: ['flow'] },
        ],
        pdsaCycles: [{ unitId: 'u12', conceptIds: ['pdsa'] }],
        checklistTemplates: [
          {
            unitId: 'u12',
            retired: false,
            conceptIds: ['flow'],
            steps: [{ id: 's', text: '', keyPoint: '', expectedMinutes: null, conceptIds: ['flow'] }],
          },
          { unitId: 'u12', retired: true, conceptIds: ['five-s'] },
        ],
        boards: [
          {
            id: 'b',
            unitId: 'u7',
            updatedAt: '2026-11-01T10:00:00Z',
            agenda: [{ id: 'a', title: 'x', seconds: 60, kind: 'safety', conceptIds: ['pdsa'] }],
          },
        ],
      }),
    )
    expect(coverage.units.map((u) => u.name)).toEqual(['Ward 12', 'Ward 7'])
    expect(coverage.rows.map((r) => [r.name, r.counts, r.total])).toEqual([
      ['5S', [0, 3], 3],
      ['PDSA', [2, 2], 4],
      ['Flow', [2, 0], 2],
    ])
    expect(coverage.untouched).toEqual([['5S'], ['Flow']])
  })

  it('reads half-filled rows without failing', () => {
    expect(
      linkedItems(
        rows({
          ideas: [{}],
          pdsaCycles: [{ unitId: 'u7' }],
          checklistTemplates: [{ unitId: 'u7', steps: [null as never] }],
          boards: [{ id: 'b', unitId: 'u7', updatedAt: '' }],
          escalations: [null as never, {}],
        }),
      ),
    ).toEqual([{ unitId: 'u7', conceptIds: ['pdsa'] }])
  })
})
