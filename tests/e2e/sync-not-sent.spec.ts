import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { formatHlc } from '../../src/shared/sync/hlc.ts'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { countStore, readStore } from './indexedDb.ts'
import { MainNav } from './pages/MainNav.ts'
import { enrolDevice, pushNewAction } from './syncApi.ts'
import { enrolFromFirstRun, launchTablet, setUpWardBoard, Teardown } from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'

const teardown = new Teardown()
test.afterEach(() => teardown.run())

/** Puts a change straight into the tablet's outbox, as a tablet on a version with a fault might have queued it. */
async function queueChange(page: Page, entry: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (entry) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lim-huddle')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('outbox', 'readwrite')
        tx.objectStore('outbox').add(entry)
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
    } finally {
      db.close()
    }
  }, entry)
}

test('a change the server refuses shows under "Could not be sent" in Settings, can be copied and discarded, and pulls go on', async () => {
  test.setTimeout(240_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward A', 'Ward B'])
  const wardA = org.units['Ward A']!
  const wardB = org.units['Ward B']!

  const tablet = teardown.add(await launchTablet(server.url, 'Ward A nurses station'), (t) => t.close())
  await tablet.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  await enrolFromFirstRun(tablet, await issueCode(server, wardA))
  await setUpWardBoard(tablet, 'Ward A', 'Sam Okafor')
  await tablet.sync.expectSynced()

  // Ward B holds an action; a change on Ward A's tablet naming its id is one the server must refuse.
  const wardBDevice = await enrolDevice(server, await issueCode(server, wardB), 'Ward B office')
  const wardBAction = await pushNewAction(server, wardB, 'Order more gloves', wardBDevice.token)
  expect(wardBAction.status).toBe(200)
  await queueChange(tablet.page, {
    mutationId: randomUUID(),
    table: 'actions',
    recordId: wardBAction.mutation.recordId,
    unitId: wardA,
    op: 'put',
    fields: { title: 'Renamed on Ward A' },
    at: new Date().toISOString(),
    by: 'Sam Okafor',
    hlc: formatHlc({ wallMs: Date.now(), counter: 0, nodeId: 'de2enotsent' }),
  })
  await tablet.sync.syncNow()
  await expect.poll(() => countStore(tablet.page, 'notSent')).toBe(1)
  expect(await countStore(tablet.page, 'outbox')).toBe(0)

  const nav = new MainNav(tablet.page)
  await nav.moreButton.click()
  await nav.moreList.getByRole('link', { name: 'Settings' }).click()
  const card = tablet.page.getByTestId('not-sent-card')
  await expect(card.getByRole('heading', { name: 'Changes that could not be sent' })).toBeVisible()
  await expect(card.getByTestId('not-sent-summary')).toContainText('1 change could not be sent')
  const entries = card.getByTestId('not-sent-entries')
  await expect(entries).toContainText('title "Renamed on Ward A"')
  await expect(entries).toContainText('This change names a record that belongs to another ward, department or board')

  // Copied whole, for IT or to make the change again.
  await card.getByRole('button', { name: 'Copy them all' }).click()
  await expect(card.getByTestId('not-sent-status')).toContainText('Copied.')
  const copied = await tablet.page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain('by Sam Okafor: An action: title "Renamed on Ward A"')
  expect(copied).toContain('(forbidden-record)')
  expect(copied).toContain(wardBAction.mutation.recordId)

  // Pulls go on: an action another Ward A tablet sends arrives here.
  const wardADevice = await enrolDevice(server, await issueCode(server, wardA), 'Ward A office')
  expect((await pushNewAction(server, wardA, 'Check the fire doors', wardADevice.token)).status).toBe(200)
  await tablet.sync.syncNow()
  await expect
    .poll(async () => (await readStore<{ title: string }>(tablet.page, 'actions')).map((a) => a.title))
    .toContain('Check the fire doors')
  // Ward B's action was not touched and never came to this tablet.
  expect((await readStore<{ id: string }>(tablet.page, 'actions')).map((a) => a.id)).not.toContain(
    wardBAction.mutation.recordId,
  )

  // Discarded: the list is empty and stays so after the next round.
  await card.getByRole('button', { name: 'Discard this change' }).click()
  await expect(card.getByTestId('not-sent-empty')).toHaveText('Every change made here could be sent.')
  expect(await countStore(tablet.page, 'notSent')).toBe(0)
  await tablet.sync.syncNow()
  await tablet.sync.expectSynced()
  await expect(card.getByTestId('not-sent-empty')).toBeVisible()
})
