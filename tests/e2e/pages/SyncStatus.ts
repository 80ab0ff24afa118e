import { expect, type Locator, type Page } from '@playwright/test'

/** Sync as staff see it: the header's status chip, what it announces, and the sync details
 * dialog it opens ("Sync now"). */
export class SyncStatus {
  /** The header chip: "Online – Synced 07:42", "Offline – 2 changes waiting to sync"… */
  readonly chip: Locator
  /** The polite live region beside the chip: the server's own words on a problem. */
  readonly announcement: Locator
  readonly details: Locator
  readonly state: Locator
  readonly pendingChanges: Locator
  readonly problem: Locator
  readonly syncNowButton: Locator
  readonly closeButton: Locator
  readonly conflictBadge: Locator

  constructor(readonly page: Page) {
    const header = page.getByRole('banner')
    this.chip = header.getByTestId('network-status')
    this.announcement = header.getByTestId('sync-announcement')
    this.details = page.getByRole('dialog', { name: 'Sync', exact: true })
    this.state = this.details.getByTestId('sync-state')
    this.pendingChanges = this.details.getByTestId('pending-changes')
    this.problem = this.details.getByTestId('sync-problem')
    this.syncNowButton = this.details.getByRole('button', { name: 'Sync now', exact: true })
    this.closeButton = this.details.getByRole('button', { name: 'Close', exact: true })
    this.conflictBadge = header.getByTestId('conflict-badge')
  }

  async openDetails(): Promise<void> {
    await this.chip.click()
    await expect(this.details).toBeVisible()
  }

  async closeDetails(): Promise<void> {
    await this.closeButton.click()
    await expect(this.details).toBeHidden()
  }

  /** Opens the details, taps "Sync now", waits for the round to end ("Syncing…" back to
   * "Sync now") and closes the details again. */
  async syncNow(): Promise<void> {
    await this.openDetails()
    await expect(this.syncNowButton).toBeEnabled({ timeout: 30_000 })
    await this.syncNowButton.click()
    await expect(this.syncNowButton).toBeEnabled({ timeout: 30_000 })
    await this.closeDetails()
  }

  /** Online with nothing left to send: "Online – Synced 07:42". */
  async expectSynced(timeout = 30_000): Promise<void> {
    await expect(this.chip).toHaveText(/^Online – Synced \d{2}:\d{2}/, { timeout })
  }
}
