import { expect, test, type Page } from '@playwright/test'
import { MEASURE_COUNT, buildBenchBoard } from '../../bench/boardData.ts'
import { putRows } from './indexedDb.ts'

// A safety board must never flash a wrong status while it loads: with a year of values
// stored and every measure recorded today, no tile may ever say "Not recorded".

/** From the page's first script on, every (measure, status) any board or wall tile shows. */
async function recordTileStatuses(page: Page): Promise<void> {
  // No named functions inside: the page does not have the helpers a transpiler may add.
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __statuses: string[] }).__statuses = seen
    new MutationObserver(() => {
      for (const tile of document.querySelectorAll('[data-testid="measure-tile"], [data-testid="wall-tile"]'))
        seen.push(`${tile.querySelector('h2, h3')?.textContent?.trim()}=${tile.getAttribute('data-status')}`)
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
  })
}

const statuses = (page: Page) => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses)

test('the board and the wall view say "Loading the board…" rather than "Not recorded" while a year of values loads', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const data = buildBenchBoard()
  // The app creates its database on the first screen; then the board is written in.
  await page.goto('/setup')
  await page.getByRole('button', { name: 'Load the demo trust' }).waitFor()
  await putRows(page, [
    ['trusts', [data.trust]],
    ['csus', [data.csu]],
    ['units', [data.unit]],
    ['boards', [data.board]],
    ['measures', data.measures],
    ['entries', data.entries],
    ['meta', [{ key: 'currentBoardId', value: data.board.id }]],
  ])
  await recordTileStatuses(page)

  for (const screen of [
    { path: '/board', tile: 'measure-tile' },
    { path: '/board/wall', tile: 'wall-tile' },
  ]) {
    await page.goto(screen.path)
    const tiles = page.getByTestId(screen.tile)
    await expect(tiles).toHaveCount(MEASURE_COUNT, { timeout: 30_000 })
    await expect(page.locator(`[data-testid="${screen.tile}"][data-status="missing"]`)).toHaveCount(0)
    const seen = await statuses(page)
    console.log(`${screen.path}: ${seen.length} tile states recorded while loading`)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.filter((s) => s.endsWith('=missing'))).toEqual([])
  }
})
