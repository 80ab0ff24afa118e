import { describe, expect, it } from 'vitest'
import { wallColumns } from '@/domain/wall'

describe('wallColumns', () => {
  it.each([
    [0, 16 / 9, 1],
    [1, 16 / 9, 1],
    [2, 16 / 9, 2],
    [8, 16 / 9, 4],
    [10, 16 / 9, 4],
    [20, 16 / 9, 5],
    [20, 1.2, 4],
    [30, 16 / 9, 6],
  ])('%i tiles on a %f screen: %i columns', (count, aspect, columns) => {
    expect(wallColumns(count, aspect)).toBe(columns)
  })

  it('never leaves a row for every tile on a landscape screen', () => {
    for (let count = 2; count <= 40; count++) {
      const columns = wallColumns(count)
      expect(Math.ceil(count / columns)).toBeLessThanOrEqual(columns)
    }
  })
})
