import { expect, test } from '@playwright/test'
import { expectNoA11yViolations } from './a11y.ts'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { IdeaLinkPage } from './pages/IdeaLinkPage.ts'
import { IdeasPage } from './pages/IdeasPage.ts'
import {
  enrolFromFirstRun,
  launchTablet,
  setUpWardBoard,
  SYNC_TIMEOUT,
  Teardown,
  type WardMeasure,
} from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'

// Ideas from any phone: the ward tablet makes an idea link; a phone that was never
// enrolled opens it, sends an idea in at most four taps plus typing, and the idea
// arrives on the ward tablet. Once the admin switches the link off, it takes nothing.
const teardown = new Teardown()
test.afterEach(() => teardown.run())

const PROBLEM = 'Gloves run out on nights'
const IDEA = 'A second glove rack by bay 3'
const NO_MEASURES: readonly WardMeasure[] = []

test('an idea from the QR link on a 390×844 phone in at most 4 taps plus typing arrives on the ward tablet', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward 7'])
  const tablet = teardown.add(await launchTablet(server.url, 'Ward 7 nurses station'), (t) => t.close())
  tablet.page.setDefaultTimeout(SYNC_TIMEOUT * 2)
  await enrolFromFirstRun(tablet, await issueCode(server, org.units['Ward 7']!))
  await setUpWardBoard(tablet, 'Ward 7', 'Sam Okafor', NO_MEASURES)

  // The ward makes its link (Settings → Ideas from any phone).
  await tablet.page.goto('/settings')
  await tablet.page.getByRole('button', { name: 'Make an idea link' }).click()
  const url = await tablet.page.getByTestId('idea-link-url').textContent()
  expect(url).toMatch(/\/idea\/[A-Za-z0-9_-]{20,}$/)
  await expect(tablet.page.getByRole('img', { name: /^QR code for / })).toBeVisible()
  const path = new URL(url!).pathname

  // A phone nobody enrolled.
  const phoneContext = teardown.add(
    await browser.newContext({
      baseURL: server.url,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      serviceWorkers: 'block',
    }),
    (context) => context.close(),
  )
  const phone = await phoneContext.newPage()
  await phone.goto(path)
  const form = new IdeaLinkPage(phone)
  await expect(form.heading).toHaveText('Send an idea to Ward 7')
  expect(await form.sendOnScreen(), 'Send is on screen without scrolling').toBe(true)
  await expectNoA11yViolations(phone)
  await form.tapAndType(form.problem, PROBLEM)
  await form.tapAndType(form.idea, IDEA)
  await form.tapSend()
  await expect(form.sent).toContainText('Idea sent to Ward 7')
  expect(form.taps).toBeLessThanOrEqual(4)
  // It arrives on the ward tablet, as a new idea.
  const ideas = new IdeasPage(tablet.page)
  await ideas.shell.openScreen('Ideas')
  await expect(ideas.card(PROBLEM, ideas.column('new'))).toBeVisible({ timeout: SYNC_TIMEOUT })

  // The improvement office switches the link off: the phone is told, and nothing is taken.
  const list = (await (
    await fetch(`${server.url}/api/admin/idea-links`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  ).json()) as { id: string; ideasReceived: number }[]
  expect(list).toHaveLength(1)
  expect(list[0]!.ideasReceived).toBe(1)
  const revoked = await fetch(`${server.url}/api/admin/idea-links/${list[0]!.id}/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}` },
  })
  expect(revoked.status).toBe(200)
  await phone.reload()
  await expect(phone.getByRole('heading', { name: 'This idea link does not work' })).toBeVisible()
})

test('the phone form refuses patient details before sending, with an error summary and an "Error:" title', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward 9'])
  const tablet = teardown.add(await launchTablet(server.url, 'Ward 9 tablet'), (t) => t.close())
  tablet.page.setDefaultTimeout(SYNC_TIMEOUT * 2)
  await enrolFromFirstRun(tablet, await issueCode(server, org.units['Ward 9']!))
  await setUpWardBoard(tablet, 'Ward 9', 'Sam Okafor', NO_MEASURES)
  await tablet.page.goto('/settings')
  await tablet.page.getByRole('button', { name: 'Make an idea link' }).click()
  const path = new URL((await tablet.page.getByTestId('idea-link-url').textContent())!).pathname

  const phoneContext = teardown.add(
    await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, hasTouch: true }),
    (context) => context.close(),
  )
  const phone = await phoneContext.newPage()
  await phone.goto(path)
  const form = new IdeaLinkPage(phone)
  await form.problem.fill('Mrs Jones fell again in bay 2')
  await form.idea.fill('Sensor mat')
  await form.sendButton.click()
  await expect(form.errorSummary).toContainText('no patient details')
  await expect(phone).toHaveTitle(/^Error: /)
  await expect(form.problem).toHaveValue('Mrs Jones fell again in bay 2')
  await expect(form.sent).toHaveCount(0)
})
