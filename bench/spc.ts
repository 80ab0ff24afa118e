// `node --import tsx bench/spc.ts`: how long the SPC engine (src/domain/spc) takes for
// a 3-year daily series and for a 40-unit × 20-measure roll-up. Prints figures; it is
// not a test and does not fail on them. Data are generated from a fixed seed, with
// gaps, a step change (rebased) and a trend, so every rule does real work.
import { cpus, loadavg } from 'node:os'
import { computeSpc } from '../src/domain/spc/index.ts'
import type { SpcDirection, SpcInputPoint, SpcOptions } from '../src/domain/spc/types.ts'

const RUNS = 15
const DAILY_POINTS = 1096
const UNITS = 40
const MEASURES = 20
const ROLLUP_POINTS = 90

/** Small, fast, seeded generator (mulberry32) so every run sees the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function day(index: number): string {
  return new Date(Date.UTC(2023, 0, 1 + index)).toISOString().slice(0, 10)
}

function series(length: number, seed: number): SpcInputPoint[] {
  const next = random(seed)
  return Array.from({ length }, (_, i) => {
    if (next() < 0.03) return { period: day(i), value: null }
    const step = i > length * 0.6 ? 4 : 0
    const drift = i > length * 0.9 ? (i - length * 0.9) * 0.05 : 0
    return { period: day(i), value: Math.round((20 + step + drift + (next() - 0.5) * 6) * 10) / 10 }
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

interface Timing {
  first: number
  median: number
  min: number
  max: number
}

/** The first run is timed on its own (cold: what a screen sees when it first opens);
 * then RUNS more, of which the median is the steady figure. */
function time(work: () => void): Timing {
  const started = performance.now()
  work()
  const first = performance.now() - started
  const times: number[] = []
  for (let r = 0; r < RUNS; r += 1) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  return { first, median: median(times), min: Math.min(...times), max: Math.max(...times) }
}

const fmt = (t: Timing): string =>
  `first ${t.first.toFixed(2)} ms; then median ${t.median.toFixed(2)} ms (min ${t.min.toFixed(2)}, max ${t.max.toFixed(2)}; ${RUNS} runs)`

const long = series(DAILY_POINTS, 1)
const longOptions: SpcOptions = { direction: 'higher', target: 18, rebaseAt: [day(Math.round(DAILY_POINTS * 0.6) + 1)] }
const directions: SpcDirection[] = ['higher', 'lower', 'neutral']
const rollup = Array.from({ length: UNITS * MEASURES }, (_, i) => ({
  points: series(ROLLUP_POINTS, 100 + i),
  options: { direction: directions[i % 3]!, target: i % 2 ? 19 : null } satisfies SpcOptions,
}))

let sink = 0
const check = (r: ReturnType<typeof computeSpc>): void => {
  if ('error' in r) throw new Error(r.message)
  sink += r.points.length
}

// Other work on the machine inflates the medians; the load is printed so readers can judge.
console.log(`SPC engine, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`)
console.log(
  `3-year daily series (${DAILY_POINTS} points, XmR, 1 rebase): ${fmt(time(() => check(computeSpc(long, longOptions))))}`,
)
console.log(`  same as a run chart: ${fmt(time(() => check(computeSpc(long, { ...longOptions, chart: 'run' }))))}`)
console.log(
  `Roll-up, ${UNITS} units × ${MEASURES} measures (${UNITS * MEASURES} series × ${ROLLUP_POINTS} points): ${fmt(
    time(() => {
      for (const s of rollup) check(computeSpc(s.points, s.options))
    }),
  )}`,
)
if (sink === 0) console.log('(nothing computed)')
