import { expect, test, type Page } from '@playwright/test'
import { CONTENT_SECURITY_POLICY } from '../../server/securityHeaders.ts'
import { SetupPage } from './pages/SetupPage.ts'

// The server's strict Content-Security-Policy (no inline script or style, no eval, nothing
// from another origin, no framing) must not break the built app: every main screen opens in
// Chromium with no policy violation and no console error, service worker included.

interface Seen {
  violations: string[]
  errors: string[]
}

/** Collects CSP violations (from the page's own listener) and console errors of `page`. */
async function watch(page: Page): Promise<Seen> {
  const seen: Seen = { violations: [], errors: [] }
  await page.exposeFunction('reportCspViolation', (text: string) => seen.violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      )
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text())
  })
  page.on('pageerror', (error) => seen.errors.push(error.message))
  return seen
}

/** Screens reached by address once the demo trust is loaded, with something on each that shows it has rendered. */
const SCREENS: [path: string, ready: (page: Page) => Promise<void>][] = [
  ['/board', (page) => expect(page.getByTestId('measure-tile').first()).toBeVisible()],
  ['/board/measures', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/board/actions', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/board/huddle', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/board/ideas', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/board/ideas/new', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/board/standard-work', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/board/print', (page) => expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()],
  ['/trends', (page) => expect(page.getByTestId('rollup-matrix')).toBeVisible()],
  ['/escalations', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/goals', (page) => expect(page.getByTestId('our-goals')).toBeVisible()],
  ['/concepts', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/concepts/learning', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/concepts/coverage', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
  ['/settings', (page) => expect(page.getByRole('heading', { name: 'Problems this tablet noted' })).toBeVisible()],
  ['/admin', (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
]

test('every main screen runs under the strict CSP with no violation and no console error', async ({ page }) => {
  test.setTimeout(180_000)
  const seen = await watch(page)
  const setup = new SetupPage(page)
  const first = await page.goto('/setup')
  expect(first?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  expect(first?.headers()['x-frame-options']).toBe('DENY')
  await setup.loadDemo()

  for (const [path, ready] of SCREENS) {
    await page.goto(path)
    await ready(page)
    expect(seen.violations, `CSP violations on ${path}`).toEqual([])
    expect(seen.errors, `console errors on ${path}`).toEqual([])
  }

  // Charts: Chart.js draws on a canvas and sizes it through the DOM (allowed: not inline style).
  await page.goto('/trends')
  await page.getByRole('button', { name: 'How we work' }).click()
  await expect(page.locator('canvas').first()).toBeVisible()
  await page.goto('/trends')
  await page.locator('a[href^="/trends/measure/"]').first().click()
  await expect(page.locator('canvas').first()).toBeVisible()
  // The service worker has installed and controls the page by now: reload through it.
  await page.reload()
  await expect(page.locator('canvas').first()).toBeVisible()
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  expect(seen.violations, 'CSP violations on a measure chart').toEqual([])
  expect(seen.errors, 'console errors on a measure chart').toEqual([])
})

test('no other site can show the app in a frame', async ({ page }) => {
  const seen = await watch(page)
  // A page of another origin (about:blank here) framing the app: the browser refuses to show it.
  await page.setContent(`<iframe id="framed" src="${test.info().project.use.baseURL}/admin"></iframe>`)
  const frame = page.frameLocator('#framed')
  await expect(frame.getByRole('heading')).toHaveCount(0)
  await expect
    .poll(() => seen.errors.some((text) => /frame-ancestors|refused to (display|frame)/i.test(text)))
    .toBe(true)
})
