import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell.ts'

/** "Escalate to the CSU": criteria, what, category, a required short reason. */
export class EscalateDialog {
  readonly dialog: Locator
  readonly title: Locator
  readonly reason: Locator
  readonly criteria: Locator
  readonly escalateButton: Locator
  readonly errorSummary: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Escalate to the / })
    this.title = this.dialog.getByLabel('What needs escalating')
    this.reason = this.dialog.getByLabel('Why can the team not solve this itself?')
    this.criteria = this.dialog.getByTestId('escalation-criteria')
    this.escalateButton = this.dialog.getByRole('button', { name: 'Escalate', exact: true })
    this.errorSummary = this.dialog.getByRole('alert').filter({ hasText: 'There is a problem' })
  }

  category(name: string): Locator {
    return this.dialog.getByLabel(name, { exact: true })
  }
}

/** Accept, answer, return with advice, pass on, withdraw, confirm closed. */
class EscalationMoveDialog {
  readonly dialog: Locator
  readonly text: Locator
  /** "This escalation was withdrawn by Ward 7 at 09:12; your answer is kept below". */
  readonly changed: Locator
  /** After a refusal: closes the dialog, the typed answer kept under "Kept answers". */
  readonly keepAndCloseButton: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog').filter({ has: page.getByTestId('escalation-move-form') })
    this.text = this.dialog.locator('input.nhsuk-input, textarea')
    this.changed = this.dialog.getByTestId('escalation-changed')
    this.keepAndCloseButton = this.dialog.getByRole('button', { name: 'Keep my answer and close', exact: true })
  }

  button(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true })
  }
}

/** An escalation card, wherever it shows (inbox, our escalations, huddle mode). */
export function escalationCard(scope: Page | Locator, title: string): Locator {
  // A `has` locator is matched inside each card, so it starts from the page, not the scope.
  const page = 'mouse' in scope ? scope : scope.page()
  return scope.getByTestId('escalation').filter({ has: page.getByRole('heading', { name: title, exact: true }) })
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A button whose visible word is followed by a visually hidden ": what it is about" (Chromium may put a space before the colon). */
export function buttonAbout(scope: Page | Locator, label: string, about: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${escape(label)} ?: ${escape(about)}$`) })
}

/** A move on one escalation: "Accept: Hoist broken from Ward 7". */
export function moveButton(scope: Page | Locator, label: string, title: string, from: string): Locator {
  return buttonAbout(scope, label, `${title} from ${from}`)
}

/** /escalations: the inbox of a CSU or trust board, and what this board raised. */
export class EscalationsPage {
  readonly shell: AppShell
  readonly heading: Locator
  readonly inbox: Locator
  readonly inboxHeading: Locator
  readonly ours: Locator
  readonly keptAnswers: Locator
  /** The folded list of this board's closed and withdrawn escalations. */
  readonly closedAndWithdrawn: Locator
  readonly escalateDialog: EscalateDialog
  readonly moveDialog: EscalationMoveDialog

  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
    this.heading = page.getByRole('heading', { level: 1, name: /^Escalations/ })
    this.inbox = page.getByTestId('escalation-inbox')
    this.inboxHeading = this.inbox.getByRole('heading', { level: 2 })
    this.ours = page.getByTestId('our-escalations')
    this.keptAnswers = page.getByTestId('kept-answers')
    this.closedAndWithdrawn = this.ours.getByText(/^Closed and withdrawn \(\d+\)$/)
    this.escalateDialog = new EscalateDialog(page)
    this.moveDialog = new EscalationMoveDialog(page)
  }

  /** Through the header link, so the page keeps its live sync (no reload). */
  async open(): Promise<void> {
    await this.shell.openScreen('Escalations')
    await expect(this.heading).toBeVisible()
  }

  card(title: string): Locator {
    return escalationCard(this.page, title)
  }

  move(label: string, title: string, from: string): Locator {
    return moveButton(this.page, label, title, from)
  }

  /** Opens a move, types `text` if the move needs it, and confirms with `confirm`. */
  async makeMove(label: string, title: string, from: string, confirm: string, text?: string): Promise<void> {
    await this.move(label, title, from).click()
    await expect(this.moveDialog.dialog).toBeVisible()
    if (text !== undefined) await this.moveDialog.text.fill(text)
    await this.moveDialog.button(confirm).click()
  }
}
