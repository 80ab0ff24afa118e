import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** The goals screens: the list, a goal with its catch-ball, and the goal form. */
export class GoalsPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly ourGoals: Locator
  readonly proposedBelow: Locator
  readonly trustGoals: Locator
  readonly thread: Locator
  readonly moves: Locator
  readonly moveForm: Locator
  readonly goalForm: Locator
  readonly errorSummary: Locator
  readonly state: Locator
  readonly target: Locator
  readonly measure: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1 })
    this.ourGoals = page.getByTestId('our-goals')
    this.proposedBelow = page.getByTestId('proposed-below')
    this.trustGoals = page.getByTestId('trust-goals')
    this.thread = page.getByTestId('catch-ball-thread')
    this.moves = page.getByRole('group', { name: 'Catch-ball moves' })
    this.moveForm = page.getByTestId('catch-ball-form')
    this.goalForm = page.getByTestId('goal-form')
    this.errorSummary = page.locator('.nhsuk-error-summary')
    this.state = page.locator('main [data-state], #main-content [data-state]').first()
    this.target = page.getByTestId('goal-target').first()
    this.measure = page.getByTestId('goal-measure').first()
  }

  async goto(): Promise<void> {
    await this.shell.openScreen('Goals')
    await expect(this.ourGoals).toBeVisible()
  }

  /** Opens a goal from a list by its title. */
  async openGoal(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title, exact: true }).first().click()
    await expect(this.heading).toHaveText(title)
  }

  /** Chooses a catch-ball move, fills what it asks for and sends it, answering "Who is doing this?". */
  async move(name: string, { text, target, by }: { text?: string; target?: string; by: string }): Promise<void> {
    await this.moves.getByRole('button', { name, exact: true }).click()
    if (target !== undefined) await this.moveForm.getByLabel('Target you propose').fill(target)
    if (text !== undefined) await this.moveForm.getByRole('textbox').last().fill(text)
    await this.moveForm.getByRole('button', { name, exact: true }).click()
    await this.shell.nameIfAsked(by)
    await expect(this.moveForm).toBeHidden()
  }
}
