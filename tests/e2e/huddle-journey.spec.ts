import { expect, test, type Locator } from '@playwright/test'
import { readStore } from './indexedDb.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { HuddlePage } from './pages/HuddlePage.ts'
import { SetupPage } from './pages/SetupPage.ts'

// The 7:30 huddle on a ward tablet: values recorded for the day under review, the huddle run
// with an action and an escalation captured from it, finished, and its plan read back the
// next morning.

const THURSDAY = new Date('2026-11-26T07:20:00Z')
const FRIDAY = new Date('2026-11-27T07:25:00Z')
const ACTION = 'Ask estates to fix the bay 3 call bell'
const ESCALATION = 'No second porter on nights this week'
const PLAN = 'Two discharges before 11; bay 3 side room kept for an admission'

/** Whether the middle of `target` is really on top there (not under the footer or off screen). */
async function reachable(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const x = box.left + box.width / 2
    const y = box.top + box.height / 2
    const top = document.elementFromPoint(x, y)
    return y < window.innerHeight && Boolean(top && (el === top || el.contains(top)))
  })
}

test('the 7:30 huddle: record, run it, capture an action and an escalation, finish, read the plan next day', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.clock.install({ time: THURSDAY })
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()

  // 7:20 on the board: it says which day the huddle reviews, and that day is recorded.
  const board = new BoardPage(page)
  await board.goto()
  await board.expectLoaded()
  await expect(page.getByTestId('board-review-day')).toHaveText('The huddle reviews yesterday, 25/11/2026')
  await board.yesterdayButton.click()
  await board.answer('Harm-free day (safety cross)', 'Amber').click()
  await board.shell.pickName('Priya Natarajan')
  await board.answer('Safety brief done every shift', 'No').click()
  let keypad = await board.openKeypad('Falls')
  await keypad.tap('1')
  await keypad.saveButton.click()
  await expect(keypad.dialog).toBeHidden()
  keypad = await board.openKeypad('Observations on time')
  await keypad.tap('88')
  await keypad.saveButton.click()
  await expect(keypad.dialog).toBeHidden()

  // 7:30: the huddle reviews yesterday, with what was just recorded, and records there too.
  const huddle = new HuddlePage(page)
  await board.page.getByRole('link', { name: 'Huddle', exact: true }).first().click()
  await expect(huddle.startReviewDay).toContainText('The huddle reviews yesterday')
  await huddle.startButton.click()
  await expect(huddle.currentTitle).toHaveText('Safety')
  await expect(huddle.reviewDay).toContainText('Reviewing yesterday')
  await expect(huddle.tile('Falls')).toContainText('1')
  await expect(huddle.tile('Harm-free day (safety cross)')).toHaveAttribute('data-status', 'amber')
  await expect(huddle.tile('Safety brief done every shift')).toHaveAttribute('data-status', 'red')
  await huddle.nextButton.click()
  await expect(huddle.currentTitle).toHaveText("Yesterday's measures")
  keypad = await huddle.openKeypad('Missed medicine doses')
  await expect(keypad.display).toBeFocused()
  await keypad.tap('2')
  await keypad.saveButton.click()
  await huddle.shell.pickName('Priya Natarajan')
  await expect(keypad.dialog).toBeHidden()
  await expect(huddle.tile('Missed medicine doses')).toContainText('2')
  await expect(huddle.tile('Observations on time')).toContainText('88')

  // Attendance and facilitator are on screen, not under the footer.
  expect(await reachable(huddle.attendance)).toBe(true)
  expect(await reachable(huddle.facilitator)).toBe(true)

  // An action and an escalation, captured without leaving the huddle.
  await huddle.addActionButton.click()
  await huddle.actionDialog.title.fill(ACTION)
  await huddle.actionDialog.owner('Tom Whitley').click()
  await huddle.actionDialog.saveButton.click()
  await expect(huddle.actionDialog.dialog).toBeHidden()
  await expect(huddle.captureNotice).toHaveText(`Action added: ${ACTION}, owned by Tom Whitley`)
  await huddle.escalateButton.click()
  await huddle.escalateDialog.title.fill(ESCALATION)
  await huddle.escalateDialog.category('Staffing').check()
  await huddle.escalateDialog.reason.fill('Transfers wait up to two hours overnight; bank requests unfilled')
  await huddle.escalateDialog.escalateButton.click()
  await expect(huddle.escalateDialog.dialog).toBeHidden()
  await expect(huddle.currentTitle).toHaveText("Yesterday's measures")

  // Stepping out to the board: the way back is on screen, to the same item.
  await huddle.backToBoard.click()
  await page.getByTestId('huddle-running-back').click()
  await expect(huddle.currentTitle).toHaveText("Yesterday's measures")

  await huddle.goToItem("Today's plan")
  await huddle.notes("Today's plan").fill(PLAN)
  for (let i = 0; i < 6; i++) await huddle.increaseAttendance.click()
  await huddle.facilitator.selectOption({ label: 'Priya Natarajan' })
  await huddle.finishButton.click()
  await huddle.saveButton.click()
  await huddle.shell.pickName('Priya Natarajan')
  await expect(huddle.saved).toContainText('6 people')

  const actions = await readStore<{ title: string; owner: string }>(page, 'actions')
  expect(actions.find((a) => a.title === ACTION)).toMatchObject({ owner: 'Tom Whitley' })
  const escalations = await readStore<{ title: string; tier: string; raisedBy: string }>(page, 'escalations')
  expect(escalations.find((e) => e.title === ESCALATION)).toMatchObject({ tier: 'csu', raisedBy: 'Priya Natarajan' })

  // Friday 7:25: the huddle history shows Thursday's notes, and the plan is read back.
  await page.clock.setSystemTime(FRIDAY)
  await page.reload()
  await expect(huddle.yesterdaysPlan).toContainText(PLAN)
  await expect(huddle.recordNotes.first()).toContainText(PLAN)
  await huddle.startButton.click()
  await huddle.goToItem("Today's plan")
  await expect(huddle.yesterdaysPlan).toContainText("Yesterday's plan (26/11/2026)")
  await expect(huddle.yesterdaysPlan).toContainText(PLAN)
})
