// Dates as wards write them in spreadsheets, read the UK way (day first). Accepted:
// 05/01/2026, 5/1/26, 05-01-2026, 05.01.2026, 2026-01-05 (ISO), 5 Jan 2026, 05-Jan-26
// (Excel's own CSV form), 20260105, an Excel serial number (46027, what a date cell
// holds when it is not formatted as a date) and a date cell read from an .xlsx file.
// A time after the date ("05/01/2026 00:00") is ignored. Two-digit years are 20yy.
import { formatDay, isDayKey } from '../dates'
import type { DayKey } from '../types'
import { cellText, type ImportCell } from './cells'

export type DateReading = { day: DayKey } | { error: string }

const EXAMPLE = 'use day/month/year, for example 05/01/2026'
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/** Excel's day 0 in its 1900 date system is 30/12/1899 (its serials count from there). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
/** Serials from 01/01/1901 (367, past Excel's fictional 29/02/1900) to 31/12/9999. */
const SERIAL_MIN = 367
const SERIAL_MAX = 2_958_465

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`)
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`)
const NAMED_MONTH = new RegExp(String.raw`^(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{4}|\d{2})${TIME}$`, 'i')
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/

function dayFrom(year: number, month: number, day: number): DayKey | null {
  const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isDayKey(key) ? key : null
}

const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text))

function fromSerial(serial: number): DayKey {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10)
}

function fromText(text: string): DateReading {
  const quoted = `"${text}"`
  let m = ISO.exec(text)
  if (m) {
    const day = dayFrom(Number(m[1]), Number(m[2]), Number(m[3]))
    return day ? { day } : { error: `${quoted} is not a real date` }
  }
  m = DAY_FIRST.exec(text)
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[3])]
    const day = dayFrom(fullYear(m[4]!), mo, d)
    if (day) return { day }
    if (mo > 12 && d <= 12) return { error: `${quoted} has no month ${mo}: dates are read day first (${EXAMPLE})` }
    return { error: `${quoted} is not a real date` }
  }
  m = NAMED_MONTH.exec(text)
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1
    const day = month > 0 ? dayFrom(fullYear(m[3]!), month, Number(m[1])) : null
    return day ? { day } : { error: `${quoted} is not a real date` }
  }
  m = COMPACT.exec(text)
  if (m) {
    const day = dayFrom(Number(m[1]), Number(m[2]), Number(m[3]))
    return day ? { day } : { error: `${quoted} is not a real date` }
  }
  if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), quoted)
  return { error: `${quoted} is not a date the import understands: ${EXAMPLE}` }
}

function fromNumber(value: number, shown: string): DateReading {
  if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) return fromText(String(value))
  if (value >= SERIAL_MIN && value <= SERIAL_MAX) return { day: fromSerial(value) }
  return { error: `${shown} is not a date the import understands: ${EXAMPLE}` }
}

/** The day a cell names, or a sentence saying why it names none. */
export function readImportDate(cell: ImportCell, today: DayKey): DateReading {
  let reading: DateReading
  if (cell instanceof Date) {
    // Readers build date cells at UTC midnight; a time of day from float rounding is dropped.
    reading = Number.isNaN(cell.getTime())
      ? { error: 'The date cell is not a real date' }
      : { day: new Date(cell.getTime() + 1000).toISOString().slice(0, 10) }
  } else if (typeof cell === 'number') {
    reading = fromNumber(cell, String(cell))
  } else {
    const text = cellText(cell)
    if (!text) return { error: 'There is no date' }
    reading = fromText(text)
  }
  if ('day' in reading && reading.day > today) return { error: `${formatDay(reading.day)} is in the future` }
  return reading
}
