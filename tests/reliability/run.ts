// `npm run test:reliability`: the server checked against its database, hostile input and a
// hospital network, on SQLite and PostgreSQL. Prints its figures and exits non-zero if any is
// wrong. Options: --only fuzz,authz,kill,pg-terminate,soak; --backends sqlite,postgres;
// RELIABILITY_SEED to replay a run; RELIABILITY_FUZZ (payloads per backend),
// RELIABILITY_SOAK_S (seconds), RELIABILITY_KILLS (kills per backend) to scale it.
import { parseArgs } from 'node:util'
import type { BackendName } from '../server/backends.ts'
import { Figures } from './figures.ts'
import { authorisationMatrix } from './authz.ts'
import { fuzz } from './fuzz.ts'
import { killMidPush } from './killMidPush.ts'
import { pgTerminations } from './pgTerminate.ts'
import { seededRandom } from './random.ts'
import { soak } from './soak.ts'

const PARTS = ['fuzz', 'authz', 'kill', 'pg-terminate', 'soak'] as const
type Part = (typeof PARTS)[number]

const { values } = parseArgs({
  options: { only: { type: 'string' }, backends: { type: 'string' } },
})
const only = new Set((values.only?.split(',') ?? PARTS) as Part[])
const backends = (values.backends?.split(',') ?? ['sqlite', 'postgres']) as BackendName[]
const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000)
const fuzzCount = Number(process.env.RELIABILITY_FUZZ ?? 10_000)
const killCount = Number(process.env.RELIABILITY_KILLS ?? 20)
const terminationRounds = Number(process.env.RELIABILITY_TERMINATIONS ?? 10)
const soakSeconds = Number(process.env.RELIABILITY_SOAK_S ?? 60)

const figures = new Figures()
const started = Date.now()
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)

async function part(name: Part, work: () => Promise<void>): Promise<void> {
  if (!only.has(name)) return
  const partStarted = Date.now()
  try {
    await work()
  } catch (error) {
    figures.report(name, 'ran to the end', `no: ${(error as Error).stack ?? String(error)}`, false)
  }
  log(`${name} done in ${((Date.now() - partStarted) / 1000).toFixed(0)} s`)
}

log(`seed ${seed} (RELIABILITY_SEED=${seed} replays this run)`)

await part('fuzz', async () => {
  let sent = 0
  let serverErrors = 0
  let partial = 0
  const statuses: number[][] = []
  for (const backend of backends) {
    const result = await fuzz(backend, fuzzCount, seededRandom(seed))
    statuses.push(result.statuses)
    sent += result.sent
    serverErrors += result.serverErrors.length
    partial += result.partialWrites.length
    const histogram = [...result.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`)
    log(`fuzz on ${backend}: ${result.sent} payloads, statuses ${histogram.join(' ')}`)
    for (const failure of result.serverErrors.slice(0, 5))
      log(`  5xx ${failure.status}: ${failure.request}\n      ${failure.body}`)
    for (const failure of result.partialWrites.slice(0, 5))
      log(`  partial write (${failure.status}): ${failure.request}`)
    figures.report('fuzz', `payloads sent (${backend})`, result.sent, result.sent >= fuzzCount)
    figures.zero('fuzz', `files served from outside the app (${backend})`, result.fileLeaks)
    figures.report(
      'fuzz',
      `prototype pollution (${backend})`,
      result.prototypePolluted ? 'yes' : 'none',
      !result.prototypePolluted,
    )
    figures.report('fuzz', `ready afterwards (${backend})`, result.readyAfter ? 'yes' : 'no', result.readyAfter)
  }
  figures.report('fuzz', 'payloads sent', sent)
  if (statuses.length === 2) {
    // The same requests, in the same order, to each store: the answers must agree.
    const [first, second] = statuses as [number[], number[]]
    figures.zero(
      'fuzz',
      'answers that differ between SQLite and PostgreSQL',
      first.filter((status, i) => status !== second[i]).length,
    )
  }
  figures.zero('fuzz', '5xx', serverErrors)
  figures.zero('fuzz', 'partial writes', partial)
})

await part('authz', async () => {
  let requests = 0
  let leaks = 0
  for (const backend of backends) {
    const result = await authorisationMatrix(backend)
    requests += result.requests
    leaks += result.leaks.length
    log(`authorisation matrix on ${backend}: ${result.requests} requests`)
    for (const leak of result.leaks.slice(0, 10)) log(`  LEAK ${leak}`)
    for (const refusal of result.wronglyRefused.slice(0, 10)) log(`  wrongly refused: ${refusal}`)
    for (const wrong of result.wrongStatus.slice(0, 10)) log(`  wrong status: ${wrong}`)
    figures.zero('authz', `wrongly refused (${backend})`, result.wronglyRefused.length)
    figures.zero('authz', `refusals with the wrong status (${backend})`, result.wrongStatus.length)
  }
  figures.report('authz', 'requests (endpoints × callers × scopes, two trusts)', requests)
  figures.zero('authz', 'authorisation leaks', leaks)
})

await part('kill', async () => {
  for (const backend of backends) {
    const result = await killMidPush(backend, killCount, seededRandom(seed + 1))
    log(
      `kill mid-push on ${backend}: ${result.kills} kills, ${result.mutations} changes, ${result.acknowledged} acknowledged`,
    )
    figures.report('kill', `server killed mid-push (${backend})`, result.kills, result.kills >= killCount)
    figures.report('kill', `changes pushed through the kills (${backend})`, result.mutations)
    figures.zero('kill', `lost (${backend})`, result.lost)
    figures.zero('kill', `duplicated (${backend})`, result.duplicated)
    figures.zero('kill', `retries refused (${backend})`, result.refusedRetries)
    figures.zero('kill', `crashes (${backend})`, result.crashes)
  }
})

await part('pg-terminate', async () => {
  if (!backends.includes('postgres')) return
  const result = await pgTerminations(terminationRounds, seededRandom(seed + 2))
  log(
    `PostgreSQL terminations: ${result.survived}/${result.rounds} survived, ${result.connectionsCut} connections cut, slowest recovery ${result.maxRecoveryMs} ms`,
  )
  figures.report(
    'pg-terminate',
    'PostgreSQL terminations survived',
    `${result.survived} of ${terminationRounds}${result.survived === terminationRounds ? ' (all)' : ''}`,
    result.rounds === terminationRounds && result.survived === result.rounds,
  )
  figures.report('pg-terminate', 'connections cut', result.connectionsCut, result.connectionsCut >= result.rounds)
  figures.report('pg-terminate', 'slowest recovery (ms)', result.maxRecoveryMs, result.maxRecoveryMs < 20_000)
  figures.report('pg-terminate', 'requests that failed during the cuts (tablets retried)', result.failedDuringCuts)
  figures.zero('pg-terminate', 'lost', result.lost)
  figures.zero('pg-terminate', 'duplicated', result.duplicated)
  figures.zero('pg-terminate', 'crashes', result.crashes)
  figures.report(
    'pg-terminate',
    'live updates resume',
    result.liveUpdatesResumed ? 'yes' : 'no',
    result.liveUpdatesResumed,
  )
})

await part('soak', async () => {
  for (const backend of backends) {
    const result = await soak(backend, soakSeconds, seededRandom(seed + 3))
    log(
      `soak on ${backend}: ${result.tablets} tablets, ${result.listeners} listeners, ${result.pushes} pushes, ${result.pulls} pulls, ${result.pokes} pokes, push p50 ${result.pushMs.p50} ms p95 ${result.pushMs.p95} ms max ${result.pushMs.max} ms`,
    )
    figures.report(
      'soak',
      `tablets + listeners for ${result.seconds} s (${backend})`,
      `${result.tablets} + ${result.listeners}`,
      result.tablets >= 50 && result.listeners >= 50,
    )
    figures.report('soak', `changes pushed (${backend})`, result.changes)
    figures.report('soak', `pokes received (${backend})`, result.pokes, result.pokes > 0)
    figures.report(
      'soak',
      `push time p50 / p95 / max, ms (${backend})`,
      `${result.pushMs.p50} / ${result.pushMs.p95} / ${result.pushMs.max}`,
    )
    figures.zero('soak', `5xx (${backend})`, result.serverErrors)
    figures.zero('soak', `other failed requests (${backend})`, result.otherFailures)
    figures.zero('soak', `event streams dropped (${backend})`, result.streamsDropped)
    figures.zero('soak', `lost (${backend})`, result.lost)
    figures.zero('soak', `duplicated (${backend})`, result.duplicated)
    figures.zero('soak', `crashes (${backend})`, result.crashes)
  }
})

/** The figures the suite exists to show, summed over its parts. */
function summary(): Figures {
  const sum = (part: string | undefined, pattern: RegExp) =>
    figures.all
      .filter((figure) => (part === undefined || figure.part === part) && pattern.test(figure.name))
      .reduce((total, figure) => total + (typeof figure.value === 'number' ? figure.value : 0), 0)
  const out = new Figures()
  const ran = (part: Part) => figures.all.some((figure) => figure.part === part)
  if (ran('fuzz')) out.report('summary', 'payloads sent', sum('fuzz', /^payloads sent$/))
  if (ran('fuzz') || ran('soak')) out.zero('summary', '5xx (fuzzer and soak)', sum(undefined, /^5xx/))
  if (ran('fuzz')) out.zero('summary', 'partial writes', sum('fuzz', /^partial writes$/))
  if (ran('authz')) out.zero('summary', 'authorisation leaks', sum('authz', /^authorisation leaks$/))
  if (ran('kill') || ran('pg-terminate') || ran('soak')) {
    out.zero('summary', 'lost', sum(undefined, /^lost/))
    out.zero('summary', 'duplicated', sum(undefined, /^duplicated/))
  }
  const survived = figures.all.find((figure) => figure.name === 'PostgreSQL terminations survived')
  if (survived) out.report('summary', 'PostgreSQL terminations survived', survived.value, survived.ok)
  return out
}

console.log('')
console.log(
  `LIM Huddle reliability figures (seed ${seed}, ${backends.join(' and ')}, ${((Date.now() - started) / 1000).toFixed(0)} s):`,
)
figures.print()
console.log('')
summary().print()
const failed = figures.failed()
console.log(failed.length === 0 ? 'All figures as required.' : `${failed.length} figure(s) wrong.`)
process.exit(failed.length === 0 ? 0 : 1)
