// Which column holds the date, the value and (optionally) a comment. The first guess
// reads the header row's words and, failing that, which column's cells read as dates and
// values; people can change it in the preview.
import type { DayKey, Measure } from '../types'
import { cellText, isBlank, type ImportCell, type ImportGrid } from './cells'
import { readImportDate } from './importDates'
import { readImportValue } from './importValues'

export interface ImportMapping {
  /** The first row names the columns (and is not imported). */
  headerRow: boolean
  dateColumn: number
  valueColumn: number
  commentColumn: number | null
  /** A percentage measure's values are fractions (0.85 for 85 %), as Excel's % cells hold them. */
  percentFractions?: boolean
}

export interface ImportColumn {
  index: number
  /** "Column B (Falls)": the spreadsheet's letter, then the header's words if any. */
  label: string
}

/** A, B, … Z, AA, AB …: how spreadsheets name columns. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

export function columnCount(grid: ImportGrid): number {
  return grid.reduce((most, row) => Math.max(most, row.length), 0)
}

export function columnsOf(grid: ImportGrid, headerRow: boolean): ImportColumn[] {
  const header = headerRow ? (grid[0] ?? []) : []
  return Array.from({ length: columnCount(grid) }, (_, index) => {
    const name = cellText(header[index])
    return { index, label: name ? `Column ${columnLetter(index)} (${name})` : `Column ${columnLetter(index)}` }
  })
}

const DATE_WORDS = /\b(date|day|week|w\/c|wc|month|period)\b/i
const VALUE_WORDS = /\b(value|count|total|number|result|score|percent(age)?|rate)\b|%/i
const COMMENT_WORDS = /\b(comments?|notes?|remarks?)\b/i

const share = (hits: number, of: number) => (of === 0 ? 0 : hits / of)

export function guessMapping(grid: ImportGrid, measure: Pick<Measure, 'name' | 'type'>, today: DayKey): ImportMapping {
  const columns = columnCount(grid)
  const top = grid[0] ?? []
  // A header row is one where no cell reads as a date but the rows below have some.
  const topHasDate = top.some((cell) => !isBlank(cell) && 'day' in readImportDate(cell, today))
  const headerRow = !topHasDate && top.some((cell) => !isBlank(cell)) && grid.length > 1
  const body = grid.slice(headerRow ? 1 : 0, (headerRow ? 1 : 0) + 50)
  const filled = (i: number) => body.filter((row) => !isBlank(row[i]))
  const dateShare = (i: number) =>
    share(filled(i).filter((row) => 'day' in readImportDate(row[i], today)).length, filled(i).length)
  const valueShare = (i: number) =>
    share(filled(i).filter((row) => 'value' in readImportValue(row[i], measure.type)).length, filled(i).length)
  const name = (i: number) => (headerRow ? cellText(top[i]) : '')
  const indexes = Array.from({ length: columns }, (_, i) => i)

  const dateColumn =
    indexes.find((i) => DATE_WORDS.test(name(i)) && dateShare(i) > 0) ?? indexes.find((i) => dateShare(i) >= 0.5) ?? 0
  const others = indexes.filter((i) => i !== dateColumn)
  const measureName = measure.name.trim().toLowerCase()
  const valueColumn =
    others.find((i) => measureName !== '' && name(i).toLowerCase() === measureName) ??
    others.find((i) => VALUE_WORDS.test(name(i)) && !COMMENT_WORDS.test(name(i))) ??
    others.find((i) => !COMMENT_WORDS.test(name(i)) && valueShare(i) >= 0.5) ??
    others[0] ??
    0
  const commentColumn = others.find((i) => i !== valueColumn && COMMENT_WORDS.test(name(i))) ?? null
  return {
    headerRow,
    dateColumn,
    valueColumn,
    commentColumn,
    ...(measure.type === 'percentage'
      ? { percentFractions: looksLikeFractions(body.map((row) => row[valueColumn])) }
      : {}),
  }
}

/** Every number between 0 and 1, and not all of them 0 or 1: fractions, not percentages. */
function looksLikeFractions(cells: readonly ImportCell[]): boolean {
  const numbers = cells
    .filter((cell) => !isBlank(cell) && !cellText(cell).endsWith('%'))
    .map((cell) => (typeof cell === 'number' ? cell : Number(cellText(cell))))
  return (
    numbers.length > 0 &&
    numbers.every((n) => Number.isFinite(n) && n >= 0 && n <= 1) &&
    numbers.some((n) => n > 0 && n < 1)
  )
}
