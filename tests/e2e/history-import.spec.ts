import { expect, test } from '@playwright/test'
import writeXlsxFile from 'write-excel-file/node'
import { addDays, formatDay } from '../../src/domain/dates.ts'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { readStore } from './indexedDb.ts'
import { AppShell } from './pages/AppShell.ts'
import { ImportHistoryDialog } from './pages/ImportHistoryDialog.ts'
import { MeasureTrendPage } from './pages/TrendsPage.ts'
import { buildTrendsData, seedTrends } from './trendsData.ts'

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
}

/** d/m/yy, as some wards' sheets have it. */
const shortUk = (day: string) => {
  const [y, m, d] = day.split('-')
  return `${Number(d)}/${Number(m)}/${y!.slice(2)}`
}
/** Excel's serial number of a day (what an unformatted date cell holds). */
const excelSerial = (day: string) => Math.round((Date.parse(day) - Date.UTC(1899, 11, 30)) / 86_400_000)

test("a ward brings a year of a measure's history in from CSV and Excel, and the chart shows it", async ({ page }) => {
  test.setTimeout(180_000)
  const today = londonToday()
  await page.goto('/setup')
  await page.getByRole('button', { name: 'Load the demo trust' }).waitFor()
  const data = buildTrendsData(today, { units: 1, measures: 1, days: 30 })
  await seedTrends(page, data)
  const falls = data.measures[0]!
  const recorded = data.entries.find((e) => e.measureId === falls.id)!

  await page.goto(`/trends/measure/${falls.id}`)
  const trend = new MeasureTrendPage(page)
  await expect(trend.heading).toHaveText('Falls – Ward 7 – Elderly care')
  const importer = new ImportHistoryDialog(page)

  // CSV: 200 days before what the board holds, a bad date, and a day already recorded.
  const csvFirst = addDays(today, -240)
  const csvDays = Array.from({ length: 200 }, (_, i) => addDays(csvFirst, i))
  const csv = [
    'Date,Falls',
    ...csvDays.map((day, i) => `${i % 2 ? shortUk(day) : formatDay(day)},${i % 4}`),
    '31/02/2025,1',
    `${formatDay(recorded.day)},${Number(recorded.value) + 5}`,
  ].join('\r\n')
  await importer.openButton.tap()
  await importer.choose('falls-history.csv', 'text/csv', Buffer.from(csv))
  await expect(importer.summary).toContainText('200 new days')
  await expect(importer.summary).toContainText('1 day already has a different value')
  await expect(importer.summary).toContainText('1 row has a problem and will not be imported')
  await expect(importer.errors).toContainText('Row 202: "31/02/2025" is not a real date')
  await expect(importer.rows('error')).toHaveCount(1)
  await expect(importer.rows('replaces')).toContainText(String(recorded.value))
  await expect(importer.confirm).toHaveText('Import 200 values')
  const violations = await seriousA11yViolations(page)
  expect(violations, describeViolations(violations)).toEqual([])
  // Nothing is written before Import.
  expect((await readStore(page, 'outbox')).length).toBe(0)

  await importer.replace.check()
  await expect(importer.confirm).toHaveText('Import 201 values')
  await importer.confirm.tap()
  await new AppShell(page).pickName('Sam Okafor')
  await expect(importer.dialog).toBeHidden()
  await expect(page.getByTestId('what-is-charted')).toContainText(`${formatDay(csvFirst)} to`)
  await expect(trend.chart).toBeVisible()

  // Excel: the 30 days before that, as date cells (one unformatted: a serial number), one value not a number.
  const xlsxFirst = addDays(csvFirst, -30)
  const header = [
    { value: 'Date', type: String },
    { value: 'Falls', type: String },
  ]
  const rows = Array.from({ length: 30 }, (_, i) => {
    const day = addDays(xlsxFirst, i)
    const date =
      i === 3
        ? { value: excelSerial(day), type: Number }
        : { value: new Date(`${day}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' }
    return [date, i === 5 ? { value: 'n/a', type: String } : { value: i % 3, type: Number }]
  })
  const xlsx = await writeXlsxFile([header, ...rows]).toBuffer()
  await importer.openButton.tap()
  await importer.choose(
    'falls-2025.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    Buffer.from(xlsx),
  )
  await expect(importer.summary).toContainText('29 new days')
  await expect(importer.errors).toContainText('Row 7: "n/a" is not a number')
  await expect(importer.preview.locator('tbody tr').nth(3)).toContainText(formatDay(addDays(xlsxFirst, 3)))
  await importer.confirm.tap()
  await expect(importer.dialog).toBeHidden()
  await expect(page.getByTestId('what-is-charted')).toContainText(`${formatDay(xlsxFirst)} to`)

  await trend.showTable.tap()
  await expect(trend.table).toContainText(formatDay(xlsxFirst))
  await expect(trend.table).toContainText(formatDay(csvFirst))

  // Written like typed values: each in the outbox, and marked with the file it came from.
  const entries = await readStore<{ measureId: string; importedFrom?: string; value: unknown; day: string }>(
    page,
    'entries',
  )
  expect(entries.filter((e) => e.importedFrom === 'falls-history.csv')).toHaveLength(201)
  expect(entries.filter((e) => e.importedFrom === 'falls-2025.xlsx')).toHaveLength(29)
  expect(entries.find((e) => e.day === recorded.day && e.measureId === falls.id)!.value).toBe(
    Number(recorded.value) + 5,
  )
  expect((await readStore(page, 'outbox')).length).toBe(230)
})
