// The client half of `npm run bench:sync`: how long a fresh tablet takes to pull a busy
// unit and store it. The real server (server/main.ts, a temporary SQLite file, device
// tokens on) holds a unit's records (SYNC_BENCH_RECORDS, or bench/firstSync.ts's big ward) pushed by another tablet over the device
// API; then, for each run, a fresh Chromium profile on disk opens the built app, is
// enrolled through the real /enrol screen, and its first sync is timed until the last
// pulled page is committed to IndexedDB.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from '@playwright/test'
import { PROTOCOL_VERSION, PULL_DEFAULT_LIMIT, splitIntoBatches } from '../src/shared/sync/protocol.ts'
import { createOrganisation, issueCode } from '../tests/e2e/adminSetup.ts'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.ts'
import { startSyncServer, type SyncServer } from '../tests/e2e/syncServer.ts'
import { ensureBuilt, snapshotDist, type DistSnapshot } from './ensureDist.ts'
import { rawDexieBulkPutMs } from './rawDexie.ts'
import {
  countRows,
  countSyncStates,
  instrument,
  readTimings,
  tap,
  waitForFirstSync,
  type PageTimings,
  type TimedTransaction,
} from './syncPage.ts'
import { buildUnitRecords, describeRecords, mutationsFor, type BenchRecord } from './syncData.ts'

const RUNS = 3
const FIRST_SYNC_TIMEOUT_MS = 300_000
const SERVICE_WORKER_TIMEOUT_MS = 60_000
const TABLES = [
  'units',
  'boards',
  'measures',
  'entries',
  'actions',
  'huddles',
  'ideas',
  'checklistTemplates',
  'checklistRuns',
  'history',
] as const

/** What the fresh tablet pulls: the unit's records as another tablet made them (the server adds the unit's own). */
export interface BenchDataset {
  label: string
  build: (unitId: string) => BenchRecord[]
}

export const TEN_THOUSAND: BenchDataset = { label: 'a busy unit', build: (unitId) => buildUnitRecords(unitId) }

export interface FreshTabletRun {
  /** First request of the sync round (GET /api/device) → last pulled page committed. */
  syncToStoredMs: number
  /** Tap on "Enrol this tablet" → last pulled page committed. */
  tapToStoredMs: number
  /** Tap → the enrol screen offers "Open the board" (screen reloaded too). */
  tapToReadyMs: number
  /** Pull requests, sent → last byte received. */
  pullNetworkMs: number
  /** Of which the server took (request sent → first byte). */
  pullServerMs: number
  /** applyPage's IndexedDB transactions, opened → committed. */
  applyMs: number
  pages: number
  pulledBytes: number
  rows: Record<string, number>
  /** The same records stored by raw Dexie bulkPut in the same profile, right after (rawDexie.ts). */
  rawMs: number
}

interface EnrolResponse {
  deviceId: string
  token: string
}

async function enrolOverApi(server: SyncServer, code: string, deviceName: string): Promise<EnrolResponse> {
  const res = await fetch(`${server.url}/api/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  })
  if (res.status !== 201) throw new Error(`Enrol answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as EnrolResponse
}

/** Another tablet made the unit's records: push them as it would, 500 to a request. */
async function seed(server: SyncServer, records: BenchRecord[]) {
  const unitId = records[0]!.record.unitId
  const device = await enrolOverApi(server, await issueCode(server, unitId), 'Bench: the tablet that made the board')
  const batches = splitIntoBatches(mutationsFor(records, device.deviceId))
  const started = performance.now()
  for (const mutations of batches) {
    const res = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: device.deviceId, mutations }),
    })
    if (res.status !== 200) throw new Error(`Push answered ${res.status}: ${await res.text()}`)
    await res.arrayBuffer()
  }
  return { records, batches: batches.length, pushMs: performance.now() - started }
}

function figuresOf(
  timings: PageTimings,
  readyAt: number,
  rows: Record<string, number>,
  rawMs: number,
  total: number,
): FreshTabletRun {
  const after = timings.requests.filter((r) => r.startTime >= timings.tapAt)
  const syncStart = after.find((r) => r.path === '/api/device')
  if (!syncStart) throw new Error('The first sync made no GET /api/device request')
  // Up to the page that brought the count to the total: a later round (the minute timer
  // on a slow run) commits empty pages that must not count.
  const applies: TimedTransaction[] = []
  let records = 0
  for (const t of timings.applies.filter((t) => t.start >= timings.tapAt && t.records > 0)) {
    if (records >= total) break
    if (!t.committed) throw new Error('A pulled page was not committed to IndexedDB')
    applies.push(t)
    records += t.records
  }
  if (records < total) throw new Error(`The pages committed hold ${records} records, not ${total}`)
  const storedAt = applies.at(-1)!.end
  const pulls = after.filter((r) => r.path === '/api/sync/pull' && r.startTime < storedAt)
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0)
  return {
    syncToStoredMs: storedAt - syncStart.startTime,
    tapToStoredMs: storedAt - timings.tapAt,
    tapToReadyMs: readyAt - timings.tapAt,
    pullNetworkMs: sum(pulls.map((r) => r.responseEnd - r.startTime)),
    pullServerMs: sum(pulls.map((r) => r.responseStart - r.requestStart)),
    applyMs: sum(applies.map((t) => t.end - t.start)),
    pages: applies.length,
    pulledBytes: sum(pulls.map((r) => r.bytes)),
    rows,
    rawMs,
  }
}

/** One fresh tablet: new on-disk profile, the real enrol screen, its first sync. */
async function freshTablet(
  server: SyncServer,
  code: string,
  run: number,
  cpuSlowdown: number,
  records: readonly BenchRecord[],
  pageSize: number,
): Promise<FreshTabletRun> {
  const profile = mkdtempSync(join(tmpdir(), 'lim-huddle-bench-profile-'))
  let context: BrowserContext | undefined
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      hasTouch: true,
    })
    const page = context.pages()[0] ?? (await context.newPage())
    // Another page size than the app's: its pull requests ask for that many records (the server's limit allows
    // up to PULL_MAX_LIMIT), so one build can be measured at several sizes.
    if (pageSize !== PULL_DEFAULT_LIMIT) {
      await context.route(/\/api\/sync\/pull\?/, (route) => {
        const url = new URL(route.request().url())
        url.searchParams.set('limit', String(pageSize))
        return route.continue({ url: url.toString() })
      })
    }
    await instrument(page)
    if (cpuSlowdown > 1)
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
    await page.goto(`${server.url}/enrol`)
    await page.waitForSelector('#enrol-code')
    // Someone typing a code gives the service worker time to finish installing.
    const installed = await page.evaluate(
      async (ms) =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
        ]),
      SERVICE_WORKER_TIMEOUT_MS,
    )
    if (!installed) throw new Error(`The service worker was not ready after ${SERVICE_WORKER_TIMEOUT_MS / 1000} s`)
    await page.fill('#enrol-code', code)
    await page.fill('#enrol-deviceName', `Bench tablet ${run}`)
    await tap(page, '#enrol-submit')
    const readyAt = await waitForFirstSync(page, FIRST_SYNC_TIMEOUT_MS)
    const states = await countSyncStates(page)
    const rows = { 'sync states in rows': states.rows, 'in packs': states.packed, ...(await countRows(page, TABLES)) }
    if (states.rows + states.packed !== records.length)
      throw new Error(
        `The tablet stored the sync state of ${states.rows + states.packed} records, not ${records.length}`,
      )
    const timings = await readTimings(page)
    // In the same profile and run, straight after: IndexedDB's own cost at this moment.
    const rawMs = await rawDexieBulkPutMs(context, records, pageSize, run)
    return figuresOf(timings, readyAt, rows, rawMs, records.length)
  } finally {
    await context?.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-GB')

function printRun(label: string, f: FreshTabletRun): void {
  // The next page is fetched while one is stored, so the pull requests overlap the transactions: what is left
  // beyond the transactions is the first page's wait and whatever kept the next transaction from opening at once.
  const outside = f.syncToStoredMs - f.applyMs
  console.log(
    `  ${label}: ${seconds(f.syncToStoredMs)} sync start → all stored` +
      ` (pull requests ${seconds(f.pullNetworkMs)}, of which server ${seconds(f.pullServerMs)};` +
      ` applyPage transactions ${seconds(f.applyMs)}; outside them ${seconds(outside)});` +
      ` tap → stored ${seconds(f.tapToStoredMs)}, tap → "Open the board" ${seconds(f.tapToReadyMs)};` +
      ` raw Dexie bulkPut ${seconds(f.rawMs)} → ratio ${ratioOf(f).toFixed(2)}×`,
  )
}

/** The fresh tablet's rate (pull and store) over raw Dexie's rate (store only): raw time / sync time. */
const ratioOf = (f: FreshTabletRun) => f.rawMs / f.syncToStoredMs
const spread = (values: number[], format: (v: number) => string) => {
  const sorted = [...values].sort((a, b) => a - b)
  return `min ${format(sorted[0]!)} / median ${format(median(values))} / max ${format(sorted.at(-1)!)}`
}

function printSummary(runs: FreshTabletRun[], heading: string, pageSize: number, n: number): void {
  const stored = median(runs.map((r) => r.syncToStoredMs))
  const apply = median(runs.map((r) => r.applyMs))
  console.log(`  ${heading}`)
  console.log(
    `    Fresh tablet pull, ${n.toLocaleString('en-GB')} records: ${seconds(stored)} (${perSecond(n, stored)} records/s stored; target: under 10 s)`,
  )
  console.log(
    `    Apply rate (applyPage, IndexedDB transaction open → commit): ${perSecond(n, apply)} records/s (${seconds(apply)} for ${runs[0]!.pages} pages)`,
  )
  console.log(
    `    tap → all stored ${seconds(median(runs.map((r) => r.tapToStoredMs)))}, tap → "Open the board" ${seconds(median(runs.map((r) => r.tapToReadyMs)))}`,
  )
  console.log(
    `    sync start → all stored: ${spread(
      runs.map((r) => r.syncToStoredMs),
      seconds,
    )}`,
  )
  // Sorted by rate, not by time: min is the slowest rate.
  console.log(
    `      records/s: ${spread(
      runs.map((r) => (n / r.syncToStoredMs) * 1000),
      (rate) => Math.round(rate).toLocaleString('en-GB'),
    )}`,
  )
  console.log(
    `    raw Dexie bulkPut, same records, pages of ${pageSize}: ${spread(
      runs.map((r) => r.rawMs),
      seconds,
    )}`,
  )
  console.log(
    `    RATIO fresh tablet / raw Dexie (goal ≥ 0.5×): ${spread(runs.map(ratioOf), (v) => `${v.toFixed(2)}×`)}`,
  )
}

/** Runs and prints the fresh-tablet figures; throws when they could not be measured. */
export async function benchFreshTablet(
  cpuSlowdowns: readonly number[] = [1],
  pageSizes: readonly number[] = [PULL_DEFAULT_LIMIT],
  dataset: BenchDataset = TEN_THOUSAND,
): Promise<void> {
  // DIST_DIR (read by server/main.ts) benches another build, e.g. one with a change to try.
  let snapshot: DistSnapshot | undefined
  if (process.env.DIST_DIR) console.log(`\nBenching the build in DIST_DIR=${process.env.DIST_DIR}`)
  else {
    ensureBuilt()
    snapshot = snapshotDist()
    // startSyncServer hands this process's environment to server/main.ts.
    process.env.DIST_DIR = snapshot.dir
  }
  let server: SyncServer | undefined
  try {
    server = await startSyncServer()
    const org = await createOrganisation(server, ['Ward 7 – Elderly care'])
    const unitId = Object.values(org.units)[0]!
    const seeded = await seed(server, dataset.build(unitId))
    const version = execFileSync(CHROMIUM_EXECUTABLE, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    console.log(
      `\nFresh tablet: the built app in headless ${version} (a new on-disk profile each run), server/main.ts on SQLite, loopback`,
    )
    // Other work on the machine slows IndexedDB too: say how busy it was.
    console.log(
      `  load average at start: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')} on ${cpus().length} CPUs`,
    )
    const total = seeded.records.length + 1
    console.log(
      `  unit, ${dataset.label}: ${total.toLocaleString('en-GB')} records (${describeRecords(seeded.records)})`,
    )
    console.log(
      `  seeded by another tablet over the device API: ${seeded.records.length.toLocaleString('en-GB')} changes in ${seeded.batches} pushes,` +
        ` ${seconds(seeded.pushMs)} (${perSecond(seeded.records.length, seeded.pushMs)} mutations/s, with device auth)`,
    )
    // The unit's own record (made by the server) too, so raw Dexie stores exactly what the tablet pulls.
    const rawRecords: BenchRecord[] = [
      {
        table: 'units',
        record: {
          id: unitId,
          unitId,
          csuId: 'bench-csu',
          name: 'Ward 7',
          kind: 'ward',
          people: [],
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          updatedBy: 'Bench',
        } as BenchRecord['record'],
      },
      ...seeded.records,
    ]
    for (const slowdown of cpuSlowdowns) {
      for (const pageSize of pageSizes) {
        const runs: FreshTabletRun[] = []
        console.log(
          `${
            slowdown > 1
              ? `\n  CPU slowed ${slowdown}× (Chromium CPU throttling of the page, as on a modest tablet)`
              : '\n  Full speed'
          }, pull pages of ${pageSize}${pageSize === PULL_DEFAULT_LIMIT ? " (the app's)" : ''}:`,
        )
        for (let run = 1; run <= RUNS; run++) {
          const figures = await freshTablet(
            server,
            await issueCode(server, unitId),
            run,
            slowdown,
            rawRecords,
            pageSize,
          )
          runs.push(figures)
          printRun(`run ${run}`, figures)
        }
        const { rows, pulledBytes } = runs[0]!
        console.log(
          `    stored: ${Object.entries(rows)
            .map(([t, n]) => `${t} ${n.toLocaleString('en-GB')}`)
            .join(', ')}; pulled ${(pulledBytes / 1024 / 1024).toFixed(1)} MiB`,
        )
        printSummary(
          runs,
          `median of ${RUNS} fresh profiles${slowdown > 1 ? `, CPU ${slowdown}× slower` : ''}, pages of ${pageSize}:`,
          pageSize,
          rawRecords.length,
        )
      }
    }
    console.log(
      `  load average at end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    )
  } finally {
    await server?.dispose()
    if (snapshot) {
      delete process.env.DIST_DIR
      snapshot.dispose()
    }
  }
}
