import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { MeasureTrendPage, TrendsPage } from './pages/TrendsPage.ts'
import { putRows } from './indexedDb.ts'
import { FLAGGED_WARD, buildTrendsData, seedTrends } from './trendsData.ts'

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
}

test('a manager device with two wards opens the roll-up, taps the flagged measure, and reads its chart and table', async ({
  page,
}) => {
  test.setTimeout(120_000)
  // The app creates its database on the first screen; then the CSU's data is written in.
  await page.goto('/setup')
  await page.getByRole('button', { name: 'Load the demo trust' }).waitFor()
  await seedTrends(page, buildTrendsData(londonToday()))

  const trends = new TrendsPage(page)
  await trends.goto()
  await expect(trends.heading).toBeVisible()
  await expect(trends.matrix).toBeVisible()
  await expect(trends.matrix.getByRole('columnheader')).toHaveText([
    'Measure',
    /Ward 12 – Respiratory/,
    /Ward 7 – Elderly care/,
  ])
  await expect(trends.summary).toContainText(`Special-cause concern on: ${FLAGGED_WARD}`)
  const flagged = trends.cell('Falls', FLAGGED_WARD)
  await expect(flagged).toContainText('Special cause: concern, high')
  await expect(trends.concernCells()).toHaveCount(1)
  const rollupViolations = await seriousA11yViolations(page)
  expect(rollupViolations, describeViolations(rollupViolations)).toEqual([])

  await flagged.tap()
  const trend = new MeasureTrendPage(page)
  await expect(trend.heading).toHaveText(`Falls – ${FLAGGED_WARD}`)
  await expect(trend.chart).toBeVisible()
  await expect(trend.chart).toHaveAttribute('aria-label', /Special cause: concern, high/)
  await expect(trend.variation).toContainText('Special cause: concern, high')
  await expect(trend.period('Weekly')).toHaveAttribute('aria-pressed', 'true')
  await expect(trend.events).toContainText('PDSA cycle 1: Mats on two beds')
  await expect(trend.events).toContainText('Idea implemented: Sensor mats in bay 3')

  await trend.showTable.tap()
  await expect(trend.table).toBeVisible()
  await expect(trend.table.locator('tbody tr')).toHaveCount(26)
  await expect(trend.table.locator('tbody tr').last()).toContainText('Concern')
  const chartViolations = await seriousA11yViolations(page)
  expect(chartViolations, describeViolations(chartViolations)).toEqual([])

  const [csv] = await Promise.all([page.waitForEvent('download'), trend.downloadCsv.tap()])
  expect(csv.suggestedFilename()).toBe(`Falls – ${FLAGGED_WARD} - Weekly.csv`)
  const [png] = await Promise.all([page.waitForEvent('download'), trend.downloadPng.tap()])
  expect(png.suggestedFilename()).toBe(`Falls – ${FLAGGED_WARD} - Weekly.png`)

  // Print: one clean sheet with the chart as an image, and nothing of the screen's controls.
  await page.evaluate(() => {
    window.print = () => undefined
  })
  await page.getByRole('button', { name: 'Print' }).tap()
  await page.emulateMedia({ media: 'print' })
  const sheet = page.getByTestId('trend-print')
  await expect(sheet).toBeVisible()
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(`Falls – ${FLAGGED_WARD}`)
  await expect(sheet.getByTestId('trend-print-chart')).toHaveAttribute('src', /^data:image\/png;base64,/)
  await expect(sheet.getByTestId('trend-print-values').locator('tbody tr')).toHaveCount(26)
  await expect(trend.chart).toBeHidden()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(page.getByRole('link', { name: 'All trends' })).toBeHidden()
  if (process.env.PRINT_SHOT) await page.screenshot({ path: process.env.PRINT_SHOT, fullPage: true })
  await page.emulateMedia({ media: 'screen' })
  await expect(sheet).toBeHidden()

  // Daily: 90 points drawn, still no crash and the same measure.
  await trend.period('Daily').tap()
  await expect(trend.period('Daily')).toHaveAttribute('aria-pressed', 'true')
  await expect(trend.table.locator('tbody tr')).toHaveCount(90)

  // "How we work": the practice measures of a ward, with the same SPC treatment.
  await trends.goto()
  await trends.howWeWork.tap()
  await expect(page.getByRole('heading', { name: 'Huddles held' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Actions overdue' })).toBeVisible()
  await expect(page.getByTestId('status-times')).toBeVisible()
  const practiceViolations = await seriousA11yViolations(page)
  expect(practiceViolations, describeViolations(practiceViolations)).toEqual([])
})

test('a trust device holding two CSUs groups the units under each CSU, with the CSU board as a column', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.goto('/setup')
  await page.getByRole('button', { name: 'Load the demo trust' }).waitFor()
  const data = buildTrendsData(londonToday())
  await seedTrends(page, data)
  // A second CSU with one unit, and a measure on the first CSU's own board (its unitId is the CSU's id).
  const falls = data.measures.find((m) => m.name === 'Falls')!
  const surgery = { ...data.csu, id: 'csu-surgery', name: 'Surgery' }
  const theatres = {
    ...data.units[0]!,
    id: 'unit-theatres',
    unitId: 'unit-theatres',
    csuId: surgery.id,
    name: 'Theatres',
  }
  const copies = [
    { ...falls, id: 'm-theatres-falls', unitId: theatres.id, boardId: 'board-theatres' },
    { ...falls, id: 'm-csu-falls', unitId: data.csu.id, boardId: 'board-csu' },
  ]
  const entries = copies.flatMap((m) =>
    data.entries
      .filter((e) => e.measureId === falls.id)
      .map((e) => ({ ...e, id: `${m.id}:${e.day}`, measureId: m.id, unitId: m.unitId, boardId: m.boardId })),
  )
  await putRows(page, [
    ['csus', [surgery]],
    ['units', [theatres]],
    ['measures', copies],
    ['entries', entries],
  ])

  const trends = new TrendsPage(page)
  await trends.goto()
  await expect(trends.matrix).toBeVisible()
  const groups = trends.matrix.locator('th[scope="colgroup"]')
  await expect(groups).toHaveCount(2)
  await expect(groups.first()).toHaveAttribute('colspan', '3')
  await expect(groups.last()).toHaveText('Surgery CSU')
  await expect(trends.matrix.locator('th[scope="col"]')).toHaveText([
    'Measure',
    /CSU board/,
    /Ward 12/,
    /Ward 7/,
    /Theatres/,
  ])
  await expect(trends.matrix.locator('[data-testid="rollup-cell"][data-measure-id="m-csu-falls"]')).toBeVisible()
  const violations = await seriousA11yViolations(page)
  expect(violations, describeViolations(violations)).toEqual([])
})
