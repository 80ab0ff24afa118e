import type { Locator, Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** /board/standard-work: what is due, adherence, the checklists and shift times. */
export class StandardWorkPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly newChecklistButton: Locator
  readonly message: Locator
  readonly adherenceUnit: Locator
  readonly mostMissed: Locator
  readonly saveShiftsButton: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { name: 'Standard work', level: 1 })
    this.newChecklistButton = page.getByRole('link', { name: 'New checklist' }).first()
    this.message = page.getByRole('status').filter({ hasText: 'saved' })
    this.adherenceUnit = page.getByTestId('adherence-unit')
    this.mostMissed = page.getByTestId('adherence-missed')
    this.saveShiftsButton = page.getByRole('button', { name: 'Save shift times' })
  }

  /** Through the header, so the page keeps its live sync (no reload). */
  async openFromHeader(): Promise<void> {
    await this.shell.openScreen('Standard work')
  }

  /** The Start / Continue / View button of a due checklist. */
  openButton(title: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^(Start|Continue|View): ${title}`) }).first()
  }

  /** The Start button of a due checklist nobody has started: the demo trust has runs of earlier shifts, which come
   * first in the list (Continue, View) at some times of day, and opening one saves nothing. */
  startButton(title: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Start: ${title}`) }).first()
  }

  /** A checklist in the "Checklists" list, by its Edit link. */
  checklistListed(title: string): Locator {
    return this.page.getByRole('link', { name: `Edit ${title}`, exact: true })
  }

  shiftTime(shift: 'Early' | 'Late' | 'Night', edge: 'Starts' | 'Ends'): Locator {
    return this.page.getByRole('group', { name: `${shift} shift` }).getByLabel(`${edge} (HH:MM)`)
  }
}

/** /board/standard-work/templates: writing a checklist. */
export class ChecklistEditorPage {
  readonly title: Locator
  readonly forRole: Locator
  readonly addStepButton: Locator
  readonly saveButton: Locator
  readonly errorSummary: Locator

  constructor(readonly page: Page) {
    this.title = page.getByLabel('Title', { exact: true })
    this.forRole = page.getByLabel('Who is it for? (optional)')
    this.addStepButton = page.getByRole('button', { name: 'Add a step' })
    this.saveButton = page.getByRole('button', { name: 'Save checklist' })
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  }

  stepText(n: number): Locator {
    return this.page.getByLabel(`What to do (step ${n})`)
  }

  frequency(label: string): Locator {
    return this.page.getByLabel(label)
  }
}

/** /board/standard-work/:runId: doing a checklist. */
export class ChecklistRunPage {
  readonly shell: AppShell
  readonly progress: Locator
  readonly completeButton: Locator
  readonly completed: Locator

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.progress = page.getByTestId('checklist-progress')
    this.completeButton = page.getByRole('button', { name: 'Complete checklist' })
    this.completed = page.getByTestId('checklist-completed')
  }

  step(n: number): Locator {
    return this.page.getByTestId('checklist-step').nth(n - 1)
  }

  async answer(n: number, outcome: 'Done' | 'Not done' | 'Not applicable'): Promise<void> {
    await this.step(n).getByRole('button', { name: outcome, exact: true }).click()
  }

  reason(n: number): Locator {
    return this.step(n).getByLabel(`Why was step ${n} not done? (required)`)
  }

  saveReasonButton(n: number): Locator {
    return this.step(n).getByRole('button', { name: 'Save reason' })
  }
}
