// One readable line per audit-trail entry: "26/11/2026 14:05 – Sam Okafor changed
// value from 2 to 3". Values are formatted by the caller (it knows the measure).
import { formatInstant } from './dates'
import { fieldLabel } from './history'
import type { HistoryEntry } from './types'

export type ShowValue = (field: string, value: unknown) => string

export function describeHistoryEntry(entry: HistoryEntry, show: ShowValue, fields?: readonly string[]): string {
  const when = formatInstant(entry.at)
  const changes = entry.changes.filter((c) => !fields || fields.includes(c.field))
  return `${when} – ${entry.by} ${describeChanges(entry.kind, changes, show)}`
}

function describeChanges(kind: HistoryEntry['kind'], changes: HistoryEntry['changes'], show: ShowValue): string {
  if (kind === 'created') {
    // A blank field on a new record is not news ("recorded comment (blank)").
    const set = changes.filter((c) => !isBlank(c.to))
    return set.length ? `recorded ${joinParts(set.map((c) => `${fieldLabel(c.field)} ${show(c.field, c.to)}`))}` : 'created it'
  }
  // Archiving or restoring is the whole story; the flag it flips is not worth a clause.
  if (kind !== 'updated') return `${kind} it`
  if (!changes.length) return 'saved it without changes'
  return `changed ${joinParts(changes.map((c) => `${fieldLabel(c.field)} from ${show(c.field, c.from)} to ${show(c.field, c.to)}`))}`
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

function joinParts(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
