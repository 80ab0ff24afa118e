import { writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { AppShell } from './pages/AppShell.ts'
import { IdeasPage } from './pages/IdeasPage.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { loadUnderServiceWorker } from './serviceWorker.ts'

// A problem-solving A3 written for one of the demo ward's ideas with the network gone: 5 whys, a fishbone,
// a countermeasure that becomes a board action; the sheet shows the measure's SPC chart and prints on one
// A4 landscape page.
const PROBLEM = 'Handover runs over because the same information is read out twice.'

test('an A3 is written for an idea offline and prints on one landscape sheet', async ({ page, context }) => {
  // The service worker's first install fetches the whole app: slow on a busy machine.
  test.setTimeout(120_000)
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
  await loadUnderServiceWorker(page, '/board')
  await context.setOffline(true)

  const ideas = new IdeasPage(page)
  await ideas.goto()
  await ideas.card(PROBLEM).getByRole('link', { name: PROBLEM }).click()
  await page.getByRole('link', { name: 'Problem-solving A3' }).click()
  await page.getByRole('link', { name: 'Write the A3' }).first().click()

  const form = page.getByTestId('problem-a3-form')
  await expect(form.getByLabel('The problem in a line')).toHaveValue(PROBLEM)
  await form.getByLabel('Current condition', { exact: true }).fill('Handover takes 45 minutes against 30 planned.')
  await form.getByLabel('Because 1').fill('Each nurse reads the whole board out again')
  await form.getByRole('button', { name: 'Ask why again' }).click()
  await form.getByLabel('Because 2').fill('Nobody trusts the board is up to date')
  await form.getByLabel('People', { exact: true }).fill('Agency staff new to the ward\nNight staff tired')
  await form.getByLabel('Methods', { exact: true }).fill('No standard handover order')
  await form.getByLabel('Target condition', { exact: true }).fill('Handover in 30 minutes, every shift, by March.')
  await form.getByRole('button', { name: 'Add a countermeasure' }).click()
  await form.getByLabel('Countermeasure 1').fill('Handover in a standard order, board first')
  await form.getByLabel('Owner', { exact: true }).fill('Aisha Rahman')
  await form.getByLabel('Add it to the board’s actions when saved').check()
  await form.getByLabel('Follow-up').fill('Time handover for two weeks; review at the Friday huddle.')
  expect(describeViolations(await seriousA11yViolations(page))).toBe(describeViolations([]))
  await form.getByRole('button', { name: 'Save the A3' }).click()
  const shell = new AppShell(page)
  await shell.namePicker.waitFor()
  await shell.nameIfAsked('Sam Okafor')

  const sheet = page.getByTestId('problem-a3')
  await expect(sheet.getByTestId('five-whys').getByRole('listitem')).toHaveCount(2)
  await expect(sheet.getByTestId('root-cause')).toContainText('Nobody trusts the board is up to date')
  await expect(sheet.locator('[data-category="causesPeople"]').getByRole('listitem')).toHaveCount(2)
  await expect(sheet.getByTestId('countermeasure')).toContainText('Action open')
  await expect(sheet.getByTestId('spc-chart')).toBeVisible()
  await expect(sheet.getByTestId('variation-badge')).toHaveAttribute('data-variation', /\S/)
  await expect(sheet).toContainText('Version 1')
  expect(describeViolations(await seriousA11yViolations(page))).toBe(describeViolations([]))

  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  // Written before the checks, so a sheet that spills over can be looked at.
  if (process.env.PROBLEM_A3_PDF) {
    writeFileSync(process.env.PROBLEM_A3_PDF, pdf)
    await page.setViewportSize({ width: 1123, height: 794 })
    await page.screenshot({ path: `${process.env.PROBLEM_A3_PDF}.png`, fullPage: true })
  }
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
  expect(pages).toHaveLength(1)
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!
  expect(Number(box[1])).toBeGreaterThan(Number(box[2]))
})
