import { describe, expect, it } from 'vitest'
import { addDays } from '@/domain/dates'
import { changeSourceOf, evidenceRange, ideaEvidence } from '@/domain/ideaEvidence'
import type { EntryValue } from '@/domain/types'

const falls = {
  id: 'm1',
  name: 'Falls',
  unit: 'falls',
  type: 'count' as const,
  direction: 'lower' as const,
  target: null,
}
const change = '2026-10-01'
const run = (from: string, values: EntryValue[]) => values.map((value, i) => ({ day: addDays(from, i), value }))
const entries = [...run(addDays(change, -28), Array(28).fill(3)), ...run(change, Array(28).fill(1))]

describe('changeSourceOf', () => {
  it.each([
    [{ implementedAt: '2026-10-01T09:00:00.000Z' }, [{ startDay: '2026-09-01' }], 'the day it was implemented'],
    [{ implementedAt: null }, [{ startDay: '2026-09-01' }], 'the start of the first PDSA cycle'],
    [{ implementedAt: null }, [{ startDay: null }], ''],
    [{ implementedAt: null }, [], ''],
  ])('%o with cycles %o: "%s"', (idea, cycles, expected) => {
    expect(changeSourceOf(idea, cycles)).toBe(expected)
  })
})

describe('ideaEvidence', () => {
  it('compares the linked measure before and after the day the idea was implemented', () => {
    const evidence = ideaEvidence(
      { measureId: 'm1', implementedAt: '2026-10-01T09:00:00.000Z' },
      [],
      falls,
      entries,
      '2026-12-01',
    )
    expect(evidence.measure).toEqual({ name: 'Falls', unit: 'falls' })
    expect(evidence.changeSource).toBe('the day it was implemented')
    expect(evidence.comparison?.changeDay).toBe(change)
    expect(evidence.comparison?.before).toMatchObject({ recorded: 28, mean: 3, total: 84 })
    expect(evidence.comparison?.after).toMatchObject({ recorded: 28, mean: 1, total: 28 })
  })

  it('shows the measure with no comparison while the change has no day yet', () => {
    const evidence = ideaEvidence({ measureId: 'm1', implementedAt: null }, [], falls, [], '2026-12-01')
    expect(evidence).toEqual({
      measure: { name: 'Falls', unit: 'falls' },
      comparison: null,
      changeSource: '',
      sustained: null,
    })
  })

  it.each([
    ['no measure linked', { measureId: null, implementedAt: null }, falls],
    ['the measure is not on this tablet', { measureId: 'm1', implementedAt: null }, undefined],
    ['a different measure was read', { measureId: 'm2', implementedAt: null }, falls],
  ])('has no measure evidence when %s', (_why, idea, measure) => {
    expect(ideaEvidence(idea, [], measure, entries, '2026-12-01')).toEqual({
      measure: null,
      comparison: null,
      changeSource: '',
      sustained: null,
    })
  })

  it('checks whether the change is sustained, reading 26 weeks before the change week to today', () => {
    const idea = { measureId: 'm1', implementedAt: '2026-10-01T09:00:00.000Z' }
    // 01/10/2026 is a Thursday: its week starts on Monday 28/09/2026.
    expect(evidenceRange(idea, [], '2026-12-01')).toEqual({ from: '2026-03-30', to: '2026-12-01' })
    expect(evidenceRange(idea, [], '2026-10-05')).toEqual({ from: '2026-03-30', to: '2026-10-28' })
    expect(evidenceRange({ implementedAt: null }, [], '2026-12-01')).toBeNull()
    // Four weeks either side is not enough history for the sustain check.
    const evidence = ideaEvidence(idea, [], falls, entries, '2026-12-01')
    expect(evidence.sustained?.verdict).toBe('cannot-judge')
    expect(evidence.sustained?.headline).toContain('12 recorded weeks before the change are needed')
  })
})
