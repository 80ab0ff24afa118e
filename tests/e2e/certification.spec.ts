// LIM certification end to end on real tablets and a real sync server: a colleague puts an improvement
// forward from a ward tablet while offline and the sponsor endorses it there; it syncs; the improvement
// office assesses it on its own tablet with feedback on one criterion; the colleague improves the
// reflection and sends it again; the office certifies it; the certificate prints on one A4 landscape
// page; and the improvement appears among the concept's local examples on the ward tablet.
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { addDays, londonDay } from '../../src/domain/dates.ts'
import { formatHlc } from '../../src/shared/sync/hlc.ts'
import type { JsonValue } from '../../src/shared/sync/json.ts'
import type { Mutation } from '../../src/shared/sync/protocol.ts'
import { expectNoA11yViolations } from './a11y.ts'
import { createOrganisation, issueCode } from './adminSetup.ts'
import {
  enrolFromFirstRun,
  FALLS,
  launchTablet,
  readAllStores,
  setUpWardBoard,
  storedEnrolment,
  SYNC_TIMEOUT,
  Teardown,
  type Tablet,
} from './syncTablets.ts'
import { startSyncServer, type SyncServer } from './syncServer.ts'

const IDEA = 'A bedside falls huddle at the start of each night shift'
const REFLECTION =
  'We tested a bedside falls huddle in bay 2 over three PDSA cycles and looked at the falls chart together every week.'
const FEEDBACK = 'Say what patients and the night team noticed'

const teardown = new Teardown()
test.afterEach(() => teardown.run())

/** 26 weeks of falls at about 6 a week, then 20 weeks at about 2, and the idea that made the change, pushed as the
 * ward tablet would have (its history, imported long ago), so the journey starts from a ward with a real chart. */
async function pushWardHistory(server: SyncServer, ward: Tablet, unitId: string): Promise<string> {
  const stores = await readAllStores(ward.page)
  const falls = (stores.measures as { id: string; name: string; boardId: string }[]).find((m) => m.name === FALLS)!
  const today = londonDay()
  const change = addDays(today, -20 * 7 + 1)
  const at = new Date().toISOString()
  const meta = { createdAt: at, updatedAt: at, updatedBy: 'Sam Okafor' }
  let counter = 0
  const mutation = (table: string, recordId: string, fields: Record<string, JsonValue>): Mutation => ({
    mutationId: randomUUID(),
    table,
    recordId,
    scope: unitId,
    hlc: formatHlc({ wallMs: Date.now(), counter: counter++, nodeId: 'e2e-history' }),
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { set: v }])),
  })
  const mutations: Mutation[] = []
  for (let i = 0; i < 46 * 7; i++) {
    const day = addDays(change, i - 26 * 7)
    if (day > today) break
    const value = i % 7 === 0 ? (day < change ? 6 : 2) + ((i / 7) % 3) - 1 : 0
    mutations.push(
      mutation('entries', `${falls.id}:${day}`, {
        ...meta,
        measureId: falls.id,
        boardId: falls.boardId,
        day,
        value,
        comment: '',
      }),
    )
  }
  const ideaId = randomUUID()
  mutations.push(
    mutation('ideas', ideaId, {
      ...meta,
      boardId: falls.boardId,
      problem: 'Falls at night in bay 2',
      idea: IDEA,
      benefit: '',
      wastes: [],
      raisedBy: 'Sam Okafor',
      status: 'implemented',
      statusChangedAt: `${change}T10:00:00.000Z`,
      notProgressedReason: '',
      implementedAt: `${change}T10:00:00.000Z`,
      owner: 'Sam Okafor',
      sponsor: 'Dr Amir Khan',
      effort: null,
      impact: null,
      measureId: falls.id,
      conceptIds: ['pdsa'],
    }),
  )
  const { token } = await storedEnrolment(ward.page)
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocol: 1, mutations }),
  })
  expect(res.status).toBe(200)
  return ideaId
}

/** Saves through "Who is doing this?" when it asks (the first save on a screen). */
async function asWho(tablet: Tablet, person: string, save: () => Promise<void>) {
  await save()
  const picker = tablet.board.shell.namePicker
  await picker.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined)
  if (await picker.isVisible()) {
    const listed = picker.getByRole('button', { name: person, exact: true })
    if (await listed.count()) await tablet.board.shell.pickName(person)
    else await tablet.board.shell.typeName(person)
  }
}

const state = (page: Page) => page.getByTestId('cert-state')

test('a ward puts an improvement forward offline, the office assesses it, the ward improves it and it is certified', async () => {
  test.setTimeout(300_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward A'])
  const wardA = org.units['Ward A']!

  const ward = teardown.add(await launchTablet(server.url, 'Ward A nurses station'), (tablet) => tablet.close())
  await enrolFromFirstRun(ward, await issueCode(server, wardA))
  await setUpWardBoard(ward, 'Ward A', 'Sam Okafor')
  await ward.sync.expectSynced()
  const ideaId = await pushWardHistory(server, ward, wardA)
  await ward.sync.syncNow()
  await ward.sync.expectSynced()

  // Open the screens once online (no service worker here, so their code is fetched now), then go offline.
  const { page } = ward
  await page.goto(`/board/ideas/${ideaId}/certify`)
  await expect(page.getByTestId('sustained-check')).toContainText('Is it sustained? Sustained.')
  await page.goto(`/certification/none`)
  await expect(page.getByRole('heading', { name: 'Not on this tablet' })).toBeVisible()
  await page.goto(`/board/ideas/${ideaId}`)
  const certify = page.getByRole('link', { name: 'LIM certification' })
  // The idea's page is loaded (its code and the idea) before the network goes.
  await expect(certify).toBeVisible()
  await ward.context.setOffline(true)
  await certify.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Put forward for LIM certification' })).toBeVisible()
  await expect(page.getByLabel('Who did this work?')).toHaveValue('Sam Okafor')
  await page.getByLabel('Who did this work?').fill('Sam Okafor, Priya Shah')
  await page.getByLabel('Your reflection').fill(REFLECTION)
  await page.getByLabel('Yes, show our names').check()
  await expectNoA11yViolations(page)
  await asWho(ward, 'Sam Okafor', () => page.getByRole('button', { name: 'Put forward for certification' }).click())
  await page.waitForURL('**/certification/*')
  await expect(state(page)).toHaveText('Waiting for the sponsor')
  expect(page.url()).toMatch(/\/certification\/[0-9a-f-]{36}$/)

  // The sponsor endorses it on the same tablet, still offline.
  await page.getByLabel('Why you back this improvement, Dr Amir Khan').fill('The night team now runs this every shift.')
  await asWho(ward, 'Dr Amir Khan', () => page.getByRole('button', { name: 'Endorse', exact: true }).click())
  await expect(state(page)).toHaveText('Waiting for the improvement office')
  await ward.context.setOffline(false)
  await ward.sync.syncNow()
  await ward.sync.expectSynced()

  // The improvement office, on its own tablet enrolled for the trust.
  const office = teardown.add(await launchTablet(server.url, 'Improvement office'), (tablet) => tablet.close())
  await enrolFromFirstRun(office, await issueCode(server, org.trustId, 'trust'))
  await office.page.goto('/certification')
  await office.page.getByRole('link', { name: IDEA }).click({ timeout: SYNC_TIMEOUT })
  await expect(state(office.page)).toHaveText('Waiting for the improvement office')
  await expect(office.page.getByTestId('sustained-check')).toContainText('Is it sustained? Sustained.')
  await expect(office.page.getByTestId('finding-sustainable')).toContainText('Sustained: Falls improved')
  await expect(office.page.locator('canvas')).toBeVisible()
  const decide = (criterion: string, choice: 'Met' | 'Not yet') =>
    office.page
      .getByRole('group', { name: `Is “${criterion}” met?` })
      .getByLabel(choice, { exact: true })
      .check()
  await decide('Meaningful', 'Not yet')
  await decide('Measurable', 'Met')
  await decide('Sustainable', 'Met')
  await office.page.getByLabel('Feedback on “Meaningful”').fill(FEEDBACK)
  await expectNoA11yViolations(office.page)
  await asWho(office, 'Kay Office', () => office.page.getByRole('button', { name: 'Save the assessment' }).click())
  await expect(state(office.page)).toHaveText('Not yet')
  await office.sync.syncNow()

  // The ward sees the outcome and the feedback, improves the reflection and sends it again.
  await ward.sync.syncNow()
  await expect(state(page)).toHaveText('Not yet', { timeout: SYNC_TIMEOUT })
  await expect(page.getByTestId('cert-thread')).toContainText(`Meaningful: not yet – ${FEEDBACK}`)
  await page.reload()
  await page
    .getByLabel('Your reflection')
    .fill(`${REFLECTION} Patients told us they felt safer at night, and the night team asked to keep it.`)
  await asWho(ward, 'Priya Shah', () => page.getByRole('button', { name: 'Send it again' }).click())
  await expect(state(page)).toHaveText('Waiting for the improvement office · round 2')
  await ward.sync.syncNow()

  // The office certifies it.
  await office.sync.syncNow()
  await expect(state(office.page)).toHaveText('Waiting for the improvement office · round 2', { timeout: SYNC_TIMEOUT })
  await expect(office.page.getByTestId('cert-reflection')).toContainText('Patients told us they felt safer')
  await decide('Meaningful', 'Met')
  await decide('Measurable', 'Met')
  await decide('Sustainable', 'Met')
  await asWho(office, 'Kay Office', () => office.page.getByRole('button', { name: 'Save the assessment' }).click())
  await expect(state(office.page)).toHaveText('Certified · round 2')
  await office.sync.syncNow()

  // The certificate: one A4 landscape page.
  await office.page.getByRole('link', { name: 'Print the certificate' }).click()
  await expect(office.page.getByTestId('certificate-people')).toHaveText('Sam Okafor and Priya Shah')
  await expectNoA11yViolations(office.page)
  const pdf = await office.page.pdf({ preferCSSPageSize: true, printBackground: true })
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
  expect(pages).toHaveLength(1)
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/)
  expect(box && Math.round(Number(box[1]))).toBe(842)
  expect(box && Math.round(Number(box[2]))).toBe(595)
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/certificate.pdf', pdf)
  await office.page.emulateMedia({ media: 'print' })
  await office.page.setViewportSize({ width: 1123, height: 794 })
  await office.page.screenshot({ path: 'test-results/certificate-print.png', fullPage: true })
  await office.page.emulateMedia({ media: 'screen' })

  // The ward: certified, and the improvement is a local example on the PDSA concept's page.
  await ward.sync.syncNow()
  await expect(state(page)).toHaveText('Certified · round 2', { timeout: SYNC_TIMEOUT })
  await page.goto('/concepts/pdsa')
  await expect(page.getByTestId('local-examples')).toContainText(`Ward A · certified improvement · ${IDEA}`)
  await expect(page.getByTestId('local-example').first()).toContainText('Certified')
  await page.getByRole('link', { name: new RegExp(`certified improvement · ${IDEA}`) }).click()
  await expect(page.getByTestId('certificate-people')).toHaveText('Sam Okafor and Priya Shah')
})
