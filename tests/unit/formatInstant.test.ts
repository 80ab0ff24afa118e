import { describe, expect, it } from 'vitest'
import { formatInstant } from '@/domain/dates'

describe('formatInstant', () => {
  it.each([
    ['2026-11-26T07:42:00.000Z', '26/11/2026 07:42'], // GMT: London equals UTC
    ['2026-06-15T06:30:00.000Z', '15/06/2026 07:30'], // BST: an hour ahead
    ['2026-06-15T23:30:00.000Z', '16/06/2026 00:30'], // BST after 23:00 UTC is the next London day
    ['2026-11-26T00:05:00.000Z', '26/11/2026 00:05'], // midnight shows as 00, never 24
    ['2026-03-29T01:00:00.000Z', '29/03/2026 02:00'], // the moment the clocks go forward
  ])('%s → %s', (instant, expected) => {
    expect(formatInstant(instant)).toBe(expected)
  })

  it('accepts a Date', () => {
    expect(formatInstant(new Date('2026-11-26T07:42:00.000Z'))).toBe('26/11/2026 07:42')
  })
})
