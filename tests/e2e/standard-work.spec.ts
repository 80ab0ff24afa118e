import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { readStore } from './indexedDb.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { ChecklistEditorPage, ChecklistRunPage, StandardWorkPage } from './pages/StandardWorkPage.ts'
import { loadUnderServiceWorker } from './serviceWorker.ts'
import { avoidMondayNightShift } from './weekClock.ts'

const TITLE = 'Bay safety check'
const REASON = 'Fire door wedged open by a linen trolley'

/** The unit's counts this week, "Unit: 86% on time (12 of 14; 1 late, 1 missed)"; zero when nothing has fallen due. */
async function unitCounts(work: StandardWorkPage): Promise<{ onTime: number; due: number }> {
  const match = /\((\d+) of (\d+);/.exec((await work.adherenceUnit.textContent()) ?? '')
  return match ? { onTime: Number(match[1]), due: Number(match[2]) } : { onTime: 0, due: 0 }
}

test('writes a checklist, does it offline with a miss turned into an action, and adherence reflects it after a reload', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  await avoidMondayNightShift(context)
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
  await loadUnderServiceWorker(page, '/board')

  const work = new StandardWorkPage(page)
  await work.openFromHeader()
  await expect(work.heading).toBeVisible()
  // The demo ward has its own checklists and six weeks of runs: note where this week stands.
  await expect(work.adherenceUnit).toBeVisible()
  const before = await unitCounts(work)

  // Overlapping shift times: a clear message, and what was typed stays.
  await work.shiftTime('Early', 'Ends').fill('15:00')
  await work.saveShiftsButton.click()
  await expect(
    page.getByText(/The early shift \(07:00–15:00\) and the late shift \(14:30–22:00\) overlap/).first(),
  ).toBeVisible()
  await expect(work.shiftTime('Early', 'Ends')).toHaveValue('15:00')
  await expect(work.shell.namePicker).toBeHidden()
  await work.shiftTime('Early', 'Ends').fill('14:30')

  // A checklist with no steps, then a 5,000-character step: each explained, nothing lost.
  await work.newChecklistButton.click()
  const editor = new ChecklistEditorPage(page)
  await editor.title.fill(TITLE)
  await editor.forRole.fill('Nurse in charge')
  await editor.frequency('Every shift').check()
  await editor.saveButton.click()
  await expect(editor.errorSummary).toContainText('Add at least one step')
  await expect(editor.title).toHaveValue(TITLE)
  const long = 'Check '.repeat(834).slice(0, 5000)
  await editor.stepText(1).fill(long)
  await editor.saveButton.click()
  await expect(editor.errorSummary).toContainText('The text of step 1 must be 500 characters or fewer (it has 5,000)')
  await expect(editor.stepText(1)).toHaveValue(long)
  await expect(editor.title).toHaveValue(TITLE)
  await editor.stepText(1).fill('Call bells within reach')
  await editor.addStepButton.click()
  await editor.stepText(2).fill('Fire exits clear')
  await editor.addStepButton.click()
  await editor.stepText(3).fill('Oxygen and suction checked')
  await page.getByRole('button', { name: 'Move up: step 2' }).click()
  await expect(editor.stepText(1)).toHaveValue('Fire exits clear')
  const editorViolations = await seriousA11yViolations(page)
  expect(editorViolations, describeViolations(editorViolations)).toEqual([])
  await editor.saveButton.click()
  await work.shell.pickName('Sam Okafor')
  await expect(page.getByText(`Checklist “${TITLE}” saved.`)).toBeVisible()

  // Offline from here: start the checklist due now and do it.
  await context.setOffline(true)
  await work.openButton(TITLE).click()
  // A new screen, so starting the checklist asks who is doing it.
  await work.shell.pickName('Sam Okafor')
  const run = new ChecklistRunPage(page)
  await expect(run.progress).toHaveText('0 of 3 steps answered')
  await run.answer(1, 'Not done')
  await run.saveReasonButton(1).click()
  await expect(run.step(1)).toContainText('Say why this step was not done')
  await run.reason(1).fill(REASON)
  await run.saveReasonButton(1).click()
  await run.answer(2, 'Done')
  await run.answer(3, 'Not applicable')
  await expect(run.progress).toHaveText('3 of 3 steps answered')
  await run.step(1).getByRole('button', { name: 'Make it an action' }).click()
  await expect(run.step(1)).toContainText('Action on the board')
  const runViolations = await seriousA11yViolations(page)
  expect(runViolations, describeViolations(runViolations)).toEqual([])
  await run.completeButton.click()
  await expect(run.completed).toContainText('Completed by Sam Okafor')

  // Reload, still offline: everything was saved on the tablet.
  await page.reload()
  await expect(run.completed).toContainText('Completed by Sam Okafor')
  await expect(run.reason(1)).toHaveValue(REASON)
  // This checklist's own results (the demo ward's runs have theirs too).
  const runs = await readStore<{ id: string; title: string }>(page, 'checklistRuns')
  const runIds = runs.filter((r) => r.title === TITLE).map((r) => r.id)
  expect(runIds).toHaveLength(1)
  const results = (
    await readStore<{ runId: string; outcome: string; reason: string; actionId: string | null }>(page, 'stepResults')
  ).filter((r) => runIds.includes(r.runId))
  expect(results.map((r) => r.outcome).sort()).toEqual(['done', 'not-applicable', 'not-done'])
  const actions = await readStore<{ id: string; title: string }>(page, 'actions')
  const action = actions.find((a) => a.title.includes(REASON))!
  expect(action.title).toBe(`${TITLE}: “Fire exits clear” not done – ${REASON}`)
  expect(results.find((r) => r.outcome === 'not-done')!.actionId).toBe(action.id)
  const outbox = await readStore<{ table: string }>(page, 'outbox')
  expect(outbox.filter((o) => o.table === 'stepResults').length).toBeGreaterThanOrEqual(3)

  await context.setOffline(false)
  await page.goto('/board/standard-work')
  // The new checklist's own row: its one slot so far, done on time.
  const row = page
    .getByTestId('adherence-row')
    .filter({ has: page.getByRole('rowheader', { name: TITLE, exact: true }) })
  await expect(row.getByRole('cell')).toHaveText(['1', '1', '0', '0', '100%'])
  // The unit's figure gained exactly that one on-time run (nobody touched the demo's own runs).
  const after = await unitCounts(work)
  expect(after.onTime).toBe(before.onTime + 1)
  expect(after.due).toBeGreaterThanOrEqual(before.due + 1)
  await expect(work.mostMissed).toContainText('Fire exits clear')
  await expect(work.mostMissed).toContainText(REASON)
  const listViolations = await seriousA11yViolations(page)
  expect(listViolations, describeViolations(listViolations)).toEqual([])

  await page.goto('/board')
  await expect(page.getByTestId('adherence-tile')).toContainText(
    new RegExp(`on time this week\\s*\\(${after.onTime} of \\d+\\)`),
  )
  await expect(page.getByRole('paragraph').filter({ hasText: action.title })).toBeVisible()
})
