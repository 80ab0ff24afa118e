import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { ActionsPage } from './pages/ActionsPage.ts'
import {
  ConceptEditPage,
  ConceptLibraryPage,
  ConceptPage,
  CoveragePage,
  LearningRecordPage,
} from './pages/ConceptPages.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { ChecklistEditorPage, ChecklistRunPage, StandardWorkPage } from './pages/StandardWorkPage.ts'
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
    await expect(
      concept.examples.filter({ hasText: /^Ward 12 – Respiratory · action · Move the observation machines/ }),
    ).toHaveCount(1)

    await concept.back.click()
    await expect(page).toHaveURL(/\/board\/actions$/)
    await expect(actions.heading).toBeVisible()
  })

  test("from a checklist step, open its concept, see another ward's example, and come back to the same run", async ({
    page,
  }) => {
    const work = new StandardWorkPage(page)
    await page.goto('/board/standard-work')
    await expect(work.heading).toBeVisible()
    await work.newChecklistButton.click()
    const editor = new ChecklistEditorPage(page)
    await editor.title.fill('Sluice room check')
    await editor.frequency('Every shift').check()
    await editor.stepText(1).fill('Everything in the sluice has a marked home')
    await page.getByText('LIM concepts for step 1').click()
    await page
      .getByRole('group', { name: 'LIM concepts step 1 practises (optional)' })
      .getByRole('button', { name: '5S', exact: true })
      .click()
    await editor.saveButton.click()
    await work.shell.pickName('Sam Okafor')
    await expect(page.getByText('Checklist “Sluice room check” saved.')).toBeVisible()

    await work.openButton('Sluice room check').click()
    await work.shell.pickName('Sam Okafor')
    const run = new ChecklistRunPage(page)
    await expect(run.progress).toHaveText('0 of 1 steps answered')
    const runUrl = page.url()
    await run.step(1).getByRole('link', { name: '5S' }).click()

    const concept = new ConceptPage(page)
    await expect(concept.heading('5S')).toBeVisible()
    await concept.expectExamplesRead()
    await expect(
      concept.examples.filter({ hasText: /^Ward 12 – Respiratory · action · Move the observation machines/ }),
    ).toHaveCount(1)
    await expect(
      concept.examples.filter({
        hasText: 'checklist step · Sluice room check: Everything in the sluice has a marked home',
      }),
    ).toHaveCount(1)

    await concept.back.click()
    await expect(page).toHaveURL(runUrl)
    await expect(run.progress).toHaveText('0 of 1 steps answered')
    await expect(run.step(1)).toContainText('Everything in the sluice has a marked home')
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

  test('the improvement office edit refuses bad input, keeps what was typed, then shows the good edit', async ({
    page,
  }) => {
    await page.goto('/concepts/five-s')
    const concept = new ConceptPage(page)
    await expect(concept.heading('5S')).toBeVisible()
    await page.getByRole('link', { name: 'Edit this concept' }).click()
    const form = new ConceptEditPage(page)
    await expect(form.name).toHaveValue('5S')

    await form.name.fill('')
    await form.expectRefused(['Enter a name for the concept'])
    await form.name.fill('pdsa')
    await form.expectRefused(['There is already a concept called "pdsa". Choose a different name'])
    await form.name.fill('5S in our trust')
    await form.whatItIs.fill('Sort, set, shine, standardise and sustain, the way our wards do it.')
    await form.addResource.click()
    await form.resourceTitle(1).fill('Our 5S video')
    await form.resourceUrl(1).fill('javascript:alert(1)')
    await form.expectRefused([
      'Resource 1: Only web links starting with https:// or http:// can be added (this one starts with javascript:)',
    ])
    await expect(form.whatItIs).toHaveValue('Sort, set, shine, standardise and sustain, the way our wards do it.')
    const formViolations = await seriousA11yViolations(page)
    expect(formViolations, describeViolations(formViolations)).toEqual([])

    await form.resourceUrl(1).fill('https://intranet.example.nhs.uk/lim/5s')
    await form.save.click()
    await form.shell.pickName('Sam Okafor')
    await expect(concept.heading('5S in our trust')).toBeVisible()
    await expect(page).toHaveURL(/\/concepts\/five-s$/)
    await expect(page.getByText('Sort, set, shine, standardise and sustain, the way our wards do it.')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Our 5S video (opens in a new tab)' })).toHaveAttribute(
      'href',
      'https://intranet.example.nhs.uk/lim/5s',
    )
    await expect(page.getByTestId('concept-about')).toContainText('Edited by your trust')
  })

  test("a person's learning record lists the concepts they practised, and the coverage view counts each unit", async ({
    page,
  }) => {
    const record = new LearningRecordPage(page)
    await page.goto('/concepts/learning')
    await expect(record.heading).toBeVisible()
    await record.show.click()
    // The error summary links to the field, and the field says it too.
    await expect(page.getByRole('link', { name: "Enter or choose the person's name" })).toBeVisible()
    await expect(page.getByText("Error: Enter or choose the person's name")).toBeVisible()
    await record.person('Jo Pearson').click()
    await expect(page).toHaveURL(/person=Jo(\+|%20)Pearson/)
    await expect(record.concepts.getByRole('rowheader', { name: '5S' })).toBeVisible()
    await expect(record.portfolio).toContainText('Move the observation machines back to their marked bays')
    const violations = await seriousA11yViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])

    const coverage = new CoveragePage(page)
    await page.goto('/concepts/coverage')
    await expect(coverage.heading).toBeVisible()
    await expect(coverage.table.getByRole('columnheader')).toHaveText([
      'Concept',
      'Ward 12 – Respiratory',
      'Ward 7 – Elderly care',
    ])
    // Ward 12's audit card is its one kamishibai item; its 5S ideas, checklists and action make five.
    await expect(coverage.cell('Kamishibai (standard checks)', 0)).toContainText('Started (1)')
    await expect(coverage.cell('5S', 0)).toContainText('Practised (5)')
    await expect(coverage.cell('Takt time', 1)).toContainText('Not yet')
    await expect(coverage.untouched).toContainText('Ward 7 – Elderly care: never uses')
    const coverageViolations = await seriousA11yViolations(page)
    expect(coverageViolations, describeViolations(coverageViolations)).toEqual([])
  })

  for (const [name, path] of [
    ['the concept library', '/concepts'],
    ['a concept page with local examples', '/concepts/five-s'],
    ['a concept page with none yet', '/concepts/takt-time'],
  ] as const) {
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
