// The preview: each spreadsheet row read against the measure and the values already on
// this tablet, before anything is written. Rows with a problem are listed with the
// reason and left out; a day already recorded is shown with both values, and the person
// chooses whether the file's value replaces it or the recorded one is kept.
import { formatDay } from '../dates'
import { findLikelyPatientIdentifiers } from '../pii'
import type { DayKey, EntryValue, Measure } from '../types'
import { validateComment } from '../validation'
import { cellText, isBlank, type ImportGrid } from './cells'
import { readImportDate } from './importDates'
import { readImportValue } from './importValues'
import type { ImportMapping } from './mapping'

/** Enough for over ten years of daily values; a bigger file is almost certainly the wrong one. */
export const MAX_IMPORT_ROWS = 4000

/** new: nothing recorded for that day; replaces: a different value is recorded; same: the
 * recorded value already matches; error: left out, with the reason; skipped: a blank row. */
export type RowStatus = 'new' | 'replaces' | 'same' | 'error' | 'skipped'

export interface ExistingValue {
  value: EntryValue
  comment: string
}

export interface PlanRow {
  /** The spreadsheet's row number (1 = the top row), as people see it in Excel. */
  line: number
  dateText: string
  valueText: string
  day: DayKey | null
  value: EntryValue | null
  /** The comment from the file ('' when none or no comment column). */
  comment: string
  status: RowStatus
  /** Why a row is an error or skipped. */
  message: string
  existing: ExistingValue | null
}

export interface ImportPlan {
  rows: PlanRow[]
  counts: Record<RowStatus, number>
  /** A problem with the whole file or mapping; when set, nothing can be imported. */
  problem: string | null
  /** All the days a whole number of weeks apart: weekly values (chart them by week). */
  weekly: boolean
}

export type ExistingChoice = 'keep' | 'replace'

export interface ImportWrite {
  day: DayKey
  value: EntryValue
  /** Set only when the file has a comment for the day; otherwise the recorded comment stays. */
  comment?: string
}

const emptyCounts = (): Record<RowStatus, number> => ({ new: 0, replaces: 0, same: 0, error: 0, skipped: 0 })

function sameValue(a: EntryValue, b: EntryValue): boolean {
  return a === b
}

export function planImport(input: {
  grid: ImportGrid
  mapping: ImportMapping
  measure: Pick<Measure, 'type' | 'name'>
  existing: ReadonlyMap<DayKey, ExistingValue>
  today: DayKey
}): ImportPlan {
  const { grid, mapping, measure, existing, today } = input
  const first = mapping.headerRow ? 1 : 0
  const body = grid.slice(first)
  const plan: ImportPlan = { rows: [], counts: emptyCounts(), problem: null, weekly: false }
  if (mapping.dateColumn === mapping.valueColumn) {
    plan.problem = 'Choose different columns for the date and the value.'
    return plan
  }
  if (body.length > MAX_IMPORT_ROWS) {
    plan.problem = `The file has ${body.length.toLocaleString('en-GB')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time.`
    return plan
  }
  const seen = new Map<DayKey, number>()
  body.forEach((cells, i) => {
    const line = first + i + 1
    const dateCell = cells[mapping.dateColumn]
    const valueCell = cells[mapping.valueColumn]
    const commentCell = mapping.commentColumn === null ? null : cells[mapping.commentColumn]
    const row: PlanRow = {
      line,
      dateText: cellText(dateCell),
      valueText: cellText(valueCell),
      day: null,
      value: null,
      comment: cellText(commentCell),
      status: 'error',
      message: '',
      existing: null,
    }
    plan.rows.push(row)
    const fail = (message: string) => {
      row.status = 'error'
      row.message = message
    }
    if (cells.every(isBlank)) {
      row.status = 'skipped'
      row.message = 'Blank row'
      return
    }
    const date = readImportDate(dateCell, today)
    if ('error' in date) return fail(date.error)
    row.day = date.day
    row.existing = existing.get(date.day) ?? null
    const earlier = seen.get(date.day)
    if (earlier !== undefined) return fail(`${formatDay(date.day)} is also on row ${earlier}; each day needs one value`)
    seen.set(date.day, line)
    const value = readImportValue(valueCell, measure.type, mapping.percentFractions === true)
    if ('empty' in value) {
      row.status = 'skipped'
      row.message = 'No value for this day'
      return
    }
    if ('error' in value) return fail(value.error)
    row.value = value.value
    const commentProblem = validateComment(row.comment)
    if (commentProblem) return fail(commentProblem)
    const identifiers = findLikelyPatientIdentifiers(row.comment)
    if (identifiers.length > 0) {
      return fail(
        `The comment may identify a patient (${identifiers.map((f) => f.message).join(', ')}); remove it from the file`,
      )
    }
    if (!row.existing) row.status = 'new'
    else if (sameValue(row.existing.value, value.value) && (row.comment === '' || row.comment === row.existing.comment))
      row.status = 'same'
    else row.status = 'replaces'
  })
  for (const row of plan.rows) plan.counts[row.status]++
  const days = plan.rows
    .filter((r) => r.status !== 'error' && r.status !== 'skipped' && r.day)
    .map((r) => r.day!)
    .sort()
  plan.weekly =
    days.length >= 2 &&
    days.every((day, i) => i === 0 || (Date.parse(day) - Date.parse(days[i - 1]!)) % (7 * 86_400_000) === 0)
  if (plan.counts.new + plan.counts.replaces + plan.counts.same === 0 && !plan.problem) {
    plan.problem =
      plan.counts.error > 0
        ? 'No row of the file can be imported: see the problems listed below.'
        : 'The file has no values to import.'
  }
  return plan
}

/** What confirming writes: new days, and the days that differ when the person chose to replace them. */
export function importWrites(plan: ImportPlan, choice: ExistingChoice): ImportWrite[] {
  if (plan.problem) return []
  return plan.rows
    .filter((row) => row.status === 'new' || (row.status === 'replaces' && choice === 'replace'))
    .map((row) => ({ day: row.day!, value: row.value!, ...(row.comment ? { comment: row.comment } : {}) }))
}
