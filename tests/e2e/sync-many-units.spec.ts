import { expect, test, type Page } from '@playwright/test'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { enrolDevice, pushNewAction } from './syncApi.ts'
import { enrolFromFirstRun, launchTablet, readAllStores, SYNC_TIMEOUT, Teardown, type Tablet } from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'

const WARDS = Array.from({ length: 9 }, (_, i) => `Ward ${i + 1}`)
/** A poke reaches a tablet within about 2 s; this allows for a loaded machine but stays far below
 * the one-minute periodic round, so only the live stream can deliver the change in time. */
const LIVE_UPDATE_TIMEOUT = 20_000

const teardown = new Teardown()
test.afterEach(() => teardown.run())

/** Every live-update stream the page opens, and how many are open at once. */
function watchEventStreams(page: Page) {
  const seen: URL[] = []
  let open = 0
  let mostOpen = 0
  page.on('request', (request) => {
    if (!request.url().includes('/api/sync/events')) return
    seen.push(new URL(request.url()))
    mostOpen = Math.max(mostOpen, ++open)
    let closed = false
    const done = () => {
      if (!closed) open -= 1
      closed = true
    }
    page.context().on('requestfinished', (finished) => finished === request && done())
    page.context().on('requestfailed', (failed) => failed === request && done())
  })
  return { seen, mostOpen: () => mostOpen }
}

async function actionTitles(tablet: Tablet): Promise<string[]> {
  const stores = await readAllStores(tablet.page)
  return (stores.actions ?? []).map((row) => String((row as { title?: unknown }).title))
}

test('a CSU tablet and a trust tablet with nine wards hold one live stream, stay online and see any ward change live', async () => {
  test.setTimeout(300_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, WARDS)

  const csu = teardown.add(await launchTablet(server.url, 'Medicine CSU office'), (tablet) => tablet.close())
  const trust = teardown.add(await launchTablet(server.url, 'Improvement office'), (tablet) => tablet.close())
  const csuStreams = watchEventStreams(csu.page)
  const trustStreams = watchEventStreams(trust.page)
  await enrolFromFirstRun(csu, await issueCode(server, org.csuId, 'csu'))
  await enrolFromFirstRun(trust, await issueCode(server, org.trustId, 'trust'))
  await csu.sync.expectSynced()
  await trust.sync.expectSynced()

  // Each ward's own tablet (over the API) adds an action; both office tablets show it without
  // anyone tapping Sync now, and stay online the whole time.
  for (const ward of [WARDS[0]!, WARDS[4]!, WARDS[8]!]) {
    const { token } = await enrolDevice(server, await issueCode(server, org.units[ward]!), `${ward} station`)
    const title = `Check the resus trolley on ${ward}`
    expect((await pushNewAction(server, org.units[ward]!, title, token)).status).toBe(200)
    for (const tablet of [csu, trust]) {
      await expect.poll(() => actionTitles(tablet), { timeout: LIVE_UPDATE_TIMEOUT }).toContain(title)
      await expect(tablet.sync.chip).toHaveText(/^Online/)
    }
  }

  // One stream each, naming every ward: no extra connection per ward.
  for (const [tablet, streams, extraScopes] of [
    [csu, csuStreams, 2],
    [trust, trustStreams, 3],
  ] as const) {
    expect(streams.mostOpen(), `${tablet.name}: streams open at once`).toBe(1)
    const scopes = streams.seen.at(-1)!.searchParams.getAll('scope')
    expect(scopes).toEqual(expect.arrayContaining(Object.values(org.units)))
    expect(scopes).toHaveLength(WARDS.length + extraScopes)
  }

  // Still online long after the first sync (with a stream per scope, requests queued and timed out).
  await csu.page.waitForTimeout(35_000)
  for (const tablet of [csu, trust]) {
    await tablet.sync.syncNow()
    await tablet.sync.expectSynced(SYNC_TIMEOUT)
  }
})
