import { expect, test } from '@playwright/test'
import { createOrganisation, issueCode } from './adminSetup.ts'
import type { BoardPage } from './pages/BoardPage.ts'
import {
  enrolFromFirstRun,
  FALLS,
  HARM_FREE,
  launchTablet,
  openEnrolledBoard,
  SAFETY_BRIEF,
  setUpWardBoard,
  SYNC_TIMEOUT,
  WARD_MEASURES,
  Teardown,
  type Tablet,
} from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'

// The target is 2 s from saving on one tablet to showing on another (while the huddle is
// still looking); CI machines
// are busy, so the test allows 5 s and logs what it measured.
const LIVE_LIMIT_MS = 5_000

/** What one tablet's board shows: each tile's status and value, and the open actions. */
async function boardState(board: BoardPage): Promise<{ tiles: string[]; actions: string[] }> {
  const tiles: string[] = []
  for (const { name } of WARD_MEASURES) {
    tiles.push(
      `${name}: ${await board.tile(name).getAttribute('data-status')} ${(await board.tileValue(name).innerText()).trim()}`,
    )
  }
  const actions = (await board.actionRows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()).sort()
  return { tiles, actions }
}

/** Notes when each tablet's sync requests finish, relative to `start()`, so the log shows
 * where the live-sync time went (push, the other tablet's pull). */
function traceSyncRequests(tablets: Record<string, Tablet>) {
  let since = 0
  const events: string[] = []
  for (const [who, tablet] of Object.entries(tablets)) {
    tablet.context.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname
      if (since && path.startsWith('/api/') && !path.endsWith('/events'))
        events.push(`${who} ${request.method()} ${path} +${Date.now() - since} ms`)
    })
  }
  return {
    start() {
      since = Date.now()
      events.length = 0
    },
    stop(): string {
      since = 0
      return events.join('; ')
    },
  }
}

const teardown = new Teardown()
test.afterEach(() => teardown.run())

test('two tablets on Ward A share one board: live while online, and after one was offline', async () => {
  test.setTimeout(240_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward A'])
  const wardA = org.units['Ward A']!
  const [code1, code2] = [await issueCode(server, wardA), await issueCode(server, wardA)]

  // The first tablet enrols, finds Ward A has no board yet, and sets one up.
  const first = teardown.add(await launchTablet(server.url, 'Ward A nurses station'), (tablet) => tablet.close())
  await enrolFromFirstRun(first, code1)
  await setUpWardBoard(first, 'Ward A', 'Sam Okafor')
  await first.sync.expectSynced()

  // The second tablet enrols and gets that board with its first sync.
  const second = teardown.add(await launchTablet(server.url, 'Ward A huddle screen'), (tablet) => tablet.close())
  await enrolFromFirstRun(second, code2)
  await openEnrolledBoard(second, 'Ward A')
  await second.sync.expectSynced()
  await expect(second.board.tile(SAFETY_BRIEF)).toHaveAttribute('data-status', 'missing')

  // Live: a value recorded on one tablet shows on the other without a reload.
  const trace = traceSyncRequests({ first, second })
  await first.board.answer(SAFETY_BRIEF, 'Yes').click()
  await first.board.shell.pickName('Sam Okafor')
  const savedAt = Date.now()
  trace.start()
  await expect(first.board.tile(SAFETY_BRIEF)).toHaveAttribute('data-status', 'green')
  await expect(second.board.tile(SAFETY_BRIEF)).toHaveAttribute('data-status', 'green', { timeout: LIVE_LIMIT_MS })
  const liveMs = Date.now() - savedAt
  console.log(
    `Live sync: recorded on one tablet, shown on the other after ${liveMs} ms (target 2000 ms): ${trace.stop()}`,
  )
  test.info().annotations.push({ type: 'live sync ms', description: String(liveMs) })
  await expect(second.board.tileValue(SAFETY_BRIEF)).toHaveText(await first.board.tileValue(SAFETY_BRIEF).innerText())

  // Offline: the second tablet loses the network; both carry on recording.
  await second.context.setOffline(true)
  await expect(second.sync.chip).toContainText('Offline')

  const keypad = await first.board.openKeypad(FALLS)
  await keypad.tap('2')
  await keypad.saveButton.click()
  await expect(keypad.dialog).toBeHidden()
  await expect(first.board.tileValue(FALLS)).toHaveText('2 falls')
  let form = await first.board.openAddAction()
  await form.title.fill('Re-stock pressure-relief cushions')
  await form.ownerName.fill('Sam Okafor')
  await form.saveButton.click()
  await expect(form.dialog).toBeHidden()
  await first.sync.expectSynced()

  await second.board.answer(HARM_FREE, 'Amber').click()
  await second.board.shell.typeName('Priya Natarajan')
  await expect(second.board.tile(HARM_FREE)).toHaveAttribute('data-status', 'amber')
  form = await second.board.openAddAction()
  await form.title.fill('Chase the bed-rail audit')
  await form.ownerName.fill('Priya Natarajan')
  await form.saveButton.click()
  await expect(form.dialog).toBeHidden()
  await expect(second.sync.chip).toContainText('Offline – 2 changes waiting to sync')
  // Nothing from the first tablet arrived meanwhile.
  await expect(second.board.tile(FALLS)).toHaveAttribute('data-status', 'missing')
  await expect(second.board.actionRow('Re-stock pressure-relief cushions')).toHaveCount(0)

  // Back online: the second tablet sends its changes and pulls the first one's;
  // the first hears of the second's changes by itself.
  await second.context.setOffline(false)
  await expect(second.board.tileValue(FALLS)).toHaveText('2 falls', { timeout: SYNC_TIMEOUT })
  await expect(second.board.actionRow('Re-stock pressure-relief cushions')).toContainText('Sam Okafor')
  await expect(first.board.tile(HARM_FREE)).toHaveAttribute('data-status', 'amber', { timeout: SYNC_TIMEOUT })
  await expect(first.board.actionRow('Chase the bed-rail audit')).toContainText('Priya Natarajan', {
    timeout: SYNC_TIMEOUT,
  })
  await second.sync.expectSynced()
  await first.sync.expectSynced()

  // The same board on both.
  const shownFirst = await boardState(first.board)
  expect(shownFirst.tiles).toEqual([
    `${SAFETY_BRIEF}: green Yes`,
    expect.stringMatching(new RegExp(`^${FALLS}: \\S+ 2 falls$`)),
    expect.stringMatching(new RegExp(`^${HARM_FREE}: amber `)),
  ])
  expect(shownFirst.actions).toHaveLength(2)
  expect(await boardState(second.board)).toEqual(shownFirst)
})
