import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /board: the huddle board with one tile per active measure. */
export class BoardPage {
  readonly shell: AppShell
  readonly measureTiles: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.measureTiles = page.getByTestId('measure-tile')
  }

  async goto(): Promise<void> {
    await this.page.goto('/board')
  }

  async expectTiles(count: number): Promise<void> {
    await expect(this.measureTiles).toHaveCount(count)
  }
}
