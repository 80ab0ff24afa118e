import { expect, test } from '@playwright/test'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { readStore } from './indexedDb.ts'
import { IdeaCapturePage, IdeasPage } from './pages/IdeasPage.ts'
import { SetupPage } from './pages/SetupPage.ts'
import { loadUnderServiceWorker } from './serviceWorker.ts'

const PROBLEM = 'We walk to the far store room every time we need dressings'
const IDEA = 'Keep a small box of dressings in each bay'

// A phone in a pocket: the size of a common Android or iPhone screen.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

test('logs an idea on a phone with no signal, sees it on the board, moves it to Testing by keyboard and keeps it after a reload', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  const setup = new SetupPage(page)
  await setup.goto()
  await setup.loadDemo()
  await loadUnderServiceWorker(page, '/board')
  await context.setOffline(true)

  // Four taps and some typing: header link, (problem is focused), idea box, Save, see it.
  const capture = new IdeaCapturePage(page)
  await capture.headerLink.tap()
  await expect(capture.problem).toBeFocused()
  const formViolations = await seriousA11yViolations(page)
  expect(formViolations, describeViolations(formViolations)).toEqual([])
  await page.keyboard.type(PROBLEM)
  await capture.idea.tap()
  await page.keyboard.type(IDEA)
  await capture.saveButton.tap()
  await expect(capture.savedBanner).toContainText('Idea saved')
  await expect(capture.savedBanner).toContainText('under New, raised by Anonymous')
  // Anonymous: nobody was asked who they are.
  await expect(capture.shell.namePicker).toBeHidden()
  await capture.seeOnBoardLink.tap()

  const ideas = new IdeasPage(page)
  await expect(ideas.heading).toBeVisible()
  const card = ideas.card(PROBLEM, ideas.column('new'))
  await expect(card).toBeVisible()
  await expect(card).toContainText('Anonymous')
  await expect(card).toContainText('In New since today')
  // Narrow screen: the columns stack, so the card fits the phone's width.
  const box = await card.boundingBox()
  expect(box!.width).toBeLessThanOrEqual(390)
  const boardViolations = await seriousA11yViolations(page)
  expect(boardViolations, describeViolations(boardViolations)).toEqual([])

  await ideas.moveWithKeyboard(PROBLEM, 'Testing (PDSA)')
  await ideas.shell.pickName('Sam Okafor')
  await expect(ideas.moveDialog).toBeHidden()
  await expect(ideas.card(PROBLEM, ideas.column('testing'))).toBeVisible()
  await expect(ideas.card(PROBLEM, ideas.column('new'))).toHaveCount(0)

  await page.reload()
  await expect(ideas.card(PROBLEM, ideas.column('testing'))).toBeVisible()
  await expect(ideas.card(PROBLEM, ideas.column('testing'))).toContainText('In Testing (PDSA) since today')

  // Both changes wait in the outbox; the idea carries no name.
  const outbox = await readStore<{ table: string; by: string; fields: Record<string, unknown> }>(page, 'outbox')
  const sent = outbox.filter((entry) => entry.table === 'ideas')
  expect(sent.map((entry) => entry.by)).toEqual(['Anonymous', 'Sam Okafor'])
  expect(sent[0]!.fields).toMatchObject({ problem: PROBLEM, idea: IDEA, raisedBy: null, status: 'new' })
  expect(sent[1]!.fields).toMatchObject({ status: 'testing' })
})
