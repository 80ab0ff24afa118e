// PostgreSQL cutting every connection of the server while tablets push, pull and listen
// (a failover, a restart, pg_terminate_backend): the process must stay up, be ready again
// within seconds, lose nothing it acknowledged, and live updates must resume.
import { push, openEvents, pullAll, type EventStream } from './client.ts'
import { createRunDatabase, pgAdmin, terminateConnections } from './databases.ts'
import { Ledger } from './ledger.ts'
import { seedWards, type Tablet } from './org.ts'
import type { Random } from './random.ts'
import { startServerProcess, waitUntilReady } from './serverProcess.ts'

export interface TerminationResult {
  rounds: number
  survived: number
  connectionsCut: number
  maxRecoveryMs: number
  /** Requests that failed while connections were being cut (expected; the tablets retry). */
  failedDuringCuts: number
  /** Acknowledged changes not on the server (all of them, when the server died and could not be asked). */
  lost: number
  duplicated: number
  liveUpdatesResumed: boolean
  crashes: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function pgTerminations(rounds: number, random: Random): Promise<TerminationResult> {
  const database = await createRunDatabase('postgres', 'term')
  const admin = pgAdmin()
  try {
    const ward = await seedWards(database.config, 2, 4)
    const server = await startServerProcess(database.env)
    const result: TerminationResult = {
      rounds: 0,
      survived: 0,
      connectionsCut: 0,
      maxRecoveryMs: 0,
      failedDuringCuts: 0,
      lost: 0,
      duplicated: 0,
      liveUpdatesResumed: false,
      crashes: 0,
    }
    let stop = false
    const ledgers = new Map<Tablet, Ledger>()
    const streams: EventStream[] = []
    try {
      // Load: every tablet pushes and pulls in a loop, and holds an event stream.
      const load = ward.tablets.map(async (tablet, index) => {
        const ledger = new Ledger(`term${index}`)
        ledgers.set(tablet, ledger)
        const outbox: string[] = []
        while (!stop) {
          for (let i = random.int(1, 10); i > 0; i--) outbox.push(ledger.next(tablet.scopeId).mutationId)
          const reply = await push(
            server.url,
            tablet.token,
            outbox.map((id) => ledger.made.get(id)!),
          )
          if (reply.status === 200) {
            ledger.acknowledge((reply.body as { accepted: string[] }).accepted)
            outbox.length = 0
          } else result.failedDuringCuts++
          await sleep(random.int(10, 60))
        }
        // Drain what is left, as a tablet does once the server answers again (if it is still there).
        while (outbox.length > 0 && server.alive()) {
          const reply = await push(
            server.url,
            tablet.token,
            outbox.map((id) => ledger.made.get(id)!),
          )
          if (reply.status === 200) {
            ledger.acknowledge((reply.body as { accepted: string[] }).accepted)
            outbox.length = 0
          } else await sleep(200)
        }
      })
      for (const tablet of ward.tablets) streams.push(await openEvents(server.url, tablet.token, [tablet.scopeId]))

      for (let round = 0; round < rounds; round++) {
        await sleep(random.int(300, 1_500))
        result.rounds++
        result.connectionsCut += await terminateConnections(admin, database.pgName as string)
        const cutAt = Date.now()
        await sleep(300)
        if (!server.alive()) break
        try {
          await waitUntilReady(server.url, () => server.alive(), 20_000)
        } catch {
          break
        }
        result.maxRecoveryMs = Math.max(result.maxRecoveryMs, Date.now() - cutAt)
        if (server.alive()) result.survived++
      }
      stop = true
      await Promise.all(load)

      if (!server.alive()) {
        // It died (the defect this part exists for): nothing left to check on it.
        result.crashes = Math.max(server.crashes, 1)
        result.lost = [...ledgers.values()].reduce((sum, ledger) => sum + ledger.acknowledged.size, 0)
        return result
      }
      // Live updates: the LISTEN connection was cut too; a change on one tablet must still poke another.
      const [first, second] = ward.tablets
      const watching = streams[1]
      if (first && second && watching?.open) {
        const poked = watching.nextPoke(10_000)
        const ledger = new Ledger('term-live')
        await push(server.url, first.token, [ledger.next(second.scopeId)])
        result.liveUpdatesResumed = await poked
      }
      for (const [tablet, ledger] of ledgers) {
        const { records, duplicates } = await pullAll(server.url, tablet.token, tablet.scopeId)
        result.lost += ledger.lostIn(records).length
        result.duplicated += duplicates
      }
      // The tablets share scopes: a tablet's records are checked against its own ledger only.
      result.crashes = Math.max(server.crashes, server.alive() ? 0 : 1)
      return result
    } catch (error) {
      throw new Error(`${(error as Error).message}\nServer output:\n${server.output().slice(-3000)}`, { cause: error })
    } finally {
      stop = true
      for (const stream of streams) stream.close()
      await server.stop().catch(() => undefined)
    }
  } finally {
    await admin.destroy()
    await database.drop()
  }
}
