import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { readStore } from './indexedDb.ts'
import { IdeaCapturePage, IdeaDetailPage, IdeasPage } from './pages/IdeasPage.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { loadUnderServiceWorker } from './serviceWorker.ts'

// From a card on the ward tablet to a tested, implemented change with its evidence:
// PDSA cycle, measure before and after, the A3 summary and "You said, we did".
const PROBLEM = 'Dressings are kept in the far store room'
const IDEA = 'Keep a small box of dressings in each bay'

test('takes an idea through a PDSA cycle to Implemented on the tablet offline, and prints its A3 and You said, we did', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000)
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
  await loadUnderServiceWorker(page, '/board')
  await context.setOffline(true)

  const capture = new IdeaCapturePage(page)
  await capture.headerLink.click()
  await capture.problem.fill(PROBLEM)
  await capture.idea.fill(IDEA)
  await capture.name.fill('Priya Shah')
  await capture.saveButton.click()
  await expect(capture.savedBanner).toContainText('Idea saved')
  await capture.seeOnBoardLink.click()

  // Opening the card goes to the idea's page.
  const ideas = new IdeasPage(page)
  await ideas.card(PROBLEM).getByRole('link', { name: PROBLEM }).click()
  const detail = new IdeaDetailPage(page)
  await expect(detail.heading(PROBLEM)).toBeVisible()
  await expect(detail.status).toContainText('New')

  await detail.addCycleButton.click()
  await detail.field('What change will you test?').fill('A box of dressings in bay 1 for a week')
  await detail.field('What do you predict will happen?').fill('Fewer walks to the store room')
  await detail.field('What will you measure?').fill('Falls and walks per shift')
  await detail.field('Test started').fill('2026-11-02')
  await detail.saveCycleButton.click()
  await detail.shell.pickName('Sam Okafor')
  await expect(detail.cycles).toHaveCount(1)
  await expect(detail.cycles.first()).toContainText('Cycle 1')
  await expect(detail.cycles.first()).toContainText('Next: Do')

  await detail.cycles.first().getByRole('button', { name: 'Edit cycle 1' }).click()
  await detail.field('What happened?').fill('Used by every nurse; the box ran out twice')
  await detail.field('Result against the prediction').fill('Walks halved, as predicted 🙂')
  await detail.decision('Adopt').check()
  await detail.saveCycleButton.click()
  await expect(detail.cycles.first().getByTestId('pdsa-decision')).toHaveText('Adopt')

  await detail.measureSelect.selectOption({ label: 'Falls' })
  await expect(detail.beforeAfter).toContainText('Change date 02/11/2026 (the start of the first PDSA cycle)')
  await expect(detail.beforeAfter.getByTestId('before-window')).toContainText('05/10/2026 to 01/11/2026')

  // The PICK grid, rated by tapping: the idea lands in Implement; its link comes back here.
  await page.getByRole('link', { name: 'All ideas' }).click()
  await page.getByRole('button', { name: 'Effort and impact (PICK)' }).click()
  const unrated = page.getByTestId('pick-unrated').getByTestId('pick-idea').filter({ hasText: PROBLEM })
  await unrated.getByTestId('rate-effort-low').click()
  // Another screen: the first rating asks who is doing it.
  await detail.shell.pickName('Sam Okafor')
  await page
    .getByTestId('pick-unrated')
    .getByTestId('pick-idea')
    .filter({ hasText: PROBLEM })
    .getByTestId('rate-impact-high')
    .click()
  const implement = page.locator('[data-testid="pick-quadrant"][data-quadrant="implement"]')
  await expect(implement.getByRole('link', { name: PROBLEM })).toBeVisible()
  const pickViolations = await seriousA11yViolations(page)
  expect(pickViolations, describeViolations(pickViolations)).toEqual([])
  await implement.getByRole('link', { name: PROBLEM }).click()
  await expect(detail.heading(PROBLEM)).toBeVisible()

  await detail.moveTo('Testing (PDSA)')
  // Back on the idea's own screen: asked again, inside the Move dialog.
  await detail.shell.pickName('Sam Okafor')
  await expect(detail.status).toContainText('Testing (PDSA)')
  await detail.moveTo('Implemented')
  await expect(detail.status).toContainText('Implemented')
  const violations = await seriousA11yViolations(page)
  expect(violations, describeViolations(violations)).toEqual([])

  // The A3 summary, as the printer sees it.
  await detail.a3Link.click()
  await page.emulateMedia({ media: 'print' })
  const a3 = page.getByTestId('idea-a3')
  await expect(a3.getByRole('heading', { level: 1 })).toHaveText(PROBLEM)
  await expect(a3).toContainText('Walks halved, as predicted 🙂')
  await expect(a3.getByTestId('a3-people')).toContainText('Priya Shah')
  await expect(a3.getByTestId('a3-people')).toContainText('Sam Okafor')
  await expect(page.getByRole('toolbar', { name: 'Print options' })).toBeHidden()
  await page.emulateMedia({ media: 'screen' })
  const a3Violations = await seriousA11yViolations(page)
  expect(a3Violations, describeViolations(a3Violations)).toEqual([])

  await page.goto('/board/ideas/you-said-we-did')
  await page.emulateMedia({ media: 'print' })
  const item = page.getByTestId('said-item').filter({ hasText: PROBLEM })
  await expect(item).toContainText(IDEA)
  await expect(item).toContainText('Raised by Priya Shah')
  await page.emulateMedia({ media: 'screen' })
  const saidViolations = await seriousA11yViolations(page)
  expect(saidViolations, describeViolations(saidViolations)).toEqual([])

  // All of it waits in the outbox for the server.
  const outbox = await readStore<{ table: string }>(page, 'outbox')
  expect(outbox.filter((e) => e.table === 'pdsaCycles')).toHaveLength(2)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('bad input in quick capture: empty problem, 10,000 characters, emoji and right-to-left text, a pasted NHS number', async ({
    page,
  }) => {
    const setup = new SetupPage(page)
    await setup.goto()
    await setup.loadDemo()
    const capture = new IdeaCapturePage(page)
    await page.goto('/board/ideas/new')

    await capture.idea.fill('Something')
    await capture.saveButton.tap()
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
      'Enter what the problem is',
    )
    await expect(capture.idea).toHaveValue('Something')

    const long = 'x'.repeat(10_000)
    await capture.problem.fill(long)
    await capture.saveButton.tap()
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
      'must be 2,000 characters or fewer (it has 10,000)',
    )
    await expect(capture.problem).toHaveValue(long)

    await capture.problem.fill('Patient 943 476 5919 waited — مشكلة في الانتظار 😴')
    await capture.saveButton.tap()
    await expect(page.getByText(/NHS number/).first()).toBeVisible()
    await expect(page.getByTestId('idea-saved')).toHaveCount(0)
    await capture.problem.fill('Long waits at night — مشكلة في الانتظار 😴')
    await capture.saveButton.tap()
    await expect(capture.savedBanner).toContainText('Idea saved')
    const stored = await readStore<{ problem: string }>(page, 'ideas')
    expect(stored.map((i) => i.problem)).toContain('Long waits at night — مشكلة في الانتظار 😴')
  })
})
