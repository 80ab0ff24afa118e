import { expect, type Locator, type Page } from '@playwright/test'

/** /board/wall: the read-only board for a wall screen or TV. */
export class WallPage {
  readonly view: Locator
  readonly tiles: Locator
  readonly actionsDue: Locator
  readonly escalations: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('wall-view')
    this.tiles = page.getByTestId('wall-tile')
    this.actionsDue = page.getByRole('heading', { name: /^Actions due/ })
    this.escalations = page.getByRole('heading', { name: /^Escalations waiting/ })
  }

  async goto(): Promise<void> {
    await this.page.goto('/board/wall')
    await expect(this.tiles.first()).toBeVisible()
  }

  tile(measure: string): Locator {
    return this.tiles.filter({ has: this.page.getByRole('heading', { name: measure, exact: true }) })
  }

  /** Whether the page scrolls either way, and how many tiles lie wholly on the screen. */
  async fit(): Promise<{ scrollsDown: boolean; scrollsSideways: boolean; tilesOnScreen: number }> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement!
      const onScreen = [...document.querySelectorAll('[data-testid="wall-tile"]')].filter((tile) => {
        const box = tile.getBoundingClientRect()
        return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth
      })
      return {
        scrollsDown: root.scrollHeight > innerHeight,
        scrollsSideways: root.scrollWidth > innerWidth,
        tilesOnScreen: onScreen.length,
      }
    })
  }

  /** Font sizes (px) of the values shown. */
  async valueFontSizes(): Promise<number[]> {
    return this.page
      .getByTestId('wall-value')
      .filter({ hasNot: this.page.locator('.wall-tile__missing') })
      .evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)))
  }
}
