import { expect, test, type Page } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { ActionsPage } from './pages/ActionsPage.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { HuddlePage } from './pages/HuddlePage.ts'
import { MeasuresPage } from './pages/MeasuresPage.ts'
import { SetupPage } from './pages/SetupPage.ts'

// WCAG 2.2 AA on every screen a ward uses, in the state it is used in. Real timers
// throughout: axe does not run while the page's clock is paused.

// Each screen starts from its own fresh tablet, so both workers can share the list.
test.describe.configure({ mode: 'parallel' })

interface Screen {
  name: string
  /** Opens the screen from a tablet holding the demo trust, and waits until it has settled. */
  open: (page: Page) => Promise<void>
}

const SCREENS: Screen[] = [
  {
    name: 'the board',
    open: async (page) => {
      const board = new BoardPage(page)
      await board.goto()
      await board.expectLoaded()
      await expect(board.actionRows.first()).toBeVisible()
      await expect(page.getByTestId('goals-tile').getByRole('link', { name: 'Open goals' })).toBeVisible()
    },
  },
  {
    name: 'the keypad dialog',
    open: async (page) => {
      const board = new BoardPage(page)
      await board.goto()
      const keypad = await board.openKeypad('Observations on time')
      await keypad.tap('96')
      await expect(keypad.display).toHaveValue('96')
    },
  },
  {
    name: 'the keypad dialog showing an error',
    open: async (page) => {
      const board = new BoardPage(page)
      await board.goto()
      const keypad = await board.openKeypad('Observations on time')
      await keypad.tap('140')
      await keypad.saveButton.click()
      await expect(keypad.error).toBeVisible()
    },
  },
  {
    name: 'the calendar dialog',
    open: async (page) => {
      const board = new BoardPage(page)
      await board.goto()
      const calendar = await board.openCalendar('Harm-free day (safety cross)')
      await expect(calendar.dialog.getByTestId('calendar-month')).toBeVisible()
      await expect(calendar.dialog.getByRole('status')).toHaveCount(0)
    },
  },
  {
    name: "the calendar's day editor",
    open: async (page) => {
      const board = new BoardPage(page)
      await board.goto()
      const calendar = await board.openCalendar('Harm-free day (safety cross)')
      await calendar.dialog.locator('[data-testid^="calendar-day-"]:not([disabled])').first().click()
      await expect(calendar.dayEditor).toBeVisible()
      await expect(calendar.comment).toBeVisible()
    },
  },
  {
    name: 'the add-action dialog',
    open: async (page) => {
      const board = new BoardPage(page)
      await board.goto()
      await board.openAddAction()
    },
  },
  {
    name: '"Who is doing this?"',
    open: async (page) => {
      const board = new BoardPage(page)
      await board.goto()
      await board.answer('Safety brief done every shift', 'Yes').click()
      await expect(board.shell.namePicker.getByRole('button', { name: 'Sam Okafor' })).toBeVisible()
    },
  },
  {
    name: "the huddle's start screen",
    open: async (page) => {
      const huddle = new HuddlePage(page)
      await huddle.goto()
      await expect(huddle.startButton).toBeEnabled()
      await expect(page.getByTestId('huddles-this-week')).toBeVisible()
    },
  },
  {
    name: 'the running huddle',
    open: async (page) => {
      const huddle = new HuddlePage(page)
      await huddle.goto()
      await huddle.startButton.click()
      await expect(huddle.currentTitle).toHaveText('Safety')
      await expect(huddle.huddleCountdown).toBeVisible()
    },
  },
  {
    name: 'the actions screen',
    open: async (page) => {
      const actions = new ActionsPage(page)
      await actions.goto()
      await actions.expectLoaded()
    },
  },
  {
    name: 'the measures screen',
    open: async (page) => {
      const measures = new MeasuresPage(page)
      await measures.goto()
      await measures.expectLoaded('Falls')
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await page.goto('/settings')
      await expect(page.getByLabel('Huddle length in minutes')).toBeVisible()
      await expect(page.getByRole('heading', { name: 'This tablet', exact: true })).toBeVisible()
      await expect(page.getByTestId('storage-status')).not.toBeEmpty()
    },
  },
]

test.describe('with the demo trust loaded', () => {
  test.beforeEach(async ({ page }) => {
    const setup = new SetupPage(page)
    await setup.goto()
    await setup.loadDemo()
  })

  for (const screen of SCREENS) {
    test(`${screen.name} has no serious accessibility problems`, async ({ page }) => {
      await screen.open(page)
      const violations = await seriousA11yViolations(page)
      expect(violations, describeViolations(violations)).toEqual([])
    })
  }
})

test('the first-run set-up screen has no serious accessibility problems', async ({ page }) => {
  const setup = new SetupPage(page)
  await setup.goto()
  await expect(setup.loadDemoButton).toBeEnabled()
  await expect(setup.setUpButton).toBeVisible()
  const violations = await seriousA11yViolations(page)
  expect(violations, describeViolations(violations)).toEqual([])
})
