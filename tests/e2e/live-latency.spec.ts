import { expect, test, type Page } from '@playwright/test'
import { createOrganisation, issueCode } from './adminSetup.ts'
import {
  enrolFromFirstRun,
  FALLS,
  launchTablet,
  openEnrolledBoard,
  setUpWardBoard,
  SYNC_TIMEOUT,
  Teardown,
} from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'

// How long a change made on one ward tablet takes to show on another: 20 values recorded on tablet A, each
// timed from the tap on Save there (in A's page) to the moment B's tile shows it (a MutationObserver in B's
// page), both on this machine's clock. The goal is 1 s at the 95th percentile on a quiet machine (about 100 ms
// is what the live path aims for); this test allows 3 s, since the machine running it may be busy, and prints
// what it measured.
const CHANGES = 20
const P95_LIMIT_MS = 3_000

/** Notes when B's Falls tile first shows each value, from the page itself (no polling from the test). Only that
 * tile's value says "falls". */
async function noteFallsShown(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, number> = {}
    Object.assign(window, { __fallsShown: seen })
    const look = () => {
      for (const value of document.querySelectorAll('[data-testid="tile-value"]')) {
        const text = value.textContent?.trim() ?? ''
        if (/^\d+ falls$/.test(text) && !(text in seen)) seen[text] = Date.now()
      }
    }
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true })
    look()
  })
}

const teardown = new Teardown()
test.afterEach(() => teardown.run())

test(`a change on one tablet shows on another: p95 of ${CHANGES} changes within ${P95_LIMIT_MS} ms`, async () => {
  test.setTimeout(300_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward A'])
  const wardA = org.units['Ward A']!
  const [codeA, codeB] = [await issueCode(server, wardA), await issueCode(server, wardA)]

  const a = teardown.add(await launchTablet(server.url, 'Ward A nurses station'), (tablet) => tablet.close())
  await enrolFromFirstRun(a, codeA)
  await setUpWardBoard(a, 'Ward A', 'Sam Okafor')
  await a.sync.expectSynced()
  const b = teardown.add(await launchTablet(server.url, 'Ward A huddle screen'), (tablet) => tablet.close())
  await enrolFromFirstRun(b, codeB)
  await openEnrolledBoard(b, 'Ward A')
  await b.sync.expectSynced()

  // One value first, not timed: the first save on a screen asks who is doing it.
  let keypad = await a.board.openKeypad(FALLS)
  await keypad.tap('10')
  await keypad.saveButton.click()
  await a.board.shell.pickName('Sam Okafor')
  await expect(keypad.dialog).toBeHidden()
  await expect(b.board.tileValue(FALLS)).toHaveText('10 falls', { timeout: SYNC_TIMEOUT })

  await noteFallsShown(b.page)
  const latencies: number[] = []
  for (let i = 1; i <= CHANGES; i++) {
    const value = String(10 + i)
    keypad = await a.board.openKeypad(FALLS)
    await keypad.tap(value)
    // The tap's time, taken in A's page as the button is pressed (capture phase: before the app handles it).
    await keypad.saveButton.evaluate((button) =>
      button.addEventListener('click', () => Object.assign(window, { __savedAt: Date.now() }), {
        capture: true,
        once: true,
      }),
    )
    await keypad.saveButton.click()
    await expect(keypad.dialog).toBeHidden()
    await expect(b.board.tileValue(FALLS)).toHaveText(`${value} falls`, { timeout: SYNC_TIMEOUT })
    const savedAt = await a.page.evaluate(() => (window as unknown as { __savedAt: number }).__savedAt)
    const shownAt = await b.page.evaluate(
      (text) => (window as unknown as { __fallsShown: Record<string, number> }).__fallsShown[text],
      `${value} falls`,
    )
    if (typeof savedAt !== 'number' || typeof shownAt !== 'number') throw new Error(`Change ${i} was not timed`)
    latencies.push(shownAt - savedAt)
  }

  const sorted = [...latencies].sort((x, y) => x - y)
  const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1]!
  const median = sorted[Math.floor(sorted.length / 2)]!
  console.log(
    `Live latency, tablet A's Save to tablet B's tile, ${CHANGES} changes: p95 ${p95} ms, median ${median} ms, ` +
      `min ${sorted[0]} ms, max ${sorted.at(-1)} ms (goal 1000 ms p95; this test allows ${P95_LIMIT_MS} ms). ` +
      `All: ${latencies.join(', ')}`,
  )
  test.info().annotations.push({ type: 'live latency p95 ms', description: String(p95) })
  expect(p95).toBeLessThanOrEqual(P95_LIMIT_MS)
})
