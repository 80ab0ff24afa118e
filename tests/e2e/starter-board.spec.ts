import { expect, test } from '@playwright/test'
import { expectNoA11yViolations } from './a11y.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { StarterBoardPage } from './pages/StarterBoardPage.ts'

// A new ward, from a tablet with nothing on it to a full board from a starter set, well
// inside two minutes of scripted input.
const TWO_MINUTES_MS = 120_000

test('a new ward goes from empty to a full board from a starter set in under two minutes', async ({ page }) => {
  const started = Date.now()
  await page.goto('/setup')
  await page.getByLabel('Trust', { exact: true }).fill('Leeds Teaching Hospitals')
  await page.getByLabel('Clinical service unit (CSU)').fill('Medicine and Elderly Care')
  await page.getByLabel('Ward or department', { exact: true }).fill('Ward 12')
  await page.getByLabel('Your name').fill('Sam Okafor')
  await page.getByRole('button', { name: 'Set up my board' }).click()
  await page.waitForURL('**/board')

  const board = new BoardPage(page)
  await expect(page.getByTestId('board-empty')).toBeVisible()
  await page.getByRole('link', { name: 'Start from a ready-made set' }).click()

  const starter = new StarterBoardPage(page)
  await expect(starter.heading).toBeVisible()
  await starter.chooseSet('Inpatient ward')
  await expect(starter.rows).toHaveCount(10)
  await expectNoA11yViolations(page)
  // Edited before saving: one measure left out, one renamed, one re-targeted.
  await starter.includeBox('Agency shifts booked').uncheck()
  await starter.nameInput(1).fill('Falls on Ward 12')
  await starter.targetInput(3).fill('90')
  await starter.add(9, 'Sam Okafor')

  await board.expectTiles(9)
  await expect(board.tile('Falls on Ward 12')).toBeVisible()
  await expect(board.tile('Agency shifts booked')).toHaveCount(0)
  await expect(board.tile('Observations on time')).toContainText('Target: 90%')
  const elapsed = Date.now() - started
  console.log(`new ward to a full board: ${(elapsed / 1000).toFixed(1)} s`)
  expect(elapsed).toBeLessThan(TWO_MINUTES_MS)
})

test('a starter set refuses an empty name and keeps what was typed', async ({ page }) => {
  await page.goto('/setup')
  await page.getByRole('button', { name: 'Load the demo trust' }).click()
  await page.waitForURL('**/board')
  const starter = new StarterBoardPage(page)
  await starter.goto()
  await starter.chooseSet('Theatres')
  await starter.nameInput(0).fill('')
  await starter.targetInput(2).fill('80')
  await starter.addButton(7).click()
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Enter a name for measure 1, or untick it',
  )
  await expect(starter.targetInput(2)).toHaveValue('80')
  await expect(page).toHaveURL(/\/board\/measures\/starter$/)
})
