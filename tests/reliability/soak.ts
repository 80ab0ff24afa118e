// A busy hospital for a minute: 50 tablets on 5 wards, each pushing and pulling about once a
// second and holding an event stream (50 listeners). Nothing may fail with a 5xx, every
// acknowledged change must be on the server, and each change pokes the ward's other tablets.
import type { BackendName } from '../server/backends.ts'
import { call, openEvents, push, pullAll, type EventStream } from './client.ts'
import { createRunDatabase } from './databases.ts'
import { Ledger } from './ledger.ts'
import { seedWards } from './org.ts'
import type { Random } from './random.ts'
import { startServerProcess } from './serverProcess.ts'

export interface SoakResult {
  tablets: number
  listeners: number
  seconds: number
  pushes: number
  pulls: number
  changes: number
  pokes: number
  serverErrors: number
  otherFailures: number
  streamsDropped: number
  pushMs: { p50: number; p95: number; max: number }
  lost: number
  duplicated: number
  crashes: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number)
}

export async function soak(backend: BackendName, seconds: number, random: Random): Promise<SoakResult> {
  const database = await createRunDatabase(backend, 'soak')
  try {
    const ward = await seedWards(database.config, 5, 10)
    const server = await startServerProcess(database.env)
    const streams: EventStream[] = []
    const latencies: number[] = []
    const result: SoakResult = {
      tablets: ward.tablets.length,
      listeners: 0,
      seconds,
      pushes: 0,
      pulls: 0,
      changes: 0,
      pokes: 0,
      serverErrors: 0,
      otherFailures: 0,
      streamsDropped: 0,
      pushMs: { p50: 0, p95: 0, max: 0 },
      lost: 0,
      duplicated: 0,
      crashes: 0,
    }
    try {
      for (const tablet of ward.tablets) streams.push(await openEvents(server.url, tablet.token, [tablet.scopeId]))
      result.listeners = streams.length
      const deadline = Date.now() + seconds * 1000
      const ledgers = ward.tablets.map((_tablet, index) => new Ledger(`soak${index}`))
      const count = (status: number) => {
        if (status >= 500) result.serverErrors++
        else if (status !== 200) result.otherFailures++
      }
      await Promise.all(
        ward.tablets.map(async (tablet, index) => {
          const ledger = ledgers[index] as Ledger
          let cursor = 0
          // Start spread over the first second, as tablets do.
          await sleep(random.int(0, 1_000))
          while (Date.now() < deadline) {
            const changes = Array.from({ length: random.int(1, 5) }, () => ledger.next(tablet.scopeId))
            const started = Date.now()
            const pushed = await push(server.url, tablet.token, changes)
            latencies.push(Date.now() - started)
            result.pushes++
            count(pushed.status)
            if (pushed.status === 200) {
              ledger.acknowledge((pushed.body as { accepted: string[] }).accepted)
              result.changes += changes.length
            }
            const pulled = await call(
              server.url,
              tablet.token,
              'GET',
              `/api/sync/pull?protocol=1&scope=${tablet.scopeId}&after=${cursor}&limit=500`,
            )
            result.pulls++
            count(pulled.status)
            if (pulled.status === 200) cursor = (pulled.body as { cursor: number }).cursor
            await sleep(random.int(500, 1_500))
          }
        }),
      )
      result.pokes = streams.reduce((sum, stream) => sum + stream.pokes, 0)
      result.streamsDropped = streams.filter((stream) => !stream.open).length
      // Every ward's records once (no record twice), and every tablet's acknowledged changes among its ward's.
      for (const unit of ward.units) {
        const reader = ward.tablets.find((tablet) => tablet.scopeId === unit)
        if (!reader) continue
        const { records, duplicates } = await pullAll(server.url, reader.token, unit)
        result.duplicated += duplicates
        ward.tablets.forEach((tablet, index) => {
          if (tablet.scopeId === unit) result.lost += ledgers[index]?.lostIn(records).length ?? 0
        })
      }
      latencies.sort((a, b) => a - b)
      result.pushMs = { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: latencies.at(-1) ?? 0 }
      result.crashes = Math.max(server.crashes, server.alive() ? 0 : 1)
      return result
    } catch (error) {
      throw new Error(`${(error as Error).message}\nServer output:\n${server.output().slice(-3000)}`, { cause: error })
    } finally {
      for (const stream of streams) stream.close()
      await server.stop().catch(() => undefined)
    }
  } finally {
    await database.drop()
  }
}
