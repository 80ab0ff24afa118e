import { writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { GoalsPage } from './pages/GoalsPage.ts'
import { SetupPage } from './pages/SetupPage.ts'

// Goals on the demo trust's ward tablet: the board's goals tile shows each goal's catch-ball state, a
// ward answers the goal its CSU proposed, and the goal screens meet WCAG 2.2 AA.

test.beforeEach(async ({ page }) => {
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
})

test('a ward sees its goals on the board and accepts the goal its CSU proposed', async ({ page }) => {
  const board = new BoardPage(page)
  await board.goto()
  await board.expectLoaded()
  const tile = page.getByTestId('goals-tile')
  await expect(tile.getByRole('link', { name: /^Fewer falls: bay 2 cohorting/ })).toBeVisible()
  await expect(tile.locator('[data-state="agreed"]')).toHaveCount(1)

  // Ward 12's CSU has proposed an observations goal: the tile says it waits for the ward.
  await page
    .getByLabel('Board shown on this tablet')
    .selectOption({ label: 'Ward 12 – Respiratory – Daily huddle board' })
  await expect(tile.getByTestId('goals-waiting')).toHaveText(/1 goal waits for our answer/)
  await expect(tile.locator('[data-state="proposed"]')).toHaveCount(1)

  const goals = new GoalsPage(page)
  await goals.goto()
  await expect(goals.ourGoals.getByTestId('goal-card')).toHaveCount(2)
  await expect(goals.trustGoals.getByTestId('goal-card')).toHaveCount(4)
  expect(describeViolations(await seriousA11yViolations(page))).toBe(describeViolations([]))

  await goals.openGoal('Observations on time, every round')
  await expect(goals.state).toHaveAttribute('data-state', 'proposed')
  await expect(goals.target).toHaveText(/95% by 31\/03\/2027 \(not yet agreed\)/)
  // A change needs its reasons: the error summary says so, and the form stays with what was typed.
  await goals.moves.getByRole('button', { name: 'Propose a change', exact: true }).click()
  await goals.moveForm.getByLabel('Target you propose').fill('92')
  await goals.moveForm.getByRole('button', { name: 'Propose a change', exact: true }).click()
  await expect(goals.errorSummary).toContainText('Enter your reasons for the change')
  await expect(goals.moveForm.getByLabel('Target you propose')).toHaveValue('92')
  expect(describeViolations(await seriousA11yViolations(page))).toBe(describeViolations([]))
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()

  await goals.move('Accept', { text: 'Agreed at the huddle, nights included', by: 'Aisha Rahman' })
  await expect(goals.state).toHaveAttribute('data-state', 'agreed')
  await expect(goals.thread.getByRole('listitem')).toHaveCount(2)
  await expect(goals.thread.getByRole('listitem').last()).toContainText('Agreed at the huddle, nights included')
  await expect(goals.moves.getByRole('button')).toHaveText(['Propose a change', 'Ask a question'])

  await board.goto()
  await expect(tile.getByTestId('goals-waiting')).toHaveCount(0)
  await expect(tile.locator('[data-state="agreed"]')).toHaveCount(2)
})

test('the goal form shows its errors accessibly and keeps what was typed', async ({ page }) => {
  const goals = new GoalsPage(page)
  await new BoardPage(page).goto()
  await goals.goto()
  await page.getByRole('link', { name: 'Set a goal' }).click()
  await goals.goalForm.getByLabel('The goal').fill('Every fall reviewed at the next huddle')
  await goals.goalForm.getByRole('button', { name: 'Save the goal' }).click()
  await expect(goals.errorSummary).toContainText('Enter who owns the goal')
  await expect(goals.errorSummary).toContainText('Choose the CSU goal this serves')
  await expect(goals.goalForm.getByLabel('The goal')).toHaveValue('Every fall reviewed at the next huddle')
  expect(describeViolations(await seriousA11yViolations(page))).toBe(describeViolations([]))

  await goals.goalForm.getByRole('checkbox', { name: 'Fewer falls on our elderly care wards' }).check()
  await goals.goalForm.getByLabel("Or type the owner's name").fill('Sam Okafor')
  await goals.goalForm.getByLabel('Measure').selectOption({ label: 'Falls' })
  await goals.goalForm.getByRole('button', { name: 'Save the goal' }).click()
  await goals.shell.nameIfAsked('Sam Okafor')
  await expect(goals.heading).toHaveText('Every fall reviewed at the next huddle')
  await expect(goals.measure).toHaveText('Falls')
  await expect(goals.state).toHaveAttribute('data-state', 'set')
})

test('the deployment view shows the trust’s goals down to the wards’ measures with SPC icons and the gaps', async ({
  page,
}) => {
  const goals = new GoalsPage(page)
  await new BoardPage(page).goto()
  await goals.goto()
  await page.getByRole('link', { name: /How the trust’s goals are deployed/ }).click()
  const tree = page.getByTestId('deployment-tree')
  const node = (id: string) => tree.locator(`[data-goal-id="${id}"]`).first()
  await expect(node('demo-goal-trust-falls').locator('[data-goal-id="demo-goal-csu-falls"]')).toBeVisible()
  const wardFalls = node('demo-goal-csu-falls').locator('[data-goal-id="demo-goal-ward-1-falls"]')
  await expect(wardFalls.getByTestId('deployment-measure')).toHaveText('Falls')
  await expect(wardFalls.getByTestId('tile-spc')).toHaveAttribute('data-variation', /\S/)
  await expect(node('demo-goal-csu-shifts').getByTestId('deployment-gap')).toHaveText('No ward supports this goal yet')
  await expect(node('demo-goal-csu-falls')).toContainText(/of 2 measures below/)
  expect(describeViolations(await seriousA11yViolations(page))).toBe(describeViolations([]))
})

test('a goal’s A3 shows the measure’s SPC chart and prints on one landscape sheet', async ({ page }) => {
  const goals = new GoalsPage(page)
  await new BoardPage(page).goto()
  await goals.goto()
  await goals.openGoal('Fewer falls: bay 2 cohorting and a fall huddle after each fall')
  // The monthly review: plan against actual for each month since the goal was set, to March.
  const bowling = page.getByTestId('goal-bowling').getByRole('table')
  await expect(bowling.getByRole('row', { name: /^Plan/ })).toBeVisible()
  await expect(bowling.getByRole('columnheader', { name: 'March 2027' })).toBeVisible()
  await expect(bowling.locator('[data-met="true"], [data-met="false"]').first()).toBeVisible()
  // Beside it, the ward reviews this month: where the countermeasures stand and a short commentary.
  const review = page.getByTestId('goal-review-form')
  await review.getByLabel('On track').check()
  await review.getByLabel('Commentary').fill('Bay 2 cohorting started; night rounds at 02:00 and 04:00')
  await review.getByRole('button', { name: 'Save the month’s review' }).click()
  await goals.shell.nameIfAsked('Sam Okafor')
  await expect(page.getByTestId('goal-review').locator('[data-status="on-track"]').first()).toHaveText('On track')
  expect(describeViolations(await seriousA11yViolations(page))).toBe(describeViolations([]))
  await page.getByRole('link', { name: 'A3 (Version 2)' }).click()
  const sheet = page.getByTestId('goal-a3')
  await expect(sheet.locator('[data-box="a3Analysis"]')).toContainText('5 whys')
  await expect(sheet.getByTestId('spc-chart')).toBeVisible()
  await expect(sheet.locator('[data-box="catch-ball"]')).toContainText('Accepted (Ward, Sam Okafor)')
  await expect(sheet.getByTestId('a3-review')).toContainText('On track — Bay 2 cohorting started')
  expect(describeViolations(await seriousA11yViolations(page))).toBe(describeViolations([]))

  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
  expect(pages).toHaveLength(1)
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!
  expect(Number(box[1])).toBeGreaterThan(Number(box[2]))
  if (process.env.GOAL_A3_PDF) {
    writeFileSync(process.env.GOAL_A3_PDF, pdf)
    await page.setViewportSize({ width: 1123, height: 794 })
    await page.screenshot({ path: `${process.env.GOAL_A3_PDF}.png`, fullPage: true })
  }
})
