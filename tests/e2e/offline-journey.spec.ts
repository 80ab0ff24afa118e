import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium.ts'
import { readStore } from './indexedDb.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { loadUnderServiceWorker } from './serviceWorker.ts'

// A fixed London morning, so "today" and "tomorrow" are known dates however long the
// run takes and whenever it runs. Time still flows (the clock is not paused).
const NOW = new Date('2026-11-26T09:00:00Z')
const TODAY = '2026-11-26'
const TOMORROW_SHOWN = '27/11/2026'
const ACTION = 'Re-stock pressure-relief cushions'

const HARM_FREE = 'Harm-free day (safety cross)'
const SAFETY_BRIEF = 'Safety brief done every shift'
const FALLS = 'Falls'

/** A tablet's browser profile on disk: closing and relaunching it is turning the tablet off and on. */
async function launchTablet(userDataDir: string, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    hasTouch: true,
    baseURL,
    serviceWorkers: 'allow',
  })
  await context.clock.install({ time: NOW })
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}

async function expectTodaysValues(board: BoardPage): Promise<void> {
  await expect(board.tile(HARM_FREE)).toHaveAttribute('data-status', 'green')
  await expect(board.answer(HARM_FREE, 'Green')).toHaveAttribute('aria-pressed', 'true')
  await expect(board.tile(SAFETY_BRIEF)).toHaveAttribute('data-status', 'green')
  await expect(board.tileValue(SAFETY_BRIEF)).toHaveText('Yes')
  await expect(board.tile(FALLS)).toHaveAttribute('data-status', 'red')
  await expect(board.tileValue(FALLS)).toHaveText('2 falls')
}

test('a ward records its day, loses the network, restarts the tablet and keeps everything', async ({ baseURL }) => {
  // Two browser launches and a service-worker install on a busy two-core machine.
  test.setTimeout(180_000)
  if (!baseURL) throw new Error('playwright.config.ts sets baseURL')
  const userDataDir = mkdtempSync(join(tmpdir(), 'lim-huddle-tablet-'))
  let context: BrowserContext | undefined
  try {
    let page: Page
    ;({ context, page } = await launchTablet(userDataDir, baseURL))

    // First run: nothing on the tablet, so the app asks to be set up.
    await page.goto('/')
    await page.waitForURL('**/setup')
    await new SetupPage(page).loadDemo()
    await loadUnderServiceWorker(page, '/board')

    let board = new BoardPage(page)
    await expect(board.heading).toHaveText('Ward 7 – Elderly care')
    await expect(board.recordingDay).toContainText('Today')
    // The demo leaves today blank for the huddle to fill in.
    await expect(board.tile(HARM_FREE)).toHaveAttribute('data-status', 'missing')

    // One tap on a day-status tile; the first write of the shift asks who is doing it.
    await board.answer(HARM_FREE, 'Green').click()
    await expect(board.shell.namePicker).toBeVisible()
    await board.shell.pickName('Sam Okafor')
    await expect(board.tile(HARM_FREE)).toHaveAttribute('data-status', 'green')

    // The name is held on this screen, so the next writes go straight through.
    await board.answer(SAFETY_BRIEF, 'Yes').click()
    await expect(board.tile(SAFETY_BRIEF)).toHaveAttribute('data-status', 'green')

    const keypad = await board.openKeypad(FALLS)
    await keypad.tap('2')
    await expect(keypad.display).toHaveValue('2')
    await keypad.saveButton.click()
    await expect(keypad.dialog).toBeHidden()
    await expect(board.shell.namePicker).toBeHidden()
    await expectTodaysValues(board)
    // This tablet is not enrolled: its changes stay on it, and the header says so quietly.
    await expect(board.shell.networkStatus).toContainText('Not shared: this tablet is not enrolled')

    // The Wi-Fi drops and someone reloads the board.
    await context.setOffline(true)
    await page.reload()
    await expectTodaysValues(board)
    await expect(board.shell.networkStatus).toContainText('Offline')
    await expect(board.shell.networkStatus).toContainText('3 changes saved on this tablet')

    // An action agreed at the huddle, added with no network.
    const form = await board.openAddAction()
    await form.title.fill(ACTION)
    await form.owner('Priya Natarajan').click()
    await expect(form.owner('Priya Natarajan')).toHaveAttribute('aria-pressed', 'true')
    await form.quickDue('Tomorrow').click()
    await expect(form.dueDate).toHaveValue('2026-11-27')
    await form.saveButton.click()
    // After the restart nobody is remembered: asked inside the action's own dialog.
    await board.shell.pickName('Sam Okafor')
    await expect(form.dialog).toBeHidden()
    await expect(board.actionRow(ACTION)).toContainText('Priya Natarajan')
    await expect(board.actionRow(ACTION)).toContainText(`Due ${TOMORROW_SHOWN}`)
    await expect(board.shell.networkStatus).toContainText('Offline – 4 changes saved on this tablet')

    // The tablet is switched off and on again, still with no network.
    await context.close()
    context = undefined
    ;({ context, page } = await launchTablet(userDataDir, baseURL))
    await context.setOffline(true)
    const response = await page.goto('/board')
    expect(response?.fromServiceWorker(), 'the board came from the service worker, not the network').toBe(true)

    board = new BoardPage(page)
    await expect(board.heading).toHaveText('Ward 7 – Elderly care')
    await expectTodaysValues(board)
    await expect(board.actionRow(ACTION)).toContainText('Priya Natarajan')
    await expect(board.actionRow(ACTION)).toContainText(`Due ${TOMORROW_SHOWN}`)
    await expect(board.shell.networkStatus).toContainText('Offline – 4 changes saved on this tablet')

    // Every change waits in the outbox for the sync server, with who made it.
    const outbox = await readStore<{ table: string; recordId: string; by: string; fields: Record<string, unknown> }>(
      page,
      'outbox',
    )
    expect(outbox).toHaveLength(4)
    expect(outbox.map((change) => change.table)).toEqual(['entries', 'entries', 'entries', 'actions'])
    expect(outbox.map((change) => change.by)).toEqual(['Sam Okafor', 'Sam Okafor', 'Sam Okafor', 'Sam Okafor'])
    expect(outbox.slice(0, 3).map((change) => change.fields)).toEqual([
      expect.objectContaining({ day: TODAY, value: 'green' }),
      expect.objectContaining({ day: TODAY, value: true }),
      expect.objectContaining({ day: TODAY, value: 2 }),
    ])
    expect(outbox[3]!.fields).toMatchObject({
      title: ACTION,
      owner: 'Priya Natarajan',
      dueDay: '2026-11-27',
      status: 'open',
    })
  } finally {
    await context?.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
})
