import { afterEach, describe, expect, it } from 'vitest'
import { revokeDevice } from '../../server/devices/devices.ts'
import { EVENT_STREAM_LIMITS } from '../../server/limits.ts'
import { BACKENDS, openTestDatabase, startTestServer, type TestDatabase, type TestServer } from './backends.ts'
import { adminTokenFor, bearer, enrolTablet, makeOrg } from './devices.fixtures.ts'

interface Poke {
  scope: string
  seq: number
}

/** An event stream read with fetch and a token, as the tablet reads it. */
async function openStream(url: string, token: string) {
  const abort = new AbortController()
  const res = await fetch(url, { headers: bearer(token), signal: abort.signal })
  const pokes: Poke[] = []
  let ended = false
  const reading = (async () => {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (event.startsWith('event: poke\n')) pokes.push(JSON.parse(event.split('\ndata: ')[1] as string) as Poke)
        }
      }
    } catch {
      // Aborted by the test.
    }
    ended = true
  })()
  return {
    res,
    pokes,
    isEnded: () => ended,
    close: async () => {
      abort.abort()
      await reading
    },
  }
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 3_000): Promise<number> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return Date.now() - started
}

describe.each(BACKENDS)('event streams of enrolled tablets on %s', (backend) => {
  let test: TestDatabase | undefined
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    await test?.close()
    server = undefined
    test = undefined
  })

  async function start() {
    test = await openTestDatabase(backend)
    server = await startTestServer(test, { devices: { revocationCheckMs: 100 } })
    await server.app.listen({ host: '127.0.0.1', port: 0 })
    const address = server.app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const org = await makeOrg(test.db)
    const tablet = await enrolTablet(test.db, 'unit', org.unitA.id)
    const other = await enrolTablet(test.db, 'unit', org.unitA.id)
    const events = (token: string) => openStream(`${base}/api/sync/events?scope=${org.unitA.id}`, token)
    return { base, org, tablet, other, events, db: test.db }
  }

  it('pokes a tablet when the office renames its unit', async () => {
    const { base, org, tablet, events, db } = await start()
    const stream = await events(tablet.token)
    try {
      expect(stream.res.status).toBe(200)
      await waitFor(() => stream.pokes.some((poke) => poke.seq === 1), 'the poke on connect')
      const res = await fetch(`${base}/api/admin/units/${org.unitA.id}`, {
        method: 'PATCH',
        headers: { ...bearer(await adminTokenFor(db)), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ward 7 renamed' }),
      })
      expect(res.status).toBe(200)
      await waitFor(() => stream.pokes.some((poke) => poke.seq === 2), 'the poke after the rename')
    } finally {
      await stream.close()
    }
  })

  it("ends a revoked tablet's open streams at once when revoked through the admin API, and no one else's", async () => {
    const { base, tablet, other, events, db } = await start()
    const [revoked, kept] = [await events(tablet.token), await events(other.token)]
    try {
      await waitFor(() => revoked.pokes.length > 0 && kept.pokes.length > 0, 'both streams to open')
      const res = await fetch(`${base}/api/admin/devices/${tablet.deviceId}/revoke`, {
        method: 'POST',
        headers: bearer(await adminTokenFor(db)),
      })
      expect(res.status).toBe(200)
      await waitFor(revoked.isEnded, 'the revoked stream to end', 1_000)
      await new Promise((resolve) => setTimeout(resolve, 250))
      expect(kept.isEnded()).toBe(false)
      expect((await events(tablet.token)).res.status).toBe(403)
    } finally {
      await revoked.close()
      await kept.close()
    }
  })

  it('ends the stream of a tablet revoked by another process (the CLI) within the revocation check', async () => {
    const { tablet, events } = await start()
    const stream = await events(tablet.token)
    try {
      await waitFor(() => stream.pokes.length > 0, 'the stream to open')
      await revokeDevice(test!.openAnother(), tablet.deviceId)
      await waitFor(stream.isEnded, 'the stream to end', 2_000)
    } finally {
      await stream.close()
    }
  })

  it('carries every scope a trust tablet reads in one stream', async () => {
    const { base, org, db } = await start()
    const trustTablet = await enrolTablet(db, 'trust', org.trust.id)
    const scopes = [org.unitA.id, org.unitB.id, org.elsewhere.id, org.csu.id, org.trust.id]
    const stream = await openStream(
      `${base}/api/sync/events?${scopes.map((s) => `scope=${s}`).join('&')}`,
      trustTablet.token,
    )
    try {
      expect(stream.res.status).toBe(200)
      await waitFor(() => stream.pokes.length >= scopes.length, 'a poke on connect for each scope')
      const res = await fetch(`${base}/api/admin/units/${org.elsewhere.id}`, {
        method: 'PATCH',
        headers: { ...bearer(await adminTokenFor(db)), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ward 9 renamed' }),
      })
      expect(res.status).toBe(200)
      await waitFor(
        () => stream.pokes.some((p) => p.scope === org.elsewhere.id && p.seq === 2),
        'the poke for the renamed unit',
      )
    } finally {
      await stream.close()
    }
  })

  it(`keeps at most ${EVENT_STREAM_LIMITS.perDevice} streams open per device, ending the oldest first`, async () => {
    const { tablet, other, events } = await start()
    const mine: Awaited<ReturnType<typeof events>>[] = []
    for (let i = 0; i <= EVENT_STREAM_LIMITS.perDevice; i++) mine.push(await events(tablet.token))
    const theirs = await events(other.token)
    try {
      await waitFor(() => mine.every((s) => s.pokes.length > 0 || s.isEnded()), 'the streams to open')
      await waitFor(mine[0]!.isEnded, 'the oldest stream to end')
      await new Promise((resolve) => setTimeout(resolve, 250))
      expect(mine.slice(1).map((s) => s.isEnded())).toEqual(mine.slice(1).map(() => false))
      expect(theirs.isEnded()).toBe(false)
    } finally {
      for (const stream of [...mine, theirs]) await stream.close()
    }
  })
})
