import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '@/domain/csv'

describe('csvCell', () => {
  it.each([
    ['plain text', 'Stock the bays', 'Stock the bays'],
    ['a comma', 'Bays 1, 2', '"Bays 1, 2"'],
    ['a quote', 'The "red" box', '"The ""red"" box"'],
    ['a line break', 'line one\nline two', '"line one\nline two"'],
    ['a carriage return', 'a\r\nb', '"a\r\nb"'],
    ['a leading =', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a leading +', '+44 cmd', "'+44 cmd"],
    ['a leading -', '-2+3', "'-2+3"],
    ['a leading @', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['an = later on', 'a = b', 'a = b'],
    ['emoji and right-to-left text', '👍 مرحبا', '👍 مرحبا'],
    ['empty text', '', ''],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it.each([
    [-3, '-3'],
    [0, '0'],
    [12.5, '12.5'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [null, ''],
    [undefined, ''],
    [true, 'yes'],
    [false, 'no'],
  ] as const)('%s', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })
})

describe('toCsv', () => {
  it('joins cells with commas and rows with CRLF, ending with one', () => {
    expect(
      toCsv([
        ['Problem', 'Status'],
        ['Long walk, twice', 'New'],
      ]),
    ).toBe('Problem,Status\r\n"Long walk, twice",New\r\n')
  })
})
