import { describe, expect, it } from 'vitest'
import { readImportDate } from '@/domain/historyImport'

const TODAY = '2026-12-07'

describe('readImportDate: UK dates as wards write them', () => {
  it.each([
    ['dd/mm/yyyy', '05/01/2026', '2026-01-05'],
    ['d/m/yyyy', '5/1/2026', '2026-01-05'],
    ['d/m/yy', '5/1/26', '2026-01-05'],
    ['dd/mm/yy', '31/12/25', '2025-12-31'],
    ['dashes', '05-01-2026', '2026-01-05'],
    ['dots', '05.01.2026', '2026-01-05'],
    ['with a midnight time', '05/01/2026 00:00', '2026-01-05'],
    ['with seconds', '05/01/2026 00:00:00', '2026-01-05'],
    ['ISO', '2026-01-05', '2026-01-05'],
    ['ISO with a time', '2026-01-05T00:00:00Z', '2026-01-05'],
    ['ISO without padding', '2026-1-5', '2026-01-05'],
    ["Excel's CSV form", '05-Jan-26', '2026-01-05'],
    ['a month name', '5 January 2026', '2026-01-05'],
    ['a short month name', '5 Sept 2026', '2026-09-05'],
    ['compact', '20260105', '2026-01-05'],
    ['surrounding spaces', '  05/01/2026 ', '2026-01-05'],
    ['an Excel serial as text', '46027', '2026-01-05'],
    ['29 February in a leap year', '29/02/2024', '2024-02-29'],
    ['today', '07/12/2026', '2026-12-07'],
  ])('%s: %s', (_name, text, day) => {
    expect(readImportDate(text, TODAY)).toEqual({ day })
  })

  it.each([
    ['an Excel serial', 46027, '2026-01-05'],
    ['an Excel serial with a time', 46027.75, '2026-01-05'],
    ['the first serial after 1900', 367, '1901-01-01'],
    ['a compact number', 20260105, '2026-01-05'],
    ['a date cell', new Date(Date.UTC(2026, 0, 5)), '2026-01-05'],
    ['a date cell a hair before midnight', new Date(Date.UTC(2026, 0, 5) - 1), '2026-01-05'],
  ])('%s', (_name, cell, day) => {
    expect(readImportDate(cell, TODAY)).toEqual({ day })
  })

  it.each([
    ['US order', '12/31/2026', '"12/31/2026" has no month 31: dates are read day first'],
    ['no such day', '31/02/2026', '"31/02/2026" is not a real date'],
    ['not leap', '29/02/2025', '"29/02/2025" is not a real date'],
    ['no such ISO day', '2026-02-30', '"2026-02-30" is not a real date'],
    ['words', 'next Tuesday', '"next Tuesday" is not a date the import understands: use day/month/year'],
    ['a month only', 'Jan 2026', '"Jan 2026" is not a date'],
    ['an unknown month', '5 Foo 2026', '"5 Foo 2026" is not a real date'],
    ['empty', '', 'There is no date'],
    ['the future', '08/12/2026', '08/12/2026 is in the future'],
    ['a small number', '12', '"12" is not a date'],
  ])('%s: %s', (_name, text, error) => {
    const reading = readImportDate(text, TODAY)
    expect(reading).toHaveProperty('error')
    expect((reading as { error: string }).error).toContain(error)
  })

  it.each([
    ['null', null, 'There is no date'],
    ['a boolean', true, 'not a date'],
    ['a number too small for a serial', 12, 'not a date'],
    ['an invalid date cell', new Date(Number.NaN), 'not a real date'],
    ['a serial in the future', 46400, 'is in the future'],
  ])('%s', (_name, cell, error) => {
    const reading = readImportDate(cell, TODAY)
    expect((reading as { error: string }).error).toContain(error)
  })
})
