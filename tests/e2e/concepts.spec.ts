import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { ActionsPage } from './pages/ActionsPage.ts'
import { ConceptLibraryPage, ConceptPage } from './pages/ConceptPages.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { loadUnderServiceWorker } from './serviceWorker.ts'

// The LIM concept library: pulled from the work itself (a chip on an action), with
// local examples from every unit on the tablet, and open to everyone, offline too.

test.describe('with the demo trust loaded', () => {
  test.beforeEach(async ({ page }) => {
    const setup = new SetupPage(page)
    await setup.goto()
    await setup.loadDemo()
  })

  test("from an action's chip, open its concept, see another ward's example, and come back", async ({ page }) => {
    const actions = new ActionsPage(page)
    await actions.goto()
    await actions.expectLoaded()
    await actions.tab('Done').click()
    const row = actions.rows.filter({ hasText: 'Move the observation machines back to their marked bays' })
    await row.getByRole('link', { name: '5S' }).click()

    const concept = new ConceptPage(page)
    await expect(page).toHaveURL(/\/concepts\/five-s$/)
    await expect(concept.heading('5S')).toBeVisible()
    await expect(page).toHaveTitle('5S – LIM Huddle')
    await concept.expectExamplesRead()
    await expect(concept.examples.filter({ hasText: /^Ward 12 – Respiratory · action · Move the observation machines/ })).toHaveCount(1)

    await concept.back.click()
    await expect(page).toHaveURL(/\/board\/actions$/)
    await expect(actions.heading).toBeVisible()
  })

  test('search narrows the library, and the search is still there after reading a concept', async ({ page }) => {
    const library = new ConceptLibraryPage(page)
    await library.goto()
    await library.search.fill('gloves')
    await expect(library.cards).toHaveCount(1)
    await library.cards.getByRole('link', { name: 'Pull' }).click()
    const concept = new ConceptPage(page)
    await expect(concept.heading('Pull')).toBeVisible()
    await concept.back.click()
    await expect(library.search).toHaveValue('gloves')
    await expect(library.cards).toHaveCount(1)
  })

  for (const [name, path] of [['the concept library', '/concepts'], ['a concept page with local examples', '/concepts/five-s'], ['a concept page with none yet', '/concepts/takt-time']] as const) {
    test(`${name} has no serious accessibility problems`, async ({ page }) => {
      await page.goto(path)
      if (path === '/concepts') await expect(new ConceptLibraryPage(page).cards.first()).toBeVisible()
      else await new ConceptPage(page).expectExamplesRead()
      const violations = await seriousA11yViolations(page)
      expect(violations, describeViolations(violations)).toEqual([])
    })
  }
})

test('the library opens before any board exists, and with no network', async ({ page, context }) => {
  await loadUnderServiceWorker(page, '/concepts')
  await context.setOffline(true)
  const library = new ConceptLibraryPage(page)
  await library.goto()
  await library.group('Flow').click()
  await expect(library.cards).toHaveCount(4)
  await library.cards.getByRole('link', { name: 'Takt time' }).click()
  const concept = new ConceptPage(page)
  await expect(concept.heading('Takt time')).toBeVisible()
  await concept.expectExamplesRead()
  await expect(concept.noExamples).toContainText('No item on this tablet is linked to Takt time yet.')
})
