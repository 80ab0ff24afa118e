// A chosen file → rows of cells for the history import. CSV is read here; .xlsx through
// read-excel-file (MIT, maintained, read-only and small), loaded only when someone picks
// an Excel file, so it never weighs on the app's first load.
import { parseCsvText, type ImportGrid } from '@/domain/historyImport'

export interface SpreadsheetSheet {
  name: string
  rows: ImportGrid
}

/** Files bigger than this are not a ward's history (a year of days is a few kilobytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024

export class SpreadsheetError extends Error {}

export async function readSpreadsheet(file: File): Promise<SpreadsheetSheet[]> {
  const name = file.name.toLowerCase()
  if (file.size > MAX_FILE_BYTES) {
    throw new SpreadsheetError('This file is larger than 5 MB. Save only the measure’s dates and values and try again.')
  }
  if (name.endsWith('.csv') || name.endsWith('.txt'))
    return [{ name: file.name, rows: parseCsvText(await file.text()) }]
  if (name.endsWith('.xls') || name.endsWith('.ods') || name.endsWith('.numbers')) {
    throw new SpreadsheetError(
      'Save the spreadsheet as an Excel workbook (.xlsx) or as CSV first, then choose it here.',
    )
  }
  if (!name.endsWith('.xlsx')) throw new SpreadsheetError('Choose a CSV file or an Excel workbook (.xlsx).')
  const { default: readXlsxFile } = await import('read-excel-file/browser')
  try {
    const sheets = await readXlsxFile(file)
    return sheets.map((sheet) => ({ name: sheet.sheet, rows: sheet.data as ImportGrid }))
  } catch {
    throw new SpreadsheetError(
      'This file could not be read as an Excel workbook. Open it in Excel and save it as .xlsx or CSV.',
    )
  }
}
