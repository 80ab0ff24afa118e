import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { importEntries, recordedValuesOf } from '@/db/historyImport'
import { londonDay } from '@/domain/dates'
import { InputError } from '@/domain/errors'
import {
  columnsOf,
  guessMapping,
  importWrites,
  planImport,
  type ExistingChoice,
  type ExistingValue,
  type ImportMapping,
} from '@/domain/historyImport'
import type { DayKey, Measure } from '@/domain/types'
import { readSpreadsheet, SpreadsheetError, type SpreadsheetSheet } from '@/files/readSpreadsheet'

/** Bringing one measure's history in from a spreadsheet: read the file, map its columns,
 * preview every row against what is recorded, and write only when confirmed. */
export const useHistoryImportStore = defineStore('historyImport', () => {
  const measure = shallowRef<Measure | null>(null)
  const fileName = ref('')
  const sheets = shallowRef<SpreadsheetSheet[]>([])
  const sheetIndex = ref(0)
  const mapping = ref<ImportMapping | null>(null)
  const existing = shallowRef<ReadonlyMap<DayKey, ExistingValue>>(new Map())
  const choice = ref<ExistingChoice>('keep')
  const reading = ref(false)
  /** Why the chosen file could not be read; '' otherwise. */
  const fileProblem = ref('')
  const today = ref(londonDay())

  const rows = computed(() => sheets.value[sheetIndex.value]?.rows ?? [])
  const columns = computed(() => (mapping.value ? columnsOf(rows.value, mapping.value.headerRow) : []))
  const plan = computed(() =>
    measure.value && mapping.value && rows.value.length > 0
      ? planImport({
          grid: rows.value,
          mapping: mapping.value,
          measure: measure.value,
          existing: existing.value,
          today: today.value,
        })
      : null,
  )
  const writes = computed(() => (plan.value ? importWrites(plan.value, choice.value) : []))

  function start(next: Measure) {
    measure.value = next
    fileName.value = ''
    sheets.value = []
    sheetIndex.value = 0
    mapping.value = null
    existing.value = new Map()
    choice.value = 'keep'
    fileProblem.value = ''
    today.value = londonDay()
  }

  function guess() {
    mapping.value = measure.value ? guessMapping(rows.value, measure.value, today.value) : null
  }

  async function readFile(file: File) {
    if (!measure.value) return
    reading.value = true
    fileProblem.value = ''
    try {
      const [read, recorded] = await Promise.all([readSpreadsheet(file), recordedValuesOf(measure.value.id)])
      fileName.value = file.name
      existing.value = recorded
      // The first sheet with anything on it.
      const first = read.findIndex((sheet) => sheet.rows.length > 0)
      sheets.value = read
      sheetIndex.value = Math.max(first, 0)
      if (first < 0) fileProblem.value = 'This file is empty.'
      guess()
    } catch (problem) {
      sheets.value = []
      mapping.value = null
      fileProblem.value =
        problem instanceof SpreadsheetError ? problem.message : `The file could not be read (${String(problem)}).`
    } finally {
      reading.value = false
    }
  }

  function chooseSheet(index: number) {
    sheetIndex.value = index
    guess()
  }

  function setMapping(changes: Partial<ImportMapping>) {
    if (mapping.value) mapping.value = { ...mapping.value, ...changes }
  }

  /** Writes the previewed values; returns the days written. */
  async function confirm(by: string): Promise<DayKey[]> {
    const target = measure.value
    if (!target || !plan.value) throw new InputError('Choose a file to import first')
    if (plan.value.problem) throw new InputError(plan.value.problem)
    const chosen = writes.value
    if (chosen.length === 0) throw new InputError('Nothing to import: every value in the file is already recorded')
    await importEntries(target, chosen, fileName.value, by)
    existing.value = await recordedValuesOf(target.id)
    return chosen.map((w) => w.day)
  }

  return {
    measure,
    fileName,
    sheets,
    sheetIndex,
    mapping,
    choice,
    reading,
    fileProblem,
    rows,
    columns,
    plan,
    writes,
    start,
    readFile,
    chooseSheet,
    setMapping,
    confirm,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHistoryImportStore, import.meta.hot))
