// What a spreadsheet row holds, whichever file it came from: CSV gives text; an .xlsx
// reader gives numbers, booleans and dates for typed cells. The import rules below read
// cells of any of these kinds, so CSV and Excel files are checked by the same code.

export type ImportCell = string | number | boolean | Date | null | undefined

/** Rows of cells, top row first, as read from the file. */
export type ImportGrid = readonly (readonly ImportCell[])[]

/** A cell as people would read it in the preview. */
export function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return ''
    const iso = cell.toISOString()
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return String(cell).trim()
}

export function isBlank(cell: ImportCell): boolean {
  return cellText(cell) === ''
}
