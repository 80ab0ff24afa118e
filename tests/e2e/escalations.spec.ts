import { expect, test, type Page } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { ActionsPage } from './pages/ActionsPage.ts'
import { AppShell } from './pages/AppShell.ts'
import { buttonAbout, EscalationsPage, escalationCard, moveButton } from './pages/EscalationsPage.ts'
import { HuddlePage } from './pages/HuddlePage.ts'
import {
  enrolFromFirstRun,
  FALLS,
  launchTablet,
  setUpWardBoard,
  SYNC_TIMEOUT,
  Teardown,
  type Tablet,
} from './syncTablets.ts'
import { startSyncServer, type SyncServer } from './syncServer.ts'

// Tiered escalation: a ward tablet escalates to its CSU while offline; once it reconnects the CSU
// tablet's inbox shows it within seconds; the CSU answers; the ward sees the answer in
// huddle mode's "Answers back from CSU" step and closes it. Then the bad input: no
// reason, and an answer to an escalation the ward withdrew meanwhile.
const LIVE_LIMIT_MS = 10_000
const HOIST = 'Ceiling hoist in bay 2 broken'
const PORTER = 'No porter after 8pm'

const teardown = new Teardown()
test.afterEach(() => teardown.run())

/** A one-time code for a whole CSU, as the admin screen issues it. */
async function issueCsuCode(server: SyncServer, csuId: string): Promise<string> {
  const res = await fetch(`${server.url}/api/admin/codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scopeKind: 'csu', scopeId: csuId, expiresInHours: 24 }),
  })
  if (!res.ok) throw new Error(`POST /api/admin/codes answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { code: string }).code
}

/** "Who is doing this?" is asked only when no name is remembered on the tablet. */
async function nameIfAsked(page: Page, person: string): Promise<void> {
  await new AppShell(page).nameIfAsked(person)
}

/** WCAG 2.2 AA on what the tablet shows now: no serious or critical violations. */
async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page)
  expect(violations, describeViolations(violations)).toEqual([])
}

async function addAction(tablet: Tablet, title: string, owner: string): Promise<void> {
  const form = await tablet.board.openAddAction()
  await form.title.fill(title)
  await form.ownerName.fill(owner)
  await form.saveButton.click()
  await expect(form.dialog).toBeHidden()
  await tablet.board.shell.nameIfAsked(owner)
  await expect(form.dialog).toBeHidden()
}

test('a ward escalates offline, the CSU answers within seconds of it reconnecting, the ward closes it in huddle mode', async () => {
  test.setTimeout(300_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward 7', 'Ward 8'])

  // The ward tablet: its own board, with an action the team cannot finish itself.
  const ward = teardown.add(await launchTablet(server.url, 'Ward 7 huddle screen'), (tablet) => tablet.close())
  // A tap on something that never appears fails within a minute, not at the test's end.
  ward.page.setDefaultTimeout(SYNC_TIMEOUT * 2)
  await enrolFromFirstRun(ward, await issueCode(server, org.units['Ward 7']!))
  await setUpWardBoard(ward, 'Ward 7', 'Priya Natarajan', [
    { name: FALLS, type: 'Count', unit: 'falls', lowerIsBetter: true },
  ])
  await addAction(ward, HOIST, 'Priya Natarajan')
  await addAction(ward, PORTER, 'Priya Natarajan')
  await ward.sync.expectSynced()

  // The CSU tablet: enrolled for the whole CSU, with the CSU's own board.
  const csu = teardown.add(await launchTablet(server.url, 'Medicine CSU office'), (tablet) => tablet.close())
  csu.page.setDefaultTimeout(SYNC_TIMEOUT * 2)
  await enrolFromFirstRun(csu, await issueCsuCode(server, org.csuId))
  await csu.page
    .getByTestId('tier-board-setup')
    .getByRole('button', { name: /^Set up the .+ board$/ })
    .click({ timeout: SYNC_TIMEOUT })
  await csu.board.shell.typeName('Jo Bloggs')
  await csu.page.waitForURL('**/board')
  const csuScreen = new EscalationsPage(csu.page)
  await csuScreen.open()
  await expect(csuScreen.inboxHeading).toHaveText(/^\s*Inbox: from .+'s wards \(0\)\s*$/)

  // The ward loses the network and escalates from the action, in one tap (on the actions
  // screen, opened before: these tablets have no service worker to load pages offline).
  const actions = new ActionsPage(ward.page)
  await actions.goto()
  await actions.expectLoaded()
  await ward.context.setOffline(true)
  await expect(ward.sync.chip).toContainText('Offline')
  const wardScreen = new EscalationsPage(ward.page)
  const escalate = wardScreen.escalateDialog
  await buttonAbout(ward.page, 'Escalate', HOIST).click()
  await expect(escalate.dialog).toHaveAccessibleName('Escalate to the CSU')
  await expect(escalate.criteria).toContainText('Escalate what the team cannot solve itself today')
  await expect(escalate.title).toHaveValue(HOIST)
  // Bad input: no reason. Nothing is saved and nothing typed is lost.
  await escalate.category('Equipment or estates').check()
  await escalate.escalateButton.click()
  await expect(escalate.errorSummary).toContainText('Enter why the team cannot solve this itself')
  await expect(escalate.title).toHaveValue(HOIST)
  await expect(escalate.category('Equipment or estates')).toBeChecked()
  await expectAccessible(ward.page)
  await escalate.reason.fill('Estates cannot repair it until Monday and the hire company needs a CSU order number')
  await escalate.escalateButton.click()
  await nameIfAsked(ward.page, 'Priya Natarajan')
  await expect(escalate.dialog).toBeHidden()
  await expect(ward.sync.chip).toContainText('Offline – 1 change waiting to sync')
  await expect(csuScreen.inboxHeading).toHaveText(/\(0\)\s*$/)

  // Back online: the CSU tablet's inbox shows it by itself, within seconds.
  await ward.context.setOffline(false)
  const reconnectedAt = Date.now()
  await expect(csuScreen.card(HOIST)).toBeVisible({ timeout: LIVE_LIMIT_MS })
  const liveMs = Date.now() - reconnectedAt
  console.log(`Escalation live: ward reconnected, CSU inbox showed it after ${liveMs} ms`)
  test.info().annotations.push({ type: 'escalation live ms', description: String(liveMs) })
  const card = csuScreen.card(HOIST)
  await expect(card).toContainText('From Ward 7')
  await expect(card).toContainText('Equipment or estates')
  await expect(card).toContainText('by Priya Natarajan')
  await expect(card).toContainText('Why: Estates cannot repair it until Monday')
  await expect(card.getByTestId('escalation-status')).toContainText(/waiting (less than a minute|\d+ minutes?)/)
  await expectAccessible(csu.page)

  // The CSU accepts it with an owner (required) and answers.
  await csuScreen.move('Accept', HOIST, 'Ward 7').click()
  await csuScreen.moveDialog.button('Accept').click()
  await expect(csuScreen.moveDialog.dialog).toContainText('Enter who owns this')
  await csuScreen.moveDialog.text.fill('Jo Bloggs')
  await csuScreen.moveDialog.button('Accept').click()
  // The first save on this screen asks who is doing it, inside the same dialog.
  await expect(csuScreen.shell.namePicker).toBeVisible()
  await nameIfAsked(csu.page, 'Jo Bloggs')
  await expect(csuScreen.moveDialog.dialog).toBeHidden()
  await csuScreen.makeMove(
    'Answer',
    HOIST,
    'Ward 7',
    'Send answer',
    'Hire hoist arrives at 2pm today; order number MED-4471',
  )
  await expect(csuScreen.moveDialog.dialog).toBeHidden()
  await expect(csuScreen.inboxHeading).toHaveText(/\(0\)\s*$/)
  await expect(csu.page.getByText('Answered, waiting for the ward to confirm (1)')).toBeVisible()

  // The ward's next huddle: the answer is in the "Answers back from CSU" step; closed there.
  const huddle = new HuddlePage(ward.page)
  await huddle.goto()
  await huddle.startButton.click()
  for (let step = 0; step < 8 && (await huddle.currentTitle.innerText()) !== 'Answers back from CSU'; step++)
    await huddle.nextButton.click()
  await expect(huddle.currentTitle).toHaveText('Answers back from CSU')
  const steps = ward.page.getByTestId('huddle-answers')
  const answered = escalationCard(steps, HOIST)
  await expect(answered).toContainText('Hire hoist arrives at 2pm today; order number MED-4471', {
    timeout: SYNC_TIMEOUT,
  })
  await expect(answered).toContainText('Answer from Jo Bloggs')
  await expectAccessible(ward.page)
  await moveButton(steps, 'Confirm closed', HOIST, 'Ward 7').click()
  await wardScreen.moveDialog.button('Confirm closed').click()
  await nameIfAsked(ward.page, 'Priya Natarajan')
  await expect(steps).toContainText('No new answers to our escalations.')
  await expect(csu.page.getByText('Answered, waiting for the ward to confirm (1)')).toBeHidden({
    timeout: LIVE_LIMIT_MS,
  })

  // Bad input on the CSU side: an answer to an escalation the ward withdrew meanwhile.
  await ward.board.goto()
  await wardScreen.open()
  await wardScreen.page.getByRole('button', { name: 'Escalate something' }).click()
  await escalate.title.fill(PORTER)
  await escalate.category('Flow or beds').check()
  await escalate.reason.fill('Patients wait on the ward for transfers overnight')
  await escalate.escalateButton.click()
  await expect(wardScreen.shell.namePicker).toBeVisible()
  await nameIfAsked(ward.page, 'Priya Natarajan')
  await expect(escalate.dialog).toBeHidden()
  await expect(csuScreen.card(PORTER)).toBeVisible({ timeout: LIVE_LIMIT_MS })
  // The ward is offline when the CSU accepts, so it still sees "waiting" and withdraws.
  await ward.context.setOffline(true)
  await expect(ward.sync.chip).toContainText('Offline')
  await csuScreen.makeMove('Accept', PORTER, 'Ward 7', 'Accept', 'Jo Bloggs')
  await expect(csuScreen.moveDialog.dialog).toBeHidden()
  await csuScreen.move('Answer', PORTER, 'Ward 7').click()
  const answer = 'A night porter starts on Monday; until then ring the site team on 4455'
  await csuScreen.moveDialog.text.fill(answer)
  await wardScreen.makeMove('Withdraw', PORTER, 'Ward 7', 'Withdraw')
  await wardScreen.closedAndWithdrawn.click()
  await expect(wardScreen.card(PORTER)).toHaveAttribute('data-status', 'withdrawn')
  await ward.context.setOffline(false)
  await ward.sync.expectSynced()
  // The CSU's tablet hears of the withdrawal while the answer is still on screen.
  await expect(csuScreen.card(PORTER)).toHaveCount(0, { timeout: LIVE_LIMIT_MS })
  await csuScreen.moveDialog.button('Send answer').click()
  await expect(csuScreen.moveDialog.changed).toContainText(
    /^This escalation was withdrawn by Ward 7 at \d\d:\d\d; your answer is kept below/,
  )
  await expect(csuScreen.moveDialog.text).toHaveValue(answer)
  await expectAccessible(csu.page)
  await csuScreen.moveDialog.keepAndCloseButton.click()
  await expect(csuScreen.keptAnswers).toContainText(answer)
  await expect(csuScreen.keptAnswers).toContainText('withdrawn by Ward 7')
  // Nothing was sent: the ward's record stays withdrawn, with no answer.
  await csu.sync.expectSynced()
  await expect(wardScreen.card(PORTER)).toHaveAttribute('data-status', 'withdrawn')
  await expect(wardScreen.card(PORTER).getByTestId('escalation-answer')).toHaveCount(0)
})
