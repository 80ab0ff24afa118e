import { describe, expect, it } from 'vitest'
import {
  columnLetter,
  columnsOf,
  guessMapping,
  importWrites,
  MAX_IMPORT_ROWS,
  parseCsvText,
  planImport,
  type ExistingValue,
  type ImportGrid,
  type ImportMapping,
} from '@/domain/historyImport'
import type { MeasureType } from '@/domain/types'

const TODAY = '2026-12-07'
const FALLS = { name: 'Falls', type: 'count' as MeasureType }
const MAPPING: ImportMapping = { headerRow: true, dateColumn: 0, valueColumn: 1, commentColumn: null }

function plan(grid: ImportGrid, existing: [string, ExistingValue][] = [], mapping = MAPPING, measure = FALLS) {
  return planImport({ grid, mapping, measure, existing: new Map(existing), today: TODAY })
}

describe('parseCsvText', () => {
  it.each([
    [
      'commas and CRLF',
      'Date,Falls\r\n05/01/2026,3\r\n',
      [
        ['Date', 'Falls'],
        ['05/01/2026', '3'],
      ],
    ],
    [
      'LF and no final line end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quotes, commas and line breaks inside',
      'd,c\n1,"a, ""b""\nc"',
      [
        ['d', 'c'],
        ['1', 'a, "b"\nc'],
      ],
    ],
    [
      'semicolons',
      'Date;Falls\n05/01/2026;3',
      [
        ['Date', 'Falls'],
        ['05/01/2026', '3'],
      ],
    ],
    [
      'tabs',
      'Date\tFalls\n05/01/2026\t3',
      [
        ['Date', 'Falls'],
        ['05/01/2026', '3'],
      ],
    ],
    ['a byte-order mark', '\uFEFFDate,Falls', [['Date', 'Falls']]],
    [
      'empty cells',
      'a,,c\n,,',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
    ['nothing', '', []],
  ])('%s', (_name, text, rows) => {
    expect(parseCsvText(text)).toEqual(rows)
  })
})

describe('columns and the first guess', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter)
  })

  it('labels columns with their letter and header', () => {
    expect(
      columnsOf(
        [
          ['Date', 'Falls'],
          ['05/01/2026', '3', 'x'],
        ],
        true,
      ).map((c) => c.label),
    ).toEqual(['Column A (Date)', 'Column B (Falls)', 'Column C'])
  })

  it.each<[string, ImportGrid, string, ImportMapping]>([
    [
      'date, value and comment headers',
      [
        ['Comments', 'Week commencing', 'Total'],
        ['', '05/01/2026', '3'],
      ],
      'Falls',
      { headerRow: true, dateColumn: 1, valueColumn: 2, commentColumn: 0 },
    ],
    [
      "the measure's own name as a header",
      [
        ['Ward', 'Date', 'Staff', 'Falls'],
        ['7', '05/01/2026', '20', '3'],
      ],
      'Falls',
      { headerRow: true, dateColumn: 1, valueColumn: 3, commentColumn: null },
    ],
    [
      'no header row: dates found by their cells',
      [
        ['x', 46027, 3],
        ['y', 46028, 1],
      ],
      'Falls',
      { headerRow: false, dateColumn: 1, valueColumn: 2, commentColumn: null },
    ],
  ])('%s', (_name, grid, name, mapping) => {
    expect(guessMapping(grid, { name, type: 'count' }, TODAY)).toEqual(mapping)
  })
})

describe('planImport', () => {
  it('reads each row against the recorded values, with reasons for the rows left out', () => {
    const result = plan(
      [
        ['Date', 'Falls'],
        ['05/01/2026', '3'],
        ['06/01/2026', '1'],
        ['07/01/2026', '2'],
        ['08/01/2026', 'two'],
        ['31/02/2026', '1'],
        ['', ''],
        ['09/01/2026', ''],
        ['05/01/2026', '4'],
      ],
      [
        ['2026-01-06', { value: 5, comment: 'typed' }],
        ['2026-01-07', { value: 2, comment: '' }],
      ],
    )
    expect(result.problem).toBeNull()
    expect(result.rows.map((r) => [r.line, r.status, r.day, r.value, r.message])).toEqual([
      [2, 'new', '2026-01-05', 3, ''],
      [3, 'replaces', '2026-01-06', 1, ''],
      [4, 'same', '2026-01-07', 2, ''],
      [5, 'error', '2026-01-08', null, '"two" is not a number'],
      [6, 'error', null, null, '"31/02/2026" is not a real date'],
      [7, 'skipped', null, null, 'Blank row'],
      [8, 'skipped', '2026-01-09', null, 'No value for this day'],
      [9, 'error', '2026-01-05', null, '05/01/2026 is also on row 2; each day needs one value'],
    ])
    expect(result.rows[1]!.existing).toEqual({ value: 5, comment: 'typed' })
    expect(result.counts).toEqual({ new: 1, replaces: 1, same: 1, error: 3, skipped: 2 })
  })

  it.each([
    ['keep', [{ day: '2026-01-05', value: 3 }]],
    [
      'replace',
      [
        { day: '2026-01-05', value: 3 },
        { day: '2026-01-06', value: 1 },
      ],
    ],
  ] as const)('writes new days, and recorded ones only on "%s" when they differ', (choice, writes) => {
    const result = plan(
      [
        ['Date', 'Falls'],
        ['05/01/2026', '3'],
        ['06/01/2026', '1'],
        ['07/01/2026', '2'],
        ['bad', '1'],
      ],
      [
        ['2026-01-06', { value: 5, comment: '' }],
        ['2026-01-07', { value: 2, comment: '' }],
      ],
    )
    expect(importWrites(result, choice)).toEqual(writes)
  })

  it('keeps a comment from the file, and counts a new comment on a recorded value as a change', () => {
    const mapping = { ...MAPPING, commentColumn: 2 }
    const result = plan(
      [
        ['Date', 'Falls', 'Notes'],
        ['05/01/2026', '1', 'Night shift'],
        ['06/01/2026', '2', ''],
      ],
      [['2026-01-05', { value: 1, comment: '' }]],
      mapping,
    )
    expect(result.rows.map((r) => r.status)).toEqual(['replaces', 'new'])
    expect(importWrites(result, 'replace')).toEqual([
      { day: '2026-01-05', value: 1, comment: 'Night shift' },
      { day: '2026-01-06', value: 2 },
    ])
  })

  it('refuses a comment that may identify a patient', () => {
    const result = plan(
      [
        ['Date', 'Falls', 'Notes'],
        ['05/01/2026', '1', 'Fall, NHS 943 476 5919'],
      ],
      [],
      { ...MAPPING, commentColumn: 2 },
    )
    expect(result.rows[0]).toMatchObject({ status: 'error' })
    expect(result.rows[0]!.message).toContain('may identify a patient (an NHS number (943 476 5919))')
  })

  it.each<[string, MeasureType, ImportGrid, unknown[]]>([
    [
      'yes/no',
      'yesno',
      [
        ['Day', 'Any falls?'],
        ['05/01/2026', 'No'],
        ['06/01/2026', 'yes'],
      ],
      [false, true],
    ],
    [
      'day status',
      'daystatus',
      [
        ['Day', 'Cross'],
        ['05/01/2026', 'G'],
        ['06/01/2026', 'red'],
      ],
      ['green', 'red'],
    ],
    [
      'percentage',
      'percentage',
      [
        ['Day', '%'],
        ['05/01/2026', '95%'],
        [46028, 90],
      ],
      [95, 90],
    ],
  ])('reads %s values', (_name, type, grid, values) => {
    expect(plan(grid, [], MAPPING, { name: 'M', type }).rows.map((r) => r.value)).toEqual(values)
  })

  it.each<[string, ImportGrid, boolean]>([
    [
      "Excel's % cells (fractions)",
      [
        ['Date', 'Obs'],
        ['05/01/2026', 0.85],
        ['06/01/2026', 0.9],
      ],
      true,
    ],
    [
      'percentages',
      [
        ['Date', 'Obs'],
        ['05/01/2026', 85],
        ['06/01/2026', 0.5],
      ],
      false,
    ],
    [
      'only 0 and 1',
      [
        ['Date', 'Obs'],
        ['05/01/2026', 0],
        ['06/01/2026', 1],
      ],
      false,
    ],
    [
      'typed with a % sign',
      [
        ['Date', 'Obs'],
        ['05/01/2026', '0.5%'],
        ['06/01/2026', '1%'],
      ],
      false,
    ],
  ])('guesses whether a percentage column holds %s', (_name, grid, fractions) => {
    const mapping = guessMapping(grid, { name: 'Obs', type: 'percentage' }, TODAY)
    expect(mapping.percentFractions).toBe(fractions)
    const values = plan(grid, [], mapping, { name: 'Obs', type: 'percentage' }).rows.map((r) => r.value)
    if (fractions) expect(values).toEqual([85, 90])
  })

  it('says when the values are weekly', () => {
    expect(
      plan([
        ['W/c', 'Falls'],
        ['05/01/2026', 1],
        ['12/01/2026', 2],
        ['26/01/2026', 0],
      ]).weekly,
    ).toBe(true)
    expect(
      plan([
        ['Date', 'Falls'],
        ['05/01/2026', 1],
        ['06/01/2026', 2],
      ]).weekly,
    ).toBe(false)
  })

  it.each<[string, ImportGrid, ImportMapping, string]>([
    [
      'the same column twice',
      [
        ['Date', 'Falls'],
        ['05/01/2026', '1'],
      ],
      { ...MAPPING, valueColumn: 0 },
      'Choose different columns',
    ],
    ['only a header', [['Date', 'Falls']], MAPPING, 'The file has no values to import.'],
    [
      'only bad rows',
      [
        ['Date', 'Falls'],
        ['soon', '1'],
      ],
      MAPPING,
      'No row of the file can be imported',
    ],
    [
      'too many rows',
      [['Date', 'Falls'], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ['05/01/2026', '1'])],
      MAPPING,
      'import at most 4,000 at a time',
    ],
  ])('refuses %s as a whole, writing nothing', (_name, grid, mapping, problem) => {
    const result = plan(grid, [], mapping)
    expect(result.problem).toContain(problem)
    expect(importWrites(result, 'replace')).toEqual([])
  })
})
