// The "could not be sent" list: changes the sync server refused (or this tablet could not even
// send) are moved here from the outbox by the sync engine, so they never hold up the rest. Staff
// see them in Settings, copy them (to type again or send to IT) and discard them.
import type { SyncedTable } from '@/domain/types'
import { db, type HuddleDatabase, type NotSentEntry } from './db'

/** Newest first. Runs inside a live query. */
/** How many changes wait in the "could not be sent" list. */
export function countNotSent(database: HuddleDatabase = db): Promise<number> {
  return database.notSent.count()
}

export function notSentEntries(database: HuddleDatabase = db): Promise<NotSentEntry[]> {
  return database.notSent.orderBy('setAsideAt').reverse().toArray()
}

const WHAT: Partial<Record<SyncedTable, string>> = {
  actions: 'An action',
  boards: 'A board',
  measures: 'A measure',
  entries: 'A day’s value',
  huddles: 'A huddle',
  ideas: 'An idea',
  pdsaCycles: 'A PDSA cycle',
  checklistTemplates: 'A checklist',
  checklistRuns: 'A checklist run',
  stepResults: 'A checklist step',
  conceptEdits: 'A concept note',
  escalations: 'An escalation',
  goals: 'A goal',
  catchBall: 'A catch-ball reply',
  goalReviews: 'A goal’s monthly review',
  certSubmissions: 'An improvement put forward for certification',
  certEntries: 'A certification step',
  certCriteria: 'The certification criteria',
  certifications: 'A certified improvement',
  problemA3s: 'A problem-solving A3',
  units: 'A ward or department',
}

/** "An action: title "Fix the door", status "open"" — what the change set, in a line. */
export function describeNotSent(row: NotSentEntry): string {
  const what = WHAT[row.entry.table] ?? `A ${row.entry.table} record`
  const fields = Object.entries(row.entry.fields)
    .filter(([name]) => !['id', 'unitId', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy'].includes(name))
    .map(([name, value]) => `${name} ${JSON.stringify(value)}`)
  return fields.length > 0 ? `${what}: ${fields.join(', ')}` : what
}

/** Everything in the list as text to paste into an email (all fields, for IT). */
export function notSentText(rows: readonly NotSentEntry[], formatInstant: (iso: string) => string): string {
  return rows
    .map((row) =>
      [
        `${formatInstant(row.entry.at)} by ${row.entry.by || 'someone'}: ${describeNotSent(row)}`,
        `  Why: ${row.message} (${row.error})`,
        `  Change: ${JSON.stringify({ table: row.entry.table, id: row.entry.recordId, scope: row.entry.unitId, fields: row.entry.fields })}`,
      ].join('\n'),
    )
    .join('\n\n')
}

export async function discardNotSent(mutationId: string, database: HuddleDatabase = db): Promise<void> {
  await database.notSent.delete(mutationId)
}

export async function discardAllNotSent(database: HuddleDatabase = db): Promise<void> {
  await database.notSent.clear()
}
