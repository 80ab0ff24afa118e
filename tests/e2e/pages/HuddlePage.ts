import type { Locator, Page } from '@playwright/test'

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
  }

  async goto(): Promise<void> {
    await this.page.goto('/board/huddle')
  }
}
