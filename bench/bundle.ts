// `npm run bench:bundle`: the JavaScript and CSS a cold first load of "/" fetches (no HTTP
// cache, no service worker) on a tablet with a board, against the empty same-stack app
// (bench/emptyApp) built the same way in the same run. Two figures: what was requested
// until all 20 tiles show today's value (the goal's figure), and everything fetched by a
// few seconds later (the dialogs a screen prefetches once the browser is idle), so neither
// hides the other. Prints figures; it is not a test and does not fail on them.
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.ts'
import { putRows } from '../tests/e2e/indexedDb.ts'
import { MEASURE_COUNT, buildBenchBoard, type BenchBoard } from './boardData.ts'
import {
  AFTER_READY_MS,
  coldLoad,
  kib,
  loadAverage,
  markWhenReady,
  serve,
  total,
  type Fetched,
  type Served,
} from './browserBench.ts'
import { buildEmptyApp } from './emptyApp/build.ts'
import { ensureBuilt, snapshotDist } from './ensureDist.ts'

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

async function firstLoad(browser: Browser, served: Served, data: BenchBoard, opened: string) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } })
  const setup = await context.newPage()
  await setup.goto(`${served.origin}/`)
  await setup.waitForSelector(opened, { state: 'attached' })
  await seed(setup, data)
  await setup.close()
  // Ready when every tile shows a value (no tile with data-status="missing").
  await markWhenReady(context, {
    selector: '[data-testid="measure-tile"]',
    count: MEASURE_COUNT,
    missingStatus: 'missing',
  })
  const fetched = await coldLoad(context, `${served.origin}/`)
  await context.close()
  return fetched
}

function list(title: string, files: Fetched[]) {
  console.log(`  ${title}:`)
  for (const f of files)
    console.log(
      `    ${f.file.padEnd(52)} ${kib(f.bytes).padStart(10)} ${kib(f.gzipped).padStart(10)} gzipped${f.beforeReady ? '' : '  (after the board showed)'}`,
    )
  const shown = files.filter((f) => f.beforeReady)
  console.log(
    `    until the board showed: ${kib(total(shown, 'bytes'))}, gzipped ${kib(total(shown, 'gzipped'))} in ${shown.length} files`,
  )
  console.log(
    `    with ${AFTER_READY_MS / 1000} s more: ${kib(total(files, 'bytes'))}, gzipped ${kib(total(files, 'gzipped'))} in ${files.length} files`,
  )
}

const gzippedJs = (files: Fetched[], beforeReadyOnly: boolean) =>
  total(
    files.filter((f) => f.beforeReady || !beforeReadyOnly),
    'gzipped',
  )

ensureBuilt()
const dist = snapshotDist()
const empty = await buildEmptyApp()
const app = await serve(dist.dir)
const baseline = await serve(empty.dir)
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS })
try {
  console.log(`Load average at start: ${loadAverage()}`)
  const data = buildBenchBoard()
  const ours = await firstLoad(browser, app, data, '#main-content')
  const theirs = await firstLoad(browser, baseline, data, 'main')
  console.log(`\nLIM Huddle, cold load of "/" (every tile showed its value at ${ours.readyMs.toFixed(0)} ms):`)
  list('JavaScript', ours.scripts)
  list('CSS', ours.styles)
  console.log(
    `\nEmpty same-stack app (Vue + Pinia + Vue Router + Dexie), same build config (ready at ${theirs.readyMs.toFixed(0)} ms):`,
  )
  list('JavaScript', theirs.scripts)
  for (const [label, beforeReadyOnly] of [
    ['until every tile shows its value', true],
    [`including what was fetched in the ${AFTER_READY_MS / 1000} s after (idle prefetch)`, false],
  ] as const) {
    const mine = gzippedJs(ours.scripts, beforeReadyOnly)
    const base = gzippedJs(theirs.scripts, beforeReadyOnly)
    const goal = beforeReadyOnly ? ' (goal ≤ 1.7×)' : ''
    console.log(`\nGzipped JS ${label}: ${kib(mine)} vs ${kib(base)} = ${(mine / base).toFixed(2)}×${goal}`)
  }
  const styles = ours.styles.filter((f) => f.beforeReady)
  console.log(
    `CSS until every tile shows its value: ${total(styles, 'bytes')} bytes (${kib(total(styles, 'bytes'))}), gzipped ${kib(total(styles, 'gzipped'))}`,
  )
  console.log(`Load average at end: ${loadAverage()}`)
} finally {
  await browser.close()
  await app.close()
  await baseline.close()
  dist.dispose()
  empty.dispose()
}
