import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /board/measures/starter: a ready-made set of measures, edited and added in one save. */
export class StarterBoardPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly rows: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1, name: 'Start from a ready-made set of measures' })
    this.rows = page.getByTestId('starter-row')
  }

  async goto(): Promise<void> {
    await this.page.goto('/board/measures/starter')
    await expect(this.heading).toBeVisible()
  }

  async chooseSet(name: string): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).check()
  }

  includeBox(measure: string): Locator {
    return this.page.getByRole('checkbox', { name: `Add ${measure}` })
  }

  nameInput(row: number): Locator {
    return this.rows.nth(row).getByRole('textbox', { name: 'Name' })
  }

  targetInput(row: number): Locator {
    return this.rows.nth(row).getByRole('textbox', { name: /^Target/ })
  }

  addButton(count: number): Locator {
    return this.page.getByRole('button', { name: `Add ${count} measures to the board` })
  }

  /** Saves the ticked measures, naming whoever is asked for, and waits for the board. */
  async add(count: number, person?: string): Promise<void> {
    await this.addButton(count).click()
    if (person && (await this.shell.namePicker.isVisible())) await this.shell.pickName(person)
    await this.page.waitForURL('**/board')
  }
}
