// `npm run bench:push`: how many mutations the sync server applies per CPU-second through its real push route
// with device tokens (authenticate, scope checks, the protocol's validation, the merge, the write, the device's
// "last synced"), against raw better-sqlite3 inserting the same rows into a table of the same shape, in the same
// run. Both on a temporary SQLite file with WAL and synchronous=FULL, as in production; batches of 100 new day
// values, one push (one transaction) per batch. The push goes through `app.inject` (no sockets), so the CPU
// measured is the server's route and what is beneath it. CPU time (user + system of this process), not wall
// time: the machine is shared, and fsync waits cost no CPU. Three runs; prints min/median/max and the load
// average. A figure, not a test: it never fails on the numbers.
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { newId } from '../src/domain/ids.ts'
import { formatHlc } from '../src/shared/sync/hlc.ts'
import { PROTOCOL_VERSION, type Mutation } from '../src/shared/sync/protocol.ts'
import { toRow } from '../server/sync/records.ts'
import { applyMutation } from '../src/shared/sync/merge.ts'
import { SYNCED_TABLES } from '../src/shared/sync/tables.ts'
import { openTestDatabase, startTestServer } from '../tests/server/backends.ts'
import { enrolTablet, makeOrg } from '../tests/server/devices.fixtures.ts'

const BATCH = 100
// 200 measured pushes: with 60, the raw side's whole window was about 30 ms of CPU, short enough for one run to come
// out at under half the others (75,000 rows per CPU-second against 180,000-240,000 at a load average of 5).
const BATCHES = 200
// A sync server runs for days, so both sides are measured warm. With 10 warm-up batches the first of the three
// runs (a fresh process: V8 still compiling the push path) came out 15-20% below the other two. 30 batches were not
// enough either: V8's helper threads (compiling, collecting) still spent about 500 µs of CPU per push in the measured
// window, against about 200 µs once settled, which takes about 300 batches (600 settle no further); the server's
// figure was about 15% lower than its warm one. Both sides get the same warm-up (30,000 rows).
const WARM_UP_BATCHES = 300
const RUNS = 3

let wall = Date.UTC(2026, 10, 26)
function nextStamp(node: string): string {
  wall += 1
  return formatHlc({ wallMs: wall, counter: 0, nodeId: node })
}

/** A day value as the board writes it: a new record per mutation, its mutation id made as the app makes one
 * (`newId`, time-ordered). With random ids every push landed on about a hundred pages of `applied_mutations`'
 * key index, a cost the app's own ids do not have. */
function entryMutations(scope: string, node: string, prefix: string): Mutation[] {
  return Array.from({ length: BATCH }, (_, i) => ({
    mutationId: newId(),
    table: 'entries',
    recordId: `${prefix}-${i}`,
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
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Mutations applied per CPU-second through the server's push route, device token on. */
async function serverRun(): Promise<number> {
  const test = await openTestDatabase('sqlite')
  const server = await startTestServer(test, {
    devices: { limits: { syncPerMinute: 1_000_000 }, refusalLog: { flushEveryMs: 60_000 } },
  })
  try {
    const org = await makeOrg(test.db)
    const { token, deviceId } = await enrolTablet(test.db, 'unit', org.unitA.id)
    const scope = org.unitA.id
    const bodies = (count: number, stem: string) =>
      Array.from({ length: count }, (_, b) =>
        JSON.stringify({
          protocol: PROTOCOL_VERSION,
          deviceId,
          mutations: entryMutations(scope, deviceId, `${stem}-${b}`),
        }),
      )
    const push = async (body: string) => {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: body,
      })
      if (res.statusCode !== 200) throw new Error(`Push answered ${res.statusCode}: ${res.body}`)
      const answer = res.json<{ accepted: string[]; refused: unknown[] }>()
      if (answer.accepted.length !== BATCH) throw new Error(`Push accepted ${answer.accepted.length} of ${BATCH}`)
    }
    for (const body of bodies(WARM_UP_BATCHES, 'warm')) await push(body)
    const measured = bodies(BATCHES, 'e')
    const started = cpuMs()
    for (const body of measured) await push(body)
    return (BATCHES * BATCH) / ((cpuMs() - started) / 1000)
  } finally {
    await server.close()
    await test.close()
  }
}

/** The same rows, inserted by raw better-sqlite3: one prepared statement, one transaction per batch. */
function rawRun(): number {
  const dir = mkdtempSync(join(tmpdir(), 'lim-huddle-raw-'))
  const sqlite = new SqliteDatabase(join(dir, 'raw.sqlite'))
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.exec(`create table records (scope text not null, tbl text not null, id text not null, seq integer not null,
      fields text not null, clocks text not null, origins text, conflicts text, primary key (scope, tbl, id))`)
    sqlite.exec('create index records_scope_seq on records (scope, seq)')
    const insert = sqlite.prepare(
      'insert into records (scope, tbl, id, seq, fields, clocks, origins, conflicts) values (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    let seq = 0
    // The rows as the server stores them, made before the clock starts: the baseline is the insert alone.
    const batches = (count: number, stem: string) =>
      Array.from({ length: count }, (_, b) =>
        entryMutations('ward-raw', 'raw', `${stem}-${b}`).map((mutation) => {
          const row = toRow(applyMutation(undefined, mutation, SYNCED_TABLES).record, ++seq)
          return [row.scope, row.tbl, row.id, row.seq, row.fields, row.clocks, row.origins, row.conflicts] as const
        }),
      )
    const write = sqlite.transaction((rows: readonly (readonly unknown[])[]) => {
      for (const row of rows) insert.run(...row)
    })
    for (const rows of batches(WARM_UP_BATCHES, 'warm')) write(rows)
    const measured = batches(BATCHES, 'e')
    const started = cpuMs()
    for (const rows of measured) write(rows)
    return (BATCHES * BATCH) / ((cpuMs() - started) / 1000)
  } finally {
    sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const spread = (values: readonly number[], digits = 0) => {
  const sorted = [...values].sort((a, b) => a - b)
  const fmt = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return `${fmt(sorted[0]!)} / ${fmt(median(sorted))} / ${fmt(sorted.at(-1)!)}`
}
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')

console.log(
  `Push bench: ${BATCHES} pushes of ${BATCH} new day values each, SQLite file (WAL, synchronous=FULL), Node ${process.version}`,
)
console.log(`load average before: ${load()}`)
const servers: number[] = []
const raws: number[] = []
const ratios: number[] = []
for (let run = 1; run <= RUNS; run++) {
  const server = await serverRun()
  const raw = rawRun()
  servers.push(server)
  raws.push(raw)
  ratios.push(server / raw)
  console.log(
    `  run ${run}: server push ${Math.round(server).toLocaleString('en-GB')} mutations/CPU-s, raw insert ${Math.round(raw).toLocaleString('en-GB')} rows/CPU-s, ratio ${(server / raw).toFixed(3)}`,
  )
}
console.log(`server push with device auth (mutations per CPU-second), min / median / max: ${spread(servers)}`)
console.log(`raw better-sqlite3 insert of the same rows (rows per CPU-second), min / median / max: ${spread(raws)}`)
console.log(`ratio server / raw, min / median / max: ${spread(ratios, 3)}`)
console.log(`load average after: ${load()}`)
