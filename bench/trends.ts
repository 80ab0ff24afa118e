// `node --import tsx bench/trends.ts`: how fast the trend screens work out and
// draw a 3-year daily SPC chart and a 40-unit × 20-measure roll-up, and how big the
// lazily loaded chart chunk is. Prints figures; it is not a test and does not fail on
// them. DIST_DIR=... uses an existing build instead of building dist/.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { buildApp } from '../server/app.ts'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.ts'
import { buildTrendsData, seedTrends, type TrendsData } from '../tests/e2e/trendsData.ts'
import { addDays, londonDay } from '@/domain/dates'
import { measureSpc } from '@/domain/trends/measureSpc'
import { defaultRange } from '@/domain/trends/ranges'
import { buildRollup } from '@/domain/trends/rollup'
import { ensureBuilt, snapshotDist } from './ensureDist.ts'

const RUNS = 5
const YEARS_DAYS = 1096
const UNITS = 40
const MEASURES = 20

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const ms = (n: number) => `${n.toFixed(1)} ms`
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

function time(run: () => void): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

const today = londonDay()

// ——— Pure work in Node: aggregation + SPC engine ———
const daily = buildTrendsData(today, { units: 1, measures: 1, days: YEARS_DAYS })
const dailyMeasure = daily.measures[0]!
const from = addDays(today, -YEARS_DAYS + 1)
console.log(`Pure work (Node, median of ${RUNS} runs after a warm-up)`)
measureSpc(dailyMeasure, daily.entries, from, today, 'day')
const dailyTimes = Array.from({ length: RUNS }, () =>
  time(() => measureSpc(dailyMeasure, daily.entries, from, today, 'day')),
)
console.log(`  3-year daily series (${daily.entries.length} values): aggregate + SPC ${ms(median(dailyTimes))}`)

const big = buildTrendsData(today, { units: UNITS, measures: MEASURES, days: 190 })
const week = defaultRange('week', today)
const byMeasure = new Map<string, { day: string; value: unknown }[]>()
for (const e of big.entries) {
  const list = byMeasure.get(e.measureId) ?? []
  list.push(e)
  byMeasure.set(e.measureId, list)
}
buildRollup(big.units, big.measures, byMeasure, week.from, week.to, 'week')
const rollupTimes = Array.from({ length: RUNS }, () =>
  time(() => buildRollup(big.units, big.measures, byMeasure, week.from, week.to, 'week')),
)
console.log(
  `  ${UNITS} units × ${MEASURES} measures, 26 weeks (${big.entries.length} values): roll-up ${ms(median(rollupTimes))}`,
)

// ——— In Chromium: read from IndexedDB, compute and draw ———
const snapshot = process.env.DIST_DIR ? null : (ensureBuilt(), snapshotDist())
const distDir = process.env.DIST_DIR ?? snapshot!.dir
const server = await buildApp({ distDir, version: 'bench' })
await server.listen({ host: '127.0.0.1', port: 0 })
const address = server.server.address()
if (!address || typeof address === 'string') throw new Error('The server has no port')
const origin = `http://127.0.0.1:${address.port}`
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS })

async function freshContext(data: TrendsData): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
    // The app's strict CSP forbids eval, which waitForFunction's string predicates use; the
    // figures are about speed, and the CSP itself is checked by tests/e2e/csp.spec.ts.
    bypassCSP: true,
  })
  const page = await context.newPage()
  await page.goto(`${origin}/setup`)
  await page.getByRole('button', { name: 'Load the demo trust' }).waitFor()
  await seedTrends(page, data)
  await page.close()
  return context
}

/** Navigation start → `ready()` true in the page, then one more frame (painted), in ms. */
async function timeTo(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url)
  const handle = await page.waitForFunction(
    `(${ready})() && new Promise((r) => requestAnimationFrame(() => r(performance.now())))`,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  )
  return (await handle.jsonValue()) as number
}

try {
  console.log(`\nIn Chromium (${origin}), navigation start → screen drawn, median of ${RUNS}`)
  const chartContext = await freshContext(daily)
  const chartUrl = `${origin}/trends/measure/${dailyMeasure.id}?period=day&from=${from}&to=${today}`
  const chartReady = `() => { const c = document.querySelector('[data-testid="spc-chart"]'); return !!c && c.width > 0 }`
  const chartTimes: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const page = await chartContext.newPage()
    chartTimes.push(await timeTo(page, chartUrl, chartReady))
    await page.close()
  }
  console.log(
    `  3-year daily SPC chart (${YEARS_DAYS} days): ${chartTimes.map((t) => t.toFixed(0)).join(', ')} → median ${ms(median(chartTimes))}`,
  )
  await chartContext.close()

  const rollupContext = await freshContext(big)
  const cells = UNITS * MEASURES
  const rollupReady = `() => document.querySelectorAll('[data-testid="rollup-cell"]').length >= ${cells}`
  const browserRollup: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const page = await rollupContext.newPage()
    browserRollup.push(await timeTo(page, `${origin}/trends`, rollupReady))
    await page.close()
  }
  console.log(
    `  ${UNITS} × ${MEASURES} roll-up (${cells} cells, ${big.entries.length} values read): ${browserRollup.map((t) => t.toFixed(0)).join(', ')} → median ${ms(median(browserRollup))}`,
  )
  await rollupContext.close()

  const assets = join(distDir, 'assets')
  const chunk = readdirSync(assets).find((f) => /^SpcChart-.*\.js$/.test(f))
  if (chunk) {
    const body = readFileSync(join(assets, chunk))
    console.log(
      `\nChart chunk (Chart.js + SpcChart.vue, loaded only with a chart): ${chunk} ${kib(body.length)}, gzipped ${kib(gzipSync(body).length)}`,
    )
  } else {
    console.log('\nNo SpcChart-*.js chunk in the build')
  }
} finally {
  await browser.close()
  await server.close()
  snapshot?.dispose()
}
