// The device sync API called straight over HTTP, as a tablet's transport would: for
// checking on the server what tablets could and could not do.
import { randomUUID } from 'node:crypto'
import { formatHlc } from '../../src/shared/sync/hlc.ts'
import { PROTOCOL_VERSION, type Mutation } from '../../src/shared/sync/protocol.ts'
import type { SyncServer } from './syncServer.ts'

export interface ApiAnswer {
  status: number
  body: { error?: string; message?: string; [key: string]: unknown } | undefined
}

function authorisation(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

async function answer(res: Response): Promise<ApiAnswer> {
  const text = await res.text()
  let body: ApiAnswer['body']
  try {
    body = JSON.parse(text) as ApiAnswer['body']
  } catch {
    body = undefined
  }
  return { status: res.status, body }
}

export interface PulledRecord {
  table: string
  id: string
  scope: string
  fields: Record<string, unknown>
}

/** GET /api/sync/pull from the start, one page (enough for a test's handful of records). */
export async function pull(
  server: SyncServer,
  scope: string,
  token?: string,
): Promise<ApiAnswer & { records: PulledRecord[] }> {
  const query = new URLSearchParams({ protocol: String(PROTOCOL_VERSION), scope, after: '0', limit: '1000' })
  const reply = await answer(await fetch(`${server.url}/api/sync/pull?${query}`, { headers: authorisation(token) }))
  const records = (reply.status === 200 ? (reply.body?.records as PulledRecord[]) : undefined) ?? []
  return { ...reply, records }
}

/** POST /api/sync/push of one new action in `scope`, well formed in every other way. Sent in protocol 1 (a tablet
 * not yet updated), where a change the device may not make refuses the push with 403; protocol 2 answers 200
 * and lists it under `refused` (tests/server/deviceSync.test.ts). */
export async function pushNewAction(
  server: SyncServer,
  scope: string,
  title: string,
  token?: string,
): Promise<ApiAnswer & { mutation: Mutation }> {
  const now = Date.now()
  const mutation: Mutation = {
    mutationId: randomUUID(),
    table: 'actions',
    recordId: randomUUID(),
    scope,
    hlc: formatHlc({ wallMs: now, counter: 0, nodeId: 'e2e-outsider' }),
    fields: { title: { set: title }, status: { set: 'open' } },
  }
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorisation(token) },
    body: JSON.stringify({ protocol: 1, mutations: [mutation] }),
  })
  return { ...(await answer(res)), mutation }
}

/** GET /api/sync/events: only the status and, for a refusal, its body (an accepted
 * stream stays open, so it is closed at once). */
export async function openEvents(server: SyncServer, scope: string, token?: string): Promise<ApiAnswer> {
  const controller = new AbortController()
  const res = await fetch(`${server.url}/api/sync/events?${new URLSearchParams({ scope })}`, {
    headers: authorisation(token),
    signal: controller.signal,
  })
  if (res.ok) {
    controller.abort()
    return { status: res.status, body: undefined }
  }
  return answer(res)
}

/** POST /api/enrol, as the enrol screen does: a device token for a one-time code. */
export async function enrolDevice(
  server: SyncServer,
  code: string,
  deviceName: string,
): Promise<{ deviceId: string; token: string }> {
  const res = await fetch(`${server.url}/api/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code.replace(/-/g, ''), deviceName }),
  })
  const reply = await answer(res)
  if (reply.status !== 201) throw new Error(`POST /api/enrol answered ${reply.status}: ${JSON.stringify(reply.body)}`)
  return reply.body as unknown as { deviceId: string; token: string }
}
