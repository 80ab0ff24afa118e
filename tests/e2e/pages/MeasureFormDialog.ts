import { expect, type Locator, type Page } from '@playwright/test'

export type MeasureTypeLabel = 'Yes or no' | 'Count' | 'Number' | 'Percentage' | 'Day status (green, amber or red)'

/** The "Add a measure" form on /board/measures. */
export class MeasureFormDialog {
  readonly dialog: Locator
  readonly name: Locator
  readonly unit: Locator
  readonly saveButton: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add a measure', exact: true })
    this.name = this.dialog.getByLabel('Name', { exact: true })
    this.unit = this.dialog.getByLabel('Unit (optional)')
    this.saveButton = this.dialog.getByRole('button', { name: 'Save measure', exact: true })
  }

  type(label: MeasureTypeLabel): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true })
  }

  direction(label: 'Higher is better' | 'Lower is better' | 'Neither'): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true })
  }

  /** Fills the form and saves; waits for the dialog to close. */
  async add(measure: { name: string; type: MeasureTypeLabel; unit?: string; lowerIsBetter?: boolean }): Promise<void> {
    await expect(this.dialog).toBeVisible()
    await this.name.fill(measure.name)
    await this.type(measure.type).check()
    if (measure.unit) await this.unit.fill(measure.unit)
    if (measure.lowerIsBetter) await this.direction('Lower is better').check()
    await this.saveButton.click()
    await expect(this.dialog).toBeHidden()
  }
}
