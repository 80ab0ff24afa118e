import { expect, type Locator, type Page } from '@playwright/test'

/** /board/measures: add, change, reorder and archive the board's measures. */
export class MeasuresPage {
  readonly heading: Locator
  readonly addButton: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Measures' })
    this.addButton = page.getByRole('button', { name: 'Add a measure', exact: true })
  }

  async goto(): Promise<void> {
    await this.page.goto('/board/measures')
  }

  async expectLoaded(measure: string): Promise<void> {
    await expect(this.moveUpButton(measure)).toBeVisible()
  }

  moveUpButton(measure: string): Locator {
    return this.page.getByRole('button', { name: `Move up ${measure}`, exact: true })
  }

  archiveButton(measure: string): Locator {
    return this.page.getByRole('button', { name: `Archive ${measure}`, exact: true })
  }
}
