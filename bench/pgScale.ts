// `npm run bench:pg-scale`: pushes per second through 1, 2 and 4 sync server processes sharing one PostgreSQL
// database (TEST_DATABASE_URL, a schema of its own dropped at the end), with the load generator in a process of
// its own. Each server process is the real app (device tokens on, rate limits raised so they do not cap the
// load) over its own connection pool; the load generator runs 8 tablets (one device per ward, so pushes take
// different scope locks), each pushing 10 new day values at a time, round-robin over the processes, for a fixed
// time. Prints mutations per second (min / median / max of 3 runs), each server process's and the load
// generator's CPU, how busy the machine's cores were, the ratio of 2 and 4 processes' median to one process's, and
// the load average. A figure, not a test.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { buildApp } from '../server/app.ts'
import type { DatabaseConfig } from '../server/db/config.ts'
import { migrateToLatest } from '../server/db/migrate.ts'
import { openDatabase } from '../server/db/open.ts'
import { createScopeNotifier } from '../server/sync/notifier.ts'
import { formatHlc } from '../src/shared/sync/hlc.ts'
import { PROTOCOL_VERSION, type Mutation } from '../src/shared/sync/protocol.ts'
import { TEST_DATABASE_URL } from '../tests/server/backends.ts'
import { enrolTablet, makeOrg } from '../tests/server/devices.fixtures.ts'
import { createUnit } from '../server/devices/org.ts'

const PROCESS_COUNTS = [1, 2, 4]
const RUNS = 3
const TABLETS = 8
const BATCH = 10
const WARM_UP_MS = 1_000
const MEASURE_MS = 6_000
const POOL_SIZE = 8
/** The server processes' connections, so their PostgreSQL backends (and the CPU they used) can be found. */
const BENCH_APPLICATION = 'lim-huddle-bench-scale'
/** The coordinator's own connections (migrations, the organisation, enrolments): named apart, or their backends'
 * CPU would be counted as the server processes' in every run. */
const SETUP_APPLICATION = 'lim-huddle-bench-setup'

interface LoadPlan {
  ports: number[]
  tablets: { token: string; deviceId: string; scope: string }[]
  warmUpMs: number
  measureMs: number
}

const here = new URL(import.meta.url).pathname
const mode = process.argv[2]

function configFor(schema: string, applicationName = BENCH_APPLICATION): DatabaseConfig {
  return {
    dialect: 'postgres',
    connectionString: TEST_DATABASE_URL,
    schema,
    poolSize: POOL_SIZE,
    applicationName,
  }
}

/** One server process: the app on a free port, over the bench's schema. Prints "ready <port>" once listening. */
async function serve(schema: string): Promise<void> {
  const config = configFor(schema)
  const db = openDatabase(config)
  const notifier = await createScopeNotifier(db, config)
  const dist = mkdtempSync(join(tmpdir(), 'lim-huddle-bench-dist-'))
  const app = await buildApp({
    distDir: dist,
    version: 'bench',
    sync: { db, notifier, devices: { limits: { syncPerMinute: 10_000_000 } } },
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  console.log(`ready ${typeof address === 'object' && address ? address.port : 0}`)
  process.on('SIGTERM', () => {
    void (async () => {
      await app.close()
      await notifier.close()
      await db.destroy()
      rmSync(dist, { recursive: true, force: true })
      process.exit(0)
    })()
  })
}

/** The load generator: every tablet pushes batch after batch until the time is up; counts what was accepted
 * after the warm-up. Prints "measuring" when the warm-up ends, then one JSON line. */
async function load(plan: LoadPlan): Promise<void> {
  let wall = Date.now()
  let counting = false
  let stop = false
  let mutations = 0
  let pushes = 0
  let requestNo = 0
  async function tablet(t: LoadPlan['tablets'][number], index: number): Promise<void> {
    let n = 0
    while (!stop) {
      const batch: Mutation[] = Array.from({ length: BATCH }, () => ({
        mutationId: randomUUID(),
        table: 'entries',
        recordId: `e-${index}-${n++}`,
        scope: t.scope,
        hlc: formatHlc({ wallMs: ++wall, counter: 0, nodeId: `bench${index}` }),
        by: 'Bench Nurse',
        fields: {
          measureId: { set: `measure-${n % 20}` },
          day: { set: '2026-11-26' },
          value: { set: n },
          comment: { set: 'Checked at handover' },
        },
      }))
      const port = plan.ports[requestNo++ % plan.ports.length]!
      const res = await fetch(`http://127.0.0.1:${port}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: t.deviceId, mutations: batch }),
      })
      const body = (await res.json()) as { accepted?: string[] }
      if (res.status !== 200) throw new Error(`Push answered ${res.status}: ${JSON.stringify(body)}`)
      if (counting && !stop) {
        mutations += body.accepted?.length ?? 0
        pushes += 1
      }
    }
  }
  const running = plan.tablets.map((t, i) => tablet(t, i))
  await new Promise((resolve) => setTimeout(resolve, plan.warmUpMs))
  counting = true
  const cpuBefore = process.cpuUsage()
  console.log('measuring')
  const started = performance.now()
  await new Promise((resolve) => setTimeout(resolve, plan.measureMs))
  stop = true
  const seconds = (performance.now() - started) / 1000
  await Promise.all(running)
  const cpu = process.cpuUsage(cpuBefore)
  console.log(JSON.stringify({ mutations, pushes, seconds, cpuMs: (cpu.user + cpu.system) / 1000 }))
}

/** CPU ms a process has used so far (user + system), from /proc. */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

/** CPU ms of each PostgreSQL backend the server processes opened, by pid. */
async function backendCpuMs(admin: ReturnType<typeof openDatabase>): Promise<Map<number, number>> {
  const backends = await sql<{
    pid: number
  }>`select pid from pg_stat_activity where application_name = ${BENCH_APPLICATION}`.execute(admin)
  const cpu = new Map<number, number>()
  for (const { pid } of backends.rows) {
    try {
      cpu.set(pid, processCpuMs(pid))
    } catch {
      // The backend ended in between.
    }
  }
  return cpu
}

/** Busy and total jiffies of all cores, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const total = line.reduce((a, b) => a + b, 0)
  const idle = line[3]! + line[4]!
  return { busy: total - idle, total }
}

function waitForLine(child: ChildProcess, match: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = ''
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString()
      for (const line of buffer.split('\n')) {
        if (match(line)) {
          child.stdout?.off('data', onData)
          resolve(line)
          return
        }
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`A bench process ended (${code}) before it was ready`)))
  })
}

function node(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', here, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Here rather than in waitForLine, which is called twice for the load generator.
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  return child
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        }),
    ),
  )
}

async function coordinate(): Promise<void> {
  const schema = `bench_scale_${randomBytes(4).toString('hex')}`
  const admin = openDatabase({ dialect: 'postgres', connectionString: TEST_DATABASE_URL, poolSize: 1 })
  await sql`create schema ${sql.id(schema)}`.execute(admin)
  const db = openDatabase(configFor(schema, SETUP_APPLICATION))
  try {
    await migrateToLatest(db)
    const org = await makeOrg(db)
    const units = [org.unitA, org.unitB]
    while (units.length < TABLETS)
      units.push(await createUnit(db, { csuId: org.csu.id, name: `Bench ward ${units.length + 1}`, kind: 'ward' }))
    const tablets = []
    for (const unit of units) {
      const { token, deviceId } = await enrolTablet(db, 'unit', unit.id)
      tablets.push({ token, deviceId, scope: unit.id })
    }
    console.log(
      `PostgreSQL scale-out: ${TABLETS} tablets (one ward each) pushing ${BATCH} new day values at a time, ` +
        `${MEASURE_MS / 1000} s per run after ${WARM_UP_MS / 1000} s warm-up; PostgreSQL at ${new URL(TEST_DATABASE_URL).host}; ` +
        `${cpus().length} cores; Node ${process.version}`,
    )
    console.log(
      `load average before: ${loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')}`,
    )
    const summary: string[] = []
    const medians = new Map<number, number>()
    for (const count of PROCESS_COUNTS) {
      const rates: number[] = []
      for (let run = 1; run <= RUNS; run++) {
        const servers = Array.from({ length: count }, () => node(['serve', schema]))
        try {
          const ready = await Promise.allSettled(
            servers.map((child) => waitForLine(child, (line) => line.startsWith('ready '))),
          )
          const ports = ready.map((outcome) => {
            if (outcome.status === 'rejected') throw outcome.reason
            return Number(outcome.value.trim().split(' ')[1])
          })
          const plan: LoadPlan = { ports, tablets, warmUpMs: WARM_UP_MS, measureMs: MEASURE_MS }
          const generator = node(['load'], { BENCH_LOAD_PLAN: JSON.stringify(plan) })
          // Every CPU figure is over the measured time alone: from the end of the warm-up to the last answer.
          await waitForLine(generator, (l) => l.trim() === 'measuring')
          const serverCpuBefore = servers.map((child) => processCpuMs(child.pid!))
          const postgresBefore = await backendCpuMs(admin)
          const ticksBefore = machineTicks()
          const wallBefore = performance.now()
          const line = await waitForLine(generator, (l) => l.startsWith('{'))
          const ticksAfter = machineTicks()
          const elapsedMs = performance.now() - wallBefore
          const serverCpu = servers.map((child, i) => processCpuMs(child.pid!) - serverCpuBefore[i]!)
          const postgresAfter = await backendCpuMs(admin)
          let postgresCpu = 0
          for (const [pid, ms] of postgresAfter) postgresCpu += ms - (postgresBefore.get(pid) ?? 0)
          const result = JSON.parse(line) as { mutations: number; seconds: number; cpuMs: number }
          const rate = result.mutations / result.seconds
          rates.push(rate)
          const busy = (ticksAfter.busy - ticksBefore.busy) / (ticksAfter.total - ticksBefore.total)
          // How much of the machine this bench's own processes used: on a shared machine the cores can be busy
          // throughout with other work, and then more server processes have no cores to run on.
          const ours = (serverCpu.reduce((a, b) => a + b, 0) + postgresCpu + result.cpuMs) / (elapsedMs * cpus().length)
          console.log(
            `  ${count} process${count > 1 ? 'es' : ''}, run ${run}: ${Math.round(rate).toLocaleString('en-GB')} mutations/s; ` +
              `server CPU ${serverCpu.map((ms) => `${Math.round((ms / elapsedMs) * 100)}%`).join(' + ')} of a core; ` +
              `PostgreSQL backends ${Math.round((postgresCpu / elapsedMs) * 100)}% (${postgresAfter.size}); ` +
              `load generator ${Math.round((result.cpuMs / elapsedMs) * 100)}%; machine cores busy ${Math.round(busy * 100)}%, ` +
              `${Math.round(ours * 100)}% of them this bench's`,
          )
        } finally {
          await stopAll(servers)
        }
      }
      const sorted = [...rates].sort((x, y) => x - y)
      medians.set(count, sorted[Math.floor(sorted.length / 2)]!)
      summary.push(
        `${count} process${count > 1 ? 'es' : ''}: ${sorted.map((r) => Math.round(r).toLocaleString('en-GB')).join(' / ')} mutations/s (min / median / max)`,
      )
    }
    console.log('Summary:')
    for (const line of summary) console.log(`  ${line}`)
    const one = medians.get(1)!
    console.log(
      `  median against 1 process: ${PROCESS_COUNTS.map((count) => `${count}: ${(medians.get(count)! / one).toFixed(2)}×`).join(', ')}`,
    )
    console.log(
      `load average after: ${loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')}`,
    )
  } finally {
    await db.destroy()
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
    await admin.destroy()
  }
}

if (mode === 'serve') await serve(process.argv[3]!)
else if (mode === 'load') await load(JSON.parse(process.env.BENCH_LOAD_PLAN!) as LoadPlan)
else await coordinate()
