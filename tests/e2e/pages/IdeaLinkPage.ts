import type { Locator, Page } from '@playwright/test'

/** /idea/:token: the phone form behind a ward's idea poster. */
export class IdeaLinkPage {
  readonly heading: Locator
  readonly problem: Locator
  readonly idea: Locator
  readonly name: Locator
  readonly sendButton: Locator
  readonly sent: Locator
  readonly errorSummary: Locator
  /** Taps made through this page object (the journey's budget is four). */
  taps = 0

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.problem = page.getByLabel('What gets in the way?')
    this.idea = page.getByLabel('Your idea')
    this.name = page.getByLabel('Your name (optional)')
    this.sendButton = page.getByRole('button', { name: 'Send idea' })
    this.sent = page.getByTestId('idea-sent')
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  }

  async tapAndType(field: Locator, text: string): Promise<void> {
    await field.tap()
    this.taps += 1
    await field.pressSequentially(text, { delay: 0 })
  }

  async tapSend(): Promise<void> {
    await this.sendButton.tap()
    this.taps += 1
  }

  /** Whether the Send button lies wholly inside the screen as the page opens (no scrolling needed). */
  async sendOnScreen(): Promise<boolean> {
    return this.sendButton.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= window.innerHeight
    })
  }
}
