import { expect, test } from '@playwright/test'
import { countStore } from './indexedDb.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { SetupPage } from './pages/SetupPage.ts'

// Wrong input is refused in plain English, where it was typed, and nothing typed is lost.

// A fixed London morning, so "tomorrow" is a known date. Time still flows.
const NOW = new Date('2026-11-26T09:00:00Z')
const TOMORROW = '2026-11-27'

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: NOW })
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
  await new BoardPage(page).expectLoaded()
})

test('a percentage over 100 is refused on the keypad and stays on screen to correct', async ({ page }) => {
  const board = new BoardPage(page)
  const keypad = await board.openKeypad('Observations on time')
  await keypad.tap('140')
  await expect(keypad.display).toHaveValue('140')
  await keypad.saveButton.click()

  const message = 'A percentage must be between 0 and 100 (you entered 140)'
  await expect(keypad.error).toHaveText(`Error: ${message}`)
  await expect(keypad.dialog.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(message)
  await expect(keypad.display).toHaveValue('140')
  await expect(keypad.display).toHaveAttribute('aria-describedby', /.+/)
  // Refused before anyone is asked for a name, and nothing is stored.
  await expect(board.shell.namePicker).toBeHidden()
  expect(await countStore(page, 'outbox')).toBe(0)

  // Correcting it is one tap away: the typed figure is still there to edit.
  await keypad.key('Delete last digit').click()
  await keypad.key('Delete last digit').click()
  await keypad.tap('6')
  await expect(keypad.display).toHaveValue('16')
  await keypad.clearButton.click()
  await keypad.tap('96')
  await keypad.saveButton.click()
  await board.shell.pickName('Priya Natarajan')
  await expect(keypad.dialog).toBeHidden()
  await expect(board.tileValue('Observations on time')).toHaveText('96%')
  await expect(board.tile('Observations on time')).toHaveAttribute('data-status', 'green')
})

test('a day in the future is refused and the board stays on today', async ({ page }) => {
  const board = new BoardPage(page)
  await expect(board.recordingDay).toContainText('26 November 2026')
  await expect(board.todayButton).toHaveAttribute('aria-pressed', 'true')

  await board.pastDayInput.fill(TOMORROW)

  await expect(board.pastDayError).toHaveText(
    'Error: You cannot record a day in the future. Choose today or an earlier day.',
  )
  await expect(board.pastDayInput).toHaveAttribute('aria-describedby', /(^|\s)board-day-error$/)
  await expect(board.pastDayInput).toHaveValue(TOMORROW)
  await expect(board.recordingDay).toContainText('26 November 2026')
  await expect(board.recordingDay).toContainText('Today')
  await expect(board.todayButton).toHaveAttribute('aria-pressed', 'true')
  // Choosing a real day clears the refusal.
  await board.yesterdayButton.click()
  await expect(board.pastDayError).toBeHidden()
  await expect(board.recordingDay).toContainText('25 November 2026')
})

test('an action with no title is refused and the owner typed is kept', async ({ page }) => {
  const board = new BoardPage(page)
  const openBefore = await board.actionRows.count()
  const form = await board.openAddAction()
  await form.ownerTyped.fill('Agency nurse Kim')
  await form.quickDue('Tomorrow').click()
  await form.saveButton.click()

  await expect(form.errorSummary).toContainText('Enter what needs doing')
  await expect(form.dialog.locator('.nhsuk-error-message').filter({ hasText: 'Enter what needs doing' })).toBeVisible()
  await expect(form.title).toHaveAttribute('aria-describedby', /title-error/)
  await expect(form.ownerTyped).toHaveValue('Agency nurse Kim')
  await expect(form.dueDate).toHaveValue(TOMORROW)
  await expect(board.shell.namePicker).toBeHidden()
  expect(await countStore(page, 'outbox')).toBe(0)

  // The summary's link takes the person to the empty field.
  await form.errorSummary.getByRole('link', { name: 'Enter what needs doing' }).click()
  await expect(form.title).toBeFocused()
  await form.title.fill('Order a bariatric commode')
  await form.saveButton.click()
  await board.shell.pickName('Sam Okafor')
  await expect(form.dialog).toBeHidden()
  await expect(board.actionRows).toHaveCount(openBefore + 1)
  await expect(board.actionRow('Order a bariatric commode')).toContainText('Agency nurse Kim')
})
