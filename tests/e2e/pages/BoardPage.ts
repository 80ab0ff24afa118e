import { expect, type Locator, type Page } from '@playwright/test'
import { ActionDialog } from './ActionDialog.ts'
import { AppShell } from './AppShell.ts'
import { CalendarDialog } from './CalendarDialog.ts'
import { KeypadDialog } from './KeypadDialog.ts'

/** /board: the huddle board with one tile per active measure, and the actions column. */
export class BoardPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly measureTiles: Locator
  readonly recordingDay: Locator
  readonly yesterdayButton: Locator
  readonly todayButton: Locator
  readonly pastDayInput: Locator
  readonly pastDayError: Locator
  readonly actionsPanel: Locator
  readonly addActionButton: Locator
  readonly actionRows: Locator
  readonly actionDialog: ActionDialog

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1 })
    this.measureTiles = page.getByTestId('measure-tile')
    this.recordingDay = page.getByTestId('board-day')
    this.yesterdayButton = page.getByRole('button', { name: 'Yesterday', exact: true })
    this.todayButton = page.getByRole('main').getByRole('button', { name: 'Today', exact: true })
    this.pastDayInput = page.getByLabel('Or choose a past day')
    this.pastDayError = page.locator('#board-day-error')
    this.actionsPanel = page.getByRole('complementary', { name: 'Actions' })
    this.addActionButton = this.actionsPanel.getByRole('button', { name: 'Add an action' })
    this.actionRows = this.actionsPanel.getByTestId('action-row')
    this.actionDialog = new ActionDialog(page, 'Add an action')
  }

  async goto(): Promise<void> {
    await this.page.goto('/board')
  }

  async expectTiles(count: number): Promise<void> {
    await expect(this.measureTiles).toHaveCount(count)
  }

  /** Waits until the board has read its measures from the tablet. */
  async expectLoaded(): Promise<void> {
    await expect(this.measureTiles.first()).toBeVisible()
    // The side panels come once the tiles show their values: loaded when the actions are counted.
    await expect(this.page.getByTestId('actions-counts')).toContainText('open')
  }

  tile(measure: string): Locator {
    return this.page.getByRole('article', { name: measure, exact: true })
  }

  tileValue(measure: string): Locator {
    return this.tile(measure).getByTestId('tile-value')
  }

  /** A one-tap answer on a yes/no or day-status tile ("Yes", "No", "Green", "Amber", "Red"). */
  answer(measure: string, label: string): Locator {
    return this.tile(measure).getByRole('button', { name: label, exact: true })
  }

  async openKeypad(measure: string): Promise<KeypadDialog> {
    await this.page.getByRole('button', { name: `Enter value for ${measure}`, exact: true }).click()
    const keypad = new KeypadDialog(this.page, measure)
    await expect(keypad.dialog).toBeVisible()
    return keypad
  }

  async openCalendar(measure: string): Promise<CalendarDialog> {
    await this.page.getByRole('button', { name: `Calendar for ${measure}`, exact: true }).click()
    const calendar = new CalendarDialog(this.page, measure)
    await expect(calendar.dialog).toBeVisible()
    return calendar
  }

  async openAddAction(): Promise<ActionDialog> {
    await this.addActionButton.click()
    await expect(this.actionDialog.dialog).toBeVisible()
    return this.actionDialog
  }

  actionRow(title: string): Locator {
    return this.actionRows.filter({ hasText: title })
  }
}
