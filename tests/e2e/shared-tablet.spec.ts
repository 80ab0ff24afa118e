import { expect, test } from '@playwright/test'
import { readStore } from './indexedDb.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { ChecklistRunPage, StandardWorkPage } from './pages/StandardWorkPage.ts'
import { atMidMorning } from './weekClock.ts'

// One tablet, two people: the sister records on the board, then the porter does his checklist.
// Every change carries the name of whoever made it; nothing of hers carries over to his work.

const CHECKLIST = 'Emergency equipment check'
const REASON = 'Suction tubing missing from the resus trolley'

test("the porter's checklist after the sister: his name on his checklist and his action, hers on her value", async ({
  page,
  context,
}) => {
  await atMidMorning(context)
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()

  // The sister records today's harm-free day on the board.
  const board = new BoardPage(page)
  await board.goto()
  await board.expectLoaded()
  await board.answer('Harm-free day (safety cross)', 'Green').click()
  await board.shell.pickName('Priya Natarajan')
  await expect(board.shell.namePicker).toBeHidden()

  // The porter picks the tablet up and opens his checklist.
  const work = new StandardWorkPage(page)
  await work.openFromHeader()
  // Starting his checklist asks who he is: the sister's name is offered, not assumed.
  await work.startButton(CHECKLIST).click()
  await expect(work.shell.namePicker).toBeVisible()
  await expect(work.shell.namePicker.getByRole('group', { name: 'Recent names on this tablet' })).toContainText(
    'Priya Natarajan',
  )
  await work.shell.typeName('Joe Porter')
  const run = new ChecklistRunPage(page)
  await expect(run.progress).toContainText('0 of')
  const steps = await page.getByTestId('checklist-step').count()

  // The checklist he started is his: no second question while he does it.
  await run.answer(1, 'Not done')
  await run.reason(1).fill(REASON)
  await run.saveReasonButton(1).click()
  await expect(run.shell.namePicker).toBeHidden()
  for (let n = 2; n <= steps; n++) await run.answer(n, 'Done')
  await expect(run.progress).toHaveText(`${steps} of ${steps} steps answered`)
  await run.step(1).getByRole('button', { name: 'Make it an action' }).click()
  await expect(run.step(1)).toContainText('Action on the board')
  await run.completeButton.click()
  await expect(run.completed).toContainText('Completed by Joe Porter')

  const actions = await readStore<{ title: string; owner: string; updatedBy: string }>(page, 'actions')
  const action = actions.find((a) => a.title.includes(REASON))!
  expect(action).toMatchObject({ owner: 'Joe Porter', updatedBy: 'Joe Porter' })
  const results = await readStore<{ reason: string; updatedBy: string }>(page, 'stepResults')
  expect(results.find((r) => r.reason === REASON)!.updatedBy).toBe('Joe Porter')
  const entries = await readStore<{ measureId: string; value: unknown; updatedBy: string; day: string }>(
    page,
    'entries',
  )
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }))
  expect(entries.filter((e) => e.day === today).map((e) => [e.value, e.updatedBy])).toEqual([
    ['green', 'Priya Natarajan'],
  ])

  // Back on the board, the next save asks again: Joe's name is not carried over either.
  await page.goto('/board')
  await board.expectLoaded()
  await board.answer('Harm-free day (safety cross)', 'Amber').click()
  await expect(board.shell.namePicker).toBeVisible()
  const recent = board.shell.namePicker.getByRole('group', { name: 'Recent names on this tablet' })
  await expect(recent.getByRole('button')).toHaveText(['Joe Porter', 'Priya Natarajan'])
})
