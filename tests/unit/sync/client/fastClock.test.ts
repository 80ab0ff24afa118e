// @vitest-environment node
// A tablet whose clock once ran fast: its stored clock is brought back to the allowed skew, so its changes
// are no longer re-stamped by the server and the "clock is wrong" warning can clear (real engine and server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capped } from '@/db/clock'
import { SYNC_META } from '@/db/db'
import type { Action } from '@/domain/types'
import { formatHlc, MAX_FUTURE_SKEW_MS, wallOf } from '@/shared/sync/hlc'
import { startRealServer, type RealServer } from '../harness/realServer'
import { newAction } from '../harness/records'

const HOUR = 3_600_000

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

describe('capped', () => {
  it.each([
    ['no stamp yet', undefined, undefined],
    ['a stamp just behind', formatHlc({ wallMs: 999_000, counter: 4, nodeId: 'dabc' }), 'same'],
    [
      'a stamp within the allowed skew',
      formatHlc({ wallMs: 1_000_000 + MAX_FUTURE_SKEW_MS, counter: 4, nodeId: 'dabc' }),
      'same',
    ],
    [
      'a stamp three hours ahead',
      formatHlc({ wallMs: 1_000_000 + 3 * HOUR, counter: 4, nodeId: 'dabc' }),
      formatHlc({ wallMs: 1_000_000 + MAX_FUTURE_SKEW_MS, counter: 0, nodeId: 'dabc' }),
    ],
  ])('%s', (_, stored, expected) => {
    expect(capped(stored, 1_000_000, 'dabc')).toBe(expected === 'same' ? stored : expected)
  })
})

describe('a tablet whose stored clock is three hours ahead', () => {
  it('sends changes the server keeps as stamped, so no clock warning', async () => {
    const tablet = server.tablet('was-fast')
    await tablet.enrol('unit', server.org.unitA.id)
    const device = (await tablet.database.meta.get(SYNC_META.device))?.value as { nodeId: string } | undefined
    const nodeId = device?.nodeId ?? 'dfast'
    await tablet.database.meta.put({
      key: SYNC_META.device,
      value: { nodeId, latest: formatHlc({ wallMs: Date.now() + 3 * HOUR, counter: 0, nodeId }) },
    })
    await tablet.repo.saveRecord<Action>(
      'actions',
      newAction(`fast-${server.org.unitA.id}`, server.org.unitA.id, { title: 'Stamped now' }),
      'Sam',
    )
    const [entry] = await tablet.database.outbox.toArray()
    expect(wallOf(entry!.hlc)).toBeLessThanOrEqual(Date.now() + MAX_FUTURE_SKEW_MS)
    const result = await tablet.engine.syncOnce()
    expect(result).toMatchObject({ outcome: 'synced', pushed: 1 })
    expect(result.clockSkewMs).toBeUndefined()
  })

  it('writes record times from the corrected clock, not the raw device clock', async () => {
    const tablet = server.tablet('fast-now')
    await tablet.enrol('unit', server.org.unitA.id)
    // What the engine stores after the server said this tablet's clock is three hours fast.
    await tablet.database.meta.put({ key: SYNC_META.device, value: { nodeId: 'dfastnow', offsetMs: -3 * HOUR } })
    const saved = await tablet.repo.saveRecord<Action>(
      'actions',
      newAction(`times-${server.org.unitA.id}`, server.org.unitA.id, { title: 'Times' }),
      'Sam',
    )
    for (const time of [saved.createdAt, saved.updatedAt]) {
      expect(Math.abs(Date.parse(time) - (Date.now() - 3 * HOUR))).toBeLessThan(60_000)
    }
  })
})
