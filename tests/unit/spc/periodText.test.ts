// Engine messages name periods the way people read them, never as raw keys.
import { describe, expect, it } from 'vitest'
import { addMonths } from '@/domain/dates'
import { computeSpc } from '@/domain/spc'
import { periodText } from '@/domain/spc/validate'

describe('periodText', () => {
  it.each<[string, string]>([
    ['2026-11-26', '26/11/2026'],
    ['2024-W44', 'week beginning 28/10/2024'],
    ['2026-W01', 'week beginning 29/12/2025'], // ISO week 1 holds 4 January, so it can start in December
    ['2026-W53', 'week beginning 28/12/2026'],
    ['2020-W53', 'week beginning 28/12/2020'],
    ['2026-11', 'November 2026'],
    ['2027-01', 'January 2027'],
    ['not a period', 'not a period'],
  ])('%s → %s', (key, text) => {
    expect(periodText(key)).toBe(text)
  })
})

const weeks = (values: (number | null)[]) =>
  values.map((value, i) => ({ period: `2024-W${String(40 + i).padStart(2, '0')}`, value }))
const months = (values: (number | null)[]) => values.map((value, i) => ({ period: addMonths('2025-06', i), value }))

describe('engine notes and messages with weeks and months', () => {
  it.each<[string, () => unknown, string]>([
    [
      'a rebase before the first week',
      () => computeSpc(weeks([1, 2, 3, 4]), { direction: 'higher', rebaseAt: ['2024-W10'] }),
      'The rebase at week beginning 04/03/2024 is at or before the first value, so it changes nothing.',
    ],
    [
      'too few weeks for limits',
      () => computeSpc(weeks([1, 2, 3, 4, 5]), { direction: 'higher' }),
      'Only 5 values from week beginning 30/09/2024: process limits need at least',
    ],
    [
      'trial limits from a month',
      () => computeSpc(months([1, 3, 2, 4, 3, 5, 4, 3, 2, 4, 3, 5, 4, 3, 2]), { direction: 'higher' }),
      'The limits from June 2025 rest on 15 values',
    ],
    [
      'a month given twice',
      () => computeSpc([...months([1, 2]), { period: '2025-07', value: 3 }], { direction: 'higher' }),
      'July 2025 appears twice; each period needs one value.',
    ],
    [
      'a month rebase on a weekly series',
      () => computeSpc(weeks([1, 2, 3, 4]), { direction: 'higher', rebaseAt: ['2026-11'] }),
      'The rebase date November 2026 is not the same kind of period as the series.',
    ],
  ])('%s', (_, run, text) => {
    const result = run() as { notes?: string[]; message?: string }
    const said = [...(result.notes ?? []), result.message ?? ''].join('\n')
    expect(said).toContain(text)
    expect(said).not.toMatch(/\d{4}-W\d{2}|\b\d{4}-\d{2}\b/)
  })
})
