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

/** /concepts/:id/edit and /concepts/new: the improvement office's edit form. */
export class ConceptEditPage {
  readonly shell: AppShell
  readonly name: Locator
  readonly summary: Locator
  readonly whatItIs: Locator
  readonly save: Locator
  readonly addResource: Locator
  readonly errorSummary: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.name = page.getByLabel('Name', { exact: true })
    this.summary = page.getByLabel('Summary', { exact: true })
    this.whatItIs = page.getByLabel('What it is', { exact: true })
    this.save = page.getByRole('button', { name: 'Save the concept' })
    this.addResource = page.getByRole('button', { name: 'Add a resource' })
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  }

  resourceTitle(n: number): Locator {
    return this.page.getByLabel(`Resource ${n}: title`)
  }

  resourceUrl(n: number): Locator {
    return this.page.getByLabel(`Resource ${n}: web address`)
  }

  /** Saves and expects the form to refuse with exactly these messages. */
  async expectRefused(messages: string[]): Promise<void> {
    await this.save.click()
    await expect(this.errorSummary.getByRole('link')).toHaveText(messages)
  }
}

/** /concepts/learning: a person's learning record, printable as a portfolio. */
export class LearningRecordPage {
  readonly heading: Locator
  readonly name: Locator
  readonly show: Locator
  readonly portfolio: Locator
  readonly concepts: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Learning record' })
    this.name = page.getByRole('textbox', { name: 'Name' })
    this.show = page.getByRole('button', { name: 'Show the record' })
    this.portfolio = page.getByTestId('portfolio')
    this.concepts = page.getByTestId('portfolio-concepts')
  }

  person(name: string): Locator {
    return this.page.getByRole('group', { name: 'People on this tablet' }).getByRole('button', { name, exact: true })
  }
}

/** /concepts/coverage: concepts × units on this tablet. */
export class CoveragePage {
  readonly heading: Locator
  readonly table: Locator
  readonly untouched: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Which units use which concepts' })
    this.table = page.getByTestId('coverage-table')
    this.untouched = page.getByTestId('coverage-untouched')
  }

  cell(concept: string, unitColumn: number): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: concept, exact: true }) })
      .getByRole('cell')
      .nth(unitColumn)
  }
}
