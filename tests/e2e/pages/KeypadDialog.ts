import type { Locator, Page } from '@playwright/test'

/** The number pad a count, number or percentage is entered on; the dialog is named after the measure. */
export class KeypadDialog {
  readonly dialog: Locator
  readonly display: Locator
  readonly error: Locator
  readonly saveButton: Locator
  readonly clearButton: Locator

  constructor(
    readonly page: Page,
    measure: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: measure, exact: true })
    this.display = this.dialog.getByTestId('keypad-display')
    this.error = this.dialog.locator('.nhsuk-error-message')
    this.saveButton = this.dialog.getByRole('button', { name: 'Save', exact: true })
    this.clearButton = this.dialog.getByRole('button', { name: 'Clear', exact: true })
  }

  key(label: string): Locator {
    return this.dialog.getByRole('button', { name: label, exact: true })
  }

  /** Taps each character of `digits` on the pad ("." is the decimal point key). */
  async tap(digits: string): Promise<void> {
    for (const char of digits) await this.key(char === '.' ? 'Decimal point' : char).click()
  }
}
