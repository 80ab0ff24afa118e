import type { Locator, Page } from '@playwright/test'

/** The add/edit action form, opened from the board, the actions screen or a day. */
export class ActionDialog {
  readonly dialog: Locator
  readonly title: Locator
  readonly ownerTyped: Locator
  /** The typed owner, whatever its label ("Owner's name" when the unit lists nobody yet). */
  readonly ownerName: Locator
  readonly dueDate: Locator
  readonly dueDateShown: Locator
  readonly saveButton: Locator
  readonly errorSummary: Locator

  constructor(
    readonly page: Page,
    name: 'Add an action' | 'Edit action',
  ) {
    this.dialog = page.getByRole('dialog', { name, exact: true })
    this.title = this.dialog.getByLabel('What needs doing?')
    this.ownerTyped = this.dialog.getByLabel("Or type the owner's name")
    this.ownerName = this.dialog.getByRole('textbox', { name: /owner's name$/i })
    this.dueDate = this.dialog.getByLabel('Due date (optional)')
    this.dueDateShown = this.dialog.getByTestId('due-date-shown')
    this.saveButton = this.dialog.getByRole('button', { name: 'Save action', exact: true })
    this.errorSummary = this.dialog.getByRole('alert').filter({ hasText: 'There is a problem' })
  }

  owner(person: string): Locator {
    return this.dialog.getByTestId('owner-option').filter({ hasText: person })
  }

  /** "Today", "Tomorrow" or "In a week". */
  quickDue(label: 'Today' | 'Tomorrow' | 'In a week'): Locator {
    return this.dialog.getByRole('group', { name: 'Quick due dates' }).getByRole('button', { name: label, exact: true })
  }
}
