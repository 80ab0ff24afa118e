import { expect, test } from '@playwright/test'
import { libraryScopeId } from '../../src/shared/sync/scopes.ts'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { pull, pushNewAction } from './syncApi.ts'
import {
  enrolFromFirstRun,
  launchTablet,
  readAllStores,
  setUpWardBoard,
  storedEnrolment,
  SYNC_TIMEOUT,
  Teardown,
} from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'

const CSU_BOARD = 'Medicine CSU board'
const CSU_ACTION = 'Agree the winter escalation beds with Ward A'

const teardown = new Teardown()
test.afterEach(() => teardown.run())

test("a CSU tablet sets up the CSU board and sees a ward's board; a ward tablet never sees the CSU board", async () => {
  test.setTimeout(240_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward A'])
  const wardA = org.units['Ward A']!

  const ward = teardown.add(await launchTablet(server.url, 'Ward A nurses station'), (tablet) => tablet.close())
  await enrolFromFirstRun(ward, await issueCode(server, wardA))
  await setUpWardBoard(ward, 'Ward A', 'Sam Okafor')
  await ward.sync.expectSynced()

  // The CSU tri-team's tablet, enrolled for the whole CSU, is offered its own board.
  const csu = teardown.add(await launchTablet(server.url, 'Medicine CSU office'), (tablet) => tablet.close())
  await enrolFromFirstRun(csu, await issueCode(server, org.csuId, 'csu'))
  await expect(csu.enrol.summary).toContainText('Every ward and department in Medicine CSU')
  await csu.page.getByRole('button', { name: `Set up the ${CSU_BOARD}`, exact: true }).click({ timeout: SYNC_TIMEOUT })
  await csu.board.shell.typeName('Lee Harper')
  await csu.page.waitForURL('**/board')
  await expect(csu.board.heading).toHaveText(CSU_BOARD)
  await expect(csu.page.locator('.app-header__unit')).toHaveText('Medicine CSU')

  // Like any board: an action on it is synced in the CSU's own scope.
  const form = await csu.board.openAddAction()
  await form.title.fill(CSU_ACTION)
  await form.ownerName.fill('Lee Harper')
  await form.saveButton.click()
  // The board is a new screen: its first save asks who is doing it.
  await csu.board.shell.pickName('Lee Harper')
  await expect(form.dialog).toBeHidden()
  await csu.sync.expectSynced()
  const csuToken = (await storedEnrolment(csu.page)).token
  const csuRecords = await pull(server, org.csuId, csuToken)
  expect(csuRecords.status).toBe(200)
  expect(csuRecords.records.map((r) => r.fields.name ?? r.fields.title)).toEqual(
    expect.arrayContaining([CSU_BOARD, CSU_ACTION]),
  )

  // It switches to Ward A's board, with Ward A's measures, from the header.
  const switcher = csu.page.getByLabel('Board shown on this tablet')
  await expect(switcher.locator('option')).toHaveText([CSU_BOARD, 'Ward A – Daily huddle board'])
  await switcher.selectOption({ label: 'Ward A – Daily huddle board' })
  await expect(csu.board.heading).toHaveText('Ward A')
  await csu.board.expectTiles(3)
  await switcher.selectOption({ label: CSU_BOARD })
  await expect(csu.board.heading).toHaveText(CSU_BOARD)

  // The ward tablet syncs again and holds nothing of the CSU board; its token cannot read
  // or write the CSU's scope, and it reads the trust library but may not change it.
  await ward.sync.syncNow()
  await ward.sync.expectSynced()
  const wardStored = JSON.stringify(await readAllStores(ward.page))
  for (const secret of [CSU_BOARD, CSU_ACTION, 'Lee Harper']) expect(wardStored).not.toContain(secret)
  await expect(ward.page.getByLabel('Board shown on this tablet')).toHaveCount(0)
  const wardToken = (await storedEnrolment(ward.page)).token
  expect((await pull(server, org.csuId, wardToken)).status).toBe(403)
  expect((await pushNewAction(server, org.csuId, 'Slipped in from Ward A', wardToken)).status).toBe(403)
  expect((await pull(server, libraryScopeId(org.trustId), wardToken)).status).toBe(200)
  expect((await pushNewAction(server, libraryScopeId(org.trustId), 'Not the office', wardToken)).status).toBe(403)
})
