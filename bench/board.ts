// `npm run bench:board`: the main-thread CPU /board costs from navigation until every one of
// 20 tiles shows its value for today (a year of data stored), against the empty same-stack
// app (bench/emptyApp) rendering the same 20 measures in the same run. Prints figures; it
// is not a test and does not fail on them.
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.ts'
import { putRows } from '../tests/e2e/indexedDb.ts'
import { DAYS, MEASURE_COUNT, buildBenchBoard, type BenchBoard } from './boardData.ts'
import {
  loadAverage,
  markWhenReady,
  navigationCost,
  serve,
  stats,
  type NavigationCost,
  type Served,
} from './browserBench.ts'
import { buildEmptyApp } from './emptyApp/build.ts'
import { ensureBuilt, snapshotDist } from './ensureDist.ts'

const RUNS = 3
// A tile counts once it shows its value: 'missing' is the "Not recorded" status.
const READY = { selector: '[data-testid="measure-tile"]', count: MEASURE_COUNT, missingStatus: 'missing' }

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

/** A tablet in use: the data stored, the service worker (if any) installed, one visit made. */
async function prepare(browser: Browser, served: Served, data: BenchBoard, opened: string) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    hasTouch: true,
  })
  await markWhenReady(context, READY)
  const first = await context.newPage()
  await first.goto(`${served.origin}/`)
  await first.waitForSelector(opened, { state: 'attached' })
  await seed(first, data)
  await first.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    if (registration) await navigator.serviceWorker.ready
  })
  await first.close()
  // Not counted: the first visit fills the HTTP and code caches.
  await navigationCost(browser, context, `${served.origin}/board`)
  return context
}

ensureBuilt()
const dist = snapshotDist()
const empty = await buildEmptyApp()
const app = await serve(dist.dir)
const baseline = await serve(empty.dir)
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS })

try {
  const data = buildBenchBoard()
  console.log(`Board: ${data.measures.length} measures × ${DAYS} days = ${data.entries.length} entries`)
  console.log(`Load average at start: ${loadAverage()}`)
  const appContext = await prepare(browser, app, data, '#main-content')
  const emptyContext = await prepare(browser, baseline, data, 'main')

  console.log(`\n/board: navigation start → all ${MEASURE_COUNT} tiles show today's value (main thread)`)
  const appRuns: NavigationCost[] = []
  const emptyRuns: NavigationCost[] = []
  // Interleaved, so a busy moment on the machine falls on both.
  for (let run = 1; run <= RUNS; run++) {
    const a = await navigationCost(browser, appContext, `${app.origin}/board`)
    const e = await navigationCost(browser, emptyContext, `${baseline.origin}/board`)
    appRuns.push(a)
    emptyRuns.push(e)
    const line = (c: NavigationCost) =>
      `CPU ${c.cpuMs.toFixed(0).padStart(4)} ms (style+layout ${c.styleLayoutMs.toFixed(0).padStart(3)} ms), wall ${c.wallMs.toFixed(0).padStart(4)} ms`
    console.log(`  run ${run}: app ${line(a)} | empty app ${line(e)}`)
  }
  const show = (name: string, runs: NavigationCost[], key: keyof NavigationCost) => {
    const s = stats(runs.map((r) => r[key]))
    return `${name} min ${s.min.toFixed(0)} / median ${s.median.toFixed(0)} / max ${s.max.toFixed(0)} ms`
  }
  for (const key of ['cpuMs', 'styleLayoutMs', 'wallMs'] as const) {
    console.log(`  ${key.padEnd(13)} ${show('app', appRuns, key)}   ${show('empty app', emptyRuns, key)}`)
  }
  const ratio = stats(appRuns.map((r) => r.cpuMs)).median / stats(emptyRuns.map((r) => r.cpuMs)).median
  console.log(`  CPU median ratio app / empty app: ${ratio.toFixed(2)}× (goal ≤ 250 ms median and ≤ 1.5×)`)
  console.log(`Load average at end: ${loadAverage()}`)
  await appContext.close()
  await emptyContext.close()
} finally {
  await browser.close()
  await app.close()
  await baseline.close()
  dist.dispose()
  empty.dispose()
}
