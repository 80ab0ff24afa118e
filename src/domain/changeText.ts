// Audit-trail entries in plain English: "Sam Okafor changed status from Open to Done".
// Values are shown the way the rest of the app shows them (UK dates, Yes/No, names
// rather than ids), and long text is shortened so one change stays one line.
import { conceptById } from './concepts'
import { formatDay, isDayKey } from './dates'
import { fieldLabel } from './history'
import { formatInstant } from './dates'
import { IDEA_STATUS_LABEL } from './ideas'
import { baselineText } from './trends/baseline'
import { wasteById } from './wastes'
import type { FieldChange, HistoryEntry } from './types'

/** Shows a field's value the caller's way when it knows better: the name behind an id
 * (a linked measure, a category), or a day's value in its measure's unit ("3 falls"). */
export type NameLookup = (field: string, value: unknown) => string | undefined

export const MAX_VALUE_LENGTH = 60

const FREE_TEXT = new Set([
  'title',
  'comment',
  'name',
  'description',
  'notes',
  'problem',
  'idea',
  'benefit',
  'notProgressedReason',
  'limitsReason',
])
// Closing an action also stamps closedAt, moving an idea its statusChangedAt (and
// implementedAt); the status change already says it all.
const IMPLIED = new Set(['closedAt', 'statusChangedAt', 'implementedAt', 'importedAt', 'importedFrom'])
// Fractional positions (1.5, 1.75) mean nothing to a reader; saying it moved is enough.
const VALUELESS = new Set(['order'])

const CODE_WORDS: Record<string, Record<string, string>> = {
  status: { open: 'Open', done: 'Done', cancelled: 'Cancelled', ...IDEA_STATUS_LABEL },
  effort: { low: 'Low', high: 'High' },
  impact: { low: 'Low', high: 'High' },
  value: { green: 'Green', amber: 'Amber', red: 'Red' },
  direction: { higher: 'higher is better', lower: 'lower is better', neutral: 'no direction' },
  type: { yesno: 'yes or no', count: 'count', number: 'number', percentage: 'percentage', daystatus: 'day status' },
  goodAnswer: { yes: 'Yes', no: 'No' },
}

// What a new day value is told by.
const RECORDED = new Set(['value', 'comment'])

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_VALUE_LENGTH ? `${flat.slice(0, MAX_VALUE_LENGTH - 1).trimEnd()}…` : flat
}

function itemText(field: string, item: unknown, lookup?: NameLookup): string {
  if (field === 'conceptIds' && typeof item === 'string') return conceptById(item)?.name ?? item
  if (field === 'wastes' && typeof item === 'string') return wasteById(item)?.name ?? item
  if (item && typeof item === 'object') {
    const named = item as { name?: unknown; title?: unknown }
    if (typeof named.name === 'string') return named.name
    if (typeof named.title === 'string') return named.title
  }
  return describeValue(field, item, lookup)
}

/** One field value as a person would read it; '' for nothing. */
export function describeValue(field: string, value: unknown, lookup?: NameLookup): string {
  if (field === 'baseline') return baselineText(value)
  if (isEmpty(value)) return ''
  const known = lookup?.(field, value)
  if (known) return known
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') {
    const word = CODE_WORDS[field]?.[value]
    if (word) return word
    if (isDayKey(value)) return formatDay(value)
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatInstant(value)
    return FREE_TEXT.has(field) ? `“${shorten(value)}”` : shorten(value)
  }
  if (Array.isArray(value)) return shorten(value.map((item) => itemText(field, item, lookup)).join(', '))
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(
      ([key, v]) => `${key} ${describeValue(key, v, lookup)}`,
    )
    return shorten(parts.join(', '))
  }
  return shorten(String(value))
}

function describeFieldChange(change: FieldChange, lookup?: NameLookup): string {
  const label = fieldLabel(change.field)
  if (VALUELESS.has(change.field)) return `changed the ${label}`
  const from = describeValue(change.field, change.from, lookup)
  const to = describeValue(change.field, change.to, lookup)
  if (!from) return `set ${label} to ${to}`
  if (!to) return `cleared ${label}`
  return `changed ${label} from ${from} to ${to}`
}

function joinParts(parts: string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

/** What the person did, without who or when: "changed status from Open to Done". */
export function describeChange(entry: Pick<HistoryEntry, 'kind' | 'changes'>, lookup?: NameLookup): string {
  switch (entry.kind) {
    case 'created': {
      // A new day value reads as what was recorded, not "created this".
      const recorded = entry.changes.filter((c) => RECORDED.has(c.field) && !isEmpty(c.to))
      return entry.changes.some((c) => c.field === 'value')
        ? `recorded ${joinParts(recorded.map((c) => `${fieldLabel(c.field)} ${describeValue(c.field, c.to, lookup)}`))}`
        : 'created this'
    }
    case 'archived':
      return 'archived this'
    case 'restored':
      return 'restored this'
    case 'deleted':
      return 'deleted this'
    case 'resolved':
      return joinParts(
        entry.changes.map(
          (c) => `chose the ${fieldLabel(c.field)} ${describeValue(c.field, c.to, lookup) || '(empty)'}`,
        ),
      )
    case 'updated': {
      const shown = entry.changes.filter((c) => !IMPLIED.has(c.field))
      return shown.length ? joinParts(shown.map((c) => describeFieldChange(c, lookup))) : 'updated this'
    }
    case 'imported':
      return describeImport(entry.changes, lookup)
  }
}

/** "imported value 3 falls (was 5 falls) and the comment "Night" from falls.xlsx". */
function describeImport(changes: FieldChange[], lookup?: NameLookup): string {
  const parts = changes
    .filter((c) => RECORDED.has(c.field) && !isEmpty(c.to))
    .map((c) => {
      const now = `${fieldLabel(c.field)} ${describeValue(c.field, c.to, lookup)}`
      return isEmpty(c.from) ? now : `${now} (was ${describeValue(c.field, c.from, lookup)})`
    })
  const file = changes.find((c) => c.field === 'importedFrom')?.to
  const from = typeof file === 'string' && file ? ` from ${shorten(file)}` : ' from a spreadsheet'
  return `imported ${parts.length ? joinParts(parts) : 'this'}${from}`
}

const ELSEWHERE: Record<HistoryEntry['kind'], string> = {
  created: 'Created',
  updated: 'Changed',
  archived: 'Archived',
  restored: 'Restored',
  deleted: 'Deleted',
  resolved: 'Chosen',
  imported: 'Imported',
}

/** A change pulled from another tablet: "Changed on another tablet by Priya: owner from
 * Sam to Priya". The writer is left out when it cannot be known. */
function describeElsewhere(entry: Pick<HistoryEntry, 'kind' | 'changes' | 'by'>, lookup?: NameLookup): string {
  const where = `on another tablet${entry.by ? ` by ${entry.by}` : ''}`
  const head = `${ELSEWHERE[entry.kind]} ${where}`
  if (entry.kind === 'created') {
    const what = describeChange(entry, lookup)
    return what.startsWith('recorded ') ? `Recorded ${where}: ${what.slice('recorded '.length)}` : head
  }
  if (entry.kind === 'imported') return `Imported ${where}: ${describeChange(entry, lookup).slice('imported '.length)}`
  if (entry.kind !== 'updated') return head
  const shown = entry.changes.filter((c) => !IMPLIED.has(c.field))
  if (!shown.length) return head
  return `${head}: ${joinParts(shown.map((c) => describeFieldChange(c, lookup).replace(/^changed /, '')))}`
}

/** Who did what, without when: "Sam Okafor changed status from Open to Done". */
export function historyText(
  entry: Pick<HistoryEntry, 'kind' | 'changes' | 'by' | 'fromOtherTablet'>,
  lookup?: NameLookup,
): string {
  return entry.fromOtherTablet ? describeElsewhere(entry, lookup) : `${entry.by} ${describeChange(entry, lookup)}`
}

/** "26/11/2026 07:42 – Sam Okafor changed status from Open to Done". */
export function historyLine(
  entry: Pick<HistoryEntry, 'kind' | 'changes' | 'at' | 'by' | 'fromOtherTablet'>,
  lookup?: NameLookup,
): string {
  return `${formatInstant(entry.at)} – ${historyText(entry, lookup)}`
}
