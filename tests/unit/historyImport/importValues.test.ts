import { describe, expect, it } from 'vitest'
import { readImportValue, type ImportCell } from '@/domain/historyImport'
import type { MeasureType } from '@/domain/types'

describe('readImportValue', () => {
  it.each<[MeasureType, ImportCell, unknown]>([
    ['count', '3', 3],
    ['count', 3, 3],
    ['count', ' 12 ', 12],
    ['count', '1,234', 1234],
    ['count', '0', 0],
    ['number', '12.5', 12.5],
    ['number', '-3', -3],
    ['number', '.5', 0.5],
    ['number', 7.25, 7.25],
    ['percentage', '85', 85],
    ['percentage', '85%', 85],
    ['percentage', '85.5 %', 85.5],
    ['percentage', 100, 100],
    ['yesno', 'Yes', true],
    ['yesno', 'n', false],
    ['yesno', 'TRUE', true],
    ['yesno', '0', false],
    ['yesno', true, true],
    ['daystatus', 'Green', 'green'],
    ['daystatus', 'a', 'amber'],
    ['daystatus', 'RED', 'red'],
  ])('%s: %j', (type, cell, value) => {
    expect(readImportValue(cell, type)).toEqual({ value })
  })

  it.each<[MeasureType, ImportCell, string]>([
    ['count', '2.5', 'A count must be a whole number'],
    ['count', '-1', 'A count cannot be less than 0'],
    ['count', 'three', '"three" is not a number'],
    ['count', '1,23', '"1,23" is not a number'],
    ['count', '12a', '"12a" is not a number'],
    ['count', 2e9, 'is too large'],
    ['number', '1e3', 'is not a number'],
    ['percentage', '101', 'A percentage must be between 0 and 100'],
    ['percentage', '-5%', 'A percentage must be between 0 and 100'],
    ['yesno', 'maybe', '"maybe" is not yes or no'],
    ['daystatus', 'blue', '"blue" is not green, amber or red'],
  ])('%s: %j is refused', (type, cell, error) => {
    const reading = readImportValue(cell, type)
    expect((reading as { error: string }).error).toContain(error)
  })

  it.each<ImportCell>(['', '   ', null, undefined])('%j is empty, not zero', (cell) => {
    expect(readImportValue(cell, 'count')).toEqual({ empty: true })
  })

  it.each<[ImportCell, number]>([
    [0.85, 85],
    ['0.925', 92.5],
    [0.07, 7],
    [1, 100],
    ['85%', 85],
  ])('reads %j as a fraction of a percentage when asked', (cell, value) => {
    expect(readImportValue(cell, 'percentage', true)).toEqual({ value })
  })
})
