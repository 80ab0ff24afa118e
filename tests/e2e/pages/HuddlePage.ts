import type { Locator, Page } from '@playwright/test'
import { ActionDialog } from './ActionDialog.ts'
import { AppShell } from './AppShell.ts'
import { EscalateDialog } from './EscalationsPage.ts'
import { KeypadDialog } from './KeypadDialog.ts'

/** /board/huddle: the full-screen huddle, from its start screen to the saved record. */
export class HuddlePage {
  readonly startButton: Locator
  readonly nextButton: Locator
  readonly finishButton: Locator
  readonly saveButton: Locator
  readonly increaseAttendance: Locator
  readonly facilitator: Locator
  readonly huddleCountdown: Locator
  readonly itemCountdown: Locator
  readonly itemNudge: Locator
  readonly saved: Locator
  readonly currentTitle: Locator
  readonly shell: AppShell
  /** "Reviewing yesterday, …: tap a measure to record or correct it" above the tiles. */
  readonly reviewDay: Locator
  readonly startReviewDay: Locator
  readonly capture: Locator
  readonly captureNotice: Locator
  readonly addActionButton: Locator
  readonly escalateButton: Locator
  readonly actionDialog: ActionDialog
  readonly escalateDialog: EscalateDialog
  readonly yesterdaysPlan: Locator
  readonly recordNotes: Locator
  readonly attendance: Locator
  readonly footer: Locator
  readonly backToBoard: Locator

  constructor(readonly page: Page) {
    this.startButton = page.getByRole('button', { name: 'Start huddle' })
    this.nextButton = page.getByRole('button', { name: 'Next item' })
    this.finishButton = page.getByRole('button', { name: 'Finish huddle' })
    this.saveButton = page.getByRole('button', { name: 'Save huddle' })
    this.increaseAttendance = page.getByRole('button', { name: 'Increase attendance' })
    this.facilitator = page.getByLabel('Facilitator', { exact: true })
    this.huddleCountdown = page.getByTestId('huddle-countdown')
    this.itemCountdown = page.getByTestId('item-countdown')
    this.itemNudge = page.getByTestId('item-nudge')
    this.saved = page.getByTestId('huddle-saved')
    this.currentTitle = page.getByRole('heading', { level: 1 })
    this.shell = new AppShell(page)
    this.reviewDay = page.getByTestId('huddle-review-day')
    this.startReviewDay = page.getByTestId('start-review-day')
    this.capture = page.getByRole('region', { name: 'Capture during the huddle' })
    this.captureNotice = page.getByTestId('huddle-capture-notice')
    this.addActionButton = this.capture.getByRole('button', { name: 'Add action', exact: true })
    this.escalateButton = this.capture.getByRole('button', { name: 'Escalate', exact: true })
    this.actionDialog = new ActionDialog(page, 'Add an action')
    this.escalateDialog = new EscalateDialog(page)
    this.yesterdaysPlan = page.getByTestId('yesterdays-plan')
    this.recordNotes = page.getByTestId('huddle-record-notes')
    this.attendance = page.getByLabel('People at the huddle')
    this.footer = page.locator('.huddle-run__bottom')
    this.backToBoard = page.getByRole('link', { name: 'Back to board' })
  }

  /** A measure's tile in the running huddle. */
  tile(measure: string): Locator {
    return this.page
      .getByTestId('huddle-tile')
      .filter({ has: this.page.getByRole('heading', { name: measure, exact: true }) })
  }

  /** Opens the keypad from a number tile in the running huddle. */
  async openKeypad(measure: string): Promise<KeypadDialog> {
    await this.page.getByRole('button', { name: `Record ${measure}`, exact: true }).click()
    return new KeypadDialog(this.page, measure)
  }

  /** Next until the item with this title is on screen. */
  async goToItem(title: string): Promise<void> {
    for (let step = 0; step < 12 && (await this.currentTitle.innerText()) !== title; step++)
      await this.nextButton.click()
  }

  notes(title: string): Locator {
    return this.page.getByLabel(`Notes: ${title}`)
  }

  async goto(): Promise<void> {
    await this.page.goto('/board/huddle')
  }
}
