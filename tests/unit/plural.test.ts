import { describe, expect, it } from 'vitest'
import { countOf } from '@/domain/plural'

describe('countOf: a number with its noun, never "1 doses"', () => {
  it.each([
    [0, 'measure', undefined, '0 measures'],
    [1, 'measure', undefined, '1 measure'],
    [2, 'measure', undefined, '2 measures'],
    [1, 'hour', undefined, '1 hour'],
    [1, 'person', 'people', '1 person'],
    [3, 'person', 'people', '3 people'],
    [1200, 'concept', undefined, '1,200 concepts'],
  ])('%i %s → %s', (n, singular, plural, text) => {
    expect(countOf(n, singular, plural)).toBe(text)
  })
})
