import { describe, expect, it } from 'vitest'
import { linksThatFit } from '@/components/layout/navFit'

describe('linksThatFit', () => {
  it.each([
    ['all fit', [80, 80, 80], 240, 70, 0, 3],
    ['all fit exactly with gaps', [80, 80, 80], 256, 70, 8, 3],
    ['one too many: the last goes to More', [80, 80, 80], 239, 70, 0, 2],
    ['room kept for More', [100, 100, 100, 100], 330, 100, 0, 2],
    ['gaps counted', [100, 100, 100, 100], 330, 100, 10, 2],
    ['nothing fits beside More', [200, 200], 150, 100, 0, 0],
    ['no room at all', [80], 0, 70, 0, 0],
    ['no links', [], 100, 70, 0, 0],
  ])('%s', (_case, widths, available, more, gap, expected) => {
    expect(linksThatFit(widths, available, more, gap)).toBe(expected)
  })
})
