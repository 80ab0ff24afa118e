// Bringing a measure's history in from a spreadsheet: pure reading, mapping and checking
// (no file APIs, no Dexie). The dialog reads the file and the store writes the result.
export { cellText, type ImportCell, type ImportGrid } from './cells'
export { parseCsvText } from './csvText'
export { readImportDate } from './importDates'
export { readImportValue } from './importValues'
export { columnLetter, columnsOf, guessMapping, type ImportColumn, type ImportMapping } from './mapping'
export {
  importWrites,
  MAX_IMPORT_ROWS,
  planImport,
  type ExistingChoice,
  type ExistingValue,
  type ImportPlan,
  type ImportWrite,
  type PlanRow,
  type RowStatus,
} from './plan'
