import { expect, test } from '@playwright/test'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { issueCsuCode, OtherTablet } from './otherTablet.ts'
import { EscalationsPage } from './pages/EscalationsPage.ts'
import { IdeaDetailPage } from './pages/IdeasPage.ts'
import { MeasureFormDialog } from './pages/MeasureFormDialog.ts'
import { MeasuresPage } from './pages/MeasuresPage.ts'
import { StandardWorkPage } from './pages/StandardWorkPage.ts'
import { TrendsPage } from './pages/TrendsPage.ts'
import { enrolFromFirstRun, FALLS, launchTablet, readAllStores, SYNC_TIMEOUT, Teardown } from './syncTablets.ts'
import { startSyncServer } from './syncServer.ts'

// Every screen reads through live queries: whatever a pull writes into IndexedDB shows on
// the screen that is open, with nobody navigating or reloading. The CSU office's tablet
// keeps one screen open at a time while another tablet of the CSU (and one of a ward)
// send changes; each must show by itself.
const LIVE_LIMIT_MS = 20_000

const teardown = new Teardown()
test.afterEach(() => teardown.run())

test('a change pulled from another tablet shows on the board, trends, an idea, standard work and the escalations inbox without navigating', async () => {
  test.setTimeout(300_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward 7'])

  // The CSU office's tablet: enrolled for the whole CSU, with the CSU's own board and one measure.
  const office = teardown.add(await launchTablet(server.url, 'Medicine CSU office'), (tablet) => tablet.close())
  const { page } = office
  page.setDefaultTimeout(SYNC_TIMEOUT * 2)
  await enrolFromFirstRun(office, await issueCsuCode(server, org.csuId))
  await page
    .getByTestId('tier-board-setup')
    .getByRole('button', { name: /^Set up the .+ board$/ })
    .click({ timeout: SYNC_TIMEOUT })
  await office.board.shell.typeName('Jo Bloggs')
  await page.waitForURL('**/board')
  const measuresPage = new MeasuresPage(page)
  await measuresPage.goto()
  await measuresPage.addButton.click()
  await new MeasureFormDialog(page).add({ name: FALLS, type: 'Count', unit: 'falls', lowerIsBetter: true })
  // A new screen: its first save asks who is doing it, inside the measure's dialog.
  await office.board.shell.pickName('Jo Bloggs')
  await measuresPage.expectLoaded(FALLS)
  await office.board.goto()
  await office.board.expectTiles(1)
  await office.sync.expectSynced()

  const stored = await readAllStores(page)
  const board = stored.boards![0] as { id: string; unitId: string }
  const falls = stored.measures![0] as { id: string }
  const laptop = await OtherTablet.enrol(server, await issueCsuCode(server, org.csuId), 'Medicine CSU laptop')
  const ward = await OtherTablet.enrol(server, await issueCode(server, org.units['Ward 7']!), 'Ward 7 huddle screen')

  // The board: a value recorded on the laptop (for the day under review, whichever it is).
  for (const day of [OtherTablet.londonDay(0), OtherTablet.londonDay(-1)])
    await laptop.create('entries', `${falls.id}:${day}`, board.unitId, {
      measureId: falls.id,
      boardId: board.id,
      day,
      value: 4,
      comment: '',
    })
  await expect(office.board.tileValue(FALLS)).toHaveText('4 falls', { timeout: LIVE_LIMIT_MS })

  // Trends: a measure added on the laptop joins the roll-up on screen.
  const trends = new TrendsPage(page)
  await trends.goto()
  await expect(trends.matrix).toContainText(FALLS)
  await laptop.create('measures', OtherTablet.newId(), board.unitId, {
    boardId: board.id,
    categoryId: 'safety',
    name: 'Pressure ulcers',
    type: 'count',
    unit: 'ulcers',
    direction: 'lower',
    target: 0,
    thresholds: null,
    description: '',
    conceptIds: [],
    order: 2,
    archived: false,
  })
  await expect(trends.matrix).toContainText('Pressure ulcers', { timeout: LIVE_LIMIT_MS })

  // An idea's page: the owner chosen on the laptop.
  const ideaId = OtherTablet.newId()
  const problem = 'Bed meetings overrun every morning'
  const raisedAt = new Date().toISOString()
  await laptop.create('ideas', ideaId, board.unitId, {
    boardId: board.id,
    problem,
    idea: 'Stand-up bed meeting with a 15-minute time box',
    benefit: '',
    wastes: [],
    raisedBy: 'Jo Bloggs',
    status: 'new',
    statusChangedAt: raisedAt,
    notProgressedReason: '',
    implementedAt: null,
    owner: '',
    sponsor: '',
    effort: null,
    impact: null,
    measureId: null,
    conceptIds: [],
  })
  await office.sync.expectSynced()
  const idea = new IdeaDetailPage(page)
  await page.goto(`/board/ideas/${ideaId}`)
  await expect(idea.heading(problem)).toBeVisible({ timeout: LIVE_LIMIT_MS })
  await expect(idea.owner).toHaveText('Nobody yet')
  await laptop.update('ideas', ideaId, board.unitId, { owner: 'Priya Natarajan' })
  await expect(idea.owner).toHaveText('Priya Natarajan', { timeout: LIVE_LIMIT_MS })

  // Standard work: a checklist written on the laptop.
  const standardWork = new StandardWorkPage(page)
  await page.goto('/board/standard-work')
  await expect(standardWork.heading).toBeVisible()
  const checklist = 'Resus trolley check'
  await laptop.create('checklistTemplates', OtherTablet.newId(), board.unitId, {
    boardId: board.id,
    title: checklist,
    purpose: 'The trolley is ready when it is needed',
    forRole: '',
    frequency: { kind: 'on-demand' },
    steps: [{ id: 'seal', text: 'Check the seal is intact', keyPoint: '', expectedMinutes: null, conceptIds: [] }],
    conceptIds: [],
    version: 1,
    leaderStandardWork: false,
    auditCard: false,
    retired: false,
    retiredAt: null,
    adoptedFromId: null,
  })
  await expect(standardWork.checklistListed(checklist)).toBeVisible({ timeout: LIVE_LIMIT_MS })

  // The escalations inbox: Ward 7 escalates to the CSU.
  const escalations = new EscalationsPage(page)
  await escalations.open()
  await expect(escalations.inboxHeading).toHaveText(/\(0\)\s*$/)
  const hoist = 'Ceiling hoist in bay 2 broken'
  const at = new Date().toISOString()
  await ward.create('escalations', OtherTablet.newId(), org.units['Ward 7']!, {
    boardId: OtherTablet.newId(),
    tier: 'csu',
    title: hoist,
    reason: 'Estates cannot repair it until Monday',
    category: 'Equipment or estates',
    status: 'raised',
    raisedBy: 'Priya Natarajan',
    raisedAt: at,
    source: null,
    owner: '',
    answer: '',
    answeredBy: '',
    answeredAt: null,
    closedAt: null,
    tierSince: at,
    statusBy: 'Priya Natarajan',
    statusAt: at,
  })
  await expect(escalations.card(hoist)).toBeVisible({ timeout: LIVE_LIMIT_MS })
  await expect(escalations.inboxHeading).toHaveText(/\(1\)\s*$/)
})
