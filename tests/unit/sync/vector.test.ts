import { describe, expect, it } from 'vitest'
import {
  VECTOR_MAX_ENTRIES,
  covers,
  filterVector,
  formatVector,
  isVersionVector,
  joinVectors,
  parseVector,
} from '@/shared/sync/vector'
import { at } from './fixtures'

describe('version vectors (what a writer had seen)', () => {
  it.each([
    ['one stamp', at(5, 'a'), true],
    ['stamps from two devices', `${at(5, 'a')},${at(3, 'b')}`, true],
    ['two stamps from one device', `${at(5, 'a')},${at(6, 'a')}`, false],
    ['empty', '', false],
    ['a trailing comma', `${at(5, 'a')},`, false],
    ['too many devices', Array.from({ length: VECTOR_MAX_ENTRIES + 1 }, (_, i) => at(i, `n${i}`)).join(','), false],
  ])('%s is valid: %s', (_, text, valid) => {
    expect(isVersionVector(text)).toBe(valid)
  })

  it.each([
    ['a stamp it lists', at(5, 'a'), true],
    ['an earlier stamp from a listed device', at(4, 'a'), true],
    ['a later stamp from a listed device', at(6, 'a'), false],
    ['an earlier stamp from another device', at(1, 'c'), false],
  ])('covers %s: %s', (_, stamp, expected) => {
    expect(covers(parseVector(`${at(5, 'a')},${at(9, 'b')}`), stamp)).toBe(expected)
  })

  it.each([
    [
      'keeps the later stamp per device, sorted by device',
      [`${at(5, 'b')},${at(1, 'a')}`, at(7, 'b')],
      `${at(1, 'a')},${at(7, 'b')}`,
    ],
    ['ignores missing vectors', [undefined, at(1, 'a'), undefined], at(1, 'a')],
    ['nothing seen', [undefined], undefined],
  ])('join %s', (_, texts, expected) => {
    expect(joinVectors(...texts)).toBe(expected)
  })

  it('past the size limit it forgets the oldest devices (which can only add conflicts)', () => {
    const vector = new Map(Array.from({ length: VECTOR_MAX_ENTRIES + 3 }, (_, i) => [`n${i}`, at(i, `n${i}`)]))
    const kept = parseVector(formatVector(vector))
    expect(kept.size).toBe(VECTOR_MAX_ENTRIES)
    expect([...kept.keys()]).not.toContain('n0')
    expect(kept.get(`n${VECTOR_MAX_ENTRIES + 2}`)).toBe(at(VECTOR_MAX_ENTRIES + 2, `n${VECTOR_MAX_ENTRIES + 2}`))
  })

  it('filterVector drops entries and says when none is left', () => {
    expect(filterVector(`${at(1, 'a')},${at(9, 'b')}`, (s) => s < at(5, 'b'))).toBe(at(1, 'a'))
    expect(filterVector(at(9, 'b'), () => false)).toBeUndefined()
  })
})
