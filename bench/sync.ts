// `npm run bench:sync`: how fast the sync server takes pushes (batches of 100) and
// serves pulls, over real HTTP on loopback, on SQLite (a temporary file with WAL and
// synchronous=FULL, as in production) and on the PostgreSQL at TEST_DATABASE_URL;
// then how fast a fresh tablet pulls and stores a busy unit (bench/syncClient.ts). The
// server half builds the app without device tokens (as the push and pull core tests do),
// so it measures the sync core alone; the fresh-tablet half runs server/main.ts, tokens on.
// `-- --server` or `-- --client` runs one half; `-- --cpu-slowdown=4` adds fresh-tablet
// runs with the page's CPU slowed 4× (a modest tablet); `-- --page-sizes=250,500,1000` runs the fresh
// tablet at each pull page size (raw Dexie then stores pages of the same size). Prints figures; it is not a test and
// does not fail on them (only when a half cannot run at all).
import { randomUUID } from 'node:crypto'
import { formatHlc } from '../src/shared/sync/hlc.ts'
import { PROTOCOL_VERSION, type Mutation } from '../src/shared/sync/protocol.ts'
import { benchFreshTablet } from './syncClient.ts'
import {
  BACKENDS,
  openTestDatabase,
  startTestServer,
  TEST_DATABASE_URL,
  type BackendName,
} from '../tests/server/backends.ts'

const BATCH = 100
const SEQUENTIAL_BATCHES = 100
const CLIENTS = 4
const BATCHES_PER_CLIENT = 25
const PULL_PAGE = 1000

interface Figures {
  sequential: number
  concurrent: number
  updates: number
  pullMs: number
  pulled: number
}

let wall = Date.now()
function nextStamp(node: string): string {
  wall += 1
  return formatHlc({ wallMs: wall, counter: 0, nodeId: node })
}

/** A day value as the board writes it: a new record per batch item, or an edit of one. */
function entryBatch(scope: string, node: string, ids: readonly string[]): string {
  const mutations: Mutation[] = ids.map((id, i) => ({
    mutationId: randomUUID(),
    table: 'entries',
    recordId: id,
    scope,
    hlc: nextStamp(node),
    by: 'Bench Nurse',
    fields: {
      measureId: { set: `measure-${i % 20}` },
      day: { set: '2026-11-26' },
      value: { set: i },
      comment: { set: 'Checked at handover' },
    },
  }))
  return JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: node, mutations })
}

async function post(base: string, body: string): Promise<void> {
  const res = await fetch(`${base}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  if (res.status !== 200) throw new Error(`Push answered ${res.status}: ${await res.text()}`)
  await res.arrayBuffer()
}

async function pushAll(base: string, bodies: readonly string[]): Promise<void> {
  for (const body of bodies) await post(base, body)
}

function rate(count: number, ms: number): number {
  return Math.round((count / ms) * 1000)
}

async function bench(backend: BackendName): Promise<Figures> {
  const test = await openTestDatabase(backend)
  const server = await startTestServer(test)
  try {
    await server.app.listen({ host: '127.0.0.1', port: 0 })
    const address = server.app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

    await pushAll(
      base,
      Array.from({ length: 5 }, (_, b) => entryBatch('warm-up', 'warm', ids('w', b))),
    )

    const sequentialBodies = Array.from({ length: SEQUENTIAL_BATCHES }, (_, b) =>
      entryBatch('ward-1', 'tabletA', ids('e', b)),
    )
    let started = performance.now()
    await pushAll(base, sequentialBodies)
    const sequential = rate(SEQUENTIAL_BATCHES * BATCH, performance.now() - started)

    const updateBodies = Array.from({ length: SEQUENTIAL_BATCHES / 2 }, (_, b) =>
      entryBatch('ward-1', 'tabletB', ids('e', b)),
    )
    started = performance.now()
    await pushAll(base, updateBodies)
    const updates = rate((SEQUENTIAL_BATCHES / 2) * BATCH, performance.now() - started)

    const clientBodies = Array.from({ length: CLIENTS }, (_, c) =>
      Array.from({ length: BATCHES_PER_CLIENT }, (_, b) => entryBatch(`ward-${c + 2}`, `tablet${c}`, ids(`c${c}`, b))),
    )
    started = performance.now()
    await Promise.all(clientBodies.map((bodies) => pushAll(base, bodies)))
    const concurrent = rate(CLIENTS * BATCHES_PER_CLIENT * BATCH, performance.now() - started)

    started = performance.now()
    let cursor = 0
    let pulled = 0
    for (;;) {
      const res = await fetch(
        `${base}/api/sync/pull?protocol=${PROTOCOL_VERSION}&scope=ward-1&after=${cursor}&limit=${PULL_PAGE}`,
      )
      const page = (await res.json()) as { records: unknown[]; cursor: number; hasMore: boolean }
      pulled += page.records.length
      cursor = page.cursor
      if (!page.hasMore) break
    }
    return { sequential, concurrent, updates, pullMs: Math.round(performance.now() - started), pulled }
  } finally {
    await server.close()
    await test.close()
  }
}

function ids(prefix: string, batch: number): string[] {
  return Array.from({ length: BATCH }, (_, i) => `${prefix}-${batch}-${i}`)
}

const only = process.argv.includes('--server') ? 'server' : process.argv.includes('--client') ? 'client' : undefined
let failed = false
if (only !== 'client')
  console.log(`Sync server bench: real HTTP on loopback, batches of ${BATCH} day values, Node ${process.version}`)
for (const backend of only === 'client' ? [] : BACKENDS) {
  try {
    const f = await bench(backend)
    const where =
      backend === 'sqlite'
        ? 'SQLite (temp file, WAL, synchronous=FULL)'
        : `PostgreSQL (${new URL(TEST_DATABASE_URL).host})`
    console.log(`\n${where}`)
    console.log(`  push, 1 client, new records:        ${f.sequential.toLocaleString('en-GB')} mutations/s`)
    console.log(`  push, 1 client, edits of records:   ${f.updates.toLocaleString('en-GB')} mutations/s`)
    console.log(
      `  push, ${CLIENTS} clients, ${CLIENTS} wards at once:  ${f.concurrent.toLocaleString('en-GB')} mutations/s`,
    )
    console.log(
      `  pull ${f.pulled.toLocaleString('en-GB')} records (pages of ${PULL_PAGE}):   ${f.pullMs.toLocaleString('en-GB')} ms (${rate(f.pulled, f.pullMs).toLocaleString('en-GB')} records/s)`,
    )
  } catch (error) {
    failed = true
    console.error(`\n${backend}: could not run: ${(error as Error).message}`)
  }
}
if (only !== 'server') {
  try {
    const slowdown = Number(
      /^--cpu-slowdown=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--cpu-slowdown=')) ?? '')?.[1] ?? 1,
    )
    const pageSizes = (
      /^--page-sizes?=([\d,]+)$/.exec(process.argv.find((a) => a.startsWith('--page-size')) ?? '')?.[1] ?? ''
    )
      .split(',')
      .filter(Boolean)
      .map(Number)
    await benchFreshTablet(slowdown > 1 ? [1, slowdown] : [1], pageSizes.length > 0 ? pageSizes : undefined)
  } catch (error) {
    failed = true
    console.error(`\nFresh tablet: could not run: ${(error as Error).stack ?? (error as Error).message}`)
  }
}
if (failed) process.exitCode = 1
