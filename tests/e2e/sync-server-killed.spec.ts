import Database from 'better-sqlite3'
import { expect, test, type Page, type Request, type Route } from '@playwright/test'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { readStore } from './indexedDb.ts'
import { pull } from './syncApi.ts'
import {
  enrolFromFirstRun,
  FALLS,
  launchTablet,
  openEnrolledBoard,
  setUpWardBoard,
  storedEnrolment,
  SYNC_TIMEOUT,
  Teardown,
} from './syncTablets.ts'
import { startSyncServer, type SyncServer } from './syncServer.ts'

const PUSH = '**/api/sync/push'
const CUSHIONS = 'Order pressure-relief cushions'

interface LostPush {
  /** The mutations the lost push carried. */
  mutationIds: string[]
  /** The mutation ids the server accepted (committed) before its answer was thrown away
   * (case A), or null when it never saw the request (case B). */
  serverAccepted: string[] | null
}

/**
 * Makes the next push from this page die with the server: either the server commits it
 * and is killed before its answer reaches the tablet (`response-lost`), or it is killed
 * while the request is still on its way (`request-lost`). Deterministic: the route holds
 * the request until the server is dead.
 */
async function killServerDuringNextPush(
  page: Page,
  server: SyncServer,
  mode: 'response-lost' | 'request-lost',
): Promise<{ lost: Promise<LostPush> }> {
  let settle!: (lost: LostPush) => void
  let fail!: (error: unknown) => void
  const lost = new Promise<LostPush>((resolve, reject) => ((settle = resolve), (fail = reject)))
  await page.route(
    PUSH,
    async (route) => {
      try {
        const mutationIds = (route.request().postDataJSON() as { mutations: { mutationId: string }[] }).mutations.map(
          (m) => m.mutationId,
        )
        const response = mode === 'response-lost' ? await route.fetch() : undefined
        const serverAccepted = response ? ((await response.json()) as { accepted: string[] }).accepted : null
        await server.kill()
        await route.abort(mode === 'response-lost' ? 'connectionreset' : 'connectionrefused')
        settle({ mutationIds, serverAccepted })
      } catch (error) {
        fail(error)
      }
    },
    { times: 1 },
  )
  // Wrapped: an async function returning the promise itself would wait for it.
  return { lost }
}

/** The lost push, or a clear failure if the tablet never sends one. */
async function whenLost(lost: Promise<LostPush>): Promise<LostPush> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The tablet sent no push within ${SYNC_TIMEOUT} ms of saving a change`)),
      SYNC_TIMEOUT,
    )
  })
  try {
    return await Promise.race([lost, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Holds this page's pushes (a retry would otherwise race the checks on the server) until
 * the returned function is called; then they go on to the server as usual. */
async function holdPushes(page: Page): Promise<() => Promise<void>> {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const hold = async (route: Route) => {
    await gate
    await route.fallback()
  }
  await page.route(PUSH, hold)
  return async () => {
    release()
    await page.unroute(PUSH, hold)
  }
}

function pushedMutationIds(request: Request): string[] {
  if (request.method() !== 'POST' || !request.url().endsWith('/api/sync/push')) return []
  return (request.postDataJSON() as { mutations: { mutationId: string }[] }).mutations.map((m) => m.mutationId)
}

const teardown = new Teardown()
test.afterEach(() => teardown.run())

test('the sync server is killed in the middle of a push and restarted: nothing is lost and nothing is applied twice', async () => {
  test.setTimeout(240_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward A'])
  const wardA = org.units['Ward A']!
  const [code1, code2] = [await issueCode(server, wardA), await issueCode(server, wardA)]

  const first = teardown.add(await launchTablet(server.url, 'Ward A nurses station'), (tablet) => tablet.close())
  const second = teardown.add(await launchTablet(server.url, 'Ward A huddle screen'), (tablet) => tablet.close())
  // Every mutation either tablet ever sends, however often it is sent.
  const sent = new Set<string>()
  for (const tablet of [first, second])
    tablet.context.on('request', (request) => pushedMutationIds(request).forEach((id) => sent.add(id)))

  await enrolFromFirstRun(first, code1)
  await setUpWardBoard(first, 'Ward A', 'Sam Okafor')
  await first.sync.expectSynced()
  await enrolFromFirstRun(second, code2)
  await openEnrolledBoard(second, 'Ward A')
  const { token } = await storedEnrolment(second.page)

  // Case A: the server commits the push, then dies before the tablet hears back.
  let lostPush = await killServerDuringNextPush(first.page, server, 'response-lost')
  const form = await first.board.openAddAction()
  await form.title.fill(CUSHIONS)
  await form.ownerName.fill('Sam Okafor')
  await form.saveButton.click()
  // The first save on a screen asks who is doing it.
  await first.board.shell.pickName('Sam Okafor')
  await expect(form.dialog).toBeHidden()
  let lost = await whenLost(lostPush.lost)
  expect(lost.serverAccepted, 'the server committed the push before it died').toEqual(lost.mutationIds)
  await expect(first.sync.chip).toContainText('1 change waiting to sync', { timeout: SYNC_TIMEOUT })
  let outbox = await readStore<{ mutationId: string }>(first.page, 'outbox')
  expect(
    outbox.map((entry) => entry.mutationId),
    'the tablet keeps the change it never heard back about',
  ).toEqual(lost.mutationIds)

  let releasePushes = await holdPushes(first.page)
  await server.restart()
  const afterA = await pull(server, wardA, token)
  expect(
    afterA.records.filter((r) => r.table === 'actions').map((r) => r.fields.title),
    'what it committed survived the kill',
  ).toEqual([CUSHIONS])
  await releasePushes()
  await first.sync.syncNow()
  await first.sync.expectSynced()
  expect(await readStore(first.page, 'outbox')).toEqual([])

  // Case B: the server dies while the push is on its way; it never sees it.
  lostPush = await killServerDuringNextPush(first.page, server, 'request-lost')
  const keypad = await first.board.openKeypad(FALLS)
  await keypad.tap('3')
  await keypad.saveButton.click()
  await first.board.shell.nameIfAsked('Sam Okafor')
  await expect(keypad.dialog).toBeHidden()
  lost = await whenLost(lostPush.lost)
  expect(lost.serverAccepted).toBeNull()
  await expect(first.sync.chip).toContainText('1 change waiting to sync', { timeout: SYNC_TIMEOUT })
  outbox = await readStore<{ mutationId: string }>(first.page, 'outbox')
  expect(outbox.map((entry) => entry.mutationId)).toEqual(lost.mutationIds)

  releasePushes = await holdPushes(first.page)
  await server.restart()
  const afterB = await pull(server, wardA, token)
  expect(
    afterB.records.filter((r) => r.table === 'entries'),
    'the server never saw it',
  ).toEqual([])
  await releasePushes()
  await first.sync.syncNow()
  await first.sync.expectSynced()
  expect(await readStore(first.page, 'outbox'), 'every change was acknowledged').toEqual([])

  // The other tablet shows every change, once.
  await second.sync.syncNow()
  await expect(second.board.actionRow(CUSHIONS)).toHaveCount(1)
  await expect(second.board.actionRows).toHaveCount(1)
  await expect(second.board.tileValue(FALLS)).toHaveText('3 falls')
  expect(await readStore(second.page, 'outbox')).toEqual([])

  // On the server itself: each mutation applied exactly once, each record once.
  await server.stop()
  const db = new Database(server.databaseFile, { readonly: true, fileMustExist: true })
  try {
    const applied = db.prepare('SELECT mutation_id AS id FROM applied_mutations WHERE device_id IS NOT NULL').all() as {
      id: string
    }[]
    expect(applied.length, 'one applied_mutations row per distinct mutation sent').toBe(sent.size)
    expect(new Set(applied.map((row) => row.id))).toEqual(sent)
    const actions = db.prepare("SELECT fields FROM records WHERE scope = ? AND tbl = 'actions'").all(wardA) as {
      fields: string
    }[]
    expect(actions.map((row) => (JSON.parse(row.fields) as { title: string }).title)).toEqual([CUSHIONS])
    const falls = db.prepare("SELECT fields FROM records WHERE scope = ? AND tbl = 'entries'").all(wardA) as {
      fields: string
    }[]
    expect(falls.map((row) => (JSON.parse(row.fields) as { value: unknown }).value)).toEqual([3])
  } finally {
    db.close()
  }
})
