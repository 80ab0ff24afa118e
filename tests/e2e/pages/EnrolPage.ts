import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /enrol: a one-time code from the improvement office, a name for the tablet, then the
 * first sync and whichever next step applies (open the board, or set one up). */
export class EnrolPage {
  readonly shell: AppShell
  readonly heading: Locator
  /** On the first-run screen (/setup). */
  readonly enrolFromSetupLink: Locator
  readonly codeInput: Locator
  readonly deviceNameInput: Locator
  readonly submitButton: Locator
  readonly errorSummary: Locator
  readonly summary: Locator
  readonly openBoardLink: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1, name: 'Enrol this tablet' })
    this.enrolFromSetupLink = page.getByRole('link', { name: 'Enrol this tablet with a code' })
    this.codeInput = page.getByLabel('Enrolment code')
    this.deviceNameInput = page.getByLabel('Name this tablet')
    this.submitButton = page.getByRole('button', { name: 'Enrol this tablet', exact: true })
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
    this.summary = page.getByTestId('enrolment-summary')
    this.openBoardLink = page.getByRole('link', { name: 'Open the board', exact: true })
  }

  async goto(): Promise<void> {
    await this.page.goto('/enrol')
  }

  /** "Set up Ward A's board": offered when the enrolled unit has no board on the server yet. */
  setUpBoardButton(unitName: string): Locator {
    return this.page.getByRole('button', { name: `Set up ${unitName}'s board`, exact: true })
  }

  /** From the first-run screen: "Enrol this tablet with a code". */
  async startFromFirstRun(): Promise<void> {
    await this.enrolFromSetupLink.click()
    await this.page.waitForURL('**/enrol')
    await expect(this.heading).toBeVisible()
  }

  /** Types the code and the tablet's name and sends them; waits until the code is accepted. */
  async enrol(code: string, deviceName: string): Promise<void> {
    await this.codeInput.fill(code)
    await this.deviceNameInput.fill(deviceName)
    await this.submitButton.click()
    await expect(this.summary).toContainText(deviceName)
  }
}
