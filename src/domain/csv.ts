// CSV for spreadsheets (RFC 4180), shared by every export (ideas, trends, adherence).
// Hand-written because it is a dozen lines; the packages that do it (papaparse,
// csv-stringify) do not guard against formula injection, which matters more here:
// exports are opened in Excel on trust PCs, and a cell typed as `=HYPERLINK(...)` or
// `+cmd|...` must be shown as text, never run.

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/

export type CsvCell = string | number | boolean | null | undefined

/** One cell: a formula-looking text gets a leading apostrophe; quoted when it holds a
 * comma, quote or line break (quotes doubled). Numbers stay numbers, so `-3` is not
 * mistaken for a formula. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Rows to CSV text with CRLF line ends (what Excel expects), header row first. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A UTF-8 byte-order mark first, so Excel opens names with accents or emoji correctly. */
export function csvBlob(rows: readonly (readonly CsvCell[])[]): Blob {
  return new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' })
}
