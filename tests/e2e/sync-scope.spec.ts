import { expect, test } from '@playwright/test'
import { createOrganisation, issueCode, listDevices, listRefusals, revokeDevice } from './adminSetup.ts'
import { readStore } from './indexedDb.ts'
import { enrolDevice, openEvents, pull, pushNewAction } from './syncApi.ts'
import {
  enrolFromFirstRun,
  launchTablet,
  readAllStores,
  SAFETY_BRIEF,
  setUpWardBoard,
  storedEnrolment,
  Teardown,
} from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'

const WARD_B_MEASURE = 'Discharges before noon'
const WARD_B_ACTION = 'Fix the sluice room door'

const teardown = new Teardown()
test.afterEach(() => teardown.run())

test('a tablet enrolled for Ward A cannot read or change Ward B, and a removed tablet says so and keeps its change', async () => {
  test.setTimeout(240_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward A', 'Ward B'])
  const wardA = org.units['Ward A']!
  const wardB = org.units['Ward B']!

  const wardATablet = teardown.add(await launchTablet(server.url, 'Ward A nurses station'), (tablet) => tablet.close())
  await enrolFromFirstRun(wardATablet, await issueCode(server, wardA))
  await setUpWardBoard(wardATablet, 'Ward A', 'Sam Okafor')
  await wardATablet.sync.expectSynced()

  // Ward B's own tablet gives Ward B a board, a value and an action.
  const wardBTablet = teardown.add(await launchTablet(server.url, 'Ward B nurses station'), (tablet) => tablet.close())
  await enrolFromFirstRun(wardBTablet, await issueCode(server, wardB))
  await setUpWardBoard(wardBTablet, 'Ward B', 'Grace Mensah', [
    { name: WARD_B_MEASURE, type: 'Count', unit: 'patients' },
  ])
  const keypad = await wardBTablet.board.openKeypad(WARD_B_MEASURE)
  await keypad.tap('4')
  await keypad.saveButton.click()
  // The board is a new screen: its first save asks who is doing it, inside the keypad's dialog.
  await wardBTablet.board.shell.pickName('Grace Mensah')
  await expect(keypad.dialog).toBeHidden()
  const form = await wardBTablet.board.openAddAction()
  await form.title.fill(WARD_B_ACTION)
  await form.ownerName.fill('Grace Mensah')
  await form.saveButton.click()
  await expect(form.dialog).toBeHidden()
  await wardBTablet.sync.expectSynced()

  // Over HTTP with Ward A's own token: Ward A yes, Ward B no.
  const tokenA = (await storedEnrolment(wardATablet.page)).token
  const tokenB = (await storedEnrolment(wardBTablet.page)).token
  expect((await pull(server, wardA, tokenA)).status).toBe(200)
  const wardBRecords = (await pull(server, wardB, tokenB)).records
  expect(wardBRecords.map((r) => r.fields.name ?? r.fields.title)).toEqual(
    expect.arrayContaining([WARD_B_MEASURE, WARD_B_ACTION]),
  )

  const refusedPull = await pull(server, wardB, tokenA)
  expect(refusedPull.status).toBe(403)
  expect(refusedPull.body?.error).toBe('forbidden-scope')
  expect(refusedPull.records).toEqual([])
  const refusedPush = await pushNewAction(server, wardB, 'Slipped in from Ward A', tokenA)
  expect(refusedPush.status).toBe(403)
  expect(refusedPush.body?.error).toBe('forbidden-scope')
  const refusedEvents = await openEvents(server, wardB, tokenA)
  expect(refusedEvents.status).toBe(403)
  expect(refusedEvents.body?.error).toBe('forbidden-scope')

  // Without a token nothing at all.
  for (const reply of [
    await pull(server, wardB),
    await pushNewAction(server, wardB, 'Slipped in without a token'),
    await openEvents(server, wardB),
  ]) {
    expect(reply.status).toBe(401)
    expect(reply.body?.error).toBe('unauthorised')
  }

  // Nothing was written to Ward B, and every refusal was logged against Ward A's tablet.
  const wardBAfter = (await pull(server, wardB, tokenB)).records
  expect(wardBAfter.map((r) => r.id).sort()).toEqual(wardBRecords.map((r) => r.id).sort())
  const { deviceId: wardADevice } = await storedEnrolment(wardATablet.page)
  const refusals = await listRefusals(server)
  const byWardA = refusals.filter((r) => r.deviceId === wardADevice && r.reason.startsWith('forbidden-scope'))
  expect(byWardA.map((r) => r.method).sort()).toEqual(['GET', 'GET', 'POST'])

  // In the browser: after a full sync, Ward A's IndexedDB holds nothing of Ward B.
  await wardATablet.sync.syncNow()
  await wardATablet.sync.expectSynced()
  const stored = JSON.stringify(await readAllStores(wardATablet.page))
  expect(stored).toContain(wardA)
  for (const secret of [wardB, 'Ward B', WARD_B_MEASURE, WARD_B_ACTION, 'Grace Mensah'])
    expect(stored).not.toContain(secret)

  // Ward A's tablet is removed on the admin API; a change made afterwards stays on it.
  const device = (await listDevices(server)).find((d) => d.name === wardATablet.name)
  expect(device?.id).toBe(wardADevice)
  await revokeDevice(server, wardADevice)
  await wardATablet.board.answer(SAFETY_BRIEF, 'Yes').click()
  await wardATablet.board.shell.pickName('Sam Okafor')
  await expect(wardATablet.board.tile(SAFETY_BRIEF)).toHaveAttribute('data-status', 'green')

  const { sync } = wardATablet
  await expect(sync.chip).toContainText('Not syncing – tablet removed')
  await expect(sync.announcement).toHaveText(
    'This tablet was removed from Ward A. Its changes are kept on it and will be sent once it is enrolled again. Ask your manager to re-enrol it.',
  )
  await sync.openDetails()
  await expect(sync.problem).toContainText(
    'This tablet was removed from Ward A. Its changes are kept on it and will be sent once it is enrolled again. Ask your manager to re-enrol it.',
  )
  await expect(sync.pendingChanges).toHaveText('1 change waiting to sync')
  await sync.closeDetails()

  const outbox = await readStore<{ table: string; unitId: string; fields: Record<string, unknown> }>(
    wardATablet.page,
    'outbox',
  )
  expect(outbox).toHaveLength(1)
  expect(outbox[0]).toMatchObject({ table: 'entries', unitId: wardA, fields: expect.objectContaining({ value: true }) })
  // It was never sent: the removed token is refused, and another Ward A device sees no value.
  const removed = await pull(server, wardA, tokenA)
  expect(removed.status).toBe(403)
  expect(removed.body?.error).toBe('device-revoked')
  const { token: checker } = await enrolDevice(server, await issueCode(server, wardA), 'Ward A check')
  const wardARecords = await pull(server, wardA, checker)
  expect(wardARecords.status).toBe(200)
  expect(wardARecords.records.filter((r) => r.table === 'entries')).toEqual([])
})
