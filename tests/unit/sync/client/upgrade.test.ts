import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { HuddleDatabase, SYNC_META, type DeviceClockRow } from '@/db/db'
import { isHlc } from '@/shared/sync/hlc'
import { createHttpTransport } from '@/sync/transport.http'

describe('database version 2', () => {
  it('stamps changes queued under version 1, in the order they were made, from a new node id', async () => {
    const old = new Dexie('upgrade-from-v1')
    old.version(1).stores({ outbox: '++seq, &mutationId, table', meta: 'key', units: 'id, csuId' })
    await old.table('outbox').bulkAdd([
      {
        mutationId: 'm1',
        table: 'actions',
        recordId: 'a1',
        unitId: 'u1',
        op: 'put',
        fields: { title: 'One' },
        at: '',
        by: 'Sam',
      },
      {
        mutationId: 'm2',
        table: 'actions',
        recordId: 'a1',
        unitId: 'u1',
        op: 'put',
        fields: { title: 'Two' },
        at: '',
        by: 'Sam',
      },
    ])
    old.close()

    const upgraded = new HuddleDatabase('upgrade-from-v1')
    const rows = await upgraded.outbox.orderBy('seq').toArray()
    expect(rows.map((row) => row.fields.title)).toEqual(['One', 'Two'])
    expect(rows.every((row) => isHlc(row.hlc))).toBe(true)
    expect(rows[0]!.hlc < rows[1]!.hlc).toBe(true)
    const device = (await upgraded.meta.get(SYNC_META.device))?.value as DeviceClockRow
    expect(rows[0]!.hlc.endsWith(`:${device.nodeId}`)).toBe(true)
    expect(device.latest).toBe(rows[1]!.hlc)
    expect(await upgraded.outbox.where('[table+recordId]').equals(['actions', 'a1']).count()).toBe(2)
    upgraded.close()
  })
})

describe('the HTTP transport', () => {
  const reply = (status: number, body: unknown) => async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })
  const pull = { protocol: 1, scope: 'u1', after: 0, limit: 10 }

  it.each([
    ['a network failure', 'offline', async () => Promise.reject(new TypeError('Failed to fetch'))],
    ['an HTML page', 'unavailable', reply(200, '<!doctype html>')],
    ['a reply of the wrong shape', 'unavailable', reply(200, { records: 'none' })],
    ['a 502 with no body', 'unavailable', reply(502, '')],
    ['a bare 426', 'protocol-too-old', reply(426, '')],
    ['a bare 401', 'unauthorised', reply(401, '')],
    [
      'a sync error body',
      'device-revoked',
      reply(403, { error: 'device-revoked', message: 'This tablet was removed from sync.' }),
    ],
  ])('turns %s into a %s result instead of throwing', async (_name, error, fetch) => {
    const transport = createHttpTransport({ fetch: fetch as typeof globalThis.fetch })
    await expect(transport.pull(pull)).resolves.toMatchObject({ error })
  })

  it('asks for a page with the protocol, scope, cursor and limit in the query', async () => {
    const urls: string[] = []
    const transport = createHttpTransport({
      baseUrl: 'https://huddle.example',
      fetch: (async (url: string) => {
        urls.push(url)
        return new Response(
          JSON.stringify({
            protocol: 1,
            scope: 'u1',
            records: [],
            cursor: 0,
            hasMore: false,
            serverTime: 1,
            extra: 'ignored',
          }),
        )
      }) as typeof fetch,
    })
    await expect(transport.pull({ ...pull, after: 7 })).resolves.toMatchObject({ scope: 'u1', hasMore: false })
    expect(urls).toEqual(['https://huddle.example/api/sync/pull?scope=u1&after=7&limit=10&protocol=1'])
  })
})
