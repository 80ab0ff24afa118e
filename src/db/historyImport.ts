// Reads and writes of a spreadsheet import of a measure's history. Values are written
// through repo.saveRecords like typed ones (record, history entry and outbox entry
// together, in one transaction), so they sync; each is marked imported (history kind and
// the synced importedFrom/importedAt fields, so other tablets' history says so too).
import type { ExistingValue, ImportWrite } from '@/domain/historyImport'
import { entryId } from '@/domain/ids'
import type { DayEntry, DayKey, Measure } from '@/domain/types'
import { db } from './db'
import { recordNow, saveRecords } from './repo'

/** Every value recorded for the measure on this tablet, by day. */
export async function recordedValuesOf(measureId: string): Promise<Map<DayKey, ExistingValue>> {
  const rows = await db.entries.where('[measureId+day]').between([measureId, ''], [measureId, '\uffff']).toArray()
  return new Map(rows.map((e) => [e.day, { value: e.value, comment: e.comment ?? '' }]))
}

/** Writes the chosen values in one transaction: all of them land, or none. */
export async function importEntries(
  measure: Pick<Measure, 'id' | 'unitId' | 'boardId'>,
  writes: readonly ImportWrite[],
  fileName: string,
  by: string,
  given?: Date,
): Promise<number> {
  const now = given ?? (await recordNow())
  const importedAt = now.toISOString()
  return db.transaction(
    'rw',
    [db.entries, db.history, db.outbox, db.meta, db.syncState, db.syncStatePacks],
    async () => {
      const stored = await db.entries.bulkGet(writes.map((w) => entryId(measure.id, w.day)))
      const records = writes.map((write, i) => ({
        table: 'entries' as const,
        kind: 'imported' as const,
        record: {
          id: entryId(measure.id, write.day),
          unitId: measure.unitId,
          measureId: measure.id,
          boardId: measure.boardId,
          day: write.day,
          value: write.value,
          // A recorded day keeps its comment unless the file has one for it.
          ...(write.comment !== undefined ? { comment: write.comment } : stored[i] ? {} : { comment: '' }),
          importedFrom: fileName,
          importedAt,
        } satisfies Partial<DayEntry>,
      }))
      await saveRecords(records, by, now)
      return records.length
    },
  )
}
