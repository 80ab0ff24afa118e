import { expect, type Locator, type Page } from '@playwright/test'

/** What every screen shares: the header, network chip, update banners and the name picker. */
export class AppShell {
  readonly header: Locator
  readonly productName: Locator
  readonly networkStatus: Locator
  readonly updatePrompt: Locator
  readonly updateNowButton: Locator
  readonly laterButton: Locator
  readonly offlineReady: Locator
  /** "Who is doing this?": asked before a write when no name is remembered. */
  readonly namePicker: Locator

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner')
    this.productName = this.header.getByText('LIM Huddle', { exact: true })
    this.networkStatus = page.getByTestId('network-status')
    this.updatePrompt = page.getByRole('region', { name: 'Update available' })
    this.updateNowButton = this.updatePrompt.getByRole('button', { name: 'Update now' })
    this.laterButton = this.updatePrompt.getByRole('button', { name: 'Later' })
    this.offlineReady = page.getByRole('region', { name: 'Ready to work offline' })
    this.namePicker = page.getByRole('dialog', { name: 'Who is doing this?' })
  }

  /** Opens a main screen from the header: on its row, or under "More" when it does not fit.
   * A link can move between the two while this runs (the sync chip's text changes the
   * room left on the row), so a try that finds its link gone starts again. */
  async openScreen(name: string): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: 'Main' })
    const onRow = nav.locator(':scope > a').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) })
    const inMore = this.page.locator('#app-header-more').getByRole('link', { name, exact: true })
    await expect(async () => {
      if (await onRow.isVisible()) return onRow.click({ timeout: 2_000 })
      if (!(await inMore.isVisible())) await nav.getByRole('button', { name: 'More screens' }).click({ timeout: 2_000 })
      await inMore.click({ timeout: 2_000 })
    }).toPass({ timeout: 30_000 })
  }

  /** Answers "Who is doing this?" with a person from the unit's list. */
  async pickName(person: string): Promise<void> {
    await this.namePicker.getByRole('button', { name: person, exact: true }).click()
    await this.namePicker.waitFor({ state: 'hidden' })
  }

  /**
   * Answers "Who is doing this?" if it is showing now: the first save on each screen asks.
   * Call it straight after the save that may ask (a dialog's own title turns into the question).
   */
  async nameIfAsked(person: string): Promise<void> {
    if (!(await this.namePicker.isVisible())) return
    const listed = this.namePicker.getByRole('button', { name: person, exact: true })
    if (await listed.count()) await this.pickName(person)
    else await this.typeName(person)
  }

  /** Answers "Who is doing this?" by typing a name (a unit with nobody listed yet). */
  async typeName(person: string): Promise<void> {
    await this.namePicker.getByRole('textbox').fill(person)
    await this.namePicker.getByRole('button', { name: 'Continue', exact: true }).click()
    await this.namePicker.waitFor({ state: 'hidden' })
  }
}
