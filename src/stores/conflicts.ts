import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { db } from '@/db/db'
import { updateRecord } from '@/db/repo'
import { openTextConflicts } from '@/db/syncRecords'
import { textContext, textLabel, validateChosenText, versionText } from '@/domain/textChoices'
import type { RecordMeta, SyncedTable } from '@/domain/types'
import { wallOf } from '@/shared/sync/hlc'
import { InputError } from '@/domain/errors'

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

/** Texts for the board lead to choose between, and the choosing. */
export const useConflictsStore = defineStore('conflicts', () => {
  const items = ref<TextChoice[]>([])
  const count = computed(() => items.value.length)
  /** The last text someone chose here (its form is gone from the list once chosen). */
  const lastChosen = ref<TextChoice | null>(null)

  async function refresh() {
    const open = await openTextConflicts(db)
    const measureIds = [
      ...new Set(
        open.flatMap((c) =>
          c.table === 'entries' && typeof c.record.measureId === 'string' ? [c.record.measureId] : [],
        ),
      ),
    ]
    const measures = await db.measures.bulkGet(measureIds)
    const names = new Map(measures.flatMap((m) => (m ? [[m.id, m.name] as const] : [])))
    items.value = open.map((c) => ({
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

  /**
   * Keep `text` (one of the versions, or an edit of them) for the field. It is saved like
   * any edit, with a text base covering every version shown, so once it syncs the other
   * versions are gone on every tablet. Throws InputError with a plain-English message.
   */
  async function choose(choice: TextChoice, text: string, by: string): Promise<void> {
    const problem = validateChosenText(choice.table, choice.field, text)
    if (problem) throw new InputError(problem)
    const saved = await updateRecord<RecordMeta>(choice.table, choice.recordId, { [choice.field]: text.trim() }, by, {
      resolve: { [choice.field]: choice.base },
    })
    if (!saved) throw new InputError('That record is no longer on this tablet')
    lastChosen.value = choice
    await refresh()
  }

  return { items, count, lastChosen, refresh, choose }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useConflictsStore, import.meta.hot))
