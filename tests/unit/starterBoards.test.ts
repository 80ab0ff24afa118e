import { describe, expect, it } from 'vitest'
import { conceptById } from '@/domain/concepts'
import { DEFAULT_CATEGORIES } from '@/domain/defaults'
import { draftFromMeasure } from '@/domain/measureForm'
import { STARTER_BOARDS, starterBoard, starterMeasuresFrom, starterRows } from '@/domain/starterBoards'
import type { Measure } from '@/domain/types'
import { validateMeasureDraft } from '@/domain/validation'

const categoryIds = DEFAULT_CATEGORIES.map((c) => c.id)

describe('starter boards', () => {
  it('offers the six kinds of team the trust has', () => {
    expect(STARTER_BOARDS.map((set) => set.name)).toEqual([
      'Inpatient ward',
      'Emergency department',
      'Theatres',
      'Outpatients',
      'Community team',
      'Corporate team',
    ])
  })

  const everyMeasure = STARTER_BOARDS.flatMap((set) => set.measures.map((m) => [set.name, m.name, m] as const))

  it.each(everyMeasure)('%s: "%s" passes the measure form and links to a known LIM concept', (_set, _name, m) => {
    const { errors } = validateMeasureDraft(draftFromMeasure(m as Measure), categoryIds)
    expect(errors).toEqual({})
    expect(m.conceptIds.length).toBeGreaterThan(0)
    for (const id of m.conceptIds) expect(conceptById(id), id).toBeDefined()
  })

  it.each(STARTER_BOARDS.map((set) => [set.name, set] as const))(
    '%s has between 6 and 12 measures with no name twice',
    (_name, set) => {
      expect(set.measures.length).toBeGreaterThanOrEqual(6)
      expect(set.measures.length).toBeLessThanOrEqual(12)
      expect(new Set(set.measures.map((m) => m.name)).size).toBe(set.measures.length)
    },
  )
})

describe('editing a starter set before saving', () => {
  const ward = starterBoard('inpatient-ward')!

  it('adds every measure as it stands when nothing is changed', () => {
    const { measures, errors } = starterMeasuresFrom(ward, starterRows(ward))
    expect(errors).toEqual({})
    expect(measures.map((m) => m.name)).toEqual(ward.measures.map((m) => m.name))
  })

  it('skips unticked measures and keeps renamed and re-targeted ones', () => {
    const rows = starterRows(ward)
    rows[0]!.include = false
    rows[1]!.name = '  Falls   on the ward '
    rows[1]!.target = '1'
    const obs = ward.measures.findIndex((m) => m.name === 'Observations on time')
    rows[obs]!.target = ''
    const { measures, errors } = starterMeasuresFrom(ward, rows)
    expect(errors).toEqual({})
    expect(measures).toHaveLength(ward.measures.length - 1)
    expect(measures[0]).toMatchObject({ name: 'Falls on the ward', target: 1, conceptIds: ['root-cause'] })
    expect(measures.find((m) => m.name === 'Observations on time')!.target).toBeNull()
  })

  it.each([
    ['an empty name', 'name', '', 'name-1', 'Enter a name for measure 2, or untick it'],
    ['a target that is not a number', 'target', 'none', 'target-1', 'Enter the target for Inpatient falls as a number'],
    [
      'a part-count target',
      'target',
      '0.5',
      'target-1',
      'The target for Inpatient falls must be a whole number, 0 or more',
    ],
  ] as const)('refuses %s, keyed to its field', (_case, field, typed, key, message) => {
    const rows = starterRows(ward)
    rows[1]![field] = typed
    expect(starterMeasuresFrom(ward, rows).errors).toEqual({ [key]: message })
  })

  it('refuses a percentage target over 100', () => {
    const rows = starterRows(ward)
    const obs = ward.measures.findIndex((m) => m.name === 'Observations on time')
    rows[obs]!.target = '150'
    expect(starterMeasuresFrom(ward, rows).errors[`target-${obs}`]).toBe(
      'The target for Observations on time must be between 0 and 100',
    )
  })

  it('asks for at least one measure when all are unticked', () => {
    const rows = starterRows(ward).map((row) => ({ ...row, include: false }))
    expect(starterMeasuresFrom(ward, rows)).toEqual({
      measures: [],
      errors: { 'name-0': 'Tick at least one measure to add' },
    })
  })
})
