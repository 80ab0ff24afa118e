// `npm run bench:board`: how fast /board renders a year of data, and how much
// JavaScript it needs. Prints figures; it is not a test and does not fail on them.
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { buildApp } from '../server/app.ts'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.ts'
import { putRows } from '../tests/e2e/indexedDb.ts'
import { DAYS, MEASURE_COUNT, buildBenchBoard, type BenchBoard } from './boardData.ts'

const RUNS = 5
const TILE = '[data-testid="measure-tile"]'
const distDir = fileURLToPath(new URL('../dist', import.meta.url))

/** Writes the board straight into the app's IndexedDB (schema from src/db/db.ts). */
async function seed(page: Page, data: BenchBoard): Promise<void> {
  await putRows(page, [
    ['trusts', [data.trust]],
    ['csus', [data.csu]],
    ['units', [data.unit]],
    ['boards', [data.board]],
    ['measures', data.measures],
    ['entries', data.entries],
    ['meta', [{ key: 'currentBoardId', value: data.board.id }]],
  ])
}

/** Records, from inside the page, the moment the last tile is added to the DOM. */
async function watchForTiles(page: Page): Promise<void> {
  await page.addInitScript(
    ({ selector, count }) => {
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll(selector).length >= count) {
          ;(window as unknown as { __tilesAt: number }).__tilesAt = performance.now()
          observer.disconnect()
        }
      })
      observer.observe(document, { childList: true, subtree: true })
    },
    { selector: TILE, count: MEASURE_COUNT },
  )
}

/** Navigation start → the 20th tile exists, in ms. */
async function timeBoard(context: BrowserContext, origin: string): Promise<number> {
  const page = await context.newPage()
  await watchForTiles(page)
  await page.goto(`${origin}/board`)
  const handle = await page.waitForFunction(() => (window as unknown as { __tilesAt?: number }).__tilesAt, undefined, {
    timeout: 30_000,
  })
  const ms = (await handle.jsonValue()) as number
  await page.close()
  return ms
}

/** Every script the /board route loads, with an empty HTTP cache and no service worker. */
async function boardScripts(browser: Browser, origin: string, data: BenchBoard) {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const setup = await context.newPage()
  await setup.goto(`${origin}/`)
  await setup.waitForSelector('#main-content')
  await seed(setup, data)
  await setup.close()

  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const scripts: { file: string; bytes: number; gzipped: number }[] = []
  const pending: Promise<void>[] = []
  page.on('response', (response) => {
    const { pathname } = new URL(response.url())
    if (!pathname.startsWith('/assets/') || !pathname.endsWith('.js')) return
    pending.push(
      response.body().then((body) => {
        scripts.push({ file: pathname, bytes: body.length, gzipped: gzipSync(body).length })
      }),
    )
  })
  await page.goto(`${origin}/board`)
  await page.waitForFunction(({ selector, count }) => document.querySelectorAll(selector).length >= count, {
    selector: TILE,
    count: MEASURE_COUNT,
  })
  await page.waitForLoadState('networkidle')
  await Promise.all(pending)
  await context.close()
  return scripts.sort((a, b) => b.bytes - a.bytes)
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const server = await buildApp({ distDir, version: 'bench' })
await server.listen({ host: '127.0.0.1', port: 0 })
const address = server.server.address()
if (!address || typeof address === 'string') throw new Error('The server has no port')
const origin = `http://127.0.0.1:${address.port}`
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS })

try {
  const data = buildBenchBoard()
  console.log(`Board: ${data.measures.length} measures × ${DAYS} days = ${data.entries.length} entries (${origin})`)

  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    hasTouch: true,
  })
  const first = await context.newPage()
  await first.goto(`${origin}/`)
  await first.waitForSelector('#main-content')
  await seed(first, data)
  // Let the service worker finish installing, as it would have on a tablet in use.
  await first.evaluate(async () => {
    await navigator.serviceWorker.ready
  })

  console.log('\n/board: navigation start → 20th measure tile in the DOM')
  const times: number[] = []
  for (let run = 1; run <= RUNS; run++) {
    const ms = await timeBoard(context, origin)
    times.push(ms)
    console.log(`  run ${run}: ${ms.toFixed(0)} ms`)
  }
  console.log(`  median: ${median(times).toFixed(0)} ms`)
  await context.close()

  const scripts = await boardScripts(browser, origin, data)
  console.log('\nJavaScript loaded for /board (cold, no cache, no service worker):')
  for (const s of scripts)
    console.log(`  ${s.file.padEnd(48)} ${kib(s.bytes).padStart(10)} ${kib(s.gzipped).padStart(10)} gzipped`)
  const total = scripts.reduce((sum, s) => sum + s.bytes, 0)
  const gzipped = scripts.reduce((sum, s) => sum + s.gzipped, 0)
  console.log(
    `  total: ${total} bytes (${kib(total)}), gzipped ${gzipped} bytes (${kib(gzipped)}) in ${scripts.length} files`,
  )
} finally {
  await browser.close()
  await server.close()
}
