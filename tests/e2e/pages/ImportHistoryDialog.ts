import type { Locator, Page } from '@playwright/test'

/** "Import history" on a measure's trend screen: file, columns, preview, keep or replace, import. */
export class ImportHistoryDialog {
  readonly openButton: Locator
  readonly dialog: Locator
  readonly file: Locator
  readonly summary: Locator
  readonly errors: Locator
  readonly preview: Locator
  readonly replace: Locator
  readonly keep: Locator
  readonly confirm: Locator

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Import history' })
    this.dialog = page.getByRole('dialog', { name: /^Import history/ })
    this.file = this.dialog.getByLabel('Spreadsheet file')
    this.summary = this.dialog.getByTestId('import-summary')
    this.errors = this.dialog.getByTestId('import-errors')
    this.preview = this.dialog.getByTestId('import-preview')
    this.replace = this.dialog.getByLabel("Replace them with the file's values")
    this.keep = this.dialog.getByLabel('Keep the values already recorded')
    this.confirm = this.dialog.getByTestId('import-confirm')
  }

  async choose(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await this.file.setInputFiles({ name, mimeType, buffer })
    await this.preview.waitFor()
  }

  /** Preview rows with a given outcome (new, replaces, same, error, skipped). */
  rows(status: string): Locator {
    return this.preview.locator(`tbody tr[data-status="${status}"]`)
  }
}
