import type { Locator, Page } from '@playwright/test'

/** A measure's month (the safety cross), opened from its tile. */
export class CalendarDialog {
  readonly dialog: Locator
  readonly dayEditor: Locator
  readonly comment: Locator
  readonly saveButton: Locator

  constructor(
    readonly page: Page,
    measure: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `${measure} – calendar`, exact: true })
    this.dayEditor = this.dialog.getByTestId('day-editor')
    this.comment = this.dialog.locator('#day-editor-comment')
    this.saveButton = this.dayEditor.getByRole('button', { name: 'Save', exact: true })
  }

  /** `day` as 'YYYY-MM-DD'. */
  day(day: string): Locator {
    return this.dialog.getByTestId(`calendar-day-${day}`)
  }
}
