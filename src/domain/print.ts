// The printable board: every active measure as a month calendar. Each day carries a
// symbol as well as a status, so the sheet reads the same from a black-and-white
// printer as from a colour one.
import { daysOfMonth, formatMonth, monthOf, weekdayIndex } from './dates'
import { STATUS_LABEL, statusOf, type Status } from './status'
import type { DayKey, EntryValue, Measure, MeasureCategory } from './types'

export const PRINT_SYMBOL: Record<Status, string> = { green: '✓', amber: '!', red: '✕', none: '•', missing: '' }

/** The key printed on every sheet, in the order staff read a board: good to bad. */
export const PRINT_KEY: { status: Status; symbol: string; label: string }[] = (
  ['green', 'amber', 'red', 'none', 'missing'] as const
).map((status) => ({ status, symbol: PRINT_SYMBOL[status], label: STATUS_LABEL[status] }))

export const PRINT_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const

export interface PrintCell {
  day: DayKey
  /** Day of the month, 1–31. */
  date: number
  status: Status
  symbol: string
  /** The number recorded, for numeric measures ("3", "92%"); '' otherwise. */
  value: string
  /** After today: nothing could have been recorded yet. */
  future: boolean
  /** The cell in words, for screen readers: "3 November 2026: Good, 92%". */
  label: string
}

export interface PrintBlock {
  measureId: string
  name: string
  categoryName: string
  /** "Target 0 falls, lower is better" — what good looks like, so the sheet stands alone. */
  goal: string
  /** Calendar rows, Monday first; null pads days outside the month. */
  weeks: (PrintCell | null)[][]
  /** Days so far this month by status (future days are not counted). */
  counts: Record<Status, number>
}

export interface PrintModel {
  month: string
  monthLabel: string
  blocks: PrintBlock[]
}

type PrintMeasure = Pick<
  Measure,
  | 'id'
  | 'name'
  | 'categoryId'
  | 'type'
  | 'unit'
  | 'direction'
  | 'goodAnswer'
  | 'target'
  | 'thresholds'
  | 'order'
  | 'archived'
>

export interface PrintInput {
  month: string
  today: DayKey
  measures: PrintMeasure[]
  categories: MeasureCategory[]
  valueFor: (measureId: string, day: DayKey) => EntryValue | undefined
}

const NUMERIC = new Set<Measure['type']>(['count', 'number', 'percentage'])

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

/** A value short enough for a calendar square: no unit words, just "92%" or "3". */
export function compactValue(measure: Pick<Measure, 'type'>, value: EntryValue | undefined): string {
  if (!NUMERIC.has(measure.type) || typeof value !== 'number') return ''
  return measure.type === 'percentage' ? `${number(value)}%` : number(value)
}

function withUnit(measure: Pick<Measure, 'type' | 'unit'>, value: number): string {
  if (measure.type === 'percentage') return `${number(value)}%`
  return measure.unit ? `${number(value)} ${measure.unit}` : number(value)
}

export function goalText(measure: Omit<PrintMeasure, 'id' | 'name' | 'categoryId' | 'order' | 'archived'>): string {
  if (measure.type === 'daystatus') return 'Green, amber or red each day'
  if (measure.type === 'yesno') return `Good answer: ${(measure.goodAnswer ?? 'yes') === 'yes' ? 'Yes' : 'No'}`
  const direction =
    measure.direction === 'higher' ? 'higher is better' : measure.direction === 'lower' ? 'lower is better' : ''
  const target =
    measure.target !== undefined && measure.target !== null ? `Target ${withUnit(measure, measure.target)}` : ''
  const text = [target, direction].filter(Boolean).join(', ')
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Recorded, no target'
}

function emptyCounts(): Record<Status, number> {
  return { green: 0, amber: 0, red: 0, none: 0, missing: 0 }
}

function cellFor(
  measure: PrintMeasure,
  day: DayKey,
  today: DayKey,
  monthLabel: string,
  valueFor: PrintInput['valueFor'],
): PrintCell {
  const date = Number(day.slice(8))
  const future = day > today
  const value = future ? undefined : valueFor(measure.id, day)
  const status = statusOf(measure, value)
  const shown = compactValue(measure, value)
  const where = `${date} ${monthLabel}`
  const label = future ? `${where}: not yet` : `${where}: ${STATUS_LABEL[status]}${shown ? `, ${shown}` : ''}`
  return { day, date, status, symbol: PRINT_SYMBOL[status], value: shown, future, label }
}

function calendarFor(
  measure: PrintMeasure,
  input: PrintInput,
  monthLabel: string,
): Pick<PrintBlock, 'weeks' | 'counts'> {
  const days = daysOfMonth(input.month)
  const counts = emptyCounts()
  const slots: (PrintCell | null)[] = Array.from({ length: weekdayIndex(days[0]!) }, () => null)
  for (const day of days) {
    const cell = cellFor(measure, day, input.today, monthLabel, input.valueFor)
    if (!cell.future) counts[cell.status] += 1
    slots.push(cell)
  }
  while (slots.length % 7 !== 0) slots.push(null)
  const weeks = Array.from({ length: slots.length / 7 }, (_, w) => slots.slice(w * 7, w * 7 + 7))
  return { weeks, counts }
}

/** Active measures, in board order (category, then position), each as a month calendar. */
export function buildPrintModel(input: PrintInput): PrintModel {
  const monthLabel = formatMonth(input.month)
  const categoryRank = new Map(input.categories.map((c, i) => [c.id, i]))
  const rank = (m: PrintMeasure) => categoryRank.get(m.categoryId) ?? input.categories.length
  const measures = input.measures.filter((m) => !m.archived).sort((a, b) => rank(a) - rank(b) || a.order - b.order)
  const blocks = measures.map((measure) => ({
    measureId: measure.id,
    name: measure.name,
    categoryName: input.categories.find((c) => c.id === measure.categoryId)?.name ?? '',
    goal: goalText(measure),
    ...calendarFor(measure, input, monthLabel),
  }))
  return { month: input.month, monthLabel, blocks }
}

/** The month to print from a `?month=YYYY-MM` link: this month unless a valid, not-future month is asked for. */
export function printMonthFrom(requested: unknown, today: DayKey): string {
  const current = monthOf(today)
  if (typeof requested !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(requested)) return current
  return requested > current ? current : requested
}
