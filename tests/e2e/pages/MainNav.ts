import { expect, type Locator, type Page } from '@playwright/test'

/** The header's navigation: the links that fit on its row and the rest under "More". */
export class MainNav {
  readonly nav: Locator
  readonly moreButton: Locator
  readonly moreList: Locator

  static readonly SCREENS = [
    'Board',
    'Huddle',
    'Actions',
    'Ideas',
    'Standard work',
    'Measures',
    'Escalations',
    'Goals',
    'Trends',
    'Learn',
    'Coaching',
    'Settings',
  ]

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' })
    this.moreButton = this.nav.getByRole('button', { name: 'More screens' })
    this.moreList = page.locator('#app-header-more')
  }

  /** Names of the links shown on the header's row. */
  async rowLinks(): Promise<string[]> {
    return this.nav.locator(':scope > a').allInnerTexts()
  }

  /** Names of the links under "More" (opening it if needed). */
  async moreLinks(): Promise<string[]> {
    if ((await this.moreButton.count()) === 0) return []
    if ((await this.moreButton.getAttribute('aria-expanded')) !== 'true') await this.moreButton.click()
    await expect(this.moreList).toBeVisible()
    return this.moreList.getByRole('link').allInnerTexts()
  }

  /** Whether every link on the row lies wholly inside the screen (none cut off). */
  async rowLinksOnScreen(): Promise<boolean> {
    return this.nav.locator(':scope > a, :scope > div > button').evaluateAll((els) =>
      els.every((el) => {
        const box = el.getBoundingClientRect()
        return box.left >= 0 && box.right <= window.innerWidth
      }),
    )
  }
}
