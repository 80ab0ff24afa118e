// The convergence property, run by convergence-1.test.ts and convergence-2.test.ts, each with half the runs and
// its own random seed, so two Vitest workers share them (the property is the longest single piece of the suite).
//
// Property: tablets running the real sync engine and Dexie (fake-indexeddb) against the real server's push and
// pull code (SQLite in memory), in any order of edits and rounds, with requests and answers lost or delivered
// twice, old pushes arriving again, offline spells, an app update that adds a table, forged changes naming
// another scope's records, a clock that ran fast, and two wards on one trust checklist slot, always end with every
// tablet holding exactly the server's records of the scopes it reads, every honest change applied and kept, and
// nothing forged applied anywhere (harness/world.ts says what is checked).
//
// CONVERGENCE_RUNS (default 500, over both files: enough to fail against each broken merge rule tried, see
// docs/SYNC.md) and CONVERGENCE_SEED choose how many runs and which; `npm run test:convergence` runs many more. A
// failure prints the seed and path to replay it: with CONVERGENCE_SEED set, the first file runs every run from that
// seed and the second has nothing to run.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { startRealServer, type RealServer } from './realServer'
import type { Fault } from './network'
import { convergenceWorld, TABLETS, type ActionChange, type Step } from './world'

const TOTAL_RUNS = Number(process.env.CONVERGENCE_RUNS ?? 500)
const SEED = process.env.CONVERGENCE_SEED === undefined ? undefined : Number(process.env.CONVERGENCE_SEED)
const SHARES = 2

const tablet = fc.nat(TABLETS.length - 1)
const words = fc.constantFrom('pads', 'gloves', 'aprons', 'pads and gloves')
const change: fc.Arbitrary<ActionChange> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ field: fc.constant('title' as const), value: words }) },
  { weight: 2, arbitrary: fc.record({ field: fc.constant('owner' as const), value: fc.constantFrom('Sam', 'Priya') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      field: fc.constant('status' as const),
      value: fc.constantFrom('open' as const, 'done' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ field: 'deleted' as const }) },
)
const fault: fc.Arbitrary<Fault> = fc.constantFrom('ok', 'ok', 'request-lost', 'response-lost', 'duplicate')
// Most edits land on the first record of a unit, so tablets really do collide.
const record = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(5) })

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), tablet, record, change }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      tablet,
      faults: fc.array(fault, { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fastEdit' as const), tablet, record, title: words }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('idea' as const), tablet, record, problem: words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('library' as const), title: words }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('slot' as const), tablet }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('forge' as const), target: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), tablet, offline: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), tablet, index: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'upgrade' as const }) },
)

/** Runs share `share` (1 or 2) of the property's runs, on a server and tablets of its own. */
export function convergenceProperty(share: 1 | 2): void {
  const RUNS =
    SEED === undefined
      ? Math.floor(TOTAL_RUNS / SHARES) + (share <= TOTAL_RUNS % SHARES ? 1 : 0)
      : share === 1
        ? TOTAL_RUNS
        : 0

  let server: RealServer | undefined
  let world: Awaited<ReturnType<typeof convergenceWorld>>
  beforeAll(async () => {
    if (RUNS === 0) return
    const started = await startRealServer('sqlite', { memory: true })
    server = started
    world = await convergenceWorld(started)
  })
  afterAll(() => server?.close())

  describe(`tablets on the real engine and server, over an unreliable network (share ${share} of ${SHARES})`, () => {
    it.skipIf(RUNS === 0)(
      `converge on the server's records with nothing honest lost and nothing forged applied (${RUNS} runs)`,
      async () => {
        const started = performance.now()
        await fc.assert(
          fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
            const run = await world.begin()
            for (const s of steps) await run.step(s)
            await run.check(await run.settle())
          }),
          { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
        )
        console.info(`convergence: ${RUNS} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      },
      // A run takes 0.2-2.5 s on a two-core machine, as busy as it gets; the figure is printed above. The first runs
      // also wait for the code to warm up, which a few runs alone may not cover.
      Math.max(RUNS * 5_000, 120_000),
    )
  })
}
