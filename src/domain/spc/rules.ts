// The special-cause rules. Each works on one segment's RECORDED values in period order:
// a gap (no value) is skipped, so it neither breaks nor adds to a run or a trend (it is
// missing information, not a change). Each returns, per value, the signals it is part of.
import type { SpcRule } from './types'

export type Side = 'high' | 'low'
export interface Signal {
  rule: SpcRule
  side: Side
}
export type Signals = Signal[][]

export const emptySignals = (n: number): Signals => Array.from({ length: n }, () => [])

function flag(signals: Signals, indices: readonly number[], rule: SpcRule, side: Side): void {
  for (const i of indices) signals[i]!.push({ rule, side })
}

/** A point strictly above the upper limit or strictly below the lower one (a point exactly
 * on a limit is inside it, as in NHSRplotthedots). */
export function beyondLimitRule(values: readonly number[], upper: number, lower: number, out: Signals): void {
  values.forEach((v, i) => {
    if (v > upper) flag(out, [i], 'beyond-limit', 'high')
    else if (v < lower) flag(out, [i], 'beyond-limit', 'low')
  })
}

/** `length` or more points in a row on one side of the centre line; every point of the run
 * is flagged. A point exactly on the centre line is on neither side: with 'ignore' (MDC)
 * it is passed over, neither breaking nor adding to the run; with 'breaks'
 * (NHSRplotthedots) it ends the run. */
export function shiftRule(
  values: readonly number[],
  centre: number,
  length: number,
  onCentre: 'ignore' | 'breaks',
  out: Signals,
): void {
  let side: Side | null = null
  let members: number[] = []
  const close = (): void => {
    if (side !== null && members.length >= length) flag(out, members, 'shift', side)
    side = null
    members = []
  }
  values.forEach((v, i) => {
    if (v === centre) {
      if (onCentre === 'breaks') close()
      return
    }
    const here: Side = v > centre ? 'high' : 'low'
    if (here !== side) close()
    side = here
    members.push(i)
  })
  close()
}

/** `length` or more points each higher (or each lower) than the one before; every point
 * of the trend is flagged, the side being the direction ('high' = rising). The point where
 * the direction turns belongs to both trends. Equal neighbours: 'ignore' (MDC-era NHS
 * guidance and IHI: a repeated value neither makes nor breaks a trend; it is part of the
 * trend but counted once) or 'breaks' (NHSRplotthedots: a repeat is not an increase). */
export function trendRule(values: readonly number[], length: number, ties: 'ignore' | 'breaks', out: Signals): void {
  let direction = 0
  let members: number[] = [0]
  let counted = 1
  const close = (): void => {
    if (direction !== 0 && counted >= length) flag(out, members, 'trend', direction > 0 ? 'high' : 'low')
  }
  for (let i = 1; i < values.length; i += 1) {
    const d = Math.sign(values[i]! - values[i - 1]!)
    if (d === 0) {
      if (ties === 'ignore') {
        members.push(i)
        continue
      }
      close()
      direction = 0
      members = [i]
      counted = 1
    } else if (direction === 0 || d === direction) {
      direction = d
      members.push(i)
      counted += 1
    } else {
      close()
      direction = d
      members = [i - 1, i]
      counted = 2
    }
  }
  close()
}

/** Two of three points in a row beyond two sigma (the outer third towards a limit), with
 * all three on the same side of the mean. Only the points beyond two sigma are flagged,
 * not the third (MDC). Whether a point beyond the limit counts is a choice: MDC counts it
 * since late 2023; NHSRplotthedots counts only points between two and three sigma. */
export function twoOfThreeRule(
  values: readonly number[],
  limits: { mean: number; upper: number; lower: number; nearUpper: number; nearLower: number },
  includeBeyond: boolean,
  out: Signals,
): void {
  const zone = (v: number): Side | null => {
    if (v > limits.nearUpper && (includeBeyond || v <= limits.upper)) return 'high'
    if (v < limits.nearLower && (includeBeyond || v >= limits.lower)) return 'low'
    return null
  }
  const zones = values.map(zone)
  const sides = values.map((v): Side | null => (v > limits.mean ? 'high' : v < limits.mean ? 'low' : null))
  const flagged = new Uint8Array(values.length)
  for (let i = 0; i + 2 < values.length; i += 1) {
    const side = sides[i] ?? null
    if (side === null || sides[i + 1] !== side || sides[i + 2] !== side) continue
    let near = 0
    for (let j = i; j <= i + 2; j += 1) if (zones[j] === side) near += 1
    if (near < 2) continue
    for (let j = i; j <= i + 2; j += 1) {
      if (zones[j] === side && flagged[j] === 0) {
        flagged[j] = 1
        out[j]!.push({ rule: 'two-of-three', side })
      }
    }
  }
}
