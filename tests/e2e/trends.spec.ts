import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { MeasureTrendPage, TrendsPage } from './pages/TrendsPage.ts'
import { FLAGGED_WARD, buildTrendsData, seedTrends } from './trendsData.ts'

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

test('a manager device with two wards opens the roll-up, taps the flagged measure, and reads its chart and table', async ({ page }) => {
  test.setTimeout(120_000)
  // The app creates its database on the first screen; then the CSU's data is written in.
  await page.goto('/setup')
  await page.getByRole('button', { name: 'Load the demo trust' }).waitFor()
  await seedTrends(page, buildTrendsData(londonToday()))

  const trends = new TrendsPage(page)
  await trends.goto()
  await expect(trends.heading).toBeVisible()
  await expect(trends.matrix).toBeVisible()
  await expect(trends.matrix.getByRole('columnheader')).toHaveText(['Measure', /Ward 12 – Respiratory/, /Ward 7 – Elderly care/])
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
