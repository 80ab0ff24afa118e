// Texts typed at the same time on different tablets, waiting for someone to choose, read live.
// The header reads them on every screen, and there are usually none: the rules that find them (syncRecords) and
// name them (domain/textChoices, which reaches every screen's text limits) load only when there may be some.
import type { SyncedTable } from '@/domain/types'
import { wallOf } from '@/shared/sync/hlc'
import { db } from '../db'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import { useLiveQuery } from '../useLiveQuery'

export interface TextVersionShown {
  value: string
  /** Who wrote it ('' when the tablet that sent it did not say). */
  by: string
  /** When it was written (ISO instant, from its sync stamp). */
  at: string
  hlc: string
}

/** One text with versions typed at the same time on different tablets. */
export interface TextChoice {
  key: string
  table: SyncedTable
  recordId: string
  field: string
  /** "Action", "Measure name", "Day comment". */
  label: string
  /** Which record, when the text alone does not say ("Falls on 26/11/2026"); may be ''. */
  context: string
  /** Oldest first. */
  versions: TextVersionShown[]
  /** Every version shown, so the kept wording replaces them all on every tablet. */
  base: string
}

/** Whether any record may hold texts to choose between: one flagged when pulled, or one with a text edit waiting to
 * be sent (db/syncRecords.ts `openTextConflicts` checks both). */
async function mayHaveTextChoices(): Promise<boolean> {
  if ((await db.syncState.where('conflicted').equals(1).count()) > 0) return true
  const textEdits = await db.outbox
    .filter((entry) => SYNCED_TABLES[entry.table].textFields.some((field) => Object.hasOwn(entry.fields, field)))
    .count()
  return textEdits > 0
}

export async function readTextChoices(): Promise<TextChoice[]> {
  // The rules that find them (the local view of each record, the merge) load only when there may be some: the
  // write path loads them with the first save anyway (db/writes.ts).
  if (!(await mayHaveTextChoices())) return []
  const { openTextConflicts } = await import('../syncRecords')
  const open = await openTextConflicts(db)
  if (open.length === 0) return []
  const { textContext, textLabel, versionText } = await import('@/domain/textChoices')
  const measureIds = [
    ...new Set(
      open.flatMap((c) =>
        c.table === 'entries' && typeof c.record.measureId === 'string' ? [c.record.measureId] : [],
      ),
    ),
  ]
  const measures = await db.measures.bulkGet(measureIds)
  const names = new Map(measures.flatMap((m) => (m ? [[m.id, m.name] as const] : [])))
  return open.map((c) => ({
    key: `${c.table}/${c.recordId}/${c.field}`,
    table: c.table,
    recordId: c.recordId,
    field: c.field,
    label: textLabel(c.table, c.field),
    context: textContext(c.table, c.record, names.get(String(c.record.measureId))),
    versions: c.versions.map((v) => ({
      value: versionText(v.value),
      by: v.by ?? '',
      at: new Date(wallOf(v.hlc)).toISOString(),
      hlc: v.hlc,
    })),
    base: c.base,
  }))
}

export function useTextChoices() {
  return useLiveQuery(readTextChoices, [] as TextChoice[])
}
