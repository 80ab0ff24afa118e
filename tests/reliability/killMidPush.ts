// Kill the server (SIGKILL, no warning) while a tablet's push is in flight, start it again,
// and let the tablet retry as the app does: the same mutations, until they are acknowledged.
// Whatever moment the kill hits (before the body arrived, inside the transaction, after the
// commit but before the answer), nothing acknowledged may be lost and nothing applied twice.
import type { BackendName } from '../server/backends.ts'
import { push, pullAll } from './client.ts'
import { createRunDatabase } from './databases.ts'
import { idsRecordedTwice, Ledger } from './ledger.ts'
import { seedWards, withDatabase } from './org.ts'
import type { Random } from './random.ts'
import { startServerProcess } from './serverProcess.ts'

export interface KillResult {
  kills: number
  mutations: number
  acknowledged: number
  lost: number
  duplicated: number
  /** Pushes answered with something other than 200 while the server was up (it must not refuse a retry). */
  refusedRetries: number
  crashes: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function killMidPush(backend: BackendName, targetKills: number, random: Random): Promise<KillResult> {
  const database = await createRunDatabase(backend, 'kill')
  try {
    const ward = await seedWards(database.config, 1, 1)
    const tablet = ward.tablets[0]
    const scope = ward.units[0]
    if (!tablet || !scope) throw new Error('No tablet')
    const server = await startServerProcess(database.env)
    const ledger = new Ledger('killtab')
    const outbox: string[] = []
    let kills = 0
    let refusedRetries = 0
    try {
      while (kills < targetKills || outbox.length > 0) {
        // The tablet keeps working between pushes (until the last kill; then it only drains its outbox).
        if (kills < targetKills)
          for (let i = random.int(10, 120); i > 0; i--) outbox.push(ledger.next(scope).mutationId)
        const batch = outbox.slice(0, random.int(20, 300))
        let settled = false
        const pushing = push(
          server.url,
          tablet.token,
          batch.map((id) => ledger.made.get(id)!),
        ).finally(() => {
          settled = true
        })
        let killed = false
        if (kills < targetKills) {
          // Somewhere inside the push: a few ms in is usually before the commit, later often after it.
          await sleep(random.int(0, 40))
          if (!settled) {
            await server.kill()
            kills++
            killed = true
          }
        }
        const reply = await pushing
        if (reply.status === 200) {
          const accepted = (reply.body as { accepted: string[] }).accepted
          ledger.acknowledge(accepted)
          const done = new Set(accepted)
          for (let i = outbox.length - 1; i >= 0; i--) if (done.has(outbox[i] as string)) outbox.splice(i, 1)
        } else if (reply.status !== 0) {
          refusedRetries++
        }
        if (killed) await server.start()
      }
      const { records, duplicates } = await pullAll(server.url, tablet.token, scope)
      const lost = ledger.lostIn(records).length
      await server.stop()
      const twice = await withDatabase(database.config, idsRecordedTwice)
      return {
        kills,
        mutations: ledger.made.size,
        acknowledged: ledger.acknowledged.size,
        lost: lost + (ledger.made.size - ledger.acknowledged.size),
        duplicated: duplicates + twice,
        refusedRetries,
        crashes: server.crashes,
      }
    } catch (error) {
      await server.stop().catch(() => undefined)
      throw new Error(`${(error as Error).message}\nServer output:\n${server.output().slice(-3000)}`, { cause: error })
    }
  } finally {
    await database.drop()
  }
}
