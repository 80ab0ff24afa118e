import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { formatHlc } from '../../src/shared/sync/hlc.ts'
import type { Mutation } from '../../src/shared/sync/protocol.ts'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { createOrganisation, issueCode } from './adminSetup.ts'
import { GoalsPage } from './pages/GoalsPage.ts'
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

// Strategy deployment across three enrolled tablets: the improvement office proposes a goal to the
// Medicine CSU, the CSU counter-proposes a target with its reason while offline, the office agrees, the
// CSU deploys a goal to Ward A, and Ward A accepts it and links its falls measure. Each tablet's
// deployment view then shows the ward goal under the CSU's with the same SPC icons.
const TRUST_GOAL = 'No avoidable harm'
const CSU_GOAL = 'Fewer falls with harm'
const WARD_GOAL = 'No falls with harm in bay 2'

const teardown = new Teardown()
test.afterEach(() => teardown.run())

/** Thirty days of falls on Ward A, sent as the ward's own tablet would (its token, its scope). */
async function pushFallsHistory(server: SyncServer, token: string, unitId: string, measureId: string, boardId: string) {
  const now = Date.now()
  const today = new Date(now)
  const mutations: Mutation[] = Array.from({ length: 30 }, (_, i) => {
    const day = new Date(today.getTime() - (30 - i) * 86_400_000).toISOString().slice(0, 10)
    const at = new Date(now - 60_000).toISOString()
    const values = {
      measureId,
      boardId,
      day,
      value: i % 4 === 0 ? 1 : 0,
      comment: '',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'Sam Okafor',
    }
    return {
      mutationId: randomUUID(),
      table: 'entries',
      recordId: `${measureId}:${day}`,
      scope: unitId,
      hlc: formatHlc({ wallMs: now - 60_000, counter: i, nodeId: 'e2e-ward-history' }),
      fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { set: v }])),
    }
  })
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocol: 1, mutations }),
  })
  expect(res.status).toBe(200)
}

async function setUpTierBoard(tablet: Tablet, person: string): Promise<void> {
  await tablet.page
    .getByTestId('tier-board-setup')
    .getByRole('button', { name: /^Set up the .+ board$/ })
    .click({ timeout: SYNC_TIMEOUT })
  await tablet.board.shell.typeName(person)
  await tablet.page.waitForURL('**/board')
}

async function synced(tablet: Tablet): Promise<void> {
  await tablet.sync.syncNow()
  await tablet.sync.expectSynced()
}

async function openGoal(tablet: Tablet, title: string): Promise<GoalsPage> {
  const goals = new GoalsPage(tablet.page)
  await goals.goto()
  await goals.openGoal(title)
  return goals
}

async function fillProposal(goals: GoalsPage, title: string, owner: string, target: string): Promise<void> {
  const form = goals.goalForm
  await form.getByLabel('The goal', { exact: true }).fill(title)
  await form.getByLabel(/owner.s name/i).fill(owner)
  await form.getByLabel('Target you propose').fill(target)
  await form.getByLabel('By when').fill('2027-03-31')
}

test('the trust, a CSU and a ward agree goals by catch-ball and see the same deployment', async () => {
  test.setTimeout(420_000)
  const server = teardown.add(await startSyncServer(), (started) => started.dispose())
  const org = await createOrganisation(server, ['Ward A'])
  const wardId = org.units['Ward A']!

  const ward = teardown.add(await launchTablet(server.url, 'Ward A nurses station'), (t) => t.close())
  await enrolFromFirstRun(ward, await issueCode(server, wardId))
  await setUpWardBoard(ward, 'Ward A', 'Sam Okafor')
  await ward.sync.expectSynced()
  const stored = await readAllStores(ward.page)
  const falls = (stored.measures as { id: string; boardId: string; name: string }[]).find((m) => m.name === FALLS)!
  await pushFallsHistory(server, (await storedEnrolment(ward.page)).token, wardId, falls.id, falls.boardId)

  const csu = teardown.add(await launchTablet(server.url, 'Medicine CSU office'), (t) => t.close())
  await enrolFromFirstRun(csu, await issueCode(server, org.csuId, 'csu'))
  await setUpTierBoard(csu, 'Lee Harper')
  const trust = teardown.add(await launchTablet(server.url, 'Improvement office'), (t) => t.close())
  await enrolFromFirstRun(trust, await issueCode(server, org.trustId, 'trust'))
  await setUpTierBoard(trust, 'Kay Patel')

  // The office sets a true north goal and proposes a CSU goal serving it.
  const office = new GoalsPage(trust.page)
  await office.goto()
  await trust.page.getByRole('link', { name: 'Set a goal' }).click()
  await office.goalForm.getByLabel('The goal', { exact: true }).fill(TRUST_GOAL)
  await office.goalForm.getByLabel(/owner.s name/i).fill('Kay Patel')
  await office.goalForm.getByLabel('Measure', { exact: true }).selectOption({ label: 'Roll-up of the goals below' })
  await office.goalForm.getByRole('button', { name: 'Save the goal' }).click()
  await office.shell.nameIfAsked('Kay Patel')
  await expect(office.heading).toHaveText(TRUST_GOAL)
  await trust.page.getByRole('link', { name: 'Propose a goal that serves this' }).click()
  await fillProposal(office, CSU_GOAL, 'Lee Harper', '8')
  await office.goalForm.getByLabel('Why this goal matters (optional)').fill('Falls are our most common harm')
  await office.goalForm.getByRole('button', { name: 'Propose the goal' }).click()
  await office.shell.nameIfAsked('Kay Patel')
  await expect(office.heading).toHaveText(CSU_GOAL)
  await expect(office.state).toHaveAttribute('data-state', 'proposed')
  await synced(trust)

  // The CSU sees it waiting on its board, and proposes a change with its reason while offline.
  await synced(csu)
  await csu.board.goto()
  await expect(csu.page.getByTestId('goals-waiting')).toHaveText(/1 goal waits for our answer/)
  const csuGoals = await openGoal(csu, CSU_GOAL)
  await expect(csuGoals.target).toHaveText(/8 by 31\/03\/2027 \(not yet agreed\)/)
  await csu.context.setOffline(true)
  await csuGoals.move('Propose a change', {
    target: '10',
    text: 'Two wards open new beds this winter',
    by: 'Lee Harper',
  })
  await expect(csuGoals.state).toHaveAttribute('data-state', 'in-discussion')
  await csu.context.setOffline(false)
  await synced(csu)

  // The office agrees to the CSU's terms.
  await synced(trust)
  const officeGoal = await openGoal(trust, CSU_GOAL)
  await expect(officeGoal.thread.getByRole('listitem').last()).toContainText('Two wards open new beds this winter')
  await officeGoal.move('Agree', { by: 'Kay Patel' })
  await expect(officeGoal.state).toHaveAttribute('data-state', 'agreed')
  await expect(officeGoal.target).toHaveText(/^\s*10 by 31\/03\/2027\s*$/)
  await synced(trust)

  // The CSU, now agreed, deploys a goal to Ward A.
  await synced(csu)
  const agreed = await openGoal(csu, CSU_GOAL)
  await expect(agreed.state).toHaveAttribute('data-state', 'agreed')
  await csu.page.getByRole('link', { name: 'Propose a goal that serves this' }).click()
  await fillProposal(agreed, WARD_GOAL, 'Sam Okafor', '2')
  await agreed.goalForm.getByRole('button', { name: 'Propose the goal' }).click()
  await agreed.shell.nameIfAsked('Lee Harper')
  await expect(agreed.heading).toHaveText(WARD_GOAL)
  await synced(csu)

  // The ward accepts and links its falls measure.
  await synced(ward)
  const wardGoal = await openGoal(ward, WARD_GOAL)
  await wardGoal.move('Accept', { text: 'Agreed at the huddle', by: 'Sam Okafor' })
  await expect(wardGoal.state).toHaveAttribute('data-state', 'agreed')
  await ward.page.getByRole('link', { name: 'Change the goal' }).click()
  await wardGoal.goalForm.getByLabel('Measure', { exact: true }).selectOption({ label: FALLS })
  await wardGoal.goalForm.getByRole('button', { name: 'Save the goal' }).click()
  await wardGoal.shell.nameIfAsked('Sam Okafor')
  await expect(wardGoal.measure).toHaveText(FALLS)
  await synced(ward)

  // Every tablet's deployment view: the ward goal under the CSU's, with the same SPC icons.
  await synced(csu)
  await synced(trust)
  const variations: string[] = []
  for (const tablet of [trust, csu, ward]) {
    const goals = new GoalsPage(tablet.page)
    await goals.goto()
    await tablet.page.getByRole('link', { name: /How the trust’s goals are deployed/ }).click()
    const wardNode = tablet.page.locator('[data-testid="deployment-node"]', { hasText: WARD_GOAL }).last()
    await expect(wardNode.getByTestId('deployment-measure')).toHaveText(FALLS)
    const icons = wardNode.getByTestId('tile-spc')
    await expect(icons).toHaveAttribute('data-variation', /\S/)
    variations.push((await icons.getAttribute('data-variation'))!)
    // The innermost node naming the CSU goal is the CSU goal's own (its trust goal's node holds it too).
    const csuNode = tablet.page.locator('[data-testid="deployment-node"]', { hasText: CSU_GOAL }).last()
    await expect(csuNode.locator('.deployment-node__title').first()).toContainText(CSU_GOAL)
    // A ward tablet holds no CSU goals: it names its CSU's goal by the title kept on its own, with no state.
    if (tablet !== ward) await expect(csuNode.locator('[data-state]').first()).toHaveAttribute('data-state', 'agreed')
    await expect(tablet.page.getByTestId('deployment-tree')).toContainText(TRUST_GOAL)
  }
  expect(new Set(variations).size).toBe(1)
  expect(variations[0]).not.toBe('none')
  const violations = await seriousA11yViolations(trust.page)
  expect(violations, describeViolations(violations)).toEqual([])
})
