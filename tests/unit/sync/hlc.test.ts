import { describe, expect, it } from 'vitest'
import {
  HLC_COUNTER_MAX,
  MAX_FUTURE_SKEW_MS,
  compareHlc,
  createClock,
  formatHlc,
  isHlc,
  maxHlc,
  parseHlc,
  restampIfFuture,
} from '@/shared/sync/hlc'

const T = 1_767_225_600_000 // 01/01/2026 00:00 UTC
const stamp = (wallMs: number, counter: number, nodeId: string) => formatHlc({ wallMs, counter, nodeId })

/** A clock whose wall time follows the given readings, one per call. */
function clockReading(readings: number[], nodeId = 'tablet-a') {
  let i = 0
  return createClock(nodeId, () => readings[Math.min(i++, readings.length - 1)] as number)
}

describe('stamp format', () => {
  it.each([
    ['wall time is zero-padded to 13 digits', 5, 7, 'n', '0000000000005:000007:n'],
    ['a real time', T, 0, 'tablet-a', `${T}:000000:tablet-a`],
    ['the largest counter', T, HLC_COUNTER_MAX, 'n', `${T}:999999:n`],
  ])('%s', (_, wallMs, counter, nodeId, expected) => {
    expect(formatHlc({ wallMs, counter, nodeId })).toBe(expected)
    expect(parseHlc(expected)).toEqual({ wallMs, counter, nodeId })
  })

  it.each([
    ['empty', ''],
    ['short wall time', '170000000000:000000:n'],
    ['short counter', `${T}:00000:n`],
    ['no node', `${T}:000000:`],
    ['node with a colon', `${T}:000000:a:b`],
    ['node with a comma', `${T}:000000:a,b`],
    ['ISO date', '2026-01-01T00:00:00.000Z'],
  ])('rejects %s', (_, text) => {
    expect(isHlc(text)).toBe(false)
    expect(() => parseHlc(text)).toThrow('Not a valid sync timestamp')
  })

  it.each([
    ['counter past the maximum', { wallMs: T, counter: HLC_COUNTER_MAX + 1, nodeId: 'n' }],
    ['negative wall time', { wallMs: -1, counter: 0, nodeId: 'n' }],
    ['bad node id', { wallMs: T, counter: 0, nodeId: 'a b' }],
  ])('will not format %s', (_, parts) => {
    expect(() => formatHlc(parts)).toThrow()
  })
})

describe('ordering: string order is time order', () => {
  it.each([
    ['earlier ms first', stamp(T, 5, 'b'), stamp(T + 1, 0, 'a'), -1],
    ['same ms: lower counter first', stamp(T, 1, 'z'), stamp(T, 2, 'a'), -1],
    ['same ms and counter: node decides', stamp(T, 1, 'a'), stamp(T, 1, 'b'), -1],
    [
      'a 13-digit wall time across a digit boundary',
      stamp(999_999_999_999, 0, 'a'),
      stamp(1_000_000_000_000, 0, 'a'),
      -1,
    ],
    ['counter 9 before counter 10', stamp(T, 9, 'a'), stamp(T, 10, 'a'), -1],
    ['identical', stamp(T, 3, 'a'), stamp(T, 3, 'a'), 0],
    ['later first', stamp(T + 1, 0, 'a'), stamp(T, 999_999, 'z'), 1],
  ] as const)('%s', (_, a, b, expected) => {
    expect(compareHlc(a, b)).toBe(expected)
    expect(compareHlc(b, a)).toBe(expected === 0 ? 0 : -expected)
    expect([b, a].sort()[0]).toBe(expected <= 0 ? a : b)
  })

  it('maxHlc picks the later stamp and tolerates a missing one', () => {
    expect(maxHlc(stamp(T, 1, 'a'), stamp(T, 0, 'b'))).toBe(stamp(T, 1, 'a'))
    expect(maxHlc(undefined, stamp(T, 0, 'b'))).toBe(stamp(T, 0, 'b'))
    expect(maxHlc(undefined, undefined)).toBeUndefined()
  })
})

describe('tick', () => {
  it.each([
    ['wall time moves on: counter starts at 0', [T, T + 5], [stamp(T, 0, 'n'), stamp(T + 5, 0, 'n')]],
    ['the same ms twice: counter goes up', [T, T, T], [stamp(T, 0, 'n'), stamp(T, 1, 'n'), stamp(T, 2, 'n')]],
    [
      'clock goes backwards: keeps the last wall time, counter goes up',
      [T, T - 3_600_000, T - 1],
      [stamp(T, 0, 'n'), stamp(T, 1, 'n'), stamp(T, 2, 'n')],
    ],
    [
      'clock recovers: back to real time',
      [T, T - 10, T + 1],
      [stamp(T, 0, 'n'), stamp(T, 1, 'n'), stamp(T + 1, 0, 'n')],
    ],
    ['fractional ms are floored', [T + 0.7, T + 0.9], [stamp(T, 0, 'n'), stamp(T, 1, 'n')]],
  ])('%s', (_, readings, expected) => {
    const clock = clockReading(readings, 'n')
    expect(expected.map(() => clock.tick())).toEqual(expected)
  })

  it('counter overflow borrows the next ms instead of wrapping', () => {
    const clock = createClock('n', () => T, stamp(T, HLC_COUNTER_MAX - 1, 'n'))
    expect(clock.tick()).toBe(stamp(T, HLC_COUNTER_MAX, 'n'))
    expect(clock.tick()).toBe(stamp(T + 1, 0, 'n'))
    expect(clock.tick()).toBe(stamp(T + 1, 1, 'n'))
  })

  it('a clock restored with its latest stamp never issues a smaller one, even after the device clock was set back', () => {
    const before = createClock('n', () => T)
    before.tick()
    const latest = before.latest() as string
    const after = createClock('n', () => T - 86_400_000, latest)
    expect(after.tick() > latest).toBe(true)
  })

  it('stamps are strictly increasing over a long run with a jittery clock', () => {
    const readings = Array.from({ length: 2000 }, (_, i) => T + Math.round(Math.sin(i) * 50) + (i >> 4))
    const clock = clockReading(readings)
    const stamps = readings.map(() => clock.tick())
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true)
  })

  it.each([
    ['empty', ''],
    ['a colon', 'a:b'],
    ['too long', 'x'.repeat(65)],
  ])('refuses a node id that is %s', (_, nodeId) => {
    expect(() => createClock(nodeId)).toThrow('Not a valid node id')
  })
})

describe('receive', () => {
  it.each([
    ['remote behind local wall time: local wall time, counter 0', T + 100, stamp(T, 5, 'r'), stamp(T + 100, 0, 'n')],
    [
      'remote ahead of local wall time: adopt it, bump its counter',
      T,
      stamp(T + 5_000, 7, 'r'),
      stamp(T + 5_000, 8, 'n'),
    ],
    [
      'remote hours ahead: still adopted (only the server distrusts future stamps)',
      T,
      stamp(T + 3 * 3_600_000, 0, 'r'),
      stamp(T + 3 * 3_600_000, 1, 'n'),
    ],
    ['remote at local wall time: past its counter', T, stamp(T, 41, 'r'), stamp(T, 42, 'n')],
    ['remote with a full counter: next ms', T, stamp(T + 9, HLC_COUNTER_MAX, 'r'), stamp(T + 10, 0, 'n')],
  ])('%s', (_, wall, remote, expected) => {
    const clock = createClock('n', () => wall)
    clock.receive(remote)
    expect(clock.latest()).toBe(expected)
    expect(clock.tick() > remote).toBe(true)
  })

  it('after receiving, a local tick is later than both what it issued and what it received', () => {
    const clock = createClock('n', () => T)
    const mine = clock.tick()
    clock.tick()
    clock.receive(stamp(T, 0, 'r'))
    const next = clock.tick()
    expect(next > mine).toBe(true)
    expect(next > stamp(T, 0, 'r')).toBe(true)
    expect(next).toBe(stamp(T, 3, 'n'))
  })

  it('refuses a malformed remote stamp', () => {
    expect(() => createClock('n', () => T).receive('yesterday')).toThrow('Not a valid sync timestamp')
  })
})

describe('restampIfFuture (server)', () => {
  it.each([
    ['a stamp from a correct clock is kept', T - 1_000, false],
    ['a stamp exactly at the limit is kept', T + MAX_FUTURE_SKEW_MS, false],
    ['a stamp 1 ms over the limit is replaced', T + MAX_FUTURE_SKEW_MS + 1, true],
    ['a stamp from a clock 3 hours fast is replaced', T + 3 * 3_600_000, true],
  ])('%s', (_, wall, restamped) => {
    const server = createClock('server', () => T)
    const incoming = stamp(wall, 0, 'tablet')
    const result = restampIfFuture(incoming, server, T)
    expect(result.restamped).toBe(restamped)
    expect(result.skewMs).toBe(wall - T)
    if (restamped) {
      expect(parseHlc(result.hlc)).toMatchObject({ wallMs: T, nodeId: 'server' })
      expect(result.hlc < incoming).toBe(true)
    } else {
      expect(result.hlc).toBe(incoming)
      expect(server.tick() > incoming).toBe(true) // the server clock moved past it
    }
  })

  it('a restamped change still orders after every change the server accepted before it', () => {
    const server = createClock('server', () => T)
    const accepted = restampIfFuture(stamp(T + 30_000, 4, 'tablet-b'), server, T)
    const fast = restampIfFuture(stamp(T + 7_200_000, 0, 'tablet-c'), server, T)
    expect(fast.restamped).toBe(true)
    expect(fast.hlc > accepted.hlc).toBe(true)
  })
})
