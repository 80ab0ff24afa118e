import { expect, test } from '@playwright/test'
import { BoardPage } from './pages/BoardPage.ts'
import { HuddlePage } from './pages/HuddlePage.ts'
import { SetupPage } from './pages/SetupPage.ts'

test('huddle mode runs a timed huddle, nudges when an item runs over, and saves a record', async ({ page }) => {
  // A controllable clock: the huddle's timers run on it.
  await page.clock.install({ time: new Date('2026-11-26T07:30:00Z') })
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()

  // The running huddle waits for the board's values before drawing its tiles, and reading them needs the page's
  // clock to run: read them on the board first, then go to the huddle within the app, so pausing the clock
  // below cannot leave the huddle on "Loading the board…".
  const board = new BoardPage(page)
  await board.goto()
  await board.expectLoaded()
  await page.getByRole('banner').getByRole('link', { name: 'Huddle', exact: true }).click()
  const huddle = new HuddlePage(page)
  await expect(huddle.startButton).toBeVisible()
  // Freeze time from here so the timings are exact however slow the machine is.
  await page.clock.pauseAt(new Date('2026-11-26T07:35:00Z'))
  await huddle.startButton.click()
  await expect(huddle.currentTitle).toHaveText('Safety')
  await expect(huddle.huddleCountdown).toContainText('15:00')

  // The safety item has a 3-minute time box: 3 min 30 s later it nudges.
  await page.clock.runFor(210_000)
  await expect(huddle.itemNudge).toBeVisible()
  await expect(huddle.itemNudge).toContainText('Safety')
  await expect(huddle.huddleCountdown).toContainText('11:30')

  await huddle.nextButton.click()
  await expect(huddle.currentTitle).toHaveText("Yesterday's measures")
  await page.clock.runFor(120_000)
  for (let i = 0; i < 7; i++) await huddle.increaseAttendance.click()
  await huddle.facilitator.selectOption({ index: 1 })
  await huddle.finishButton.click()
  await huddle.saveButton.click()
  // A shared tablet: the record is saved under the name picked here.
  await page.getByRole('dialog', { name: 'Who is doing this?' }).getByRole('button', { name: 'Sam Okafor' }).click()
  await expect(huddle.saved).toContainText('Huddle saved: 5 min 30 s, 7 people')

  const record = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lim-huddle')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const rows = await new Promise<Array<Record<string, unknown>>>((resolve) => {
      const req = db.transaction('huddles').objectStore('huddles').getAll()
      req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>)
    })
    return rows.find((r) => r.day === '2026-11-26')
  })
  expect(record).toMatchObject({
    day: '2026-11-26',
    durationSeconds: 330,
    attendance: 7,
    updatedBy: 'Sam Okafor',
    startedAt: '2026-11-26T07:35:00.000Z',
  })
  expect((record!.timings as Array<{ seconds: number }>).slice(0, 2).map((t) => t.seconds)).toEqual([210, 120])
})
