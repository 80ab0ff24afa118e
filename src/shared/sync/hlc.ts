// Hybrid logical clock (HLC): wall-clock milliseconds plus a counter, so stamps follow
// real time when clocks are right and still move forward when they are not. Stamps are
// fixed-width strings, `${wallMs:13}:${counter:6}:${nodeId}`, so a plain string
// comparison orders them (databases and IndexedDB can index and sort them as text).
//
// Framework-free: shared by the app and the sync server.

const HLC_WALL_DIGITS = 13
const HLC_COUNTER_DIGITS = 6
export const HLC_COUNTER_MAX = 999_999
/** A stamp more than this far ahead of the server's clock is not trusted (see restampIfFuture). */
export const MAX_FUTURE_SKEW_MS = 60_000

const NODE_ID = /^[A-Za-z0-9_.-]{1,64}$/
const HLC_PATTERN = /^(\d{13}):(\d{6}):([A-Za-z0-9_.-]{1,64})$/
const MAX_WALL_MS = 10 ** HLC_WALL_DIGITS - 1

export interface HlcParts {
  wallMs: number
  counter: number
  nodeId: string
}

export interface HybridClock {
  readonly nodeId: string
  /** A new stamp for a local change: greater than every stamp issued or received before. */
  tick(): string
  /** Move past a stamp seen from elsewhere, so later local stamps order after it. */
  receive(remote: string): void
  /** The greatest stamp issued or received so far (persist it to survive a restart). */
  latest(): string | undefined
}

export function isNodeId(nodeId: string): boolean {
  return NODE_ID.test(nodeId)
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && HLC_PATTERN.test(value)
}

export function parseHlc(stamp: string): HlcParts {
  const match = HLC_PATTERN.exec(stamp)
  if (!match) throw new Error(`Not a valid sync timestamp: ${JSON.stringify(stamp.slice(0, 100))}`)
  return { wallMs: Number(match[1]), counter: Number(match[2]), nodeId: match[3] as string }
}

export function formatHlc({ wallMs, counter, nodeId }: HlcParts): string {
  if (!Number.isInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL_MS)
    throw new Error(`Wall time out of range: ${wallMs}`)
  if (!Number.isInteger(counter) || counter < 0 || counter > HLC_COUNTER_MAX)
    throw new Error(`Counter out of range: ${counter}`)
  if (!isNodeId(nodeId)) throw new Error(`Not a valid node id: ${JSON.stringify(nodeId)}`)
  return `${String(wallMs).padStart(HLC_WALL_DIGITS, '0')}:${String(counter).padStart(HLC_COUNTER_DIGITS, '0')}:${nodeId}`
}

/** Orders two valid stamps; equal only for the same stamp. */
export function compareHlc(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0
}

export function maxHlc(a: string, b: string): string
export function maxHlc(a: string | undefined, b: string | undefined): string | undefined
export function maxHlc(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return a >= b ? a : b
}

export function wallOf(stamp: string): number {
  return parseHlc(stamp).wallMs
}

/**
 * @param nodeId unique per device (the device id) and per server process.
 * @param now wall clock in ms; inject to apply a server offset or in tests.
 * @param latest the last stamp this node issued or received, e.g. restored after a reload,
 *   so a clock that went backwards while the app was closed still never issues a smaller stamp.
 */
export function createClock(nodeId: string, now: () => number = Date.now, latest?: string): HybridClock {
  if (!isNodeId(nodeId)) throw new Error(`Not a valid node id: ${JSON.stringify(nodeId)}`)
  let last: HlcParts | undefined = latest === undefined ? undefined : parseHlc(latest)
  // Formatted only when asked for: a server receives every stamp of every push, and most are never read back.
  let lastStamp = latest

  function advance(wallMs: number, counter: number): void {
    // Counter exhausted within one millisecond: borrow the next millisecond instead of wrapping.
    last = counter > HLC_COUNTER_MAX ? { wallMs: wallMs + 1, counter: 0, nodeId } : { wallMs, counter, nodeId }
    lastStamp = undefined
  }

  function latestStamp(): string | undefined {
    if (lastStamp === undefined && last) lastStamp = formatHlc(last)
    return lastStamp
  }

  function wallNow(): number {
    const wall = Math.floor(now())
    if (!Number.isFinite(wall)) throw new Error('The clock returned no usable time')
    return wall
  }

  return {
    nodeId,
    tick() {
      const wall = wallNow()
      if (!last || wall > last.wallMs) advance(wall, 0)
      else advance(last.wallMs, last.counter + 1)
      return latestStamp() as string
    },
    receive(remote) {
      const theirs = parseHlc(remote)
      const wall = wallNow()
      const mine = last ?? { wallMs: -1, counter: 0 }
      const top = Math.max(wall, mine.wallMs, theirs.wallMs)
      if (top === mine.wallMs && top === theirs.wallMs) advance(top, Math.max(mine.counter, theirs.counter) + 1)
      else if (top === mine.wallMs) advance(top, mine.counter + 1)
      else if (top === theirs.wallMs) advance(top, theirs.counter + 1)
      else advance(top, 0)
    },
    latest: latestStamp,
  }
}

export interface Restamp {
  /** The stamp to store: the original, or the server's own when the original was too far ahead. */
  hlc: string
  restamped: boolean
  /** How far the stamp's wall time was ahead of the server (negative: behind). */
  skewMs: number
}

/**
 * Server side: a device whose clock is hours fast would otherwise win every
 * last-writer-wins contest until real time caught up. A stamp more than
 * MAX_FUTURE_SKEW_MS ahead of the server is replaced by a fresh server stamp, so the
 * change counts as made when the server received it; any other stamp is kept and the
 * server clock moves past it. Call it while holding the scope's lock, so server stamps
 * within a scope are issued in commit order.
 */
export function restampIfFuture(hlc: string, serverClock: HybridClock, serverNow: number): Restamp {
  const skewMs = parseHlc(hlc).wallMs - serverNow
  if (skewMs > MAX_FUTURE_SKEW_MS) return { hlc: serverClock.tick(), restamped: true, skewMs }
  serverClock.receive(hlc)
  return { hlc, restamped: false, skewMs }
}
