// `npm run bench:bundle`: the JavaScript and CSS a cold first load of "/" fetches (no HTTP
// cache, no service worker) on a tablet with a board, until all 20 tiles show today's
// value, against the empty same-stack app (bench/emptyApp) built the same way in the same
// run. Prints figures; it is not a test and does not fail on them.
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.ts'
import { putRows } from '../tests/e2e/indexedDb.ts'
import { MEASURE_COUNT, buildBenchBoard, type BenchBoard } from './boardData.ts'
import { coldLoad, kib, loadAverage, serve, total, type Fetched, type Served } from './browserBench.ts'
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

const allTilesShown = (page: Page) =>
  page.waitForFunction(
    (count) => {
      const tiles = document.querySelectorAll('[data-testid="measure-tile"]')
      return tiles.length >= count && [...tiles].every((t) => t.getAttribute('data-status') !== 'missing')
    },
    MEASURE_COUNT,
    { timeout: 60_000 },
  )

async function firstLoad(browser: Browser, served: Served, data: BenchBoard, opened: string) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } })
  const setup = await context.newPage()
  await setup.goto(`${served.origin}/`)
  await setup.waitForSelector(opened, { state: 'attached' })
  await seed(setup, data)
  await setup.close()
  const fetched = await coldLoad(context, `${served.origin}/`, allTilesShown)
  await context.close()
  return fetched
}

function list(title: string, files: Fetched[]) {
  console.log(`  ${title}:`)
  for (const f of files)
    console.log(`    ${f.file.padEnd(52)} ${kib(f.bytes).padStart(10)} ${kib(f.gzipped).padStart(10)} gzipped`)
  console.log(
    `    total ${kib(total(files, 'bytes'))}, gzipped ${kib(total(files, 'gzipped'))} in ${files.length} files`,
  )
}

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
  console.log('\nLIM Huddle, cold load of "/" until the board shows every value:')
  list('JavaScript', ours.scripts)
  list('CSS', ours.styles)
  console.log('\nEmpty same-stack app (Vue + Pinia + Vue Router + Dexie), same build config:')
  list('JavaScript', theirs.scripts)
  const ratio = total(ours.scripts, 'gzipped') / total(theirs.scripts, 'gzipped')
  console.log(
    `\nGzipped JS: ${kib(total(ours.scripts, 'gzipped'))} vs ${kib(total(theirs.scripts, 'gzipped'))} = ${ratio.toFixed(2)}× (goal ≤ 1.7×)`,
  )
  console.log(
    `CSS: ${total(ours.styles, 'bytes')} bytes (${kib(total(ours.styles, 'bytes'))}), gzipped ${kib(total(ours.styles, 'gzipped'))}`,
  )
  console.log(`Load average at end: ${loadAverage()}`)
} finally {
  await browser.close()
  await app.close()
  await baseline.close()
  dist.dispose()
  empty.dispose()
}
