import { expect, test, type Page } from '@playwright/test'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { AppShell } from './pages/AppShell.ts'
import { ChecklistEditorPage, ChecklistRunPage, StandardWorkPage } from './pages/StandardWorkPage.ts'
import {
  enrolFromFirstRun,
  launchTablet,
  openEnrolledBoard,
  setUpWardBoard,
  SYNC_TIMEOUT,
  Teardown,
} from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'
import { avoidMondayNightShift } from './weekClock.ts'

// Standard work with the real sync server: a checklist written on one Ward 7 tablet reaches the
// other; the first tablet does it offline with a miss turned into an action; once it is
// back online the other tablet shows the run in adherence, the missed step with its
// reason, and the action on its board.
const TITLE = 'Bay safety check'
const REASON = 'Fire door wedged open by a linen trolley'

const teardown = new Teardown()
test.afterEach(() => teardown.run())

/** "Who is doing this?" is asked only when no name is remembered on the tablet. */
async function nameIfAsked(page: Page, person: string): Promise<void> {
  await new AppShell(page).nameIfAsked(person)
}

test('a checklist done offline on one ward tablet shows in adherence and on the board of the other after it reconnects', async () => {
  test.setTimeout(240_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward 7'])
  const ward7 = org.units['Ward 7']!

  const first = teardown.add(await launchTablet(server.url, 'Ward 7 nurses station'), (tablet) => tablet.close())
  await avoidMondayNightShift(first.context)
  first.page.setDefaultTimeout(SYNC_TIMEOUT * 2)
  await enrolFromFirstRun(first, await issueCode(server, ward7))
  await setUpWardBoard(first, 'Ward 7', 'Sam Okafor')

  // Write the checklist online.
  const work = new StandardWorkPage(first.page)
  await work.openFromHeader()
  await work.newChecklistButton.click()
  const editor = new ChecklistEditorPage(first.page)
  await editor.title.fill(TITLE)
  await editor.forRole.fill('Nurse in charge')
  await editor.frequency('Every shift').check()
  await editor.stepText(1).fill('Fire exits clear')
  await editor.addStepButton.click()
  await editor.stepText(2).fill('Call bells within reach')
  await editor.saveButton.click()
  await nameIfAsked(first.page, 'Sam Okafor')
  await expect(first.page.getByText(`Checklist “${TITLE}” saved.`)).toBeVisible()
  await first.sync.expectSynced()

  // The second tablet enrols and gets the board and the checklist.
  const second = teardown.add(await launchTablet(server.url, 'Ward 7 huddle screen'), (tablet) => tablet.close())
  await avoidMondayNightShift(second.context)
  second.page.setDefaultTimeout(SYNC_TIMEOUT * 2)
  await enrolFromFirstRun(second, await issueCode(server, ward7))
  await openEnrolledBoard(second, 'Ward 7')
  const otherWork = new StandardWorkPage(second.page)
  await otherWork.openFromHeader()
  await expect(otherWork.openButton(TITLE)).toBeVisible({ timeout: SYNC_TIMEOUT })

  // The first tablet starts the checklist, loses the network, and finishes it offline.
  await work.openButton(TITLE).click()
  await expect(work.shell.namePicker).toBeVisible()
  await nameIfAsked(first.page, 'Sam Okafor')
  const run = new ChecklistRunPage(first.page)
  await expect(run.progress).toHaveText('0 of 2 steps answered')
  await first.context.setOffline(true)
  await expect(first.sync.chip).toContainText('Offline')
  await run.answer(1, 'Not done')
  await run.reason(1).fill(REASON)
  await run.saveReasonButton(1).click()
  await run.answer(2, 'Done')
  await run.step(1).getByRole('button', { name: 'Make it an action' }).click()
  await expect(run.step(1)).toContainText('Action on the board')
  await run.completeButton.click()
  await nameIfAsked(first.page, 'Sam Okafor')
  await expect(run.completed).toContainText('Completed by Sam Okafor')
  await expect(first.sync.chip).toContainText(/changes? waiting to sync/)

  // Back online: everything reaches the other tablet.
  await first.context.setOffline(false)
  await first.sync.expectSynced()
  await second.page.goto('/board/standard-work')
  await expect(otherWork.adherenceUnit).toContainText('1 of 1', { timeout: SYNC_TIMEOUT })
  await expect(otherWork.adherenceUnit).toContainText('100% on time')
  await expect(otherWork.mostMissed).toContainText('Fire exits clear')
  await expect(otherWork.mostMissed).toContainText(REASON)
  await second.page.goto('/board')
  await expect(second.board.actionRows.filter({ hasText: REASON })).toHaveCount(1)
})
