import type { Locator, Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /setup: the first screen on a new tablet. */
export class SetupPage {
  readonly shell: AppShell
  readonly loadDemoButton: Locator
  readonly setUpButton: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.loadDemoButton = page.getByRole('button', { name: 'Load the demo trust' })
    this.setUpButton = page.getByRole('button', { name: 'Set up my board' })
  }

  async goto(): Promise<void> {
    await this.page.goto('/setup')
  }

  /** Fills the tablet with the fictional demo trust and waits for its board. */
  async loadDemo(): Promise<void> {
    await this.loadDemoButton.click()
    await this.page.waitForURL('**/board')
  }
}
