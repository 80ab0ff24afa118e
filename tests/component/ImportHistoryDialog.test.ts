// The history import dialog on fake IndexedDB: choose a CSV, read the preview (an error
// row says why), choose keep or replace for a recorded day, import; nothing is written
// before Import, and what is written goes through the outbox and is marked imported.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { historyOf } from '@/db/repo'
import { historyText } from '@/domain/changeText'
import { entryId } from '@/domain/ids'
import ImportHistoryDialog from '@/components/trends/ImportHistoryDialog.vue'
import { useActorStore } from '@/stores/actor'
import { makeEntry, makeMeasure } from './boardFixture'

enableAutoUnmount(afterEach)

const falls = makeMeasure({ id: 'm-falls', name: 'Falls', type: 'count', unit: 'falls', direction: 'lower' })
const CSV = [
  'Date,Falls,Notes',
  '05/01/2026,3,',
  '06/01/2026,1,Night shift',
  '07/01/2026,two,',
  '08/01/2026,0,',
  '',
].join('\r\n')

const obs = makeMeasure({ id: 'm-obs', name: 'Observations on time', type: 'percentage', unit: '%' })

function mountDialog(measure = falls) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useActorStore().pick('Test Nurse')
  return mount(ImportHistoryDialog, {
    props: { open: true, measure },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
}

async function chooseFile(view: ReturnType<typeof mountDialog>, name: string, text: string) {
  const input = view.get<HTMLInputElement>('#import-file')
  Object.defineProperty(input.element, 'files', { value: [new File([text], name, { type: 'text/csv' })] })
  await input.trigger('change')
  await vi.waitFor(() => expect(view.find('[data-testid="import-preview"]').exists()).toBe(true))
  await flushPromises()
}

const statuses = (view: ReturnType<typeof mountDialog>) =>
  view.findAll('[data-testid="import-preview"] tbody tr').map((tr) => tr.attributes('data-status'))

describe('ImportHistoryDialog', () => {
  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    await db.measures.put(falls)
    await db.entries.put(makeEntry(falls, '2026-01-08', 4, 'typed on the board'))
  })

  it('previews every row with its outcome and the reason for a bad one, writing nothing yet', async () => {
    const view = mountDialog()
    await chooseFile(view, 'falls.csv', CSV)
    expect(statuses(view)).toEqual(['new', 'new', 'error', 'replaces'])
    expect(view.get('[data-testid="import-errors"]').text()).toContain('Row 4: "two" is not a number')
    expect(view.get('[data-testid="import-summary"]').text()).toContain('2 new days')
    expect(view.get('[data-testid="import-summary"]').text()).toContain('1 day already has a different value')
    // The recorded value is shown beside the file's.
    expect(view.findAll('[data-testid="import-preview"] tbody tr')[3]!.text()).toContain('4 falls')
    expect(view.get('[data-testid="import-confirm"]').text()).toBe('Import 2 values')
    expect(await db.outbox.count()).toBe(0)
    expect(await db.entries.count()).toBe(1)
  })

  it('keeps a recorded day by default and imports the rest through the outbox, marked as imported', async () => {
    const view = mountDialog()
    await chooseFile(view, 'falls.csv', CSV)
    await view.get('[data-testid="import-confirm"]').trigger('click')
    await vi.waitFor(() => expect(view.emitted('imported')).toBeTruthy())
    expect(view.emitted('imported')![0]).toEqual([['2026-01-05', '2026-01-06'], false])

    expect((await db.entries.get(entryId(falls.id, '2026-01-06')))!).toMatchObject({
      value: 1,
      comment: 'Night shift',
      importedFrom: 'falls.csv',
      updatedBy: 'Test Nurse',
    })
    expect((await db.entries.get(entryId(falls.id, '2026-01-08')))!.value).toBe(4)
    const outbox = await db.outbox.toArray()
    expect(outbox.map((o) => o.recordId).sort()).toEqual([
      entryId(falls.id, '2026-01-05'),
      entryId(falls.id, '2026-01-06'),
    ])
    const [history] = await historyOf('entries', entryId(falls.id, '2026-01-05'))
    expect(history!.kind).toBe('imported')
    expect(historyText(history!)).toBe('Test Nurse imported value 3 from falls.csv')
  })

  it('replaces a recorded day when asked, keeping its comment', async () => {
    const view = mountDialog()
    await chooseFile(view, 'falls.csv', CSV)
    await view.get('#import-replace').setValue(true)
    expect(view.get('[data-testid="import-confirm"]').text()).toBe('Import 3 values')
    await view.get('[data-testid="import-confirm"]').trigger('click')
    await vi.waitFor(() => expect(view.emitted('imported')).toBeTruthy())
    expect(await db.entries.get(entryId(falls.id, '2026-01-08'))).toMatchObject({
      value: 0,
      comment: 'typed on the board',
      importedFrom: 'falls.csv',
    })
    const [history] = await historyOf('entries', entryId(falls.id, '2026-01-08'))
    expect(historyText(history!)).toBe('Test Nurse imported value 0 (was 4) from falls.csv')
  })

  it('lets the person fix the mapping when the first guess is wrong', async () => {
    const view = mountDialog()
    await chooseFile(view, 'plain.csv', 'Day,Comments,Falls\n05/01/2026,busy,2\n')
    expect(statuses(view)).toEqual(['new'])
    await view.get('#import-value-column').setValue('1')
    expect(statuses(view)).toEqual(['error'])
    expect(view.get('[data-testid="import-errors"]').text()).toContain('"busy" is not a number')
    expect(view.get<HTMLButtonElement>('[data-testid="import-confirm"]').element.disabled).toBe(true)
  })

  it.each([
    ['an old Excel file', 'falls.xls', 'Save the spreadsheet as an Excel workbook (.xlsx) or as CSV first'],
    ['a document', 'falls.docx', 'Choose a CSV file or an Excel workbook (.xlsx).'],
  ])('says what to do with %s', async (_name, fileName, message) => {
    const view = mountDialog()
    const input = view.get<HTMLInputElement>('#import-file')
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], fileName)] })
    await input.trigger('change')
    await vi.waitFor(() => expect(view.find('#import-file-error').exists()).toBe(true))
    expect(view.get('#import-file-error').text()).toContain(message)
  })

  it("reads Excel's percentage cells as fractions, and lets the person say otherwise", async () => {
    const view = mountDialog(obs)
    await chooseFile(view, 'obs.csv', 'Date,Observations\n05/01/2026,0.85\n06/01/2026,0.9\n')
    const values = () => view.findAll('[data-testid="import-preview"] tbody tr td:nth-child(3)').map((td) => td.text())
    expect(view.get<HTMLInputElement>('#import-fractions').element.checked).toBe(true)
    expect(values()).toEqual(['85%', '90%'])
    await view.get('#import-fractions').setValue(false)
    expect(values()).toEqual(['0.85%', '0.9%'])
  })
})
