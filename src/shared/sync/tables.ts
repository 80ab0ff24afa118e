// The tables that sync, and how each field merges. Everything not declared here merges
// as a plain last-writer-wins value, so adding a table to sync is one declaration.
import type { SyncedTable } from '../../domain/types.ts'

export interface TableDeclaration {
  /** Free text people type: concurrent edits are kept side by side for someone to choose. */
  readonly textFields: readonly string[]
}

export type TableDeclarations = Readonly<Record<string, TableDeclaration>>

/** The tombstone: a delete is `deleted: { set: true }`, last-writer-wins like any field. */
export const DELETED_FIELD = 'deleted'

export type FieldKind = 'deleted' | 'text' | 'value'

// `constructor`, `toString` and friends would read as inherited properties of a plain object.
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/

export function isFieldName(name: string): boolean {
  return FIELD_NAME.test(name) && !(name in Object.prototype)
}

/** Checks a set of declarations once, so a typo fails at start-up instead of merging wrongly. */
export function declareTables<T extends Record<string, TableDeclaration>>(tables: T): T {
  for (const [table, declaration] of Object.entries(tables)) {
    if (!isFieldName(table)) throw new Error(`Synced table name ${JSON.stringify(table)} is not allowed`)
    const seen = new Set<string>()
    for (const field of declaration.textFields) {
      if (!isFieldName(field) || field === DELETED_FIELD) throw new Error(`${table}.${field} cannot be declared`)
      if (seen.has(field)) throw new Error(`${table}.${field} is declared twice`)
      seen.add(field)
    }
  }
  return tables
}

export const SYNCED_TABLES = declareTables({
  units: { textFields: ['name'] },
  boards: { textFields: ['name'] },
  measures: { textFields: ['name', 'description'] },
  entries: { textFields: ['comment'] },
  actions: { textFields: ['title'] },
  huddles: { textFields: ['notes'] },
  ideas: { textFields: ['problem', 'idea', 'benefit', 'notProgressedReason'] },
  pdsaCycles: { textFields: ['change', 'prediction', 'measurePlan', 'whatHappened', 'study'] },
  checklistTemplates: { textFields: ['title', 'purpose', 'forRole'] },
  checklistRuns: { textFields: [] },
  stepResults: { textFields: ['reason'] },
  conceptEdits: { textFields: [] },
  escalations: { textFields: ['title', 'reason', 'answer'] },
  goals: {
    textFields: [
      'title',
      'a3Background',
      'a3CurrentCondition',
      'a3TargetCondition',
      'a3Analysis',
      'a3Countermeasures',
      'a3Plan',
      'a3FollowUp',
    ],
  },
  catchBall: { textFields: [] },
  goalReviews: { textFields: ['commentary'] },
  certSubmissions: { textFields: ['reflection'] },
  certEntries: { textFields: [] },
  certCriteria: { textFields: [] },
  certifications: { textFields: [] },
  problemA3s: {
    textFields: [
      'title',
      'background',
      'currentCondition',
      'why1',
      'why2',
      'why3',
      'why4',
      'why5',
      'because1',
      'because2',
      'because3',
      'because4',
      'because5',
      'causesPeople',
      'causesMethods',
      'causesEquipment',
      'causesMaterials',
      'causesEnvironment',
      'causesMeasurement',
      'targetCondition',
      'followUp',
    ],
  },
  practitioners: { textFields: [] },
  conceptQuestions: { textFields: [] },
  coachRosters: { textFields: [] },
  coachRequests: { textFields: ['text'] },
  coachSessions: { textFields: ['notes'] },
} satisfies Record<SyncedTable, TableDeclaration>)

export function isSyncedTable(tables: TableDeclarations, table: string): boolean {
  return Object.hasOwn(tables, table)
}

/** How a field merges. Throws for a table that is not declared: that is a programming error. */
export function fieldKind(tables: TableDeclarations, table: string, field: string): FieldKind {
  if (!isSyncedTable(tables, table)) throw new Error(`${JSON.stringify(table)} is not a synced table`)
  const declaration = tables[table] as TableDeclaration
  if (field === DELETED_FIELD) return 'deleted'
  if (declaration.textFields.includes(field)) return 'text'
  return 'value'
}
