// The run chart's "too few or too many runs" test.
//
// A run is a series of consecutive points on one side of the median; points exactly on
// the median are left out (they neither start, break nor add to a run). With n such
// "useful" points and only chance at work, each step crosses the median with probability
// ½, so the number of crossings is Binomial(n − 1, ½) and runs = crossings + 1. The
// expected range of runs is the central 95 % of that distribution (2.5 % each tail);
// fewer runs suggests a shift, more suggests mixed or alternating data. This reproduces
// the published table used by the IHI rules (e.g. 16 points: 5 to 12 runs, Balestracci,
// Quality Digest, Oct 2008). As the IHI rules ask, the test needs at least 10 useful
// points; below that `lower`/`upper` are null and no signal is given.
import type { SpcRunsTest } from './types'

const RUNS_TEST_MIN_USEFUL = 10

/** P(X ≤ k) for X ~ Binomial(n, ½), summed in log space so large n cannot overflow. */
function binomialHalfCdf(k: number, n: number): number {
  let logChoose = 0
  let total = 0
  for (let i = 0; i <= k; i += 1) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i)
    total += Math.exp(logChoose - n * Math.LN2)
  }
  return total
}

/** Expected [lower, upper] number of runs for `useful` points off the median. */
export function runsRange(useful: number): [number, number] | null {
  if (useful < RUNS_TEST_MIN_USEFUL) return null
  const trials = useful - 1
  // Smallest number of crossings whose lower tail exceeds 2.5 %: fewer than this is rare.
  let low = 0
  while (binomialHalfCdf(low, trials) <= 0.025) low += 1
  // The distribution is symmetric, so the upper bound mirrors the lower.
  const high = trials - low
  return [low + 1, high + 1]
}

export function countRuns(values: readonly number[], centre: number): { useful: number; runs: number } {
  let useful = 0
  let runs = 0
  let side = 0
  for (const v of values) {
    if (v === centre) continue
    const here = v > centre ? 1 : -1
    useful += 1
    if (here !== side) runs += 1
    side = here
  }
  return { useful, runs }
}

export function runsTest(values: readonly number[], centre: number): SpcRunsTest {
  const { useful, runs } = countRuns(values, centre)
  const range = runsRange(useful)
  if (!range) return { useful, runs, lower: null, upper: null, signal: null }
  const [lower, upper] = range
  const signal = runs < lower ? 'too-few' : runs > upper ? 'too-many' : null
  return { useful, runs, lower, upper, signal }
}
