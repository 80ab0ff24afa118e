import { expect, test, type Locator, type Page } from '@playwright/test'
import { describeViolations, expectNoA11yViolations, seriousA11yViolations } from './a11y.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { MainNav } from './pages/MainNav.ts'
import { SetupPage } from './pages/SetupPage.ts'

// The header is one compact row on a landscape tablet, the board shows two rows of tiles
// without scrolling, and on every screen each of the ten screens is reachable: on the
// header's row or under "More", never cut off or hidden behind a sideways scroll.

const SIZES = [
  { name: 'landscape tablet', width: 1280, height: 800 },
  { name: 'portrait tablet', width: 800, height: 1280 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1440, height: 900 },
]

async function demoBoard(page: Page): Promise<BoardPage> {
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
  const board = new BoardPage(page)
  await board.expectLoaded()
  // "Works offline" is said once, on first load; the wall and the huddle are used after it.
  const ok = setup.shell.offlineReady.getByRole('button', { name: 'OK' })
  if (await ok.isVisible()) await ok.click()
  return board
}

/**
 * Cumulative layout shift of the board's first render: the board is loaded afresh with a
 * layout-shift observer in place, and read once its tiles, actions and side panels show.
 */
async function boardLayoutShift(page: Page): Promise<{ total: number; moved: string[] }> {
  await page.addInitScript(() => {
    const seen = { total: 0, moved: [] as string[] }
    ;(window as unknown as { __layoutShift: typeof seen }).__layoutShift = seen
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number
        hadRecentInput: boolean
        sources?: { node?: Node }[]
      })[]) {
        if (entry.hadRecentInput) continue
        seen.total += entry.value
        for (const source of entry.sources ?? [])
          seen.moved.push(`${(source.node as Element | undefined)?.className ?? source.node?.nodeName}: ${entry.value}`)
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto('/board')
  const board = new BoardPage(page)
  await board.expectLoaded()
  await expect(board.actionRows.first()).toBeVisible()
  await expect(page.getByTestId('ideas-panel')).toBeVisible()
  // Let late pieces (MDC icons, adherence, escalations) land before reading.
  await page.waitForTimeout(1500)
  return page.evaluate(() => (window as unknown as { __layoutShift: { total: number; moved: string[] } }).__layoutShift)
}

async function headerHeight(page: Page): Promise<number> {
  return page.getByRole('banner').evaluate((el) => el.getBoundingClientRect().height)
}

async function tilesWhollyOnScreen(page: Page): Promise<number> {
  return page
    .getByTestId('measure-tile')
    .evaluateAll((tiles) => tiles.filter((tile) => tile.getBoundingClientRect().bottom <= window.innerHeight).length)
}

test('at 1280×800 the header is one row of at most 72 px and 8 measures show without scrolling', async ({ page }) => {
  const board = await demoBoard(page)
  expect(await headerHeight(page)).toBeLessThanOrEqual(72)
  expect(await tilesWhollyOnScreen(page)).toBeGreaterThanOrEqual(8)

  // Still one row once someone's name is on the tablet.
  await board.answer('Breaks taken', 'Yes').click()
  if (await board.shell.namePicker.isVisible()) await board.shell.pickName('Sam Okafor')
  await expect(board.answer('Breaks taken', 'Yes')).toHaveAttribute('aria-pressed', 'true')
  expect(await headerHeight(page)).toBeLessThanOrEqual(72)
})

for (const size of SIZES) {
  test(`${size.name} (${size.width}×${size.height}): every screen is on the header's row or under More`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height })
    await demoBoard(page)
    const nav = new MainNav(page)
    const row = await nav.rowLinks()
    const more = await nav.moreLinks()
    expect([...row, ...more]).toEqual(MainNav.SCREENS)
    expect(await nav.rowLinksOnScreen()).toBe(true)
    const sideways = () => page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth)
    expect(await sideways(), 'page scrolls sideways with More open').toBe(false)
    if (more.length > 0) await page.keyboard.press('Escape')
    expect(await sideways(), 'page scrolls sideways').toBe(false)
    await expectNoA11yViolations(page)

    // Header, side panels and footer keep their places while the board loads.
    const shift = await boardLayoutShift(page)
    expect(shift.total, `layout shift on loading the board:\n${shift.moved.join('\n')}`).toBeLessThan(0.1)

    if (more.length > 0) {
      const last = more.at(-1)!
      await nav.moreButton.click()
      await nav.moreList.getByRole('link', { name: last }).click()
      await expect(nav.moreButton).toHaveAttribute('aria-expanded', 'false')
      await expect(nav.moreButton).toHaveClass(/app-header__link--active/)
    }
  })
}

/** The main screens besides the board, each with what shows once it has settled. */
const MAIN_SCREENS: { path: string; settled: (page: Page) => Locator }[] = [
  { path: '/board/huddle', settled: (page) => page.getByRole('button', { name: 'Start huddle' }) },
  { path: '/board/ideas', settled: (page) => page.getByTestId('idea-card').first() },
  { path: '/board/standard-work', settled: (page) => page.getByRole('heading', { level: 1, name: 'Standard work' }) },
  { path: '/trends', settled: (page) => page.getByTestId('rollup-matrix') },
  { path: '/settings', settled: (page) => page.getByTestId('storage-status') },
]

for (const size of SIZES) {
  test(`${size.name} (${size.width}×${size.height}): huddle, ideas, standard work, trends and settings fit and pass axe`, async ({
    page,
  }) => {
    // Five axe runs: slow on a busy two-core machine.
    test.setTimeout(180_000)
    await page.setViewportSize({ width: size.width, height: size.height })
    await demoBoard(page)
    for (const screen of MAIN_SCREENS) {
      await page.goto(screen.path)
      await expect(screen.settled(page).first()).toBeVisible()
      const widths = await page.evaluate(() => [document.scrollingElement!.scrollWidth, window.innerWidth])
      expect(widths[0], `${screen.path} scrolls sideways`).toBeLessThanOrEqual(widths[1]!)
      const violations = await seriousA11yViolations(page)
      expect(violations, `${screen.path}:\n${describeViolations(violations)}`).toEqual([])
    }
  })
}

test('each main screen has at most one primary (green) button; the rest use the secondary style', async ({ page }) => {
  test.setTimeout(120_000)
  await demoBoard(page)
  const primaries = () =>
    page
      .locator(
        'main .nhsuk-button:not(.nhsuk-button--secondary):not(.nhsuk-button--reverse):not(.nhsuk-button--warning)',
      )
      .evaluateAll((buttons) =>
        buttons.filter((b) => b.checkVisibility()).map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()),
      )
  const screens: [string, (page: Page) => Locator][] = [
    ['/board', (p) => new BoardPage(p).actionRows.first()],
    ['/board/actions', (p) => p.getByTestId('action-row').first()],
    ['/board/huddle', (p) => p.getByRole('button', { name: 'Start huddle' })],
    ['/board/ideas', (p) => p.getByTestId('idea-card').first()],
    ['/board/standard-work', (p) => p.getByRole('heading', { level: 1, name: 'Standard work' })],
    ['/board/measures', (p) => p.getByRole('heading', { level: 1 })],
    ['/escalations', (p) => p.getByRole('heading', { level: 1 })],
    ['/settings', (p) => p.getByTestId('storage-status')],
  ]
  for (const [path, settled] of screens) {
    await page.goto(path)
    await expect(settled(page)).toBeVisible()
    const found = await primaries()
    expect(found.length, `${path}: ${found.join(' | ')}`).toBeLessThanOrEqual(1)
  }
})

test('the More menu closes with Escape and gives focus back to its button', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1280 })
  await demoBoard(page)
  const nav = new MainNav(page)
  await nav.moreButton.click()
  await expect(nav.moreList).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(nav.moreList).toBeHidden()
  await expect(nav.moreButton).toBeFocused()
})

test('the installed app is not locked to landscape, so a phone can log an idea upright', async ({ request }) => {
  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as { orientation?: string }
  expect(manifest.orientation ?? 'any').not.toMatch(/landscape/)
})

test('every screen has a footer with the accessibility statement and the privacy notice', async ({ page }) => {
  await demoBoard(page)
  const footer = page.getByRole('contentinfo')
  await footer.getByRole('link', { name: 'Accessibility statement' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement for LIM Huddle')
  await expect(page.getByRole('main')).toContainText('WCAG')
  await expectNoA11yViolations(page)
  await footer.getByRole('link', { name: 'Privacy notice' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice')
  await expect(page.getByRole('main')).toContainText('UK General Data Protection Regulation')
  await expectNoA11yViolations(page)
})

test("the browser's Back closes an open dialog and stays on the board; the next Back leaves", async ({ page }) => {
  await demoBoard(page)
  await page.goto('/board/actions')
  const board = new BoardPage(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  await board.expectLoaded()
  const keypad = await board.openKeypad('Observations on time')
  await page.goBack()
  await expect(keypad.dialog).toBeHidden()
  await expect(page).toHaveURL(/\/board$/)
  await expect(board.measureTiles.first()).toBeVisible()

  // Closed with its own button, it leaves no extra step behind.
  await board.openKeypad('Observations on time')
  await page.keyboard.press('Escape')
  await expect(keypad.dialog).toBeHidden()
  await page.goBack()
  await expect(page).toHaveURL(/\/board\/actions$/)
})

/** Whether the control shows on screen, uncovered, at its centre. */
async function onScreenUncovered(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    const box = el.getBoundingClientRect()
    if (box.top < 0 || box.bottom > window.innerHeight || box.height === 0) return false
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return hit !== null && (hit === el || el.contains(hit))
  })
}

test('on a phone, "Save idea" and "Save action" show without scrolling past the wastes or the concepts', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const board = await demoBoard(page)

  await board.openAddAction()
  const action = page.getByRole('dialog', { name: 'Add an action' })
  await action.getByLabel('What needs doing?').fill('Check the hoist battery')
  expect(await onScreenUncovered(action.getByRole('button', { name: 'Save action' }))).toBe(true)
  await page.keyboard.press('Escape')

  await page.goto('/board/ideas/new')
  await page.getByLabel("What's the problem?").fill('The hoist battery is often flat')
  await page.getByLabel("What's your idea?").fill('Charge it at the end of each shift')
  expect(await onScreenUncovered(page.getByRole('button', { name: 'Save idea' }))).toBe(true)
})
