import type { Locator, Page } from '@playwright/test'

/** What every screen shares: the header, network chip and the update banners. */
export class AppShell {
  readonly header: Locator
  readonly productName: Locator
  readonly networkStatus: Locator
  readonly updatePrompt: Locator
  readonly updateNowButton: Locator
  readonly laterButton: Locator
  readonly offlineReady: Locator

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner')
    this.productName = this.header.getByText('LIM Huddle', { exact: true })
    this.networkStatus = page.getByTestId('network-status')
    this.updatePrompt = page.getByRole('region', { name: 'Update available' })
    this.updateNowButton = this.updatePrompt.getByRole('button', { name: 'Update now' })
    this.laterButton = this.updatePrompt.getByRole('button', { name: 'Later' })
    this.offlineReady = page.getByRole('region', { name: 'Ready to work offline' })
  }
}
