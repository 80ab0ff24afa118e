import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /board/actions: every action on the board, by status. */
export class ActionsPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly rows: Locator
  readonly addActionButton: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1, name: 'Actions' })
    this.rows = page.getByRole('tabpanel').getByTestId('action-row')
    this.addActionButton = page.getByRole('main').getByRole('button', { name: 'Add an action' })
  }

  async goto(): Promise<void> {
    await this.page.goto('/board/actions')
  }

  /** Waits until the list has been read from the tablet. */
  async expectLoaded(): Promise<void> {
    await expect(this.rows.first()).toBeVisible()
  }

  /** "Open", "Done", "Cancelled" or "All"; the tab's name carries its count, e.g. "Open (5)". */
  tab(label: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${label} \\(\\d+\\)$`) })
  }

  doneButton(title: string): Locator {
    return this.page.getByRole('button', { name: `Done: ${title}`, exact: true })
  }

  reopenButton(title: string): Locator {
    return this.page.getByRole('button', { name: `Reopen: ${title}`, exact: true })
  }
}
