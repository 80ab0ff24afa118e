import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /board/ideas/new: quick capture ("Log an idea"). */
export class IdeaCapturePage {
  readonly shell: AppShell
  /** The header's link: one tap from any screen. */
  readonly headerLink: Locator
  readonly problem: Locator
  readonly idea: Locator
  readonly benefit: Locator
  readonly name: Locator
  readonly saveButton: Locator
  readonly savedBanner: Locator
  readonly seeOnBoardLink: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.headerLink = this.shell.header.getByRole('link', { name: 'Log an idea', exact: true })
    this.problem = page.getByLabel("What's the problem?")
    this.idea = page.getByLabel("What's your idea?")
    this.benefit = page.getByLabel('Expected benefit (optional)')
    this.name = page.getByLabel('Your name (optional — leave blank to stay anonymous)')
    this.saveButton = page.getByRole('button', { name: 'Save idea', exact: true })
    this.savedBanner = page.getByTestId('idea-saved')
    this.seeOnBoardLink = page.getByRole('link', { name: 'See it on the idea board', exact: true })
  }

  waste(name: string): Locator {
    return this.page.getByTestId('waste-chip').filter({ hasText: name })
  }
}

/** /board/ideas: the idea board, one column per status. */
export class IdeasPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly moveDialog: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1, name: 'Ideas' })
    this.moveDialog = page.getByRole('dialog', { name: 'Move this idea', exact: true })
  }

  async goto(): Promise<void> {
    await this.page.goto('/board/ideas')
  }

  /** 'new', 'review', 'testing', 'implemented', 'sustained' or 'not-progressed'. */
  column(status: string): Locator {
    return this.page.locator(`[data-testid="idea-column"][data-status="${status}"]`)
  }

  /** A card, named by its problem. */
  card(problem: string, within: Locator | Page = this.page): Locator {
    return within.getByRole('article', { name: problem, exact: true })
  }

  /**
   * The keyboard path: focus the card's "Move to…" button, Enter opens the dialog,
   * Space chooses the column, Enter on Move saves. No pointer involved.
   */
  async moveWithKeyboard(problem: string, to: string): Promise<void> {
    const button = this.card(problem).getByRole('button', { name: /^Move to…/ })
    await button.focus()
    await this.page.keyboard.press('Enter')
    await expect(this.moveDialog).toBeVisible()
    await this.moveDialog.getByRole('radio', { name: to, exact: true }).focus()
    await this.page.keyboard.press('Space')
    await expect(this.moveDialog.getByRole('radio', { name: to, exact: true })).toBeChecked()
    await this.moveDialog.getByRole('button', { name: 'Move', exact: true }).focus()
    await this.page.keyboard.press('Enter')
  }
}

/** /board/ideas/:id: one idea with its PDSA cycles, measure and history. */
export class IdeaDetailPage {
  readonly shell: AppShell
  readonly addCycleButton: Locator
  readonly cycleForm: Locator
  readonly saveCycleButton: Locator
  readonly cycles: Locator
  readonly measureSelect: Locator
  readonly beforeAfter: Locator
  readonly status: Locator
  readonly a3Link: Locator
  /** Who owns the idea ("Nobody yet" when no one does). */
  readonly owner: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.owner = page.locator('dt:text-is("Owner") + dd')
    this.addCycleButton = page.getByRole('button', { name: 'Add a PDSA cycle', exact: true })
    this.cycleForm = page.getByTestId('pdsa-form')
    this.saveCycleButton = this.cycleForm.getByRole('button', { name: 'Save cycle', exact: true })
    this.cycles = page.getByTestId('pdsa-cycle')
    this.measureSelect = page.getByLabel('Linked measure')
    this.beforeAfter = page.getByTestId('before-after')
    this.status = page.getByTestId('idea-status')
    this.a3Link = page.getByRole('link', { name: 'A3 summary' })
  }

  heading(problem: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: problem, exact: true })
  }

  /** A box of the open cycle form, by the start of its label. */
  field(label: string): Locator {
    return this.cycleForm.getByLabel(label)
  }

  decision(label: 'Adopt' | 'Adapt' | 'Abandon'): Locator {
    return this.cycleForm.getByRole('radio', { name: label, exact: true })
  }

  /** "Move to…" on the page: choose the column by tapping, then Move. */
  async moveTo(status: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Move to…', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Move this idea', exact: true })
    await dialog.getByText(status, { exact: true }).click()
    await dialog.getByRole('button', { name: 'Move', exact: true }).click()
  }
}
