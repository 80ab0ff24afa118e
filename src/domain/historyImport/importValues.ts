// A spreadsheet cell → a day's value for the measure's type, with the same checks as a
// value typed on the board (validation.ts). Words for yes/no and day status are the ones
// wards use in their sheets; "85%" and "85" are both 85 for a percentage.
import type { EntryValue, MeasureType } from '../types'
import { LIMITS } from '../validation'
import { cellText, type ImportCell } from './cells'

export type ValueReading = { value: EntryValue } | { error: string } | { empty: true }

const YES = new Set(['yes', 'y', 'true', '1'])
const NO = new Set(['no', 'n', 'false', '0'])
const STATUS: Record<string, EntryValue> = {
  green: 'green',
  g: 'green',
  amber: 'amber',
  a: 'amber',
  red: 'red',
  r: 'red',
}

/** "1,234", "12.5", " 7 ", "-3"; thousands commas only in their proper places. */
function numberFrom(text: string): number | null {
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(',', '') : text
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return null
  const value = Number(plain)
  return Number.isFinite(value) ? value : null
}

function numericCell(cell: ImportCell, text: string, type: MeasureType): number | { error: string } {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : { error: `"${text}" is not a number` }
  const bare = type === 'percentage' ? text.replace(/\s*%$/, '') : text
  const value = numberFrom(bare)
  return value === null ? { error: `"${text}" is not a number` } : value
}

/** 0.85 → 85, without the float noise of 0.85 × 100 (85.00000000000001). */
const asPercent = (fraction: number) => Math.round(fraction * 100 * 1e9) / 1e9

/** `percentFractions`: a percentage column holds fractions (Excel's % cells hold 0.85 for 85 %). */
export function readImportValue(cell: ImportCell, type: MeasureType, percentFractions = false): ValueReading {
  const text = cellText(cell)
  if (text === '') return { empty: true }
  switch (type) {
    case 'yesno': {
      if (typeof cell === 'boolean') return { value: cell }
      const word = text.toLowerCase()
      if (YES.has(word)) return { value: true }
      if (NO.has(word)) return { value: false }
      return { error: `"${text}" is not yes or no` }
    }
    case 'daystatus': {
      const status = STATUS[text.toLowerCase()]
      return status ? { value: status } : { error: `"${text}" is not green, amber or red` }
    }
    case 'count': {
      const value = numericCell(cell, text, type)
      if (typeof value !== 'number') return value
      if (!Number.isInteger(value)) return { error: `A count must be a whole number (this row has ${text})` }
      if (value < 0) return { error: `A count cannot be less than 0 (this row has ${text})` }
      if (value > LIMITS.number) return { error: `${text} is too large` }
      return { value }
    }
    case 'percentage': {
      const read = numericCell(cell, text, type)
      if (typeof read !== 'number') return read
      // "85%" typed as text is already a percentage.
      const value = percentFractions && !text.endsWith('%') ? asPercent(read) : read
      if (value < 0 || value > 100) return { error: `A percentage must be between 0 and 100 (this row has ${text})` }
      return { value }
    }
    case 'number': {
      const value = numericCell(cell, text, type)
      if (typeof value !== 'number') return value
      if (Math.abs(value) > LIMITS.number) return { error: `${text} is too large` }
      return { value }
    }
  }
}
