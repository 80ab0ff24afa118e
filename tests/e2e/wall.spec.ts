import { expect, test, type Page } from '@playwright/test'
import { expectNoA11yViolations } from './a11y.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { StarterBoardPage } from './pages/StarterBoardPage.ts'
import { WallPage } from './pages/WallPage.ts'

// The board on a wall screen: every measure on one screen, readable at 3 m, updating
// as values are recorded elsewhere.
const READABLE_AT_3M_PX = 48

/** The demo ward's 10 measures plus the inpatient starter set: a 20-measure board. */
async function twentyMeasureBoard(page: Page): Promise<void> {
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
  const starter = new StarterBoardPage(page)
  await starter.goto()
  await starter.chooseSet('Inpatient ward')
  await starter.add(10, 'Sam Okafor')
  await new BoardPage(page).expectTiles(20)
}

async function answer(page: Page, measure: string, label: string): Promise<void> {
  const board = new BoardPage(page)
  await board.answer(measure, label).click()
  if (await board.shell.namePicker.isVisible()) await board.shell.pickName('Sam Okafor')
  await expect(board.answer(measure, label)).toHaveAttribute('aria-pressed', 'true')
}

for (const screen of [
  { name: 'TV', width: 1920, height: 1080 },
  { name: 'landscape tablet', width: 1280, height: 800 },
]) {
  test(`the wall view shows all 20 measures on one ${screen.name} screen (${screen.width}×${screen.height})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height })
    await twentyMeasureBoard(page)
    await answer(page, 'Safety brief done every shift', 'Yes')

    const wall = new WallPage(page)
    await wall.goto()
    await expect(wall.tiles).toHaveCount(20)
    expect(await wall.fit()).toEqual({ scrollsDown: false, scrollsSideways: false, tilesOnScreen: 20 })
    const sizes = await wall.valueFontSizes()
    expect(sizes.length).toBeGreaterThan(0)
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(READABLE_AT_3M_PX)
    // Status by shape and word, not colour alone.
    await expect(wall.tile('Safety brief done every shift')).toContainText('Yes')
    await expect(wall.tile('Safety brief done every shift').locator('svg').first()).toBeVisible()
    await expect(wall.actionsDue).toBeVisible()
    await expect(wall.escalations).toBeVisible()
    await expect(wall.tiles.getByRole('button')).toHaveCount(0)
    await expectNoA11yViolations(page)
  })
}

test('the wall view updates by itself when a value is recorded on another screen', async ({ page, context }) => {
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
  const wall = new WallPage(page)
  await wall.goto()
  await expect(wall.tile('Breaks taken')).toContainText('Not recorded')

  const tablet = await context.newPage()
  await tablet.goto('/board')
  await new BoardPage(tablet).expectLoaded()
  await answer(tablet, 'Breaks taken', 'No')

  await expect(wall.tile('Breaks taken')).toContainText('No')
  await expect(wall.tile('Breaks taken')).not.toContainText('Not recorded')
})
