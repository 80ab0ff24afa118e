import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /concepts: the LIM concept library, browsed by group or searched. */
export class ConceptLibraryPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly search: Locator
  readonly cards: Locator
  readonly count: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1, name: 'Learn: LIM concepts' })
    this.search = page.getByLabel('Search the concepts')
    this.cards = page.getByTestId('concept-card')
    this.count = page.getByTestId('concepts-count')
  }

  async goto(): Promise<void> {
    await this.page.goto('/concepts')
    await expect(this.heading).toBeVisible()
  }

  group(name: string): Locator {
    return this.page.getByRole('group', { name: 'Show concepts from' }).getByRole('button', { name, exact: true })
  }
}

/** /concepts/:id: one concept, its related concepts and its local examples. */
export class ConceptPage {
  readonly examples: Locator
  readonly noExamples: Locator
  readonly back: Locator
  readonly related: Locator

  constructor(readonly page: Page) {
    this.examples = page.getByTestId('local-example')
    this.noExamples = page.getByTestId('no-examples')
    this.back = page.locator('.nhsuk-back-link')
    this.related = page.getByTestId('related-concepts').getByRole('link')
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true })
  }

  /** Waits until the tablet's items have been read (a list, or the invitation to link one). */
  async expectExamplesRead(): Promise<void> {
    await expect(this.examples.first().or(this.noExamples)).toBeVisible()
  }
}
